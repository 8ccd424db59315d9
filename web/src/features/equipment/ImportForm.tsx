import { useState } from 'react';
import { EQUIPMENT_CSV_COLUMNS, type ImportResult } from '@common/equipment.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api, withQuery } from '../../lib/api.ts';
import { plural } from '../../lib/format.ts';
import { useAction } from '../../lib/hooks.ts';

/**
 * Imports inventory from a CSV file into one school: "Check the file" runs a dry run that lists the errors
 * line by line; "Import" writes the items (all or nothing).
 */
export function ImportForm({
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  schoolOptions: Option[];
  defaultSchoolId?: string;
  onDone: (imported: number) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(
    schoolOptions.some((o) => o.value === defaultSchoolId)
      ? (defaultSchoolId ?? '')
      : (schoolOptions[0]?.value ?? ''),
  );
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  // The browser may call a .csv file application/vnd.ms-excel or nothing; the API takes text/csv.
  const send = (dryRun: boolean) =>
    api.upload<ImportResult>(
      'POST',
      withQuery('/equipment/import', { schoolId, dryRun: String(dryRun) }),
      new Blob([file ?? ''], { type: 'text/csv' }),
    );
  const check = useAction(async () => {
    setChecked(await send(true));
  });
  const run = useAction(async () => {
    const result = await send(false);
    onDone(result.imported);
  });
  const error = run.error ?? check.error;

  return (
    <Form onSubmit={() => void check.run()} error={error} aria-label="Import equipment">
      <p className="muted small">
        A CSV file with a header line. Columns: {EQUIPMENT_CSV_COLUMNS.join(', ')}. Type and name are
        required; area by its name, the responsible person by e-mail, dates as YYYY-MM-DD.
      </p>
      <div className="form-grid">
        <SelectField
          label="Into the school"
          name="schoolId"
          required
          value={schoolId}
          onChange={(v) => {
            setSchoolId(v);
            setChecked(null);
          }}
          options={schoolOptions}
        />
        <div className="field">
          <label htmlFor="equipment-import-file" className="field-label">
            CSV file
          </label>
          <input
            id="equipment-import-file"
            className="input"
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setChecked(null);
            }}
          />
        </div>
      </div>
      {checked && checked.errors.length === 0 && (
        <Notice message={`The file is fine: ${plural(checked.imported, 'item')} ready to import.`} />
      )}
      {checked && checked.errors.length > 0 && (
        <div className="import-errors" role="region" aria-label="Errors in the file" tabIndex={0}>
          <p className="field-error">
            {plural(checked.errors.length, 'error')} in the file; nothing is imported until they are fixed.
          </p>
          <DataTable
            caption="Errors in the file, by line"
            rows={checked.errors}
            rowKey={(e) => `${e.line} ${e.field} ${e.message}`}
            columns={[
              { header: 'Line', className: 'num', render: (e) => e.line },
              { header: 'Column', render: (e) => e.field },
              { header: 'Problem', render: (e) => e.message },
            ]}
          />
        </div>
      )}
      <FormActions>
        <Button type="submit" busy={check.busy} disabled={!file}>
          Check the file
        </Button>
        <Button
          variant="primary"
          busy={run.busy}
          disabled={!checked || checked.errors.length > 0 || checked.imported === 0}
          onClick={() => void run.run()}
        >
          Import
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
