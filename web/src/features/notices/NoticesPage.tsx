import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import type { AdvanceNotice, PresenceNotice } from '@common/notices.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { useLiveMessages } from '../alerts/live.tsx';
import { AdvanceNoticeForm } from './AdvanceNoticeForm.tsx';
import { AdvanceNotices } from './AdvanceNotices.tsx';
import { MyPresence } from './MyPresence.tsx';
import { NoticeTabs } from './NoticeTabs.tsx';
import { StatusList } from './StatusList.tsx';
import { usePresence } from './usePresence.ts';

/** Leaving / back notices, newest first. */
function History({ items }: { items: PresenceNotice[] }) {
  if (items.length === 0) return <EmptyState title="No officer has left a campus yet." />;
  return (
    <DataTable
      caption="Leaving the building notices"
      rows={items}
      rowKey={(n) => n.id}
      columns={[
        { header: 'Officer', render: (n) => n.sro.name },
        { header: 'School', render: (n) => n.schoolName },
        { header: 'Left', className: 'nowrap', render: (n) => formatDateTime(n.leftAt) },
        { header: 'Reason', render: (n) => n.reason },
        { header: 'Expected back', className: 'nowrap', render: (n) => formatDateTime(n.expectedReturnAt) },
        {
          header: 'Back',
          className: 'nowrap',
          render: (n) => (n.returnedAt ? formatDateTime(n.returnedAt) : 'Still away'),
        },
        { header: 'Backup', render: (n) => n.backupContact },
      ]}
    />
  );
}

/**
 * Communications (capability 8): the SRO's one-tap "leaving the building" and "back on campus", where each SRO
 * is now (live), advance notices of training, leave and vacation, and the history of notices.
 */
export function NoticesPage() {
  const { can } = useSession();
  const canSend = can('notice.send');
  const [filters, setFilters] = useUrlFilters(['schoolId'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const presence = usePresence(schoolId || null);
  const advance = useApiData<{ items: AdvanceNotice[] }>(
    '/advance-notices',
    { schoolId, upcoming: 'true' },
    { keepPrevious: true },
  );
  const history = useApiData<{ items: PresenceNotice[] }>(
    '/presence/history',
    { schoolId, limit: 20 },
    { keepPrevious: true },
  );
  const [dialog, setDialog] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useLiveMessages((m) => {
    if (m.type === 'notice.advance') advance.reload();
    if (m.type === 'notice.presence') history.reload();
  });

  return (
    <Page
      title="Notices & status"
      description="Where the SRO is, leaving-the-building notices and advance notices of absences."
      actions={
        canSend && (
          <Button
            onClick={() => {
              setMessage(null);
              setDialog(true);
            }}
          >
            New advance notice
          </Button>
        )
      }
    >
      <NoticeTabs />
      <Notice message={message} />
      {schoolOptions.length > 1 && (
        <div role="search" className="filters" aria-label="Filter notices">
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        </div>
      )}
      <div className="page-sections">
        {canSend && presence.data && <MyPresence statuses={presence.data.items} onChange={presence.reload} />}
        <Section title="SRO status" id="status">
          <LoadState resource={presence} label="Loading where the SROs are…">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState title="No SRO is assigned to this school." />
              ) : (
                <StatusList items={items} label="Where the SROs are" />
              )
            }
          </LoadState>
        </Section>
        <Section
          title="Advance notices"
          id="advance"
          actions={
            <DownloadCsv
              path="/advance-notices"
              query={{ schoolId, upcoming: 'true' }}
              permission="notice.read"
            />
          }
        >
          <LoadState resource={advance} label="Loading advance notices…">
            {({ items }) => <AdvanceNotices items={items} busy={advance.loading} />}
          </LoadState>
        </Section>
        <Section
          title="Recent leaving notices"
          id="history"
          actions={<DownloadCsv path="/presence/history" query={{ schoolId }} permission="notice.read" />}
        >
          <LoadState resource={history} label="Loading notices…">
            {({ items }) => <History items={items} />}
          </LoadState>
        </Section>
      </div>
      <Dialog open={dialog} title="New advance notice" onClose={() => setDialog(false)} wide>
        {dialog && (
          <AdvanceNoticeForm
            schoolOptions={schoolOptions}
            onCancel={() => setDialog(false)}
            onDone={(n) => {
              setDialog(false);
              setMessage(`Advance notice sent to ${n.recipients} people.`);
              advance.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
