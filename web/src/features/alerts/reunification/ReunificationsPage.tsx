import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Alert, OpenReunificationBody, Reunification } from '@common/alerts.ts';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { CheckboxField, SelectField, TextField } from '../../../components/Field.tsx';
import { Form, FormActions } from '../../../components/Form.tsx';
import { LoadState } from '../../../components/LoadState.tsx';
import { Page } from '../../../components/Page.tsx';
import { api } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../../lib/hooks.ts';
import { useSession } from '../../../lib/session.tsx';
import { useLiveMessages } from '../live.tsx';
import { actionName, schoolsWhere } from '../srp.ts';

/** Opens a reunification event: school, site, the evacuation it follows, drill or not. */
function OpenForm({ onOpened, onCancel }: { onOpened: (r: Reunification) => void; onCancel: () => void }) {
  const { session, schools, selectedSchoolId } = useSession();
  const options = schoolsWhere(session, schools, 'reunification.manage');
  const [schoolId, setSchoolId] = useState(
    options.find((s) => s.id === selectedSchoolId)?.id ?? options[0]?.id ?? '',
  );
  const [site, setSite] = useState('');
  const [alertId, setAlertId] = useState('');
  const [drill, setDrill] = useState(false);
  const alerts = useApiData<{ items: Alert[] }>(schoolId ? '/alerts' : null, { schoolId, limit: 20 });
  const action = useAction(async () => {
    const body: OpenReunificationBody = {
      schoolId,
      site: site.trim(),
      drill,
      ...(alertId ? { alertId } : {}),
    };
    onOpened(await api.post<Reunification>('/reunifications', body));
  });
  const alertOptions = (alerts.data?.items ?? [])
    .filter((a) => a.status === 'active' || a.status === 'cleared')
    .map((a) => ({
      value: a.id,
      label: `${a.drill ? 'Drill: ' : ''}${actionName(a.action)}, ${formatDateTime(a.raisedAt)}`,
    }));

  return (
    <Form onSubmit={() => void action.run()} error={action.error}>
      <SelectField
        label="School"
        name="schoolId"
        value={schoolId}
        onChange={(v) => {
          setSchoolId(v);
          setAlertId('');
        }}
        options={options.map((s) => ({ value: s.id, label: s.name }))}
        required
        error={fieldError(action.error, 'schoolId')}
      />
      <TextField
        label="Reunification site"
        name="site"
        value={site}
        onChange={setSite}
        required
        maxLength={200}
        placeholder="Community church gym, 400 Oak St"
        error={fieldError(action.error, 'site')}
      />
      <SelectField
        label="After the alert (optional)"
        name="alertId"
        value={alertId}
        onChange={(v) => {
          setAlertId(v);
          const chosen = alerts.data?.items.find((a) => a.id === v);
          if (chosen) setDrill(chosen.drill);
        }}
        options={alertOptions}
        placeholder={alerts.loading ? 'Loading alerts…' : 'None'}
        error={fieldError(action.error, 'alertId')}
      />
      <CheckboxField label="This is a drill" checked={drill} onChange={setDrill} />
      <FormActions>
        <Button type="submit" variant="primary" busy={action.busy}>
          Open reunification
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Reunification events of the user's schools; open a new one. */
export function ReunificationsPage() {
  const navigate = useNavigate();
  const list = useApiData<{ items: Reunification[] }>('/reunifications');
  const [opening, setOpening] = useState(false);
  useLiveMessages((m) => {
    if (m.type === 'reunification.updated' && m.payload.request === null) list.reload();
  });

  return (
    <Page
      title="Reunification"
      description="Standard Reunification Method: guardians' cards with ID and custody checks, runners, the student's confirmation and the release log."
      breadcrumbs={[{ label: 'Alerts', to: '/alerts' }]}
      actions={
        <Button variant="primary" onClick={() => setOpening(true)}>
          Open reunification
        </Button>
      }
    >
      <LoadState resource={list} label="Loading reunification events…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No reunification event yet.">
              Open one after an evacuation, when families come to pick students up.
            </EmptyState>
          ) : (
            <DataTable
              caption="Reunification events"
              rows={items}
              rowKey={(r) => r.id}
              columns={[
                {
                  header: 'School',
                  render: (r) => <Link to={`/reunification/${r.id}`}>{r.school.name}</Link>,
                },
                { header: 'Site', render: (r) => r.site },
                {
                  header: 'Status',
                  render: (r) => (
                    <span className="row">
                      {r.status === 'open' ? <Badge tone="warning">Open</Badge> : <Badge>Closed</Badge>}
                      {r.drill && <span className="drill-tag">DRILL</span>}
                    </span>
                  ),
                },
                { header: 'Opened', render: (r) => `${formatDateTime(r.openedAt)} by ${r.openedBy.name}` },
              ]}
            />
          )
        }
      </LoadState>
      <Dialog open={opening} title="Open a reunification event" onClose={() => setOpening(false)}>
        <OpenForm onOpened={(r) => navigate(`/reunification/${r.id}`)} onCancel={() => setOpening(false)} />
      </Dialog>
    </Page>
  );
}
