import { useId, useRef, useState } from 'react';
import { TIP_CATEGORIES, TIP_LIMITS, type TipCategory } from '@common/tip-constants.ts';
import { Button } from '../../../components/Button.tsx';
import { TextAreaField, TextField } from '../../../components/Field.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useAction } from '../../../lib/hooks.ts';
import type { TipReceipt } from '@common/tips.ts';
import { fileToBase64, postWithProgress, tipProof, tipToken, type PublicSchool } from '../tipApi.ts';
import { categoryText, sizeText } from './labels.ts';
import { PublicFrame, useText } from './PublicFrame.tsx';
import { PublicError, usePublicFieldError } from './PublicError.tsx';
import { ReceiptView } from './ReceiptView.tsx';
import { SchoolSearch } from './SchoolSearch.tsx';
import { fill } from './strings.ts';

/** The public page where anyone reports a concern without an account. */
export function ReportTipPage() {
  return (
    <PublicFrame title={(t) => t.reportTitle}>
      <ReportForm />
    </PublicFrame>
  );
}

function ReportForm() {
  const { t, lang } = useText();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [school, setSchool] = useState<PublicSchool | null>(null);
  const [category, setCategory] = useState<TipCategory | ''>('');
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState('');
  const [where, setWhere] = useState('');
  const [who, setWho] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [receipt, setReceipt] = useState<TipReceipt | null>(null);
  const [schoolMissing, setSchoolMissing] = useState(false);
  const maxSize = sizeText(TIP_LIMITS.attachmentMaxBytes, lang);

  const send = useAction(async () => {
    if (!school) {
      setSchoolMissing(true);
      throw new ApiError(400, { code: 'validation_failed', message: t.schoolRequired, field: 'schoolId' });
    }
    const attachment = file ? { fileName: file.name, contentBase64: await fileToBase64(file) } : undefined;
    setProgress(file ? 0 : null);
    try {
      const answer = await postWithProgress<TipReceipt>(
        '/public/tips',
        {
          token: await tipToken(),
          proof: tipProof(),
          schoolId: school.id,
          category,
          description,
          when: when || undefined,
          where: where || undefined,
          who: who || undefined,
          language: lang,
          attachment,
        },
        file ? setProgress : undefined,
      );
      setReceipt(answer);
      window.scrollTo(0, 0);
    } finally {
      setProgress(null);
    }
  });
  const fieldError = usePublicFieldError(send.error);

  const chooseFile = (chosen: File | null) => {
    setFileProblem(null);
    if (!chosen) return setFile(null);
    if (!TIP_LIMITS.attachmentTypes.includes(chosen.type)) {
      setFileProblem(t.attachmentWrongType);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      return;
    }
    if (chosen.size > TIP_LIMITS.attachmentMaxBytes) {
      setFileProblem(fill(t.attachmentTooBig, { size: maxSize }));
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      return;
    }
    setFile(chosen);
  };

  if (receipt) return <ReceiptView receipt={receipt} />;

  const attachmentError = fileProblem ?? fieldError('attachment');
  const schoolError = schoolMissing && !school ? t.schoolRequired : fieldError('schoolId');
  const categoryError = fieldError('category');
  return (
    <>
      <p>{t.reportIntro}</p>
      <p className="banner banner-warning tip-emergency">
        <strong>{t.emergency}</strong>
      </p>
      <form
        className="form"
        aria-label={t.reportTitle}
        onSubmit={(e) => {
          e.preventDefault();
          void send.run();
        }}
      >
        <PublicError error={send.error} />
        <SchoolSearch
          value={school}
          onChange={(s) => {
            setSchool(s);
            setSchoolMissing(false);
          }}
          error={schoolError}
        />
        <fieldset
          className={categoryError ? 'radio-row tip-categories field-invalid' : 'radio-row tip-categories'}
        >
          <legend>
            {t.categoryLegend}{' '}
            <span className="field-required" aria-hidden="true">
              *
            </span>
          </legend>
          {TIP_CATEGORIES.map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="category"
                value={c}
                required
                checked={category === c}
                onChange={() => setCategory(c)}
              />
              {categoryText(c, lang)}
            </label>
          ))}
          {categoryError && <p className="field-error">{categoryError}</p>}
        </fieldset>
        <TextAreaField
          label={t.whatLabel}
          hint={t.whatHint}
          name="description"
          required
          rows={5}
          maxLength={TIP_LIMITS.descriptionMax}
          value={description}
          onChange={setDescription}
          error={fieldError('description')}
        />
        <TextField
          label={t.whenLabel}
          hint={t.whenHint}
          name="when"
          maxLength={TIP_LIMITS.fieldMax}
          value={when}
          onChange={setWhen}
          error={fieldError('when')}
        />
        <TextField
          label={t.whereLabel}
          hint={t.whereHint}
          name="where"
          maxLength={TIP_LIMITS.fieldMax}
          value={where}
          onChange={setWhere}
          error={fieldError('where')}
        />
        <TextAreaField
          label={t.whoLabel}
          hint={t.whoHint}
          name="who"
          rows={2}
          maxLength={TIP_LIMITS.fieldMax}
          value={who}
          onChange={setWho}
          error={fieldError('who')}
        />
        <div className={attachmentError ? 'field field-invalid' : 'field'}>
          <label htmlFor={fileId} className="field-label">
            {t.attachmentLabel}
          </label>
          <input
            ref={fileInput}
            id={fileId}
            name="attachment"
            type="file"
            className="input"
            accept={TIP_LIMITS.attachmentTypes.join(',')}
            onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
            aria-invalid={attachmentError ? true : undefined}
            aria-describedby={`${fileId}-hint${attachmentError ? ` ${fileId}-error` : ''}`}
          />
          <p id={`${fileId}-hint`} className="field-hint">
            {fill(t.attachmentHint, { size: maxSize })}
          </p>
          {attachmentError && (
            <p id={`${fileId}-error`} className="field-error">
              {attachmentError}
            </p>
          )}
          {file && (
            <p className="row small">
              <span>
                {file.name} · {sizeText(file.size, lang)}
              </span>
              <Button
                size="small"
                variant="ghost"
                onClick={() => {
                  setFile(null);
                  if (fileInput.current) fileInput.current.value = '';
                }}
              >
                {t.attachmentRemove}
              </Button>
            </p>
          )}
        </div>
        {progress !== null && (
          <div className="stack" aria-live="polite">
            <progress className="progress" max={1} value={progress} aria-label={t.sending} />
            <p className="small">{fill(t.uploading, { percent: Math.round(progress * 100) })}</p>
          </div>
        )}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={send.busy} className="btn-block">
            {send.busy ? t.sending : t.submit}
          </Button>
        </div>
      </form>
    </>
  );
}
