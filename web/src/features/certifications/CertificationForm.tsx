import { useState } from 'react';
import type { Certification, CertificationKind } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useUserOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { CERTIFICATION_KIND_LABELS, optionsOf } from '../preparedness/labels.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Adds or changes a certification: kind, name, issuer, hours, issue and expiry dates, notes and the
 * document (PDF or image). A supervisor picks the SRO; an SRO adds their own.
 */
export function CertificationForm({
  cert,
  forOthers,
  forSelf,
  onDone,
  onCancel,
}: {
  cert?: Certification;
  forOthers: boolean;
  forSelf: boolean;
  onDone: (cert: Certification) => void;
  onCancel: () => void;
}) {
  const { user } = useSession();
  const sros = useUserOptions('sro', forOthers && !cert);
  const [userId, setUserId] = useState(forSelf && !forOthers ? (user?.id ?? '') : '');
  const [kind, setKind] = useState<string>(cert?.kind ?? '');
  const [name, setName] = useState(cert?.name ?? '');
  const [issuer, setIssuer] = useState(cert?.issuer ?? '');
  const [hours, setHours] = useState(cert?.hours?.toString() ?? '');
  const [issuedOn, setIssuedOn] = useState(cert?.issuedOn ?? '');
  const [expiresOn, setExpiresOn] = useState(cert?.expiresOn ?? '');
  const [notes, setNotes] = useState(cert?.notes ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();

  const save = useAction(async () => {
    const body = {
      kind: kind as CertificationKind,
      name: name.trim(),
      issuer: issuer.trim() || null,
      hours: hours.trim() === '' ? null : Number(hours),
      issuedOn,
      expiresOn: expiresOn || null,
      notes: notes.trim() || null,
    };
    let saved: Certification;
    if (cert) saved = await api.patch<Certification>(`/certifications/${cert.id}`, body);
    else if (userId === user?.id && forSelf)
      saved = await api.post<Certification>('/certifications/mine', body);
    else saved = await api.post<Certification>('/certifications', { ...body, userId });
    if (file) saved = await api.upload<Certification>('PUT', `/certifications/${saved.id}/document`, file);
    onDone(saved);
  });
  const err = (f: string) => fieldError(save.error, f);
  const officerOptions = [
    ...(forSelf && user ? [{ value: user.id, label: `${user.name} (you)` }] : []),
    ...sros.options.filter((o) => o.value !== user?.id),
  ];

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={cert ? 'Edit certification' : 'Add a certification'}
    >
      <div className="form-grid">
        {cert ? (
          <p className="span-all">
            SRO: <strong>{cert.user.name}</strong>
          </p>
        ) : (
          forOthers && (
            <SelectField
              label="SRO"
              name="userId"
              required
              value={userId}
              onChange={setUserId}
              options={officerOptions}
              placeholder={sros.loading ? 'Loading officers…' : 'Choose an officer…'}
              error={err('userId')}
            />
          )
        )}
        <SelectField
          label="Kind"
          name="kind"
          required
          value={kind}
          onChange={setKind}
          options={optionsOf(CERTIFICATION_KIND_LABELS)}
          placeholder="Choose…"
          error={err('kind')}
        />
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          value={name}
          onChange={setName}
          error={err('name')}
        />
        <TextField
          label="Issued by"
          name="issuer"
          maxLength={200}
          value={issuer}
          onChange={setIssuer}
          error={err('issuer')}
        />
        <TextField
          label="Hours"
          name="hours"
          type="number"
          inputMode="decimal"
          min={0}
          step="0.5"
          value={hours}
          onChange={setHours}
          error={err('hours')}
        />
        <TextField
          label="Issued on"
          name="issuedOn"
          type="date"
          required
          value={issuedOn}
          onChange={setIssuedOn}
          error={err('issuedOn')}
        />
        <TextField
          label="Expires on"
          name="expiresOn"
          type="date"
          min={issuedOn || undefined}
          hint="Leave empty when it does not expire"
          value={expiresOn}
          onChange={setExpiresOn}
          error={err('expiresOn')}
        />
        <div className={fileError ? 'field field-invalid' : 'field'}>
          <label htmlFor="cert-document" className="field-label">
            Document (PDF, PNG or JPEG{cert?.document ? ', replaces the current one' : ''})
          </label>
          <input
            id="cert-document"
            className="input"
            type="file"
            accept="application/pdf,image/png,image/jpeg"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'cert-document-error' : undefined}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFileError(chosen && chosen.size > MAX_BYTES ? 'The file is larger than 10 MB.' : undefined);
              setFile(chosen);
            }}
          />
          {fileError && (
            <p id="cert-document-error" className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <TextAreaField
          label="Notes"
          name="notes"
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy} disabled={!!fileError}>
          {cert ? 'Save certification' : 'Add certification'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
