import { ownerLabelOf } from '../../../common/record-owners.js';
import {
  CRDC_DISABILITY, CRDC_DISABILITY_LABELS, CRDC_OFFENSE_LABELS, CRDC_OFFENSES, CRDC_RACE_LABELS, CRDC_RACES, type CrdcBreakdown, type CrdcTables,
} from '../../../common/analytics.js';
import { createPdf, type PdfBuilder } from '../../lib/pdf.js';

/** The label: count pairs of one CRDC table, in the order of the CSV's columns. */
export function breakdownFields(b: CrdcBreakdown): [string, number][] {
  return [
    ['Total', b.total],
    ...CRDC_RACES.map((r) => [CRDC_RACE_LABELS[r], b.race[r]] as [string, number]),
    ['Male', b.sex.male ?? 0], ['Female', b.sex.female ?? 0], ['Nonbinary', b.sex.nonbinary ?? 0],
    ...CRDC_DISABILITY.map((d) => [CRDC_DISABILITY_LABELS[d], b.disability[d]] as [string, number]),
    ['English learners', b.englishLearner],
  ];
}

function table(pdf: PdfBuilder, title: string, b: CrdcBreakdown): void {
  pdf.line(title, { bold: true }).fields(breakdownFields(b)).space(0.5);
}

/** The CRDC tables as a PDF: per school, students referred and arrested by group, then offenses; the same numbers as the CSV. */
export async function crdcPdf(tables: CrdcTables, createdAt: Date): Promise<Buffer> {
  const title = `CRDC tables ${tables.from} to ${tables.to}`;
  const pdf = createPdf({ title, owner: ownerLabelOf('operational', null), subject: 'Civil Rights Data Collection: referrals, school-related arrests, offenses', author: 'SRO Desk', createdAt });
  pdf.title(title, 'Aggregate counts of students (each student once per group); no individual records.');
  if (tables.schools.length === 0) pdf.paragraph('No schools in the chosen filters.', { muted: true });
  for (const s of tables.schools) {
    pdf.heading(`${s.school.name} (NCES ${s.ncesId || '-'})`);
    table(pdf, 'Referred to law enforcement', s.referrals);
    table(pdf, 'School-related arrests', s.arrests);
    pdf.line('Offenses', { bold: true }).fields(CRDC_OFFENSES.map((o) => [CRDC_OFFENSE_LABELS[o], s.offenses[o]] as [string, number]));
  }
  return pdf.finish();
}
