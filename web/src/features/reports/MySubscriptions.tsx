import { REPORT_KIND_LABELS, scheduleText, type Subscription } from '@common/reports.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';

function scopeText(s: Subscription): string {
  if (s.officer) return s.officer.name;
  const schools = s.schools.length ? s.schools.map((x) => x.name).join(', ') : 'All my schools';
  return s.level ? `${schools} (${s.level})` : schools;
}

/** "My report subscriptions": the reports I receive by e-mail (and those I set up for others), to pause or delete. */
export function MySubscriptions() {
  const { user } = useSession();
  const list = useApiData<{ items: Subscription[] }>('/report-subscriptions');
  const change = useAction(async (s: Subscription, what: 'pause' | 'resume' | 'delete') => {
    if (what === 'delete') await api.delete(`/report-subscriptions/${s.id}`);
    else await api.patch(`/report-subscriptions/${s.id}`, { active: what === 'resume' });
    list.reload();
    return what === 'delete'
      ? 'Subscription deleted.'
      : what === 'pause'
        ? 'Subscription paused.'
        : 'Subscription resumed.';
  });
  return (
    <Section title="My report subscriptions" id="report-subscriptions">
      <ErrorBanner error={change.error} />
      {change.success && (
        <p role="status" className="muted small">
          {change.success}
        </p>
      )}
      <LoadState resource={list} label="Loading subscriptions…">
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No report comes to you by e-mail. Use “Subscribe” on a report page.</p>
          ) : (
            <DataTable
              caption="My report subscriptions"
              rows={items}
              rowKey={(s) => s.id}
              columns={[
                { header: 'Report', render: (s) => REPORT_KIND_LABELS[s.report] },
                { header: 'Of', render: scopeText },
                {
                  header: 'To',
                  render: (s) =>
                    (s.recipient.id === user?.id ? 'Me' : s.recipient.name) +
                    (s.automatic ? ' (automatic)' : ''),
                },
                { header: 'When', render: (s) => scheduleText(s) },
                { header: 'File', render: (s) => s.format.toUpperCase() },
                {
                  header: 'Status',
                  render: (s) =>
                    !s.active
                      ? 'Paused'
                      : s.lastSkipReason
                        ? `Not sent: ${s.lastSkipReason}`
                        : `Next ${new Date(s.nextDueAt).toLocaleString()}`,
                },
                {
                  header: 'Actions',
                  hideLabelWhenStacked: true,
                  render: (s) => (
                    <span className="form-actions">
                      <Button size="small" onClick={() => void change.run(s, s.active ? 'pause' : 'resume')}>
                        {s.active ? 'Pause' : 'Resume'}
                        <span className="visually-hidden"> {REPORT_KIND_LABELS[s.report]}</span>
                      </Button>
                      <Button size="small" variant="danger" onClick={() => void change.run(s, 'delete')}>
                        Delete<span className="visually-hidden"> {REPORT_KIND_LABELS[s.report]}</span>
                      </Button>
                    </span>
                  ),
                },
              ]}
            />
          )
        }
      </LoadState>
    </Section>
  );
}
