import type { RuleCitation as Citation } from '@common/preparedness.ts';
import { Badge } from '../../components/Badge.tsx';

/**
 * The statute a rule encodes, shown beside the rule: the section, the words quoted (or marked as a
 * paraphrase when the section's own text was not at hand), and when and against what it was checked.
 */
export function RuleCitation({ citation }: { citation: Citation | null }) {
  if (!citation) return <p className="small muted">Local rule: no statute cited.</p>;
  return (
    <div className="rule-citation small">
      <p className="rule-summary">
        <strong>{citation.section}</strong> {!citation.verbatim && <Badge tone="warning">Paraphrase</Badge>}
      </p>
      <blockquote>“{citation.quote}”</blockquote>
      <p className="muted rule-summary">
        Checked {citation.checkedOn} against {citation.checkedAgainst}
        {citation.sourceUrl && (
          <>
            {' '}
            (
            <a href={citation.sourceUrl} target="_blank" rel="noreferrer noopener">
              source
            </a>
            )
          </>
        )}
      </p>
    </div>
  );
}
