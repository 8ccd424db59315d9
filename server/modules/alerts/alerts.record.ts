import { openPdfDocument } from '../../lib/pdf.js';
import { SRP, type SrpAction } from '../../../common/alerts.js';
import { whoOf, writeAudit } from '../../audit/audit.js';
import { canAtSchool, requirePermission } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { getBoard } from './alerts.accountability.js';
import { headingOf } from './alerts.policy.js';
import * as repo from './alerts.repository.js';
import type { Alert, TimelineEntry } from './alerts.schemas.js';
import { viewAlert } from './alerts.service.js';
import { dayIn, formatDateTime } from '../../lib/district-time.js';

type Detail = Record<string, unknown>;
const termOf = (action: unknown): string => (typeof action === 'string' && action in SRP ? SRP[action as SrpAction].term : String(action));
const n = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** One readable line per timeline entry, the same on screen and in the PDF. */
export function summaryOf(kind: string, actor: string | null, d: Detail): string {
  const who = actor ?? 'System';
  switch (kind) {
    case 'raised': return `${who} raised ${d.drill ? 'DRILL ' : ''}${termOf(d.action)} (cancel window ${n(d.cancelWindowSeconds)} s)`;
    case 'cancelled': return `${who} cancelled the alert inside the cancel window`;
    case 'announced': return `Announced to the staff of the schools (${n(d.staffExpected)} staff expected to check in)`;
    case 'delivered': return `Delivered live to ${n(d.screens)} open screen${n(d.screens) === 1 ? '' : 's'}`;
    case 'emailed': return `E-mailed to ${n(d.sent)} staff${n(d.failed) ? ` (${n(d.failed)} failed)` : ''}`;
    case 'check_in':
    case 'help_requested': {
      const extra = [n(d.missing) && `${n(d.missing)} missing`, n(d.extra) && `${n(d.extra)} extra`, n(d.injured) && `${n(d.injured)} injured`]
        .filter(Boolean).join(', ');
      const state = kind === 'help_requested' ? 'NEEDS HELP' : 'safe';
      return `${who}: ${state} at ${String(d.location)}, ${n(d.studentsWithMe)} students${extra ? `, ${extra}` : ''}${d.note ? ` (${String(d.note)})` : ''}`;
    }
    case 'escalated': return `${who} changed the action from ${termOf(d.from)} to ${termOf(d.to)}${d.location ? ` (${String(d.location)})` : ''}`;
    case 'all_clear': return `${who} gave the All Clear${d.note ? `: ${String(d.note)}` : ''}`;
    case 'help_escalated': return `A help request waited: escalated to ${String(d.level).replace('_', ' ')} (${n(d.recipients)} people)`;
    default: return `${who}: ${kind}`;
  }
}

async function requireManaged(ctx: ServiceContext, alertId: string): Promise<Alert> {
  requirePermission(ctx.actor, 'alert.manage');
  const alert = await viewAlert(ctx.db, ctx.actor, alertId);
  if (!alert.schools.some((s) => canAtSchool(ctx.actor, 'alert.manage', s.id))) throw notFound('Alert');
  return alert;
}

/** The record of an alert, in order, for those who manage it. */
export async function findTimeline(ctx: ServiceContext, alertId: string): Promise<TimelineEntry[]> {
  await requireManaged(ctx, alertId);
  const rows = await repo.findTimeline(ctx.db, alertId);
  return rows.map((r) => ({
    id: String(r.id), kind: r.kind as TimelineEntry['kind'], at: r.at.toISOString(), schoolId: r.schoolId,
    actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null, summary: summaryOf(r.kind, r.actorName, r.detail), detail: r.detail,
  }));
}

function pdfBuffer(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const { doc, bytes } = openPdfDocument({ Title: 'After-action report', Creator: 'SRO Desk' });
  build(doc);
  doc.end();
  return bytes;
}

/** The after-action report of an alert as a PDF: what happened, accountability per school, the timeline. */
export async function afterActionReport(ctx: ServiceContext, alertId: string): Promise<{ filename: string; pdf: Buffer }> {
  const alert = await requireManaged(ctx, alertId);
  const [timeline, board] = await Promise.all([findTimeline(ctx, alertId), getBoard(ctx, alertId)]);
  await ctx.db.transaction((tx) => writeAudit(tx, whoOf(ctx), { type: 'alert.report_viewed', subjectType: 'alert', subjectId: alertId }));
  // Times print on the district's clock (with its zone name); the file is named by the district day it was raised.
  const time = (iso: string | null): string => (iso ? formatDateTime(new Date(iso), ctx.actor.timeZone) : '-');
  const pdf = await pdfBuffer((doc) => {
    doc.fontSize(18).font('Helvetica-Bold').text(`After-action report: ${headingOf(alert)}`);
    if (alert.drill) doc.fontSize(12).fillColor('#b00020').text('DRILL - this was an exercise, not a real emergency.').fillColor('black');
    doc.moveDown(0.5).fontSize(11).font('Helvetica');
    doc.text(`Directive: ${alert.directive}`);
    if (alert.details) doc.text(`Details: ${alert.details}`);
    doc.text(`Schools: ${alert.schools.map((s) => s.name).join(', ')}`);
    doc.text(`Raised by ${alert.raisedBy.name} at ${time(alert.raisedAt)}; announced ${time(alert.announcedAt)}`);
    doc.text(`Status: ${alert.status}${alert.clearedAt ? `, All Clear ${time(alert.clearedAt)} by ${alert.clearedBy?.name ?? ''}` : ''}`);
    if (alert.cancelledAt) doc.text(`Cancelled ${time(alert.cancelledAt)}`);
    for (const school of board.schools) {
      const t = school.totals;
      doc.moveDown().font('Helvetica-Bold').fontSize(13).text(`Accountability: ${school.school.name}`).font('Helvetica').fontSize(11);
      doc.text(`Staff ${t.staff}; checked in ${t.checkedIn} (safe ${t.safe}, need help ${t.needHelp}); not checked in ${t.notCheckedIn}; screens confirmed ${t.received}`);
      doc.text(`Students with staff ${t.students}; missing ${t.missing}; extra ${t.extra}; injured ${t.injured}`);
      if (school.notCheckedIn.length > 0) doc.text(`Not checked in: ${school.notCheckedIn.map((u) => u.name).join(', ')}`);
    }
    doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Timeline').font('Helvetica').fontSize(10);
    for (const entry of timeline) doc.text(`${time(entry.at)}  ${entry.summary}`);
    doc.moveDown().fontSize(8).fillColor('#555').text(`Generated ${time(ctx.clock.now().toISOString())} by ${ctx.actor.name}`);
  });
  return { filename: `after-action-${dayIn(ctx.actor.timeZone, new Date(alert.raisedAt))}-${alert.action}.pdf`, pdf };
}
