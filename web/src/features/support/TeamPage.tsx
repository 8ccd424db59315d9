import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  ACTION_ITEM_STATUSES,
  TEAM_CASE_STATUSES,
  TEAM_FOCUS_LABELS,
  type SupportTeam,
} from '@common/support.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { MemberChecklist } from './MemberChecklist.tsx';
import { ActionItemForm, CaseForm, MeetingForm } from './TeamForms.tsx';
import './support.css';

const CASE_LABELS = { open: 'Open', monitoring: 'Monitoring', closed: 'Closed' } as const;
const ITEM_LABELS = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
} as const;
type Adding = 'meeting' | 'case' | 'item' | null;
const ADD_TITLES = { meeting: 'Record a meeting', case: 'Add a case', item: 'Add an action item' } as const;

/** One problem-solving team: members, action items (overdue ones marked), cases and meetings. */
export function TeamPage() {
  const { id = '' } = useParams();
  const resource = useApiData<SupportTeam>(`/support/teams/${id}`);
  const [adding, setAdding] = useState<Adding>(null);
  const [members, setMembers] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const base = `/support/teams/${id}`;
  const change = useAction(async (path: string, body: unknown, done: string) => {
    resource.mutate(await api.patch<SupportTeam>(path, body));
    setMessage(null);
    return done;
  });
  const t = resource.data;
  const added = (next: SupportTeam, m: string) => {
    setAdding(null);
    resource.mutate(next);
    setMessage(m);
  };
  const add = (a: Adding) => {
    setMessage(null);
    setAdding(a);
  };

  return (
    <Page
      title={t?.name ?? 'Team'}
      breadcrumbs={[{ label: 'Problem-solving teams', to: '/support/teams' }]}
      description={t && `${TEAM_FOCUS_LABELS[t.focus]} · ${t.school.name}${t.active ? '' : ' · inactive'}`}
      actions={
        t && (
          <>
            <Button variant="primary" onClick={() => add('item')}>
              Add an action item
            </Button>
            <Button onClick={() => add('case')}>Add a case</Button>
            <Button onClick={() => add('meeting')}>Record a meeting</Button>
          </>
        )
      }
    >
      <Notice message={message ?? change.success} />
      <ErrorBanner error={change.error} />
      <LoadState resource={resource} label="Loading the team…">
        {(team) => (
          <div className="page-sections">
            <Section
              title={`Action items (${team.actionItems.filter((a) => a.status === 'open' || a.status === 'in_progress').length} open)`}
              id="items"
            >
              {team.actionItems.length === 0 ? (
                <EmptyState title="No action item yet." />
              ) : (
                <DataTable
                  caption="Action items"
                  rows={team.actionItems}
                  rowKey={(a) => a.id}
                  columns={[
                    { header: 'What', render: (a) => <strong>{a.title}</strong> },
                    { header: 'Owner', render: (a) => a.owner.name },
                    {
                      header: 'Due',
                      className: 'nowrap',
                      render: (a) =>
                        a.overdue ? (
                          <Badge tone="danger">⚠ Overdue {formatDay(a.dueOn)}</Badge>
                        ) : (
                          formatDay(a.dueOn)
                        ),
                    },
                    {
                      header: 'Case',
                      render: (a) => team.cases.find((c) => c.id === a.caseId)?.student.name ?? '',
                    },
                    {
                      header: 'Status',
                      render: (a) => (
                        <SelectField
                          label={<span className="visually-hidden">{`Status of “${a.title}”`}</span>}
                          value={a.status}
                          onChange={(v) =>
                            void change.run(
                              `${base}/action-items/${a.id}`,
                              { status: v },
                              'The action item is saved.',
                            )
                          }
                          options={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_LABELS[s] }))}
                        />
                      ),
                    },
                  ]}
                />
              )}
            </Section>
            <Section title={`Cases (${team.openCases} open)`} id="cases">
              {team.cases.length === 0 ? (
                <EmptyState title="No case yet." />
              ) : (
                <DataTable
                  caption="Student cases"
                  rows={team.cases}
                  rowKey={(c) => c.id}
                  columns={[
                    { header: 'Student', render: (c) => <strong>{c.student.name}</strong> },
                    { header: 'Concern', render: (c) => c.concern },
                    { header: 'Opened', className: 'nowrap', render: (c) => formatDay(c.openedOn) },
                    {
                      header: 'Status',
                      render: (c) => (
                        <SelectField
                          label={
                            <span className="visually-hidden">{`Status of the case of ${c.student.name}`}</span>
                          }
                          value={c.status}
                          onChange={(v) =>
                            void change.run(`${base}/cases/${c.id}`, { status: v }, 'The case is saved.')
                          }
                          options={TEAM_CASE_STATUSES.map((s) => ({ value: s, label: CASE_LABELS[s] }))}
                        />
                      ),
                    },
                  ]}
                />
              )}
            </Section>
            <Section
              title={`Members (${team.members.length})`}
              id="members"
              actions={
                members === null && (
                  <Button size="small" onClick={() => setMembers(team.members.map((m) => m.id))}>
                    Change members
                  </Button>
                )
              }
            >
              {members === null ? (
                <ul className="chip-list">
                  {team.members.map((m) => (
                    <li key={m.id} className="chip">
                      {m.name}
                    </li>
                  ))}
                </ul>
              ) : (
                <div className="stack">
                  <MemberChecklist schoolId={team.school.id} value={members} onChange={setMembers} />
                  <div className="row">
                    <Button
                      variant="primary"
                      busy={change.busy}
                      onClick={() =>
                        void change
                          .run(base, { memberIds: members }, 'The members are saved.')
                          .then((ok) => ok && setMembers(null))
                      }
                    >
                      Save members
                    </Button>
                    <Button onClick={() => setMembers(null)}>Cancel</Button>
                  </div>
                </div>
              )}
            </Section>
            <Section title="Meetings" id="meetings">
              {team.meetings.length === 0 ? (
                <EmptyState title="No meeting recorded yet." />
              ) : (
                <ul className="timeline">
                  {team.meetings.map((m) => (
                    <li key={m.id}>
                      <p className="small">
                        <strong>{formatDateTime(m.heldAt)}</strong>{' '}
                        <span className="muted">· {m.attendees.map((a) => a.name).join(', ')}</span>
                      </p>
                      {m.notes && <p className="pre-line">{m.notes}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </div>
        )}
      </LoadState>
      {t && (
        <Dialog
          open={adding !== null}
          title={adding ? ADD_TITLES[adding] : ''}
          onClose={() => setAdding(null)}
          wide
        >
          {adding === 'meeting' && <MeetingForm team={t} onCancel={() => setAdding(null)} onDone={added} />}
          {adding === 'case' && <CaseForm team={t} onCancel={() => setAdding(null)} onDone={added} />}
          {adding === 'item' && <ActionItemForm team={t} onCancel={() => setAdding(null)} onDone={added} />}
        </Dialog>
      )}
    </Page>
  );
}
