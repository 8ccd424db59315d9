import { useState } from 'react';
import type { PlanDetail, PlanVersion } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api, withQuery } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** A new version of a plan: written in the app (starting from the current text) or an uploaded PDF. */
export function VersionForm({ plan, onDone }: { plan: PlanDetail; onDone: (version: number) => void }) {
  const current = plan.versions.find((v) => v.id === plan.currentVersion.id);
  const [format, setFormat] = useState<'text' | 'pdf'>('text');
  const [body, setBody] = useState(current?.body ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [changeSummary, setChangeSummary] = useState('');
  const save = useAction(async () => {
    const summary = changeSummary.trim() || null;
    let created: PlanVersion;
    if (format === 'pdf') {
      if (!file) throw new Error('Choose a PDF file.');
      created = await api.upload<PlanVersion>(
        'POST',
        withQuery(`/plans/${plan.id}/versions/pdf`, { changeSummary: summary, fileName: file.name }),
        file,
      );
    } else {
      created = await api.post<PlanVersion>(`/plans/${plan.id}/versions`, { body, changeSummary: summary });
    }
    setChangeSummary('');
    setFile(null);
    onDone(created.version);
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="New version">
      <fieldset className="fieldset">
        <legend>Format</legend>
        <div className="row">
          <label className="radio">
            <input
              type="radio"
              name="format"
              checked={format === 'text'}
              onChange={() => setFormat('text')}
            />{' '}
            Write the text
          </label>
          <label className="radio">
            <input type="radio" name="format" checked={format === 'pdf'} onChange={() => setFormat('pdf')} />{' '}
            Upload a PDF
          </label>
        </div>
      </fieldset>
      {format === 'text' ? (
        <TextAreaField
          label="Text"
          name="body"
          required
          rows={12}
          value={body}
          onChange={setBody}
          error={err('body')}
        />
      ) : (
        <div className={fileError || err('file') ? 'field field-invalid' : 'field'}>
          <label htmlFor="plan-pdf" className="field-label">
            PDF file (up to 10 MB)
          </label>
          <input
            id="plan-pdf"
            name="file"
            className="input"
            type="file"
            accept="application/pdf,.pdf"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError || err('file') ? 'plan-pdf-error' : undefined}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFileError(chosen && chosen.size > MAX_BYTES ? 'The file is larger than 10 MB.' : undefined);
              setFile(chosen);
            }}
          />
          {(fileError ?? err('file')) && (
            <p id="plan-pdf-error" className="field-error">
              {fileError ?? err('file')}
            </p>
          )}
        </div>
      )}
      <TextField
        label="Change summary"
        name="changeSummary"
        maxLength={500}
        value={changeSummary}
        onChange={setChangeSummary}
        error={err('changeSummary')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy} disabled={format === 'pdf' && !!fileError}>
          Publish version {plan.currentVersion.version + 1}
        </Button>
      </FormActions>
    </Form>
  );
}
