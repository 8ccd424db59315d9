import { useId, useRef, useState } from 'react';
import { MAX_MATERIAL_BYTES, type EducationClassDetail } from '@common/education.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction } from '../../lib/hooks.ts';

const TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Handouts and slides of a class (PDF, PNG, JPEG): list with download links; the officer uploads and removes. */
export function MaterialsSection({
  cls,
  canManage,
  onChange,
}: {
  cls: EducationClassDetail;
  canManage: boolean;
  onChange: () => void;
}) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useAction(async (materialId: string, name: string) => {
    await api.delete(`/education/classes/${cls.id}/materials/${materialId}`);
    onChange();
    return `${name} is removed.`;
  });

  const send = async (files: FileList | null) => {
    setError(null);
    setMessage(null);
    for (const file of Array.from(files ?? [])) {
      if (!TYPES.includes(file.type)) {
        setError(new Error(`${file.name}: only PDF, PNG and JPEG files are taken.`));
        continue;
      }
      if (file.size > MAX_MATERIAL_BYTES) {
        setError(new Error(`${file.name}: larger than ${MAX_MATERIAL_BYTES / 1024 / 1024} MB.`));
        continue;
      }
      try {
        setUploading(file.name);
        await api.upload(
          'PUT',
          `/education/classes/${cls.id}/materials?fileName=${encodeURIComponent(file.name)}`,
          file,
        );
        setMessage(`${file.name} is uploaded.`);
        onChange();
      } catch (e) {
        setError(e instanceof Error ? e : new Error(String(e)));
      } finally {
        setUploading(null);
      }
    }
    if (input.current) input.current.value = '';
  };

  return (
    <Section title={`Materials (${cls.materials.length})`} id="materials">
      <Notice message={message ?? remove.success} />
      <ErrorBanner error={error ?? remove.error} />
      {cls.materials.length === 0 ? (
        <EmptyState title="No materials yet." />
      ) : (
        <ul className="list-rows">
          {cls.materials.map((m) => (
            <li key={m.id} className="row-between">
              <span>
                <a
                  href={`/api/education/classes/${cls.id}/materials/${m.id}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {m.fileName}
                </a>{' '}
                <span className="muted small">
                  {sizeText(m.size)} · {m.uploadedBy.name}, {formatDateTime(m.uploadedAt)}
                </span>
              </span>
              {canManage && (
                <Button
                  size="small"
                  variant="ghost"
                  busy={remove.busy}
                  onClick={() => void remove.run(m.id, m.fileName)}
                  aria-label={`Remove ${m.fileName}`}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <div className="field mt-sm">
          <label htmlFor={inputId} className="field-label">
            Upload materials
          </label>
          <input
            id={inputId}
            ref={input}
            type="file"
            className="input"
            multiple
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            aria-describedby={`${inputId}-hint`}
            disabled={uploading !== null}
            onChange={(e) => void send(e.target.files)}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            PDF, PNG or JPEG, up to {MAX_MATERIAL_BYTES / 1024 / 1024} MB each.
          </p>
          <p aria-live="polite" className="small">
            {uploading ? `Uploading ${uploading}…` : ''}
          </p>
        </div>
      )}
    </Section>
  );
}
