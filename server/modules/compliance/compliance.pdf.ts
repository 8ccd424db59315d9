import { DRILL_TYPE_LABELS, schoolYearLabel, type RuleStatus } from '../../../common/preparedness.js';
import type { SchoolResult, YearResult } from './compliance.compute.js';
import { addPageFooters, openPdfDocument } from '../../lib/pdf.js';

// A small PDF writer for the compliance report (pdfkit, built-in Helvetica: no system fonts needed).

export const STATUS_LABELS: Record<RuleStatus, string> = {
  met: 'Met', on_track: 'On track', at_risk: 'At risk', missed: 'Missed', no_minimum: 'No minimum set', not_applicable: 'Not applicable',
};

function schoolSection(doc: PDFKit.PDFDocument, s: SchoolResult): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('black').text(s.school.name);
  doc.font('Helvetica').fontSize(9).fillColor('#555555')
    .text(s.calendar ? `Calendar ${s.calendar.firstDay} to ${s.calendar.lastDay} · ${s.completedDrills} completed drills` : 'No calendar for this school year: nothing judged');
  for (const rule of s.rules) {
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).fillColor('black')
      .text(`${STATUS_LABELS[rule.status]} — ${rule.title}`, { continued: false });
    doc.font('Helvetica').fontSize(9).fillColor('#333333').text(rule.drillTypes.map((t) => DRILL_TYPE_LABELS[t]).join(', '));
    for (const p of rule.periods) {
      const status = p.status ? STATUS_LABELS[p.status] : 'listed';
      doc.text(`  ${p.label} (${p.windowStart} to ${p.windowEnd}): ${p.counted}${p.required === null ? '' : ` of ${p.required}`} — ${status}`);
    }
  }
  if (s.outside > 0) doc.fillColor('#555555').text(`${s.outside} drill(s) dated outside the school year were not counted.`);
}

/** The compliance report of a school year as PDF bytes. */
export function compliancePdf(result: YearResult, districtName: string, createdAt: Date): Promise<Buffer> {
  const title = `Drill compliance ${schoolYearLabel(result.schoolYear)} as of ${result.today}`;
  const { doc, bytes } = openPdfDocument({ Title: title, Author: 'SRO Desk', CreationDate: createdAt });
  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc.font('Helvetica').fontSize(10).fillColor('#555555').text(`${districtName} · as of ${result.today} · ${result.schools.length} school(s)`);
  for (const s of result.schools) schoolSection(doc, s);
  addPageFooters(doc, title);
  doc.end();
  return bytes;
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
