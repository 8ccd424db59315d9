import { useEffect, useId, useRef, useState } from 'react';
import {
  ASSESSMENT_RATINGS,
  ASSESSMENT_RATING_LABELS,
  MAX_PHOTO_BYTES,
  PHOTO_TYPES,
  type AssessmentItem,
  type AssessmentItemUpdateBody,
  type Photo,
} from '@common/assessments.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { api, upload } from '../../lib/api.ts';
import { useAction } from '../../lib/hooks.ts';
import { CONFIDENCE_OPTIONS, RatingBadge } from './labels.tsx';

/**
 * One measure of an assessment: its rating (in place, partial, absent, n/a), confidence and notes, saved as
 * they change, and photos. Read-only once the assessment is completed.
 */
export function RatingItem({
  assessmentId,
  item,
  editable,
  onChange,
}: {
  assessmentId: string;
  item: AssessmentItem;
  editable: boolean;
  onChange: (item: AssessmentItem) => void;
}) {
  const id = useId();
  const [rating, setRating] = useState(item.rating);
  const [confidence, setConfidence] = useState(item.confidence);
  const [notes, setNotes] = useState(item.notes ?? '');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const path = `/assessments/${assessmentId}/items/${item.id}`;
  const latest = useRef({ item, onChange });
  useEffect(() => {
    latest.current = { item, onChange };
  });
  // Changes save one after another, in the order made, so a quick second choice is never lost or overtaken.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const save = (body: AssessmentItemUpdateBody) => {
    setStatus('Saving…');
    queue.current = queue.current.then(async () => {
      try {
        const next = await api.patch<AssessmentItem>(path, body);
        const current = latest.current.item;
        latest.current.onChange({ ...current, ...next, photos: next.photos ?? current.photos });
        setError(null);
        setStatus('Saved');
      } catch (e) {
        setError(e instanceof Error ? e : new Error(String(e)));
        setRating(latest.current.item.rating);
        setConfidence(latest.current.item.confidence);
        setStatus('');
      }
    });
  };
  const addPhoto = useAction(async (file: File) => {
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type))
      throw new Error('The photo must be a JPEG, PNG or WebP image.');
    if (file.size > MAX_PHOTO_BYTES) throw new Error('The photo is larger than 10 MB.');
    const photo = await upload<Photo>(`${path}/photos`, file);
    const current = latest.current.item;
    latest.current.onChange({ ...current, photos: [...current.photos, photo] });
  });
  // The API may name the image by its path under /api or in full.
  const src = (p: Photo) => (p.url.startsWith('/') && !p.url.startsWith('/api/') ? `/api${p.url}` : p.url);
  const ratingClass = rating ? `rating-item rating-${rating}` : 'rating-item';

  return (
    <li className={ratingClass}>
      <div className="row-between">
        <strong id={`${id}-title`}>{item.title}</strong>
        <RatingBadge rating={rating} />
      </div>
      {item.guidance && <p className="muted small pre-line">{item.guidance}</p>}
      {editable ? (
        <>
          <fieldset className="choice-row" aria-describedby={`${id}-status`}>
            <legend className="visually-hidden">Rating of {item.title}</legend>
            {ASSESSMENT_RATINGS.map((r) => (
              <label key={r}>
                <input
                  type="radio"
                  name={`rating-${item.id}`}
                  checked={rating === r}
                  onChange={() => {
                    setRating(r);
                    save({ rating: r });
                  }}
                />
                {ASSESSMENT_RATING_LABELS[r]}
              </label>
            ))}
          </fieldset>
          <div className="form-grid">
            <SelectField
              label={
                <>
                  Confidence<span className="visually-hidden"> in “{item.title}”</span>
                </>
              }
              value={confidence ?? ''}
              onChange={(v) => {
                const next = v ? (v as NonNullable<AssessmentItemUpdateBody['confidence']>) : null;
                setConfidence(next);
                save({ confidence: next });
              }}
              options={CONFIDENCE_OPTIONS}
              placeholder="Not given"
            />
            <TextAreaField
              label={
                <>
                  Notes<span className="visually-hidden"> on “{item.title}”</span>
                </>
              }
              rows={2}
              maxLength={4000}
              value={notes}
              onChange={setNotes}
              onBlur={() => {
                if (notes.trim() !== (item.notes ?? '')) save({ notes: notes.trim() || null });
              }}
              className="span-all"
            />
          </div>
        </>
      ) : (
        <p className="small">
          {item.confidence && <span className="muted">Confidence {item.confidence}. </span>}
          {item.notes && <span className="pre-line">{item.notes}</span>}
        </p>
      )}
      {item.photos.length > 0 && (
        <ul className="photo-thumbs" aria-label={`Photos of ${item.title}`}>
          {item.photos.map((p) => (
            <li key={p.id}>
              <a href={src(p)} target="_blank" rel="noreferrer">
                <img src={src(p)} alt={p.caption ?? `Photo of ${item.title}`} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="field">
          <label htmlFor={`${id}-photo`} className="field-label">
            Add a photo
          </label>
          <input
            id={`${id}-photo`}
            type="file"
            className="input"
            accept={PHOTO_TYPES.join(',')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void addPhoto.run(file);
            }}
          />
        </div>
      )}
      <p id={`${id}-status`} className="muted small" aria-live="polite">
        {addPhoto.busy ? 'Uploading the photo…' : status}
      </p>
      <ErrorBanner error={error ?? addPhoto.error} />
    </li>
  );
}
