import { ownerLabelOf } from '../../../common/record-owners.js';
import { DRILL_TYPE_LABELS, schoolYearLabel, type RuleStatus } from '../../../common/preparedness.js';
import type { SchoolResult, YearResult } from './compliance.compute.js';
import { createPdf, type PdfBuilder } from '../../lib/pdf.js';

// The compliance report as PDF, through the shared builder (Unicode fonts: school names print in any script).

export const STATUS_LABELS: Record<RuleStatus, string> = {
  met: 'Met', on_track: 'On track', at_risk: 'At risk', missed: 'Missed', no_minimum: 'No minimum set', not_applicable: 'Not applicable',
};

function schoolSection(pdf: PdfBuilder, s: SchoolResult): void {
  pdf.heading(s.school.name).line(
    s.calendar ? `Calendar ${s.calendar.firstDay} to ${s.calendar.lastDay} · ${s.completedDrills} completed drills` : 'No calendar for this school year: nothing judged',
    { size: 9, color: '#555555' },
  );
  for (const rule of s.rules) {
    pdf.space(0.3).line(`${STATUS_LABELS[rule.status]} — ${rule.title}`, { bold: true });
    pdf.line(rule.drillTypes.map((t) => DRILL_TYPE_LABELS[t]).join(', '), { size: 9, color: '#333333' });
    for (const p of rule.periods) {
      const status = p.status ? STATUS_LABELS[p.status] : 'listed';
      pdf.line(`  ${p.label} (${p.windowStart} to ${p.windowEnd}): ${p.counted}${p.required === null ? '' : ` of ${p.required}`} — ${status}`, { size: 9, color: '#333333' });
    }
  }
  if (s.outside > 0) pdf.line(`${s.outside} drill(s) dated outside the school year were not counted.`, { size: 9, color: '#555555' });
}

/** The compliance report of a school year as PDF bytes. */
export function compliancePdf(result: YearResult, districtName: string, createdAt: Date): Promise<Buffer> {
  const title = `Drill compliance ${schoolYearLabel(result.schoolYear)} as of ${result.today}`;
  const pdf = createPdf({ title, owner: ownerLabelOf('operational', null), subject: `${districtName} drill compliance`, author: 'SRO Desk', createdAt });
  pdf.title(title, `${districtName} · as of ${result.today} · ${result.schools.length} school(s)`);
  for (const s of result.schools) schoolSection(pdf, s);
  return pdf.finish();
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The compliance report as CSV: one line per school, rule and period, each saying the day judged (as_of). */
export function complianceCsv(result: YearResult): string {
  const lines = [['school', 'school_year', 'rule', 'drill_types', 'rule_status', 'period', 'window_start', 'window_end', 'required', 'counted', 'period_status', 'as_of']];
  for (const s of result.schools) {
    if (!s.calendar) lines.push([s.school.name, schoolYearLabel(result.schoolYear), '', '', 'no calendar', '', '', '', '', '', '']);
    for (const r of s.rules) {
      if (r.periods.length === 0) lines.push([s.school.name, schoolYearLabel(result.schoolYear), r.title, r.drillTypes.join(' '), r.status, '', '', '', '', '', '']);
      for (const p of r.periods) {
        lines.push([s.school.name, schoolYearLabel(result.schoolYear), r.title, r.drillTypes.join(' '), r.status, p.label, p.windowStart, p.windowEnd,
          p.required === null ? '' : String(p.required), String(p.counted), p.status ?? '']);
      }
    }
  }
  return lines.map((l, i) => (i === 0 ? l : [...l, result.today]).map(csvCell).join(',')).join('\r\n') + '\r\n';
}
