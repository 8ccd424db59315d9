import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDay, gradeLabel } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { Student } from '../../lib/types.ts';
import { GuardiansSection } from './GuardiansSection.tsx';
import { RACE_OPTIONS, StudentForm, type StudentInput } from './StudentForm.tsx';
import { studentName } from './StudentsPage.tsx';

function yesNo(value: boolean | undefined): string {
  return value === undefined ? '—' : value ? 'Yes' : 'No';
}

/** One student: identity, school and grade, demographics when permitted, and guardians. */
export function StudentDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const resource = useApiData<Student>(`/students/${id}`);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const student = resource.data;
  const canManage = can('student.manage');
  const demographics = can('student.demographics.read');

  const save = async (input: StudentInput) => {
    await api.patch<Student>(`/students/${id}`, input);
    setEditing(false);
    setMessage('The student has been saved.');
    resource.reload();
  };

  return (
    <Page
      title={student ? studentName(student) : 'Student'}
      breadcrumbs={[{ label: 'Students', to: '/students' }]}
      description={
        student && (
          <span className="row">
            <span>Grade {gradeLabel(student.grade)}</span>
            <span>· {student.schoolName}</span>
            {!student.active && <Badge tone="warning">Withdrawn</Badge>}
          </span>
        )
      }
      actions={
        student &&
        canManage && (
          <Button
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
          >
            Edit student
          </Button>
        )
      }
    >
      <Notice message={message} />
      <LoadState resource={resource} label="Loading the student…">
        {(s) => (
          <div className="page-sections">
            <Section title="Student" id="student">
              <dl className="details">
                <div>
                  <dt>Student number</dt>
                  <dd className="mono">{s.studentNumber}</dd>
                </div>
                <div>
                  <dt>Full name</dt>
                  <dd>{[s.firstName, s.middleName, s.lastName].filter(Boolean).join(' ')}</dd>
                </div>
                {s.dateOfBirth && (
                  <div>
                    <dt>Date of birth</dt>
                    <dd>{formatDay(s.dateOfBirth)}</dd>
                  </div>
                )}
                {demographics && s.sex && (
                  <div>
                    <dt>Sex</dt>
                    <dd>{s.sex.charAt(0).toUpperCase() + s.sex.slice(1)}</dd>
                  </div>
                )}
                {demographics && s.raceEthnicity && (
                  <div>
                    <dt>Race/ethnicity</dt>
                    <dd>{RACE_OPTIONS.find((o) => o.value === s.raceEthnicity)?.label ?? s.raceEthnicity}</dd>
                  </div>
                )}
                {demographics && s.idea !== undefined && (
                  <div>
                    <dt>IDEA</dt>
                    <dd>{yesNo(s.idea)}</dd>
                  </div>
                )}
                {demographics && s.section504 !== undefined && (
                  <div>
                    <dt>Section 504</dt>
                    <dd>{yesNo(s.section504)}</dd>
                  </div>
                )}
                {demographics && s.englishLearner !== undefined && (
                  <div>
                    <dt>English learner</dt>
                    <dd>{yesNo(s.englishLearner)}</dd>
                  </div>
                )}
              </dl>
            </Section>
            <GuardiansSection
              studentId={s.id}
              guardians={s.guardians ?? []}
              canManage={canManage}
              onChanged={resource.reload}
            />
          </div>
        )}
      </LoadState>
      {student && (
        <Dialog open={editing} title="Edit student" onClose={() => setEditing(false)} wide>
          <StudentForm
            student={student}
            demographics={demographics}
            onSubmit={save}
            onCancel={() => setEditing(false)}
            submitLabel="Save student"
          />
        </Dialog>
      )}
    </Page>
  );
}
