import { useParams } from 'react-router-dom';
import { RecordOwnerBanner } from '../../components/RecordOwnerBanner.tsx';
import { TIP_CATEGORY_LABELS } from '@common/tip-constants.ts';
import type { Tip } from '@common/tips.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { sizeText } from '../incidents/labels.ts';
import { TIP_STATUS_LABELS, tipStatusTone } from './labels.ts';
import { SinceTimer } from './SinceTimer.tsx';
import { TipDialogue } from './TipDialogue.tsx';
import { TipLinks } from './TipLinks.tsx';
import { TriageForm } from './TriageForm.tsx';

const FLAGGED_BY = { category: 'its category', staff: 'a staff flag', lexicon: 'its words (possible life safety: review now)' } as const;
const ESCALATION_LEVELS: Record<string, string> = { school_leadership: 'the principal and SRO supervisor', director: 'the district director' };

/** One tip: what was reported, acknowledgement and triage, the dialogue with the reporter, links. */
export function TipPage() {
  const { id = '' } = useParams();
  const tip = useApiData<Tip>(`/tips/${id}`);
  return (
    <LoadState resource={tip} label="Loading the tip…">
      {(data) => <TipView tip={data} onChange={tip.mutate} />}
    </LoadState>
  );
}

function TipView({ tip, onChange }: { tip: Tip; onChange: (tip: Tip) => void }) {
  const { can } = useSession();
  const canTriage = can('tip.triage');
  const acknowledge = useAction(async () => {
    onChange(await api.post<Tip>(`/tips/${tip.id}/acknowledge`));
    return 'Acknowledged: the team sees that you have it.';
  });

  return (
    <Page
      title={`Tip ${tip.number}`}
      breadcrumbs={[{ label: 'Anonymous tips', to: '/tips' }]}
      description={`${tip.schoolName} · received ${formatDateTime(tip.createdAt)}`}
      actions={
        <>
          {canTriage && !tip.acknowledgedAt && tip.status !== 'closed' && (
            <Button variant="primary" busy={acknowledge.busy} onClick={() => void acknowledge.run()}>
              Acknowledge
            </Button>
          )}
          {can('threat.manage') && (
            <ButtonLink to={`/threats/new?tipId=${tip.id}&schoolId=${tip.schoolId}`}>
              Open a threat assessment
            </ButtonLink>
          )}
        </>
      }
    >
      <RecordOwnerBanner type="tip" />
      <div className="page-sections">
        <ErrorBanner error={acknowledge.error} />
        <Notice message={acknowledge.success} />
        <section className="card section" aria-labelledby="tip-report-title">
          <div className="section-head">
            <h2 id="tip-report-title">What was reported</h2>
            <div className="row">
              {tip.lifeSafety && <Badge tone="danger">Life safety</Badge>}
              <Badge tone={tipStatusTone(tip.status)}>{TIP_STATUS_LABELS[tip.status]}</Badge>
              {tip.hoax && <Badge tone="warning">Hoax</Badge>}
              {tip.lifeSafety && tip.status !== 'closed' && (
                <SinceTimer since={tip.createdAt} acknowledgedAt={tip.acknowledgedAt} />
              )}
            </div>
          </div>
          <dl className="details">
            <div>
              <dt>Category</dt>
              <dd>{TIP_CATEGORY_LABELS[tip.category]}</dd>
            </div>
            <div>
              <dt>When</dt>
              <dd>{tip.when ?? <span className="muted">Not said</span>}</dd>
            </div>
            <div>
              <dt>Where</dt>
              <dd>{tip.where ?? <span className="muted">Not said</span>}</dd>
            </div>
            <div>
              <dt>Who</dt>
              <dd>{tip.who ?? <span className="muted">Not said</span>}</dd>
            </div>
            <div>
              <dt>Language</dt>
              <dd>{tip.language === 'es' ? 'Spanish' : 'English'}</dd>
            </div>
            {tip.acknowledgedAt && (
              <div>
                <dt>Acknowledged</dt>
                <dd>
                  {formatDateTime(tip.acknowledgedAt)}
                  {tip.acknowledgedByName ? ` by ${tip.acknowledgedByName}` : ''}
                </dd>
              </div>
            )}
            {tip.lifeSafetyFlaggedBy && (
              <div>
                <dt>Life safety because of</dt>
                <dd>{FLAGGED_BY[tip.lifeSafetyFlaggedBy]}</dd>
              </div>
            )}
            {tip.lifeSafetySignals.length > 0 && (
              <div>
                <dt>Words that flagged it</dt>
                <dd>{tip.lifeSafetySignals.map((s) => s.split(':')[1]).join(', ')}</dd>
              </div>
            )}
            {tip.escalations.length > 0 && (
              <div>
                <dt>Escalated</dt>
                <dd>
                  <ul className="plain-list">
                    {tip.escalations.map((e) => (
                      <li key={e.step}>
                        {formatDateTime(e.at)}: to {ESCALATION_LEVELS[e.level] ?? e.level} ({e.recipients})
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
          <h3>Description</h3>
          <p className="narrative-text">{tip.description}</p>
          {tip.attachment && (
            <p>
              <a href={`/api/tips/${tip.id}/attachment`} target="_blank" rel="noreferrer">
                Open the attachment
              </a>{' '}
              <span className="muted small">
                {tip.attachment.fileName ?? tip.attachment.mediaType} · {sizeText(tip.attachment.size)}{' '}
                (location data removed; opening it is logged)
              </span>
            </p>
          )}
        </section>
        {canTriage && <TriageForm tip={tip} onChange={onChange} />}
        <TipDialogue tip={tip} canReply={canTriage} onChange={onChange} />
        <Section title="Linked records" id="tip-links">
          <TipLinks tip={tip} canLink={canTriage} onChange={onChange} />
        </Section>
      </div>
    </Page>
  );
}
