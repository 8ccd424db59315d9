import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDay, plural, todayIso } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useAllSchoolOptions, useSchoolFilter, useUserOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import type { Assignment } from '../../lib/types.ts';
import { AssignForm, EndAssignmentForm } from './AssignForm.tsx';

const WHEN_OPTIONS = [
  { value: 'current', label: 'Current' },
  { value: 'other', label: 'Past and future' },
  { value: 'all', label: 'All' },
];

function status(a: Assignment): { label: string; tone: 'success' | 'neutral' | 'info' } {
  const today = todayIso();
  if (a.startsOn > today) return { label: 'Starts later', tone: 'info' };
  if (a.endsOn && a.endsOn < today) return { label: 'Ended', tone: 'neutral' };
  return { label: 'Current', tone: 'success' };
}

/** SRO assignments with filters (school, officer, current or not); assign an SRO and end an assignment. */
export function AssignmentsPage() {
  const { can } = useSession();
  const canManage = can('assignment.manage');
  const [filters, setFilters] = useUrlFilters(['schoolId', 'userId', 'when'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const when = filters.when || 'current';
  const schools = useAllSchoolOptions();
  const sros = useUserOptions('sro', can('user.read'));
  const resource = useApiData<{ items: Assignment[] }>(
    '/assignments',
    {
      schoolId,
      userId: filters.userId,
      current: when === 'current' ? 'true' : when === 'other' ? 'false' : undefined,
    },
    { keepPrevious: true },
  );
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page
      title="SRO assignments"
      description="Which officer serves which school, as primary or feeder school, and since when."
      actions={
        canManage && (
          <Button
            variant="primary"
            onClick={() => {
              setMessage(null);
              setAdding(true);
            }}
          >
            Assign an SRO
          </Button>
        )
      }
    >
      <Notice message={message} />
      <div role="search" className="filters" aria-label="Filter assignments">
        <SelectField
          label="School"
          value={selectValue}
          onChange={(v) => setFilters({ schoolId: v })}
          options={withAllSchools(schools)}
        />
        {can('user.read') && (
          <SelectField
            label="SRO"
            value={filters.userId}
            onChange={(v) => setFilters({ userId: v })}
            options={sros.options}
            placeholder="All officers"
          />
        )}
        <SelectField
          label="Show"
          value={when}
          onChange={(v) => setFilters({ when: v === 'current' ? '' : v })}
          options={WHEN_OPTIONS}
        />
      </div>
      <LoadState resource={resource} label="Loading assignments…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="No assignment matches these filters."
              action={canManage && <Button onClick={() => setAdding(true)}>Assign an SRO</Button>}
            />
          ) : (
            <>
              <p className="muted small" aria-live="polite">
                {plural(items.length, 'assignment')}
              </p>
              <DataTable
                caption="SRO assignments"
                rows={items}
                rowKey={(a) => a.id}
                busy={resource.loading}
                columns={[
                  { header: 'SRO', render: (a) => <strong>{a.userName}</strong> },
                  {
                    header: 'School',
                    render: (a) => <Link to={`/schools/${a.schoolId}`}>{a.schoolName}</Link>,
                  },
                  {
                    header: 'Kind',
                    render: (a) => (
                      <Badge tone={a.kind === 'primary' ? 'info' : 'neutral'}>
                        {a.kind === 'primary' ? 'Primary' : 'Feeder'}
                      </Badge>
                    ),
                  },
                  { header: 'Starts', render: (a) => formatDay(a.startsOn), className: 'nowrap' },
                  {
                    header: 'Ends',
                    render: (a) =>
                      a.endsOn ? formatDay(a.endsOn) : <span className="muted">Open-ended</span>,
                    className: 'nowrap',
                  },
                  { header: 'Status', render: (a) => <Badge tone={status(a).tone}>{status(a).label}</Badge> },
                  { header: 'Notes', render: (a) => a.notes ?? '' },
                  ...(canManage
                    ? [
                        {
                          header: 'Actions',
                          className: 'actions',
                          hideLabelWhenStacked: true,
                          render: (a: Assignment) =>
                            status(a).label !== 'Ended' && (
                              <Button
                                size="small"
                                onClick={() => {
                                  setMessage(null);
                                  setEnding(a);
                                }}
                                aria-label={`End assignment of ${a.userName} at ${a.schoolName}`}
                              >
                                End
                              </Button>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            </>
          )
        }
      </LoadState>
      <Dialog open={adding} title="Assign an SRO" onClose={() => setAdding(false)} wide>
        <AssignForm
          defaultSchoolId={schoolId}
          onCancel={() => setAdding(false)}
          onDone={(a) => {
            setAdding(false);
            setMessage(`${a.userName} is assigned to ${a.schoolName}.`);
            resource.reload();
          }}
        />
      </Dialog>
      <Dialog open={ending !== null} title="End the assignment" onClose={() => setEnding(null)}>
        {ending && (
          <EndAssignmentForm
            assignment={ending}
            onCancel={() => setEnding(null)}
            onDone={(a) => {
              setEnding(null);
              setMessage(
                `The assignment of ${a.userName} at ${a.schoolName} ends on ${formatDay(a.endsOn)}.`,
              );
              resource.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
