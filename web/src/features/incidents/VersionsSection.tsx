import { useEffect, useRef, useState } from 'react';
import { LABELS, type VersionDetail, type VersionSummary } from '@common/incidents.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { withReason } from './readReason.tsx';

const EVENT_TEXT: Record<VersionSummary['event'], string> = {
  created: 'Created',
  saved: 'Saved',
  submitted: 'Submitted for review',
  returned: 'Returned',
  approved: 'Approved',
};

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value
      .map((v) => {
        if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          const name = [o.firstName, o.lastName].filter(Boolean).join(' ');
          return String(o.label ?? (name || o.kind || JSON.stringify(o)));
        }
        return String(v);
      })
      .join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const SHOWN: [string, string][] = [
  ['status', 'Status'],
  ['occurredAt', 'When'],
  ['summary', 'Summary'],
  ['offenses', 'Offenses'],
  ['persons', 'Persons'],
  ['actions', 'Actions'],
  ['narrative', 'Narrative'],
];

/** One saved version as it was. */
function VersionView({ incidentId, versionId }: { incidentId: string; versionId: string }) {
  const resource = useApiData<VersionDetail>(withReason(`/incidents/${incidentId}/versions/${versionId}`, incidentId));
  return (
    <LoadState resource={resource} label="Loading the version…">
      {(v) => (
        <dl className="details">
          {SHOWN.filter(([key]) => key in v.snapshot).map(([key, label]) => (
            <div key={key} className={key === 'narrative' ? 'span-all' : undefined}>
              <dt>{label}</dt>
              <dd className={key === 'narrative' ? 'narrative-text' : undefined}>
                {key === 'occurredAt' ? formatDateTime(String(v.snapshot[key])) : valueText(v.snapshot[key])}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </LoadState>
  );
}

/** The timeline of every saved version of the report and its supplements; any version can be opened. */
export function VersionsSection({ incidentId, refreshKey }: { incidentId: string; refreshKey: string }) {
  const resource = useApiData<{ items: VersionSummary[] }>(`/incidents/${incidentId}/versions`);
  // A change of the incident (a save, a review) adds a version: load the list again.
  const seen = useRef(refreshKey);
  const { reload } = resource;
  useEffect(() => {
    if (seen.current === refreshKey) return;
    seen.current = refreshKey;
    reload();
  }, [refreshKey, reload]);
  const [open, setOpen] = useState<VersionSummary | null>(null);
  return (
    <Section title="History" id="history">
      <LoadState resource={resource} label="Loading the history…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No saved versions yet." />
          ) : (
            <ol className="timeline" aria-label="Versions">
              {items.map((v) => (
                <li key={v.id}>
                  <div className="row-between">
                    <span>
                      <strong>
                        {v.supplementNumber ? `Supplement ${v.supplementNumber}: ` : ''}
                        {EVENT_TEXT[v.event]}
                      </strong>{' '}
                      <span className="muted small">
                        version {v.version} · {LABELS.status[v.status]} · {v.savedByName},{' '}
                        <time dateTime={v.savedAt}>{formatDateTime(v.savedAt)}</time>
                      </span>
                    </span>
                    <Button
                      size="small"
                      variant="ghost"
                      onClick={() => setOpen(v)}
                      aria-label={`View version ${v.version}${v.supplementNumber ? ` of supplement ${v.supplementNumber}` : ''}`}
                    >
                      View
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          )
        }
      </LoadState>
      <Dialog
        open={open !== null}
        title={
          open
            ? `${open.supplementNumber ? `Supplement ${open.supplementNumber}, v` : 'V'}ersion ${open.version}`
            : 'Version'
        }
        onClose={() => setOpen(null)}
        wide
      >
        {open && <VersionView incidentId={incidentId} versionId={open.id} />}
      </Dialog>
    </Section>
  );
}
