import { useParams } from 'react-router-dom';
import type { IncidentDetail, Reference } from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { useApiData } from '../../lib/hooks.ts';
import { AttachmentsSection } from './AttachmentsSection.tsx';
import { ReportForm } from './form/ReportForm.tsx';
import { statusLabel, statusTone } from './labels.ts';
import { useReasonedData } from './readReason.tsx';
import { TasksSection } from './TasksSection.tsx';

/** The report form page of a draft or returned incident. */
export function IncidentEditPage() {
  const { id = '' } = useParams();
  const { resource, dialog } = useReasonedData<IncidentDetail>(`/incidents/${id}`, id);
  const reference = useApiData<Reference>('/incidents/reference');
  const incident = resource.data;
  return (
    <Page
      title={incident ? `Report ${incident.number}` : 'Report'}
      breadcrumbs={[
        { label: 'Incidents', to: '/incidents' },
        ...(incident ? [{ label: incident.number, to: `/incidents/${incident.id}` }] : []),
      ]}
      description={
        incident && <Badge tone={statusTone(incident.status)}>{statusLabel(incident.status)}</Badge>
      }
    >
      {dialog}
      {!dialog && (
        <LoadState resource={resource} label="Loading the report…">
          {(i) =>
            i.can.edit ? (
              <div className="page-sections">
                <ReportForm key={i.id} incident={i} reference={reference.data} />
                <AttachmentsSection
                  incidentId={i.id}
                  attachments={i.attachments.filter((a) => a.supplementId === null)}
                  canAttach={i.can.attach}
                  canOpen={i.can.readNarrative}
                />
                <TasksSection incidentId={i.id} tasks={i.tasks} canAdd onChanged={resource.reload} />
              </div>
            ) : (
              <EmptyState
                title={`This report is ${statusLabel(i.status).toLowerCase()} and cannot be edited by you.`}
                action={<ButtonLink to={`/incidents/${i.id}`}>View the report</ButtonLink>}
              >
                {i.status === 'approved' ? 'Add a supplement to an approved report instead.' : null}
              </EmptyState>
            )
          }
        </LoadState>
      )}
    </Page>
  );
}
