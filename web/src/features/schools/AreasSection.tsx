import { useState } from 'react';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { kindLabel } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { Area } from '../../lib/types.ts';
import { AreaForm, type AreaInput } from './AreaForm.tsx';

/** Campus areas of a school (buildings, rooms, fields, parking, bus loop...), with add and edit. */
export function AreasSection({ schoolId }: { schoolId: string }) {
  const { can } = useSession();
  const allowed = can('area.read');
  const canManage = can('area.manage');
  const resource = useApiData<{ items: Area[] }>(allowed ? `/schools/${schoolId}/areas` : null);
  const [editing, setEditing] = useState<Area | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (!allowed) return null;
  const areas = resource.data?.items ?? [];
  const nameOf = (id: string | null) => (id ? (areas.find((a) => a.id === id)?.name ?? '') : '');

  const save = async (input: AreaInput) => {
    if (editing === 'new') {
      const created = await api.post<Area>(`/schools/${schoolId}/areas`, input);
      setMessage(`${created.name} has been added.`);
    } else if (editing) {
      const updated = await api.patch<Area>(`/areas/${editing.id}`, input);
      setMessage(`${updated.name} has been saved.`);
    }
    setEditing(null);
    resource.reload();
  };

  return (
    <Section
      title="Campus areas"
      id="areas"
      actions={
        canManage && (
          <Button
            onClick={() => {
              setMessage(null);
              setEditing('new');
            }}
          >
            Add area
          </Button>
        )
      }
    >
      <Notice message={message} />
      <LoadState resource={resource} label="Loading campus areas…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No campus areas yet.">
              Areas are the places used wherever a location is recorded.
            </EmptyState>
          ) : (
            <DataTable
              caption="Campus areas"
              rows={items}
              rowKey={(a) => a.id}
              columns={[
                { header: 'Area', render: (a) => <strong>{a.name}</strong> },
                { header: 'Kind', render: (a) => kindLabel(a.kind) },
                { header: 'Inside', render: (a) => nameOf(a.parentId) || <span className="muted">—</span> },
                { header: 'Description', render: (a) => a.description ?? '' },
                {
                  header: 'Status',
                  render: (a) => (a.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>),
                },
                ...(canManage
                  ? [
                      {
                        header: 'Actions',
                        className: 'actions',
                        hideLabelWhenStacked: true,
                        render: (a: Area) => (
                          <Button
                            size="small"
                            onClick={() => {
                              setMessage(null);
                              setEditing(a);
                            }}
                            aria-label={`Edit ${a.name}`}
                          >
                            Edit
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )
        }
      </LoadState>
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? 'Add a campus area' : `Edit ${editing?.name ?? 'area'}`}
        onClose={() => setEditing(null)}
      >
        <AreaForm
          area={editing === 'new' || editing === null ? undefined : editing}
          areas={areas}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
    </Section>
  );
}
