import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { NibrsPreview } from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { IncidentTabs } from '../incidents/IncidentTabs.tsx';

const ACTION_LABEL = { I: 'Add', R: 'Replace', D: 'Delete' } as const;

/** The month's NIBRS submission: the pre-submission report (every incident failing an edit, and why) and the file. */
export function NibrsPage() {
  const [month, setMonth] = useState('');
  const resource = useApiData<NibrsPreview>('/nibrs/submissions/preview', { month: month || undefined });
  const download = useAction(async () => {
    const shown = resource.data?.month ?? month;
    const { blob, fileName } = await api.download('/nibrs/submissions', { month: shown });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
    resource.reload();
    return `Downloaded ${fileName}.`;
  });
  return (
    <Page title="NIBRS submission" description="Approved incidents of a month as the FBI NIBRS XML file for the agency. Incidents that fail a NIBRS edit stay out of the file until corrected.">
      <IncidentTabs />
      <div className="row">
        <TextField label="Month" name="month" type="month" value={month || (resource.data?.month ?? '')} onChange={setMonth} hint="In the district's time zone" />
      </div>
      <LoadState resource={resource} label="Checking the month's incidents…">
        {(preview) => (
          <>
            {!preview.ori && (
              <p role="alert" className="callout">
                The agency ORI is not set. <Link to="/district">Set it on the district page</Link> to generate the file.
              </p>
            )}
            <p>
              {preview.counts.add} to add, {preview.counts.replace} to replace, {preview.counts.delete} to delete,{' '}
              <strong>{preview.counts.failed} failing an edit</strong>.
            </p>
            <Button variant="primary" busy={download.busy} disabled={!preview.ori} onClick={() => void download.run()}>
              Download the {preview.month} file
            </Button>
            {download.error && <ErrorBanner error={download.error} />}
            {download.success && <p role="status">{download.success}</p>}
            {preview.items.length === 0 ? (
              <EmptyState title="No approved incidents this month.">Approved reports of the month appear here.</EmptyState>
            ) : (
              <DataTable
                caption="Pre-submission report"
                rows={preview.items}
                rowKey={(i) => i.incidentId}
                columns={[
                  { header: 'Incident', render: (i) => <Link to={`/incidents/${i.incidentId}`} className="mono">{i.number}</Link> },
                  { header: 'When', render: (i) => formatDateTime(i.occurredAt) },
                  { header: 'In the file', render: (i) => (i.action ? <Badge tone="success">{ACTION_LABEL[i.action]}</Badge> : <Badge tone="danger">Not sent</Badge>) },
                  {
                    header: 'Why not',
                    render: (i) => (i.issues.length ? (
                      <ul className="plain">
                        {i.issues.map((x) => <li key={`${x.rule}-${x.field}`}><code>{x.field}</code>: {x.message} <span className="muted">[{x.rule}]</span></li>)}
                      </ul>
                    ) : '—'),
                  },
                ]}
              />
            )}
          </>
        )}
      </LoadState>
    </Page>
  );
}
