import { useId, useRef, useState } from 'react';
import { ATTACHMENT_LIMITS, type Attachment, type AttachmentKind } from '@common/incidents.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { Section } from '../../components/Page.tsx';
import { ApiError, upload, withQuery } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { sizeText } from './labels.ts';
import { withReason } from './readReason.tsx';

/** The kind of evidence a browser-reported media type is, or null when SRO Desk does not take it. */
function kindOf(type: string): AttachmentKind | null {
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  return null;
}

interface Props {
  incidentId: string;
  attachments: Attachment[];
  /** Evidence added after approval belongs to a supplement. */
  supplementId?: string;
  canAttach: boolean;
  canOpen: boolean;
  title?: string;
}

/** Evidence files: list with links through the authorized route, and upload with progress. */
export function AttachmentsSection({
  incidentId,
  attachments,
  supplementId,
  canAttach,
  canOpen,
  title,
}: Props) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [added, setAdded] = useState<Attachment[]>([]);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const known = new Set(attachments.map((a) => a.id));
  const items = [...attachments, ...added.filter((a) => !known.has(a.id))].filter((a) =>
    supplementId ? a.supplementId === supplementId : true,
  );

  const send = async (files: FileList | null) => {
    setError(null);
    setMessage(null);
    for (const file of Array.from(files ?? [])) {
      const kind = kindOf(file.type);
      if (!kind) {
        setError(
          new ApiError(415, {
            code: 'unsupported_media_type',
            message: `${file.name}: only images, PDF, audio and video are taken.`,
          }),
        );
        continue;
      }
      if (file.size > ATTACHMENT_LIMITS[kind]) {
        setError(
          new ApiError(413, {
            code: 'payload_too_large',
            message: `${file.name} is ${sizeText(file.size)}; the most for ${kind} is ${sizeText(ATTACHMENT_LIMITS[kind])}.`,
          }),
        );
        continue;
      }
      setProgress({ name: file.name, fraction: 0 });
      try {
        const path = withQuery(`/incidents/${incidentId}/attachments`, { fileName: file.name, supplementId });
        const saved = await upload<Attachment>(path, file, {
          onProgress: (fraction) => setProgress({ name: file.name, fraction }),
        });
        setAdded((prev) => [...prev, saved]);
        setMessage(`${file.name} was added.`);
      } catch (e) {
        setError(e instanceof Error ? e : new Error(String(e)));
      } finally {
        setProgress(null);
      }
    }
    if (input.current) input.current.value = '';
  };

  return (
    <Section title={title ?? 'Evidence'} id={supplementId ? `evidence-${supplementId}` : 'evidence'}>
      <Notice message={message} />
      <ErrorBanner error={error} />
      {items.length === 0 ? (
        <EmptyState title="No evidence attached." />
      ) : (
        <ul className="list-rows" aria-label="Attached files">
          {items.map((a) => (
            <li key={a.id}>
              <span>
                {canOpen ? (
                  <a href={withReason(`/api/incident-attachments/${a.id}/content`, incidentId)} target="_blank" rel="noreferrer">
                    {a.fileName}
                  </a>
                ) : (
                  a.fileName
                )}{' '}
                <span className="muted small">
                  {a.kind} · {sizeText(a.size)} · {a.uploadedByName}, {formatDateTime(a.uploadedAt)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <div className="field mt-sm">
          <label htmlFor={inputId} className="field-label">
            Add files
          </label>
          <input
            ref={input}
            id={inputId}
            type="file"
            multiple
            className="input"
            accept="image/*,application/pdf,audio/*,video/*"
            disabled={progress !== null}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => void send(e.target.files)}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            Images up to {sizeText(ATTACHMENT_LIMITS.image)}, PDF {sizeText(ATTACHMENT_LIMITS.pdf)}, audio{' '}
            {sizeText(ATTACHMENT_LIMITS.audio)}, video {sizeText(ATTACHMENT_LIMITS.video)}. Stored outside the
            web server; opened only through SRO Desk.
          </p>
          {progress && (
            <div role="status">
              <label className="small" htmlFor={`${inputId}-progress`}>
                Uploading {progress.name}: {Math.round(progress.fraction * 100)}%
              </label>
              <progress id={`${inputId}-progress`} className="progress" max={1} value={progress.fraction} />
            </div>
          )}
        </div>
      )}
    </Section>
  );
}
