import { ownerLabelOf } from '../../../common/record-owners.js';
import { createPdf } from '../../lib/pdf.js';
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

/** The after-action report of an alert as a PDF: what happened, accountability per school, the timeline. */
export async function afterActionReport(ctx: ServiceContext, alertId: string): Promise<{ filename: string; pdf: Buffer }> {
  const alert = await requireManaged(ctx, alertId);
  const [timeline, board] = await Promise.all([findTimeline(ctx, alertId), getBoard(ctx, alertId)]);
  await ctx.db.transaction((tx) => writeAudit(tx, whoOf(ctx), { type: 'alert.report_viewed', subjectType: 'alert', subjectId: alertId }));
  // Times print on the district's clock (with its zone name); the file is named by the district day it was raised.
  const time = (iso: string | null): string => (iso ? formatDateTime(new Date(iso), ctx.actor.timeZone) : '-');
  const title = `After-action report: ${headingOf(alert)}`;
  const pdf = createPdf({ title, owner: ownerLabelOf('operational', null), subject: alert.drill ? 'Drill after-action report' : 'After-action report', author: 'SRO Desk', createdAt: ctx.clock.now() });
  pdf.title(title);
  if (alert.drill) pdf.line('DRILL - this was an exercise, not a real emergency.', { size: 12, color: '#b00020' });
  pdf.space(0.5).line(`Directive: ${alert.directive}`, { size: 11 });
  if (alert.details) pdf.line(`Details: ${alert.details}`, { size: 11 });
  pdf.line(`Schools: ${alert.schools.map((s) => s.name).join(', ')}`, { size: 11 })
    .line(`Raised by ${alert.raisedBy.name} at ${time(alert.raisedAt)}; announced ${time(alert.announcedAt)}`, { size: 11 })
    .line(`Status: ${alert.status}${alert.clearedAt ? `, All Clear ${time(alert.clearedAt)} by ${alert.clearedBy?.name ?? ''}` : ''}`, { size: 11 });
  if (alert.cancelledAt) pdf.line(`Cancelled ${time(alert.cancelledAt)}`, { size: 11 });
  for (const school of board.schools) {
    const t = school.totals;
    pdf.heading(`Accountability: ${school.school.name}`)
      .line(`Staff ${t.staff}; checked in ${t.checkedIn} (safe ${t.safe}, need help ${t.needHelp}); not checked in ${t.notCheckedIn}; screens confirmed ${t.received}`, { size: 11 })
      .line(`Students with staff ${t.students}; missing ${t.missing}; extra ${t.extra}; injured ${t.injured}`, { size: 11 });
    if (school.notCheckedIn.length > 0) pdf.line(`Not checked in: ${school.notCheckedIn.map((u) => u.name).join(', ')}`, { size: 11 });
  }
  pdf.heading('Timeline');
  for (const entry of timeline) pdf.line(`${time(entry.at)}  ${entry.summary}`);
  pdf.space().line(`Generated ${time(ctx.clock.now().toISOString())} by ${ctx.actor.name}`, { size: 8, color: '#555555' });
  return { filename: `after-action-${dayIn(ctx.actor.timeZone, new Date(alert.raisedAt))}-${alert.action}.pdf`, pdf: await pdf.finish() };
}
