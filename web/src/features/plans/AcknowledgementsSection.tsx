import type { AcknowledgementStatus } from '@common/preparedness.ts';
import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';

/** Who confirmed the current version and who has not yet (for plan managers). */
export function AcknowledgementsSection({ planId }: { planId: string }) {
  const resource = useApiData<AcknowledgementStatus>(`/plans/${planId}/acknowledgements`);
  return (
    <Section
      title="Staff acknowledgement"
      id="acknowledgements"
      actions={<DownloadCsv path={`/plans/${planId}/acknowledgements`} permission="plan.manage" />}
    >
      <LoadState resource={resource} label="Loading acknowledgements…">
        {(s) => (
          <div className="two-col">
            <div>
              <h3>Not confirmed yet ({s.pending.length})</h3>
              {s.pending.length === 0 ? (
                <p className="muted">Everyone has confirmed version {s.version}.</p>
              ) : (
                <ul className="list-rows" aria-label="Not confirmed yet">
                  {s.pending.map((p) => (
                    <li key={p.id}>
                      <span>{p.name}</span>
                      <a className="small" href={`mailto:${p.email}`}>
                        {p.email}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3>Confirmed ({s.acknowledged.length})</h3>
              {s.acknowledged.length === 0 ? (
                <p className="muted">Nobody has confirmed version {s.version} yet.</p>
              ) : (
                <ul className="list-rows" aria-label="Confirmed">
                  {s.acknowledged.map((p) => (
                    <li key={p.id}>
                      <span>{p.name}</span>
                      <span className="muted small">{formatDateTime(p.acknowledgedAt)}</span>
                    </li>
                  ))}
                </ul>
              )}
              <p className="small muted">
                {plural(s.acknowledged.length + s.pending.length, 'person', 'people')} are expected to read
                it.
              </p>
            </div>
          </div>
        )}
      </LoadState>
    </Section>
  );
}
