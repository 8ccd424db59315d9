import { useId, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { upload } from '../../lib/api.ts';
import { useSession } from '../../lib/session.tsx';

type Value = string | number | boolean | null;
interface Plan {
  leaid: string;
  applied: boolean;
  fileRows: number;
  districtRows: number;
  added: { line: number; ncesId: string; name: string; level: string; gradeLow: number; gradeHigh: number; city: string }[];
  updated: { line: number; schoolId: string; ncesId: string; name: string; changes: { field: string; from: Value; to: Value }[] }[];
  closed: { line: number; schoolId: string; ncesId: string; name: string }[];
  unchanged: number;
  notInFile: { schoolId: string; ncesId: string; name: string }[];
  skipped: { line: number; ncesId: string; name: string; reason: string }[];
}

const MAX_MB = 100;
const grade = (g: number) => (g === -1 ? 'PK' : g === 0 ? 'K' : String(g));
const FIELD_LABELS: Record<string, string> = {
  name: 'name', street: 'street', city: 'city', state: 'state', zip: 'ZIP', phone: 'phone', level: 'level',
  gradeLow: 'lowest grade', gradeHigh: 'highest grade', active: 'open',
};

/** Sends the file as CSV whatever the browser guessed (.csv is often "application/vnd.ms-excel" or nothing). */
function asCsv(file: File): File {
  return new File([file], file.name, { type: 'text/csv' });
}

/**
 * School directory import from the NCES Common Core of Data: choose the CCD school directory CSV, see the dry run
 * (schools to add, update and close for the district's LEAID), then apply the same file.
 */
export function SchoolImportPage() {
  const inputId = useId();
  const { session } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const districtWide = session.grants.some((g) => g.role === 'sysadmin' && g.schoolId === null);

  const run = async (step: 'preview' | 'apply') => {
    if (!file) return;
    setError(null);
    setBusy(step);
    try {
      if (file.size > MAX_MB * 1024 * 1024) throw new Error(`The file is larger than the ${MAX_MB} MB limit.`);
      setPlan(await upload<Plan>(`/school-imports/ccd/${step}`, asCsv(file)));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(null);
    }
  };

  if (!districtWide)
    return (
      <Page title="School directory import">
        <EmptyState title="A district-wide system administrator imports the school directory" />
      </Page>
    );

  return (
    <Page
      title="School directory import"
      description="Add and update your district's schools from the NCES Common Core of Data school directory file (ccd_sch_029)."
    >
      <div className="page-sections">
        <Section title="Choose the file" id="file">
          <Form onSubmit={() => void run('preview')} error={error} aria-label="CCD school directory file">
            <div className="field">
              <label htmlFor={inputId} className="field-label">
                CCD school directory (CSV)
              </label>
              <input
                id={inputId}
                name="file"
                type="file"
                className="input"
                required
                accept=".csv,text/csv"
                aria-describedby={`${inputId}-hint`}
                onChange={(e) => {
                  setError(null);
                  setPlan(null);
                  setFile(e.target.files?.[0] ?? null);
                }}
              />
              <p id={`${inputId}-hint`} className="field-hint">
                The national or a state file as downloaded from nces.ed.gov (up to {MAX_MB} MB). Only your district&apos;s
                rows (by its LEAID) are read. Nothing changes until you apply.
              </p>
            </div>
            <FormActions>
              <Button type="submit" variant="primary" busy={busy === 'preview'} disabled={!file}>
                Preview changes
              </Button>
            </FormActions>
          </Form>
        </Section>
        {plan && <PlanView plan={plan} busy={busy === 'apply'} onApply={() => void run('apply')} />}
      </div>
    </Page>
  );
}

function PlanView({ plan, busy, onApply }: { plan: Plan; busy: boolean; onApply: () => void }) {
  const changes = plan.added.length + plan.updated.length + plan.closed.length;
  return (
    <Section title={plan.applied ? 'Applied' : 'Dry run'} id="plan">
      <p aria-live="polite" className="stack">
        {plan.applied ? 'Applied: ' : 'Would change: '}
        {plan.added.length} added, {plan.updated.length} updated, {plan.closed.length} closed, {plan.unchanged} unchanged
        {' '}(LEAID {plan.leaid}: {plan.districtRows} of the file&apos;s {plan.fileRows} schools).
      </p>
      {plan.added.length > 0 && (
        <DataTable
          caption="Schools to add"
          rows={plan.added}
          rowKey={(r) => r.ncesId}
          columns={[
            { header: 'School', render: (r) => r.name },
            { header: 'NCES id', render: (r) => r.ncesId },
            { header: 'Level', render: (r) => r.level },
            { header: 'Grades', render: (r) => `${grade(r.gradeLow)}–${grade(r.gradeHigh)}` },
            { header: 'City', render: (r) => r.city },
          ]}
        />
      )}
      {plan.updated.length > 0 && (
        <DataTable
          caption="Schools to update"
          rows={plan.updated}
          rowKey={(r) => r.ncesId}
          columns={[
            { header: 'School', render: (r) => r.name },
            { header: 'NCES id', render: (r) => r.ncesId },
            {
              header: 'Changes',
              render: (r) => r.changes.map((c) => `${FIELD_LABELS[c.field] ?? c.field}: ${String(c.from)} → ${String(c.to)}`).join('; '),
            },
          ]}
        />
      )}
      {plan.closed.length > 0 && (
        <DataTable
          caption="Schools to close (kept with their records)"
          rows={plan.closed}
          rowKey={(r) => r.ncesId}
          columns={[
            { header: 'School', render: (r) => r.name },
            { header: 'NCES id', render: (r) => r.ncesId },
          ]}
        />
      )}
      {plan.skipped.length > 0 && (
        <DataTable
          caption="Rows skipped"
          rows={plan.skipped}
          rowKey={(r) => `${r.line}`}
          columns={[
            { header: 'Line', render: (r) => r.line },
            { header: 'School', render: (r) => r.name },
            { header: 'Why', render: (r) => r.reason },
          ]}
        />
      )}
      {plan.notInFile.length > 0 && (
        <p className="muted">
          Not in the file, kept as they are: {plan.notInFile.map((s) => s.name).join(', ')}.
        </p>
      )}
      {!plan.applied &&
        (changes > 0 ? (
          <FormActions>
            <Button variant="primary" busy={busy} onClick={onApply}>
              Apply {changes} change{changes === 1 ? '' : 's'}
            </Button>
          </FormActions>
        ) : (
          <EmptyState title="Nothing to change: the schools already match the file" />
        ))}
    </Section>
  );
}
