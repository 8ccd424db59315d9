import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  CHECK_IN_PROGRESS_LABELS,
  REENTRY_STATUSES,
  type ReentryPlan,
  type ReentryPlanBody,
  type ReentryPlanSummary,
  type ReentryStatus,
} from '@common/support.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDay, todayIso } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { MemberChecklist } from './MemberChecklist.tsx';
import { StudentSearch, type PickedStudent } from './StudentSearch.tsx';
import { SupportTabs } from './SupportTabs.tsx';
import './support.css';

export const REENTRY_STATUS_LABELS: Record<ReentryStatus, string> = {
  active: 'Active',
  completed: 'Completed',
  discontinued: 'Discontinued',
};

function NewPlanForm({ onDone, onCancel }: { onDone: (p: ReentryPlan) => void; onCancel: () => void }) {
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [returningFrom, setReturningFrom] = useState('');
  const [startDate, setStartDate] = useState(todayIso());
  const [endDate, setEndDate] = useState('');
  const [summary, setSummary] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [goals, setGoals] = useState<string[]>(['']);
  const save = useAction(async () => {
    if (!student) throw new Error('Choose the student.');
    const body: ReentryPlanBody = {
      studentId: student.id,
      returningFrom: returningFrom.trim(),
      startDate,
      endDate,
      summary: summary.trim() || null,
      memberIds,
      goals: goals
        .map((g) => g.trim())
        .filter(Boolean)
        .map((description) => ({ description })),
    };
    onDone(await api.post<ReentryPlan>('/support/reentry-plans', body));
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="New re-entry plan">
      <StudentSearch lookup="support" value={student} onChange={setStudent} error={err('studentId')} />
      <div className="form-grid">
        <TextField
          label="Returning from"
          name="returningFrom"
          required
          maxLength={300}
          value={returningFrom}
          onChange={setReturningFrom}
          hint="Facility or program"
          error={err('returningFrom')}
        />
        <TextField
          label="Start"
          name="startDate"
          type="date"
          required
          value={startDate}
          onChange={setStartDate}
          error={err('startDate')}
        />
        <TextField
          label="End"
          name="endDate"
          type="date"
          required
          min={startDate}
          value={endDate}
          onChange={setEndDate}
          error={err('endDate')}
        />
      </div>
      <TextAreaField
        label="Summary"
        name="summary"
        maxLength={4000}
        value={summary}
        onChange={setSummary}
        error={err('summary')}
      />
      <MemberChecklist
        schoolId={student?.schoolId ?? ''}
        value={memberIds}
        onChange={setMemberIds}
        legend="Team members besides you"
        withoutMe
      />
      <fieldset className="fieldset stack">
        <legend>Goals</legend>
        {goals.map((g, i) => (
          <TextField
            key={i}
            label={`Goal ${i + 1}`}
            maxLength={500}
            value={g}
            onChange={(v) => setGoals((all) => all.map((x, j) => (j === i ? v : x)))}
          />
        ))}
        {goals.length < 20 && (
          <Button size="small" onClick={() => setGoals((all) => [...all, ''])}>
            Add a goal
          </Button>
        )}
      </fieldset>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Create the plan
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Re-entry and transition plans of youth returning from the juvenile justice system: the ones I am on or oversee. */
export function ReentryPlansPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(['status'] as const);
  const status = filters.status || 'active';
  const plans = useApiData<{ items: ReentryPlanSummary[] }>(
    '/support/reentry-plans',
    { status },
    { keepPrevious: true },
  );
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title="Student support"
      description="Re-entry and transition plans: team, goals and check-ins for students returning to school."
      actions={<><DownloadCsv path="/support/reentry-plans" query={{ status }} permission="support.plan" />{can('support.plan') && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New re-entry plan
          </Button>
        )}</>}
    >
      <SupportTabs />
      <div role="search" className="filters" aria-label="Filter plans">
        <SelectField
          label="Status"
          value={status}
          onChange={(v) => setFilters({ status: v })}
          options={[
            ...REENTRY_STATUSES.map((s) => ({ value: s, label: REENTRY_STATUS_LABELS[s] })),
            { value: 'all', label: 'Every status' },
          ]}
        />
      </div>
      <LoadState resource={plans} label="Loading plans…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No re-entry plan here." />
          ) : (
            <DataTable
              caption="Re-entry plans"
              rows={items}
              rowKey={(p) => p.id}
              busy={plans.loading}
              columns={[
                {
                  header: 'Student',
                  render: (p) => <Link to={`/support/reentry/${p.id}`}>{p.student.name}</Link>,
                },
                { header: 'School', render: (p) => p.school.name },
                {
                  header: 'Status',
                  render: (p) => (
                    <Badge tone={p.status === 'active' ? 'info' : 'neutral'}>
                      {REENTRY_STATUS_LABELS[p.status]}
                    </Badge>
                  ),
                },
                {
                  header: 'Period',
                  className: 'nowrap',
                  render: (p) => `${formatDay(p.startDate)} – ${formatDay(p.endDate)}`,
                },
                { header: 'Open goals', className: 'num', render: (p) => p.openGoals },
                {
                  header: 'Last check-in',
                  render: (p) =>
                    p.lastCheckIn
                      ? `${formatDay(p.lastCheckIn.date)}: ${CHECK_IN_PROGRESS_LABELS[p.lastCheckIn.progress]}`
                      : 'None yet',
                },
              ]}
            />
          )
        }
      </LoadState>
      <Dialog open={creating} title="New re-entry plan" onClose={() => setCreating(false)} wide>
        <NewPlanForm
          onCancel={() => setCreating(false)}
          onDone={(p) => navigate(`/support/reentry/${p.id}`)}
        />
      </Dialog>
    </Page>
  );
}
