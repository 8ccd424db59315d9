import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { OpenCaseBody, ThreatCase, Tip } from '@common/tips.ts';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { StudentPicker, type RosterStudent } from './StudentPicker.tsx';
import { TeamPicker } from './TeamPicker.tsx';

/** Opens a CSTAG case: from a tip (`?tipId=`), an incident (`?incidentId=`) or directly. */
export function NewCasePage() {
  const { can, user, selectedSchoolId } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const tipId = params.get('tipId') ?? '';
  const incidentId = params.get('incidentId') ?? '';
  const schools = useSchoolOptions();
  const [schoolId, setSchoolId] = useState(
    params.get('schoolId') ?? selectedSchoolId ?? schools[0]?.value ?? '',
  );
  const [student, setStudent] = useState<RosterStudent | null>(null);
  const tip = useApiData<Tip>(tipId && can('tip.read') ? `/tips/${tipId}` : null);
  const [threat, setThreat] = useState<string | null>(null);
  const [victims, setVictims] = useState('');
  const [team, setTeam] = useState<string[]>([]);
  // The tip's words are the threat as reported until the user writes their own.
  const threatText = threat ?? tip.data?.description ?? '';

  const open = useAction(async () => {
    const body: OpenCaseBody = {
      schoolId,
      source: tipId ? 'tip' : incidentId ? 'incident' : 'direct',
      tipId: tipId || undefined,
      incidentId: incidentId || undefined,
      subjectStudentId: student?.id ?? '',
      threatAsReported: threatText,
      intendedVictims: victims || undefined,
      teamUserIds: team,
    };
    const created = await api.post<ThreatCase>('/threat-cases', body);
    navigate(`/threats/${created.id}`);
  });
  // Officers do not read the roster; they name students through the directory lookup of reports.
  const rosterAllowed = can('student.read') || can('incident.create');

  return (
    <Page
      title="Open a threat assessment"
      breadcrumbs={[{ label: 'Threat assessment', to: '/threats' }]}
      description={
        tipId
          ? `From tip ${tip.data?.number ?? ''}`.trim()
          : incidentId
            ? 'From an incident'
            : 'Opened directly'
      }
    >
      <div className="card section">
        <Form onSubmit={() => void open.run()} error={open.error} aria-label="Open a threat assessment">
          <div className="form-grid">
            <SelectField
              label="School"
              name="schoolId"
              required
              value={schoolId}
              onChange={(v) => {
                setSchoolId(v);
                setStudent(null);
                setTeam([]);
              }}
              options={schools}
              placeholder="Choose…"
              error={fieldError(open.error, 'schoolId')}
            />
          </div>
          {rosterAllowed ? (
            <StudentPicker
              schoolId={schoolId}
              value={student}
              onChange={setStudent}
              error={fieldError(open.error, 'subjectStudentId')}
            />
          ) : (
            <p className="banner banner-info">
              Choosing the student needs access to the roster. Ask a counselor or administrator of the school
              to open the case; they can add you to its team.
            </p>
          )}
          <TextAreaField
            label="Threat as reported"
            name="threatAsReported"
            required
            rows={4}
            hint="The exact words or behavior, who reported it and how."
            value={threatText}
            onChange={setThreat}
            error={fieldError(open.error, 'threatAsReported')}
          />
          <TextAreaField
            label="Intended victims"
            name="intendedVictims"
            rows={2}
            hint="Who was threatened, if anyone in particular."
            value={victims}
            onChange={setVictims}
            error={fieldError(open.error, 'intendedVictims')}
          />
          <TeamPicker schoolId={schoolId} value={team} onChange={setTeam} exclude={user?.id} />
          {fieldError(open.error, 'teamUserIds') && (
            <p className="field-error">{fieldError(open.error, 'teamUserIds')}</p>
          )}
          <FormActions>
            <Button type="submit" variant="primary" busy={open.busy} disabled={!rosterAllowed}>
              Open the case
            </Button>
            <ButtonLink to={tipId ? `/tips/${tipId}` : '/threats'}>Cancel</ButtonLink>
          </FormActions>
        </Form>
      </div>
    </Page>
  );
}
