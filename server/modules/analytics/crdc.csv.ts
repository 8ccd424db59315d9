import {
  CRDC_DISABILITY, CRDC_DISABILITY_LABELS, CRDC_OFFENSE_LABELS, CRDC_OFFENSES, CRDC_RACE_LABELS, CRDC_RACES, type CrdcBreakdown, type CrdcTables,
} from '../../../common/analytics.js';
import { CSV_BOM, csvLine } from '../../../common/csv.js';



function breakdownCells(b: CrdcBreakdown): (string | number)[] {
  return [b.total, ...CRDC_RACES.map((r) => b.race[r]), b.sex.male ?? 0, b.sex.female ?? 0, b.sex.nonbinary ?? 0,
    ...CRDC_DISABILITY.map((d) => b.disability[d]), b.englishLearner];
}

/** The CRDC tables as one CSV: a row per school and table, students counted once per group. */
export function crdcCsv(tables: CrdcTables): string {
  const header = ['School', 'NCES school id', 'Table', 'Total', ...CRDC_RACES.map((r) => CRDC_RACE_LABELS[r]), 'Male', 'Female', 'Nonbinary',
    ...CRDC_DISABILITY.map((d) => CRDC_DISABILITY_LABELS[d]), 'English learners'];
  const lines = [csvLine(['Education record (FERPA) aggregate: CRDC counts of students, no individual records', `${tables.from} to ${tables.to}`]), csvLine(header)];
  for (const s of tables.schools) {
    lines.push(csvLine([s.school.name, s.ncesId, 'Referred to law enforcement', ...breakdownCells(s.referrals)]));
    lines.push(csvLine([s.school.name, s.ncesId, 'School-related arrests', ...breakdownCells(s.arrests)]));
  }
  lines.push(csvLine([]), csvLine(['School', 'NCES school id', ...CRDC_OFFENSES.map((o) => CRDC_OFFENSE_LABELS[o])]));
  for (const s of tables.schools) lines.push(csvLine([s.school.name, s.ncesId, ...CRDC_OFFENSES.map((o) => s.offenses[o])]));
  return CSV_BOM + lines.join('');
}
