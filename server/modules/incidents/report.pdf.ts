import { recordOwnerLines } from '../exports/exports.service.js';
import { LABELS, type IncidentDetail } from '../../../common/incidents.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { createPdf } from '../../lib/pdf.js';
import { canRead, readsNarrative, statedReason } from './incidents.policy.js';
import type { ReadReasonQuery } from './incidents.schemas.js';
import * as repo from './incidents.repository.js';
import { incidentDetail } from './incidents.view.js';
import { formatDateTime } from '../../lib/district-time.js';

/** An instant on the district's clock, with the zone's name (court readers compare it with local records). */
function whenIn(timeZone: string): (value: string | null) => string {
  return (value) => (value ? formatDateTime(new Date(value), timeZone) : '-');
}

/** Lays out the approved report: header, offenses, persons and actions, narrative, approved supplements, approvals. */
export async function renderReport(
  detail: IncidentDetail, printedBy: string, printedAt: Date, owner: { label: string; dissemination: string | null }, timeZone = 'UTC',
): Promise<Buffer> {
  const when = whenIn(timeZone);
  const pdf = createPdf({
    title: `Incident report ${detail.number}`, subject: detail.schoolName, author: detail.authorName, createdAt: printedAt,
    owner: owner.label, dissemination: owner.dissemination,
  });
  pdf.title(`Incident report ${detail.number}`, `${detail.schoolName} · law-enforcement record, not an education record`);
  pdf.fields([
    ['Occurred', when(detail.occurredAt)],
    ['Location', `${detail.onCampus ? 'On campus' : 'Off campus'}${detail.areaName ? `, ${detail.areaName}` : ''}${detail.locationText ? `, ${detail.locationText}` : ''}`],
    ['NIBRS location', `${detail.locationCode} ${detail.locationName}`],
    ['Status', LABELS.status[detail.status]],
    ['Reporting officer', detail.authorName],
    ['Summary', detail.summary],
  ]);
  pdf.heading('Offenses').list(detail.offenses.map((o) =>
    `${o.label}${o.attempted ? ' (attempted)' : ''}${o.weaponForce.length ? ` - weapon/force ${o.weaponForce.join(', ')}` : ''}`));
  const actionsOf = (personId: string) => detail.actions.filter((a) => a.personId === personId)
    .map((a) => `${LABELS.action[a.kind]}${a.implied ? ' (implied by arrest)' : ''}`);
  pdf.heading('Persons').list(detail.persons.map((p) => {
    const who = `${p.lastName}, ${p.firstName} - ${LABELS.personKind[p.kind]}, ${LABELS.personRole[p.role]}${p.juvenile ? ', juvenile' : ''}`;
    const acts = actionsOf(p.id);
    return acts.length ? `${who}. Actions: ${acts.join('; ')}` : who;
  }));
  const general = detail.actions.filter((a) => !a.personId).map((a) => LABELS.action[a.kind]);
  if (general.length) pdf.heading('Actions').list(general);
  pdf.heading('Narrative').paragraph(detail.narrative ?? '');
  for (const s of detail.supplements.filter((x) => x.status === 'approved')) {
    pdf.heading(`Supplement ${s.number}`).fields([['By', s.authorName], ['Approved', `${when(s.approvedAt)} by ${s.approvedByName ?? '-'}`]])
      .paragraph(s.narrative ?? '');
  }
  pdf.heading('Review and approvals').list(detail.reviews.map((r) => {
    const what = r.supplementId ? `supplement ${detail.supplements.find((s) => s.id === r.supplementId)?.number ?? ''}` : 'report';
    return `${when(r.at)} ${r.byName}: ${what} ${r.event}${r.comment ? ` - "${r.comment}"` : ''}`;
  }));
  pdf.paragraph(`Printed ${when(printedAt.toISOString())} by ${printedBy}.`, { muted: true });
  return pdf.finish();
}

/** The approved report as PDF (audited); only approved reports print, and only for narrative readers. */
export async function printIncident(ctx: ServiceContext, id: string, why: ReadReasonQuery) {
  requirePermission(ctx.actor, 'incident.narrative.read');
  const now = ctx.clock.now();
  const detail = await ctx.db.transaction(async (tx) => {
    const row = await repo.findIncidentRow(tx, ctx.actor.districtId, id);
    if (!row || !canRead(ctx.actor, row) || !readsNarrative(ctx.actor, row.schoolId)) throw notFound('Incident');
    if (row.status !== 'approved') throw new AppError('conflict', 'Only an approved report prints', { field: 'status' });
    const reason = statedReason(ctx.actor, row, why);
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.printed', schoolId: row.schoolId, subjectType: 'incident', subjectId: id, detail: { version: row.version, ...(reason ? { reason } : {}) },
    });
    return incidentDetail(tx, ctx.actor, id, now);
  });
  return { number: detail.number, pdf: await renderReport(detail, ctx.actor.name, now, await recordOwnerLines(ctx, 'incident'), ctx.actor.timeZone) };
}
