import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { REFERRAL_REASON_LABELS, REFERRAL_STATUSES, type ReferralSummary } from '@common/support.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { CheckboxField, SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { ReferralForm } from './ReferralForm.tsx';
import { SupportTabs } from './SupportTabs.tsx';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUS_TONE, URGENCY_LABELS, overdueText } from './labels.ts';
import './support.css';

const BOXES = [
  { value: 'all', label: 'All I may see' },
  { value: 'received', label: 'To me (inbox)' },
  { value: 'sent', label: 'Sent by me' },
];

/** One referral as a card; an overdue one carries a red edge and says why. */
function ReferralCard({ r }: { r: ReferralSummary }) {
  const overdue = overdueText(r);
  return (
    <li
      className={overdue ? 'call-card referral-card is-overdue' : 'call-card referral-card'}
      aria-label={`Referral of ${r.student.name} to ${r.receiver.name}`}
    >
      <div className="row-between">
        <h3>
          <Link to={`/support/referrals/${r.id}`}>{r.student.name}</Link>
        </h3>
        <Badge tone={REFERRAL_STATUS_TONE[r.status]}>{REFERRAL_STATUS_LABELS[r.status]}</Badge>
      </div>
      {overdue && <Badge tone="danger">⚠ {overdue}</Badge>}
      <p>
        {REFERRAL_REASON_LABELS[r.reason]} · {URGENCY_LABELS[r.urgency]}
      </p>
      <p className="small">
        To {r.receiver.name} · from {r.referredBy.name}
      </p>
      <p className="muted small">
        {r.school.name} · Grade {r.student.grade} · sent {formatDateTime(r.createdAt)}
        {r.scheduledFor ? ` · appointment ${formatDateTime(r.scheduledFor)}` : ` · due ${formatDay(r.dueOn)}`}
      </p>
    </li>
  );
}

/**
 * Support referrals: refer a student, follow the ones I sent (status only), and work my inbox as a receiver
 * (counselor or vendor). Overdue referrals come first and stand out.
 */
export function ReferralsPage() {
  const { can, schools } = useSession();
  const canRead = can('referral.read');
  const canCreate = can('referral.create');
  const canHandle = can('referral.manage');
  const [filters, setFilters] = useUrlFilters(['box', 'status', 'overdue', 'schoolId'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const box = filters.box || (canHandle ? 'received' : 'all');
  const status = filters.status || 'open';
  const list = useApiData<{ items: ReferralSummary[] }>(
    canRead ? '/support/referrals' : null,
    { box, status, schoolId, overdue: filters.overdue === 'true' ? 'true' : undefined },
    { keepPrevious: true },
  );
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page
      title="Student support"
      description="Referrals to counselors, mental-health providers and community programs, until the loop is closed."
      actions={
        <>
          {canRead && (
            <DownloadCsv
              path="/support/referrals"
              query={{ box, status, schoolId, overdue: filters.overdue === 'true' ? 'true' : undefined }}
              permission="referral.read"
            />
          )}
          {canCreate && (
            <Button
              variant="primary"
              onClick={() => {
                setMessage(null);
                setCreating(true);
              }}
            >
              Refer a student
            </Button>
          )}
        </>
      }
    >
      <SupportTabs />
      <Notice message={message} />
      {canRead ? (
        <>
          <div role="search" className="filters" aria-label="Filter referrals">
            <SelectField
              label="Referrals"
              value={box}
              onChange={(v) => setFilters({ box: v })}
              options={BOXES}
            />
            <SelectField
              label="Status"
              value={status}
              onChange={(v) => setFilters({ status: v })}
              options={[
                { value: 'open', label: 'Open' },
                ...REFERRAL_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] })),
                { value: 'all', label: 'Every status' },
              ]}
            />
            {schools.length > 1 && (
              <SelectField
                label="School"
                value={selectValue}
                onChange={(v) => setFilters({ schoolId: v })}
                options={withAllSchools(schoolOptions)}
              />
            )}
            <CheckboxField
              label="Overdue only"
              checked={filters.overdue === 'true'}
              onChange={(on) => setFilters({ overdue: on ? 'true' : '' })}
            />
          </div>
          <LoadState resource={list} label="Loading referrals…">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState title="No referral here.">
                  {box === 'received'
                    ? 'Referrals made to you appear here.'
                    : 'Referrals you make appear here.'}
                </EmptyState>
              ) : (
                <ul className="call-cards" aria-label="Referral list">
                  {items.map((r) => (
                    <ReferralCard key={r.id} r={r} />
                  ))}
                </ul>
              )
            }
          </LoadState>
        </>
      ) : (
        <EmptyState title="Refer a student to a counselor or a program.">
          The receiver takes it from there; the school counselors follow it up.
        </EmptyState>
      )}
      <Dialog open={creating} title="Refer a student" onClose={() => setCreating(false)} wide>
        <ReferralForm
          onCancel={() => setCreating(false)}
          onDone={(r) => {
            setCreating(false);
            setMessage(`${r.student.name} is referred to ${r.receiver.name}.`);
            list.reload();
          }}
        />
      </Dialog>
    </Page>
  );
}
