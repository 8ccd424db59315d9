import { useState } from 'react';
import {
  SCHOOL_DOCUMENT_KIND_LABELS,
  type SchoolDocument,
  type SchoolDocumentKind,
} from '@common/meetings.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api, withQuery } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

const MAX_BYTES = 10 * 1024 * 1024;

/** A new version of a school's MOU or expectations: an uploaded PDF (the usual signed copy) or a written text. */
export function DocumentForm({
  kind,
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  kind: SchoolDocumentKind;
  schoolOptions: Option[];
  defaultSchoolId: string;
  onDone: (d: SchoolDocument) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(defaultSchoolId);
  const [title, setTitle] = useState(`${SCHOOL_DOCUMENT_KIND_LABELS[kind]} ${new Date().getFullYear()}`);
  const [format, setFormat] = useState<'pdf' | 'text'>('pdf');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [body, setBody] = useState('');
  const save = useAction(async () => {
    if (format === 'pdf') {
      if (!file) throw new Error('Choose a PDF file.');
      onDone(
        await api.upload<SchoolDocument>(
          'POST',
          withQuery('/school-documents/pdf', { schoolId, kind, title: title.trim(), fileName: file.name }),
          file,
        ),
      );
    } else {
      onDone(
        await api.post<SchoolDocument>('/school-documents', { schoolId, kind, title: title.trim(), body }),
      );
    }
  });
  const err = (f: string) => fieldError(save.error, f);
  const fileMessage = fileError ?? err('file');
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={`New version of the ${SCHOOL_DOCUMENT_KIND_LABELS[kind]}`}
    >
      <div className="form-grid">
        <SelectField
          label="School"
          name="schoolId"
          required
          value={schoolId}
          onChange={setSchoolId}
          options={schoolOptions}
          error={err('schoolId')}
        />
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={setTitle}
          error={err('title')}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Format</legend>
        <div className="row">
          <label className="radio">
            <input type="radio" name="format" checked={format === 'pdf'} onChange={() => setFormat('pdf')} />{' '}
            Upload a PDF
          </label>
          <label className="radio">
            <input
              type="radio"
              name="format"
              checked={format === 'text'}
              onChange={() => setFormat('text')}
            />{' '}
            Write the text
          </label>
        </div>
      </fieldset>
      {format === 'pdf' ? (
        <div className={fileMessage ? 'field field-invalid' : 'field'}>
          <label htmlFor="school-doc-pdf" className="field-label">
            PDF file (up to 10 MB)
          </label>
          <input
            id="school-doc-pdf"
            name="file"
            className="input"
            type="file"
            accept="application/pdf,.pdf"
            required
            aria-invalid={fileMessage ? true : undefined}
            aria-describedby={fileMessage ? 'school-doc-pdf-error' : undefined}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFileError(chosen && chosen.size > MAX_BYTES ? 'The file is larger than 10 MB.' : undefined);
              setFile(chosen);
            }}
          />
          {fileMessage && (
            <p id="school-doc-pdf-error" className="field-error">
              {fileMessage}
            </p>
          )}
        </div>
      ) : (
        <TextAreaField
          label="Text"
          name="body"
          required
          rows={12}
          maxLength={200000}
          value={body}
          onChange={setBody}
          error={err('body')}
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy} disabled={format === 'pdf' && !!fileError}>
          Save version
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
