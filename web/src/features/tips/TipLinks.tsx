import { useState } from 'react';
import { Link } from 'react-router-dom';
import { TIP_LINK_KINDS, type TipLinkKind } from '@common/tip-constants.ts';
import type { Tip, TipLink } from '@common/tips.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

const KIND_LABELS: Record<TipLink['kind'], string> = {
  sealed: 'Sealed',
  incident: 'Incident',
  threat_case: 'Threat assessment',
  referral: 'Referral',
};

/** Where a linked record opens in the app (referrals live on their incident; no page of their own yet). */
function pathOf(link: TipLink): string | null {
  if (link.kind === 'incident') return `/incidents/${link.targetId}`;
  if (link.kind === 'threat_case') return `/threats/${link.targetId}`;
  return null;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The incident, threat assessment or referral a tip led to, and a form to add one (paste its address). */
export function TipLinks({
  tip,
  canLink,
  onChange,
}: {
  tip: Tip;
  canLink: boolean;
  onChange: (tip: Tip) => void;
}) {
  const [kind, setKind] = useState<TipLinkKind>('incident');
  const [target, setTarget] = useState('');
  const add = useAction(async () => {
    // A pasted page address works as well as the bare id.
    const targetId = UUID.exec(target)?.[0] ?? target.trim();
    onChange(await api.post<Tip>(`/tips/${tip.id}/links`, { kind, targetId }));
    setTarget('');
    return `Linked to the ${KIND_LABELS[kind].toLowerCase()}.`;
  });

  return (
    <>
      {tip.links.length === 0 ? (
        <EmptyState title="Not linked to any record." />
      ) : (
        <ul className="list-rows" aria-label="Linked records">
          {tip.links.map((l, index) => {
            const path = pathOf(l);
            return (
              <li key={`${l.kind}:${l.targetId ?? index}`}>
                <span>
                  <strong>{KIND_LABELS[l.kind]}</strong> {path ? <Link to={path}>{l.label}</Link> : l.label}
                </span>
                <span className="muted small">linked {formatDateTime(l.createdAt)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {canLink && (
        <Form
          onSubmit={() => void add.run()}
          error={add.error}
          success={add.success}
          className="mt-sm"
          aria-label="Link a record"
        >
          <div className="form-grid">
            <SelectField
              label="Record"
              name="kind"
              value={kind}
              onChange={(v) => setKind(v as TipLinkKind)}
              options={TIP_LINK_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            />
            <TextField
              label="Its address or id"
              name="targetId"
              required
              hint="Paste the address of the record's page."
              value={target}
              onChange={setTarget}
              error={fieldError(add.error, 'targetId')}
            />
          </div>
          <FormActions>
            <Button type="submit" busy={add.busy}>
              Link
            </Button>
          </FormActions>
        </Form>
      )}
    </>
  );
}
