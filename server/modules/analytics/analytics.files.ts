import { ownerLabelOf } from '../../../common/record-owners.js';
import {
  EQUITY_MEASURE_LABELS, EQUITY_MEASURES, formatCell, type Dashboard, type Equity, type Panel,
} from '../../../common/analytics.js';
import { CSV_BOM, csvLine } from '../../../common/csv.js';
import { createPdf } from '../../lib/pdf.js';

const AGGREGATE = 'Aggregate figures only: no individual records';

/** The dashboard as one CSV: the key figures, then each panel's table under its title (what the page downloads per panel). */
export function dashboardCsv(d: Dashboard): string {
  const lines = [csvLine([`District dashboard ${d.from} to ${d.to}`, AGGREGATE]), csvLine(['Figure', 'Value'])];
  for (const f of d.figures) lines.push(csvLine([f.label, f.value === null ? '' : formatCell(f.value, f.kind)]));
  for (const p of d.panels) {
    lines.push(csvLine([]), csvLine([p.title]), csvLine(p.columns.map((c) => c.label)));
    for (const row of p.rows) lines.push(csvLine(p.columns.map((c) => raw(row[c.key]))));
  }
  return CSV_BOM + lines.join('');
}

function raw(v: string | number | null | undefined): string | number {
  return v === null || v === undefined ? '' : v;
}

function rowText(p: Panel, row: Panel['rows'][number]): string {
  return p.columns.map((c) => `${c.label}: ${formatCell(row[c.key] ?? null, c.kind)}`).join(' · ');
}

/** The dashboard as a PDF: key figures, then each panel's rows as lines. */
export async function dashboardPdf(d: Dashboard, createdAt: Date): Promise<Buffer> {
  const title = `District dashboard ${d.from} to ${d.to}`;
  const pdf = createPdf({ title, owner: ownerLabelOf('operational', null), subject: 'SRO program dashboard', author: 'SRO Desk', createdAt });
  pdf.title(title, `${d.schools.length} school(s) · ${AGGREGATE}`);
  pdf.heading('Key figures').fields(d.figures.map((f) => [f.label, f.value === null ? null : formatCell(f.value, f.kind)]));
  for (const p of d.panels) {
    pdf.heading(p.title).paragraph(p.description, { muted: true }).list(p.rows.map((r) => rowText(p, r)));
  }
  return pdf.finish();
}

function measureCells(row: Equity['rows'][number]): (string | number)[] {
  return EQUITY_MEASURES.flatMap((m) => {
    const c = row.measures[m];
    return c.suppressed ? ['suppressed', '', '', '', ''] : [c.students ?? '', c.ratePer1000 ?? '', c.rri ?? '', c.ciLow ?? '', c.ciHigh ?? ''];
  });
}

/** The equity table as CSV: a row per student group, students, rate per 1,000 and RRI with its interval per measure. */
export function equityCsv(e: Equity): string {
  const header = ['Dimension', 'Group', 'Enrolled', ...EQUITY_MEASURES.flatMap((m) => {
    const l = EQUITY_MEASURE_LABELS[m];
    return [`${l}: students`, `${l}: per 1,000`, `${l}: RRI`, `${l}: 95% low`, `${l}: 95% high`];
  })];
  const lines = [csvLine([`Equity analytics ${e.from} to ${e.to}`, `Counts under ${e.minimumCount} suppressed`, e.enrolmentNote]), csvLine(header)];
  for (const r of e.rows) lines.push(csvLine([r.dimension, r.label, r.enrolled ?? 'suppressed', ...measureCells(r)]));
  return CSV_BOM + lines.join('');
}

/** The equity table as a PDF: per group, each measure's count, rate and relative rate index (or "suppressed"). */
export async function equityPdf(e: Equity, createdAt: Date): Promise<Buffer> {
  const title = `Equity analytics ${e.from} to ${e.to}`;
  const pdf = createPdf({ title, owner: ownerLabelOf('operational', null), subject: 'Rates per 1,000 and relative rate indexes by student group', author: 'SRO Desk', createdAt });
  pdf.title(title, `Counts under ${e.minimumCount} are suppressed. ${e.enrolmentNote}`);
  for (const m of EQUITY_MEASURES) {
    pdf.heading(EQUITY_MEASURE_LABELS[m]).list(e.rows.map((r) => {
      const c = r.measures[m];
      if (c.suppressed) return `${r.label}: suppressed`;
      const ci = c.ciLow !== null && c.ciHigh !== null ? ` (95% ${c.ciLow.toFixed(2)}–${c.ciHigh.toFixed(2)})` : '';
      return `${r.label}: ${c.students} students, ${c.ratePer1000?.toFixed(2) ?? '—'} per 1,000, RRI ${c.rri?.toFixed(2) ?? '—'}${ci}`;
    }));
  }
  return pdf.finish();
}
