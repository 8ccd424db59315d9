import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { api } from '../../lib/api.ts';
import { gradeLabel } from '../../lib/format.ts';
import { useApiData, useSearchBox } from '../../lib/hooks.ts';
import { GRADE_OPTIONS, useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import type { Page as PageOf, Student } from '../../lib/types.ts';
import { StudentForm, type StudentInput } from './StudentForm.tsx';

const PAGE_SIZE = 50;

/** The display name of a student: "Last, First (Preferred)". */
export function studentName(s: Pick<Student, 'firstName' | 'lastName' | 'preferredName'>): string {
  return `${s.lastName}, ${s.firstName}${s.preferredName ? ` (${s.preferredName})` : ''}`;
}

/** The student roster (education record): school filter, search, grade, paginated; add a student. */
export function StudentsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'q', 'grade', 'page'] as const);
  const [search, setSearch] = useSearchBox(filters.q, (q) => setFilters({ q }));
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schools = useSchoolOptions();
  const page = Math.max(1, Number(filters.page) || 1);
  const resource = useApiData<PageOf<Student>>(
    '/students',
    { schoolId, q: filters.q, grade: filters.grade, page, pageSize: PAGE_SIZE },
    { keepPrevious: true },
  );
  const [adding, setAdding] = useState(false);
  const canManage = can('student.manage');

  const create = async (input: StudentInput) => {
    const student = await api.post<Student>('/students', input);
    setAdding(false);
    navigate(`/students/${student.id}`);
  };

  return (
    <Page
      title="Students"
      description="The roster of your schools, with guardians, custody and pick-up permissions. Every record you open is logged."
      actions={<><DownloadCsv path="/students" query={{ schoolId, q: filters.q, grade: filters.grade, page, pageSize: PAGE_SIZE }} permission="student.read" />{canManage && (
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add student
          </Button>
        )}</>}
    >
      <div role="search" className="filters" aria-label="Filter students">
        {schools.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schools)}
          />
        )}
        <TextField
          label="Search"
          type="search"
          placeholder="Name or student number"
          value={search}
          onChange={setSearch}
        />
        <SelectField
          label="Grade"
          value={filters.grade}
          onChange={(grade) => setFilters({ grade })}
          options={GRADE_OPTIONS}
          placeholder="All grades"
        />
      </div>
      <LoadState resource={resource} label="Loading students…">
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState
              title={
                filters.q || filters.grade
                  ? 'No student matches these filters.'
                  : 'No students on this roster yet.'
              }
            />
          ) : (
            <>
              <DataTable
                caption="Students"
                rows={items}
                rowKey={(s) => s.id}
                busy={resource.loading}
                columns={[
                  {
                    header: 'Student',
                    render: (s) => <Link to={`/students/${s.id}`}>{studentName(s)}</Link>,
                  },
                  {
                    header: 'Student number',
                    render: (s) => <span className="mono">{s.studentNumber}</span>,
                  },
                  { header: 'Grade', render: (s) => gradeLabel(s.grade) },
                  { header: 'School', render: (s) => s.schoolName },
                  {
                    header: 'Status',
                    render: (s) =>
                      s.active ? <Badge tone="success">Enrolled</Badge> : <Badge>Withdrawn</Badge>,
                  },
                ]}
              />
              <Pagination
                page={page}
                pageSize={PAGE_SIZE}
                total={total}
                noun="students"
                onPage={(p) => setFilters({ page: String(p) })}
              />
            </>
          )
        }
      </LoadState>
      <Dialog open={adding} title="Add a student" onClose={() => setAdding(false)} wide>
        <StudentForm
          defaultSchoolId={schoolId}
          onSubmit={create}
          onCancel={() => setAdding(false)}
          submitLabel="Add student"
        />
      </Dialog>
    </Page>
  );
}
