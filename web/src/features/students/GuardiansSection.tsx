import { useState } from 'react';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import type { Guardian } from '../../lib/types.ts';
import { GuardianForm, type GuardianInput } from './GuardianForm.tsx';

interface GuardiansSectionProps {
  studentId: string;
  guardians: Guardian[];
  canManage: boolean;
  onChanged: () => void;
}

/** A student's guardians with custody, pick-up permission and restrictions; add and edit. */
export function GuardiansSection({ studentId, guardians, canManage, onChanged }: GuardiansSectionProps) {
  const [editing, setEditing] = useState<Guardian | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sorted = [...guardians].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));

  const save = async (input: GuardianInput) => {
    if (editing === 'new') {
      const { relationship, hasCustody, mayPickUp, isPrimary, restrictions, ...guardian } = input;
      await api.post(`/students/${studentId}/guardians`, {
        guardian,
        relationship,
        hasCustody,
        mayPickUp,
        isPrimary,
        restrictions,
      });
      setMessage(`${input.firstName} ${input.lastName} has been added.`);
    } else if (editing) {
      await api.patch(`/students/${studentId}/guardians/${editing.guardianId}`, input);
      setMessage(`${input.firstName} ${input.lastName} has been saved.`);
    }
    setEditing(null);
    onChanged();
  };

  return (
    <Section
      title="Guardians"
      id="guardians"
      actions={
        canManage && (
          <Button
            onClick={() => {
              setMessage(null);
              setEditing('new');
            }}
          >
            Add guardian
          </Button>
        )
      }
    >
      <Notice message={message} />
      {sorted.length === 0 ? (
        <EmptyState title="No guardian recorded.">
          Add the people with custody and those allowed to pick the student up.
        </EmptyState>
      ) : (
        sorted.map((g) => (
          <article className="guardian-card" key={g.guardianId} aria-labelledby={`guardian-${g.guardianId}`}>
            <div className="row-between">
              <h3 id={`guardian-${g.guardianId}`}>
                {g.firstName} {g.lastName} <span className="muted small">({g.relationship})</span>
              </h3>
              {canManage && (
                <Button
                  size="small"
                  onClick={() => {
                    setMessage(null);
                    setEditing(g);
                  }}
                  aria-label={`Edit ${g.firstName} ${g.lastName}`}
                >
                  Edit
                </Button>
              )}
            </div>
            <div className="row">
              {g.isPrimary && <Badge tone="info">Primary contact</Badge>}
              {g.hasCustody ? <Badge tone="success">Custody</Badge> : <Badge>No custody</Badge>}
              {g.mayPickUp ? (
                <Badge tone="success">May pick up</Badge>
              ) : (
                <Badge tone="danger">May not pick up</Badge>
              )}
            </div>
            <dl className="details mt-sm">
              <div>
                <dt>Phone</dt>
                <dd>{g.phone ? <a href={`tel:${g.phone.replace(/[^\d+]/g, '')}`}>{g.phone}</a> : '—'}</dd>
              </div>
              <div>
                <dt>E-mail</dt>
                <dd>{g.email ? <a href={`mailto:${g.email}`}>{g.email}</a> : '—'}</dd>
              </div>
              {(g.street || g.city) && (
                <div>
                  <dt>Address</dt>
                  <dd>{[g.street, [g.city, g.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</dd>
                </div>
              )}
              {g.restrictions && (
                <div>
                  <dt>Restrictions</dt>
                  <dd>
                    <strong>{g.restrictions}</strong>
                  </dd>
                </div>
              )}
            </dl>
          </article>
        ))
      )}
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? 'Add a guardian' : 'Edit guardian'}
        onClose={() => setEditing(null)}
        wide
      >
        <GuardianForm
          guardian={editing === 'new' || editing === null ? undefined : editing}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
    </Section>
  );
}
