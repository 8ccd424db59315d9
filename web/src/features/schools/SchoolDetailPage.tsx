import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { gradeSpan, levelLabel } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { School } from '../../lib/types.ts';
import { AreasSection } from './AreasSection.tsx';
import { FeedersSection } from './FeedersSection.tsx';
import { SchoolAssignments } from './SchoolAssignments.tsx';
import { SchoolForm, type SchoolInput } from './SchoolForm.tsx';

function SchoolDetails({ school }: { school: School }) {
  return (
    <dl className="details">
      <div>
        <dt>Level</dt>
        <dd>{levelLabel(school.level)}</dd>
      </div>
      <div>
        <dt>Grades</dt>
        <dd>{gradeSpan(school.gradeLow, school.gradeHigh)}</dd>
      </div>
      <div>
        <dt>NCES school id</dt>
        <dd className="mono">{school.ncesId}</dd>
      </div>
      <div>
        <dt>Address</dt>
        <dd>
          {school.street}, {school.city}, {school.state} {school.zip}
        </dd>
      </div>
      <div>
        <dt>Phone</dt>
        <dd>
          <a href={`tel:${school.phone.replace(/[^\d+]/g, '')}`}>{school.phone}</a>
        </dd>
      </div>
      <div>
        <dt>Principal</dt>
        <dd>{school.principalName ?? <span className="muted">Not recorded</span>}</dd>
      </div>
    </dl>
  );
}

/** One school: its details (editable), feeder relations, campus areas and current SRO assignments. */
export function SchoolDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const resource = useApiData<School>(`/schools/${id}`);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const school = resource.data;

  const save = async (input: SchoolInput) => {
    const updated = await api.patch<School>(`/schools/${id}`, input);
    resource.mutate(updated);
    setEditing(false);
    setMessage('The school has been saved.');
  };

  return (
    <Page
      title={school?.name ?? 'School'}
      breadcrumbs={[{ label: 'Schools', to: '/schools' }]}
      description={
        school && (
          <span className="row">
            <Badge tone="info">{levelLabel(school.level)}</Badge>
            <span>Grades {gradeSpan(school.gradeLow, school.gradeHigh)}</span>
            {!school.active && <Badge tone="warning">Inactive</Badge>}
          </span>
        )
      }
      actions={
        school &&
        can('school.manage') && (
          <Button
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
          >
            Edit school
          </Button>
        )
      }
    >
      <Notice message={message} />
      <LoadState resource={resource} label="Loading the school…">
        {(s) => (
          <div className="page-sections">
            <Section title="Details" id="details">
              <SchoolDetails school={s} />
            </Section>
            <SchoolAssignments schoolId={s.id} />
            <FeedersSection school={s} />
            <AreasSection schoolId={s.id} />
          </div>
        )}
      </LoadState>
      {school && (
        <Dialog open={editing} title={`Edit ${school.name}`} onClose={() => setEditing(false)} wide>
          <SchoolForm
            school={school}
            onSubmit={save}
            onCancel={() => setEditing(false)}
            submitLabel="Save school"
          />
        </Dialog>
      )}
    </Page>
  );
}
