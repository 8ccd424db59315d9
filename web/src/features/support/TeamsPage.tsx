import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  TEAM_FOCUSES,
  TEAM_FOCUS_LABELS,
  type SupportTeam,
  type SupportTeamSummary,
  type TeamFocus,
} from '@common/support.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { useSchoolsWhere } from '../education/RequestForm.tsx';
import { MemberChecklist } from './MemberChecklist.tsx';
import { SupportTabs } from './SupportTabs.tsx';
import './support.css';

function NewTeamForm({ onDone, onCancel }: { onDone: (t: SupportTeam) => void; onCancel: () => void }) {
  const schools = useSchoolsWhere('support.plan');
  const { selectedSchoolId } = useSession();
  const [schoolId, setSchoolId] = useState(
    schools.find((s) => s.value === selectedSchoolId)?.value ?? schools[0]?.value ?? '',
  );
  const [name, setName] = useState('');
  const [focus, setFocus] = useState<string>('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const save = useAction(async () => {
    onDone(
      await api.post<SupportTeam>('/support/teams', {
        schoolId,
        name: name.trim(),
        focus: focus as TeamFocus,
        memberIds,
      }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="New problem-solving team">
      <div className="form-grid">
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          value={name}
          onChange={setName}
          error={err('name')}
        />
        <SelectField
          label="Focus"
          name="focus"
          required
          value={focus}
          onChange={setFocus}
          placeholder="Choose the focus"
          options={TEAM_FOCUSES.map((f) => ({ value: f, label: TEAM_FOCUS_LABELS[f] }))}
          error={err('focus')}
        />
        {schools.length > 1 && (
          <SelectField
            label="School"
            name="schoolId"
            value={schoolId}
            onChange={(v) => {
              setSchoolId(v);
              setMemberIds([]);
            }}
            options={schools}
            error={err('schoolId')}
          />
        )}
      </div>
      <MemberChecklist
        schoolId={schoolId}
        value={memberIds}
        onChange={setMemberIds}
        legend="Members besides you"
        withoutMe
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Create the team
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Problem-solving teams (truancy, substance use, safety concerns...) I am on or oversee. */
export function TeamsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(['focus'] as const);
  const teams = useApiData<{ items: SupportTeamSummary[] }>(
    '/support/teams',
    { focus: filters.focus || undefined },
    { keepPrevious: true },
  );
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title="Student support"
      description="Problem-solving teams: members, meetings, student cases and action items with owners."
      actions={
        can('support.plan') && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New team
          </Button>
        )
      }
    >
      <SupportTabs />
      <div role="search" className="filters" aria-label="Filter teams">
        <SelectField
          label="Focus"
          value={filters.focus}
          onChange={(v) => setFilters({ focus: v })}
          placeholder="Every focus"
          options={TEAM_FOCUSES.map((f) => ({ value: f, label: TEAM_FOCUS_LABELS[f] }))}
        />
      </div>
      <LoadState resource={teams} label="Loading teams…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No team here." />
          ) : (
            <DataTable
              caption="Problem-solving teams"
              rows={items}
              rowKey={(t) => t.id}
              busy={teams.loading}
              columns={[
                {
                  header: 'Team',
                  render: (t) => (
                    <span>
                      <Link to={`/support/teams/${t.id}`}>{t.name}</Link>{' '}
                      {!t.active && <Badge>Inactive</Badge>}
                    </span>
                  ),
                },
                { header: 'Focus', render: (t) => TEAM_FOCUS_LABELS[t.focus] },
                { header: 'School', render: (t) => t.school.name },
                { header: 'Members', className: 'num', render: (t) => t.memberCount },
                { header: 'Open cases', className: 'num', render: (t) => t.openCases },
                {
                  header: 'Action items',
                  render: (t) => (
                    <span>
                      {t.openActionItems} open
                      {t.overdueActionItems > 0 && (
                        <>
                          {' '}
                          <Badge tone="danger">⚠ {t.overdueActionItems} overdue</Badge>
                        </>
                      )}
                    </span>
                  ),
                },
              ]}
            />
          )
        }
      </LoadState>
      <Dialog open={creating} title="New problem-solving team" onClose={() => setCreating(false)} wide>
        <NewTeamForm onCancel={() => setCreating(false)} onDone={(t) => navigate(`/support/teams/${t.id}`)} />
      </Dialog>
    </Page>
  );
}
