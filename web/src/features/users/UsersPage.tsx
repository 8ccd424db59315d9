import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { formatDateTime, roleLabel } from '../../lib/format.ts';
import { useApiData, useSearchBox } from '../../lib/hooks.ts';
import { useAllSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import type { Page as PageOf, User } from '../../lib/types.ts';
import { CreateUserForm, type CreatedUser } from './CreateUserForm.tsx';
import { ROLE_OPTIONS } from './GrantFields.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';

const PAGE_SIZE = 50;

/** Roles of a user in one line: "SRO (Riverbend High), Counselor (district-wide)". */
export function grantsText(user: User): string {
  return user.grants.map((g) => `${roleLabel(g.role)} (${g.schoolName ?? 'district-wide'})`).join(', ');
}

/** Users with search and role/school filters, paginated; add a user and show the temporary password once. */
export function UsersPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(['q', 'role', 'schoolId', 'inactive', 'page'] as const);
  const [search, setSearch] = useSearchBox(filters.q, (q) => setFilters({ q }));
  const page = Math.max(1, Number(filters.page) || 1);
  const schools = useAllSchoolOptions();
  const resource = useApiData<PageOf<User>>(
    '/users',
    {
      q: filters.q,
      role: filters.role,
      schoolId: filters.schoolId,
      active: filters.inactive === '1' ? undefined : 'true',
      page,
      pageSize: PAGE_SIZE,
    },
    { keepPrevious: true },
  );
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const filtered = Boolean(filters.q || filters.role || filters.schoolId);

  const closeDialog = () => {
    setAdding(false);
    setCreated(null);
  };

  return (
    <Page
      title="Users"
      description="Accounts, role grants and passwords."
      actions={<><DownloadCsv path="/users" query={{ q: filters.q, role: filters.role, schoolId: filters.schoolId, active: filters.inactive === '1' ? undefined : 'true', page, pageSize: PAGE_SIZE, }} permission="user.read" />{can('user.manage') && (
          <Button
            variant="primary"
            onClick={() => {
              setCreated(null);
              setAdding(true);
            }}
          >
            Add user
          </Button>
        )}</>}
    >
      <div role="search" className="filters" aria-label="Filter users">
        <TextField
          label="Search"
          type="search"
          placeholder="Name or e-mail"
          value={search}
          onChange={setSearch}
        />
        <SelectField
          label="Role"
          value={filters.role}
          onChange={(role) => setFilters({ role })}
          options={ROLE_OPTIONS}
          placeholder="All roles"
        />
        <SelectField
          label="School"
          value={filters.schoolId}
          onChange={(schoolId) => setFilters({ schoolId })}
          options={schools}
          placeholder="All schools"
        />
        <CheckboxField
          label="Include deactivated users"
          checked={filters.inactive === '1'}
          onChange={(on) => setFilters({ inactive: on ? '1' : '' })}
        />
      </div>
      <LoadState resource={resource} label="Loading users…">
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState title={filtered ? 'No user matches these filters.' : 'No users yet.'} />
          ) : (
            <>
              <DataTable
                caption="Users"
                rows={items}
                rowKey={(u) => u.id}
                busy={resource.loading}
                columns={[
                  { header: 'Name', render: (u) => <Link to={`/users/${u.id}`}>{u.name}</Link> },
                  { header: 'E-mail', render: (u) => u.email },
                  { header: 'Roles', render: (u) => grantsText(u) || <span className="muted">No role</span> },
                  {
                    header: 'Status',
                    render: (u) => (
                      <span className="row">
                        {u.active ? (
                          <Badge tone="success">Active</Badge>
                        ) : (
                          <Badge tone="danger">Deactivated</Badge>
                        )}
                        {u.mfaEnabled && <Badge tone="info">Two-step</Badge>}
                        {u.juvenileAccessAt && <Badge tone="warning">Juvenile records</Badge>}
                      </span>
                    ),
                  },
                  {
                    header: 'Last sign-in',
                    render: (u) =>
                      u.lastSignInAt ? formatDateTime(u.lastSignInAt) : <span className="muted">Never</span>,
                  },
                ]}
              />
              <Pagination
                page={page}
                pageSize={PAGE_SIZE}
                total={total}
                noun="users"
                onPage={(p) => setFilters({ page: String(p) })}
              />
            </>
          )
        }
      </LoadState>
      <Dialog open={adding} title={created ? 'User added' : 'Add a user'} onClose={closeDialog} wide>
        {created ? (
          <div className="stack">
            <p>
              <strong>{created.user.name}</strong> ({created.user.email}) can now sign in.
            </p>
            <TemporaryPassword
              name={created.user.name}
              password={created.temporaryPassword}
              emailed={created.emailed}
            />
            <FormActions>
              <Button variant="primary" onClick={() => navigate(`/users/${created.user.id}`)}>
                Open the user
              </Button>
              <Button
                onClick={() => {
                  closeDialog();
                  resource.reload();
                }}
              >
                Done
              </Button>
            </FormActions>
          </div>
        ) : (
          <CreateUserForm onCreated={setCreated} onCancel={closeDialog} />
        )}
      </Dialog>
    </Page>
  );
}
