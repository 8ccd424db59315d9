import { ownerLabelOf, RECORD_TYPE_OWNERS } from '../../../common/record-owners.js';
import { THREAT_TASK_LABELS, type ThreatCase } from '../../../common/tips.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { createPdf } from '../../lib/pdf.js';
import { getCase } from './threats.service.js';
import { dayIn } from '../../lib/district-time.js';

/** The case summary PDF and its file name (confidential; the read and the print are both audited). */
export async function caseSummaryPdf(ctx: ServiceContext, id: string): Promise<{ filename: string; pdf: Buffer }> {
  const c: ThreatCase = await getCase(ctx, id);
  const day = (iso: string) => dayIn(ctx.actor.timeZone, new Date(iso));
  await writeAudit(ctx.db, whoOf(ctx), { type: 'threat.printed', schoolId: c.schoolId, subjectType: 'threat_case', subjectId: id });
  const pdf = createPdf({
    title: `Threat assessment ${c.number}`, subject: 'CONFIDENTIAL threat assessment case summary', author: 'SRO Desk', createdAt: ctx.clock.now(),
    owner: ownerLabelOf(RECORD_TYPE_OWNERS.threat_case, null),
  })
    .title(`Threat assessment ${c.number}`, `${c.schoolName} · CONFIDENTIAL`)
    .fields([
      ['Student', c.subjectName], ['Status', c.status], ['Classification', c.classification ?? 'not yet classified'],
      ['Opened', day(c.openedAt)], ['Source', c.source], ['Next review', c.nextReviewOn], ['Closed', c.closedAt ? day(c.closedAt) : null],
    ])
    .heading('Threat as reported').paragraph(c.threatAsReported);
  if (c.intendedVictims) pdf.heading('Intended victims').paragraph(c.intendedVictims);
  pdf.heading('Team').list(c.team.map((m) => `${m.name}${m.role ? ` (${m.role})` : ''}`));
  if (c.evaluation) {
    pdf.heading('Evaluation').paragraph(c.evaluation.studentAccount);
    if (c.evaluation.witnessAccounts) pdf.paragraph(c.evaluation.witnessAccounts);
    if (c.evaluation.context) pdf.paragraph(c.evaluation.context);
  }
  if (c.classificationRationale) pdf.heading('Classification rationale').paragraph(c.classificationRationale);
  if (c.resolution) pdf.heading('Resolution').paragraph(c.resolution);
  if (c.tasks.length) {
    pdf.heading('Tasks').list(c.tasks.map((t) => `${t.doneAt ? '[done] ' : '[open] '}${t.title || THREAT_TASK_LABELS[t.kind]}${t.ownerName ? ` · ${t.ownerName}` : ''}${t.dueOn ? ` · due ${t.dueOn}` : ''}`));
  }
  if (c.safetyPlan) {
    pdf.heading('Safety plan').list(c.safetyPlan.measures);
    if (c.safetyPlan.supports.length) pdf.paragraph('Supports:').list(c.safetyPlan.supports);
    pdf.paragraph(`Reviews: ${c.safetyPlan.reviewDates.join(', ')}`);
  }
  if (c.notes.length) {
    pdf.heading('Interviews and notes').list(c.notes.map((n) => `${day(n.createdAt)} ${n.kind}${n.interviewee ? ` (${n.interviewee})` : ''}${n.theme ? ` [${n.theme}]` : ''}: ${n.body}`));
  }
  if (c.closingSummary) pdf.heading('Closing summary').paragraph(c.closingSummary);
  return { filename: `threat-case-${c.number}.pdf`, pdf: await pdf.finish() };
}
