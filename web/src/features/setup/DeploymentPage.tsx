import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { DistrictFields, districtBody, emptyDistrictForm, type DistrictFormValues } from './DistrictFields.tsx';

interface DeploymentDistrict {
  id: string;
  name: string;
  state: string;
  timezone: string;
  ncesId: string | null;
  createdAt: string;
  schools: number;
  users: number;
}

/**
 * The deployment operator's page: every district this SRO Desk hosts, and a form that creates another one with
 * its first administrator (who sets up two-step sign-in at first sign-in). Other users read it as absent.
 */
export function DeploymentPage() {
  const list = useApiData<{ items: DeploymentDistrict[] }>('/deployment/districts');
  const [values, setValues] = useState<DistrictFormValues>(emptyDistrictForm);
  const create = useAction(async () => {
    await api.post('/deployment/districts', districtBody(values));
    const name = values.districtName;
    setValues(emptyDistrictForm());
    list.reload();
    return `${name} was created. Its administrator signs in with the e-mail and password you chose and sets up two-step sign-in.`;
  });

  if (list.error instanceof ApiError && list.error.status === 404)
    return (
      <Page title="Districts of this deployment">
        <EmptyState title="Only the operator of this deployment manages its districts">
          The administrator who set this SRO Desk up (or one they name) creates the districts it hosts.
        </EmptyState>
      </Page>
    );

  return (
    <Page title="Districts of this deployment" description="Each district sees only its own schools, people and records.">
      <Section title="Districts">
        <LoadState resource={list} label="Loading districts…">
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title="No districts yet" />
            ) : (
              <DataTable
                caption="Districts of this deployment"
                rows={data.items}
                rowKey={(d) => d.id}
                columns={[
                  { header: 'District', render: (d) => d.name },
                  { header: 'State', render: (d) => d.state },
                  { header: 'Time zone', render: (d) => d.timezone },
                  { header: 'LEAID', render: (d) => d.ncesId ?? '—' },
                  { header: 'Schools', render: (d) => d.schools },
                  { header: 'Users', render: (d) => d.users },
                  { header: 'Created', render: (d) => formatDateTime(d.createdAt) },
                ]}
              />
            )
          }
        </LoadState>
      </Section>
      <Section title="Add a district">
        <Form onSubmit={() => void create.run()} error={create.error} success={create.success} aria-label="Add a district">
          <DistrictFields values={values} onChange={setValues} error={create.error} />
          <FormActions>
            <Button type="submit" variant="primary" busy={create.busy}>
              Create district
            </Button>
          </FormActions>
        </Form>
      </Section>
    </Page>
  );
}
