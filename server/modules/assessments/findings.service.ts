import type { Finding, FindingBody, FindingUpdateBody } from '../../../common/assessments.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { requireDistrictUser } from '../equipment/campus.js';
import { createWorkOrder } from '../work-orders/work-orders.service.js';
import { accessibleAssessment } from './assessments.access.js';
import { SEVERITY_PRIORITY } from './assessments.policy.js';
import * as repo from './assessments.repository.js';
import * as findings from './findings.repository.js';
import { todayOf } from '../../lib/district-time.js';

const RESOLVED = new Set(['remediated', 'accepted_risk']);

function toFinding(row: findings.FindingRow, today: string): Finding {
  const f = row.f;
  return {
    id: f.id, assessmentId: f.assessmentId, school: { id: f.schoolId, name: row.schoolName },
    item: f.itemId && row.itemTitle !== null && row.itemLayer !== null ? { id: f.itemId, title: row.itemTitle, layer: row.itemLayer } : null,
    title: f.title, description: f.description, severity: f.severity, owner: f.ownerId && row.ownerName !== null ? { id: f.ownerId, name: row.ownerName } : null,
    dueOn: f.dueOn, overdue: !!f.dueOn && f.dueOn < today && !RESOLVED.has(f.status), status: f.status, remediationNotes: f.remediationNotes,
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
    workOrder: f.workOrderId && row.workOrderNumber !== null ? { id: f.workOrderId, number: row.workOrderNumber, status: String(row.workOrderStatus) } : null,
    createdBy: { id: f.createdBy, name: row.creatorName }, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString(),
  };
}

/** The findings of one assessment (for its detail), overdue as of `today`. */
export async function findingsOf(db: Db, districtId: string, assessmentId: string, today: string) {
  return (await findings.findFindings(db, districtId, { all: true }, { assessmentId }, today)).map((r) => toFinding(r, today));
}

/** Findings of the actor's schools. */
export async function findFindings(ctx: ServiceContext, filter: findings.FindingFilter) {
  const today = todayOf(ctx);
  return (await findings.findFindings(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'assessment.read'), filter, today)).map((r) => toFinding(r, today));
}

/** Opens the work order of a finding (source assessment_finding) in `tx` and links it. */
async function openWorkOrder(tx: Db, ctx: ServiceContext, id: string, f: { schoolId: string; title: string; description: string | null; severity: Finding['severity']; dueOn: string | null }) {
  const order = await createWorkOrder(tx, ctx, {
    schoolId: f.schoolId, title: `Assessment finding: ${f.title}`.slice(0, 200), description: f.description ?? undefined,
    priority: SEVERITY_PRIORITY[f.severity], source: 'assessment_finding', sourceId: id, ...(f.dueOn ? { dueOn: f.dueOn } : {}),
  });
  await findings.updateFinding(tx, id, { workOrderId: order.id }, ctx.clock.now());
  return order;
}

/** Records a finding on an assessment (optionally opening a work order), audited. */
export async function createFinding(ctx: ServiceContext, assessmentId: string, input: FindingBody): Promise<Finding> {
  const assessment = await accessibleAssessment(ctx, assessmentId, 'assessment.manage');
  if (input.itemId && !(await repo.findItem(ctx.db, assessmentId, input.itemId))) {
    throw new AppError('validation_failed', 'itemId: not a measure of this assessment', { field: 'itemId' });
  }
  await requireDistrictUser(ctx.db, ctx.actor.districtId, input.ownerId, 'ownerId');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const id = await findings.insertFinding(tx, {
      districtId: ctx.actor.districtId, schoolId: assessment.a.schoolId, assessmentId, itemId: input.itemId ?? null, title: input.title,
      description: input.description ?? null, severity: input.severity, ownerId: input.ownerId ?? null, dueOn: input.dueOn ?? null,
      createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    });
    const order = input.createWorkOrder
      ? await openWorkOrder(tx, ctx, id, { schoolId: assessment.a.schoolId, title: input.title, description: input.description ?? null, severity: input.severity, dueOn: input.dueOn ?? null })
      : null;
    await writeAudit(tx, whoOf(ctx), {
      type: 'assessment_finding.created', schoolId: assessment.a.schoolId, subjectType: 'assessment_finding', subjectId: id,
      detail: { assessmentId, severity: input.severity, workOrderId: order?.id ?? null },
    });
    return toFinding((await findings.findFinding(tx, ctx.actor.districtId, id))!, todayOf(ctx));
  });
}

/** Changes a finding (remediation goes on after the assessment is completed), audited. */
export async function updateFinding(ctx: ServiceContext, id: string, input: FindingUpdateBody): Promise<Finding> {
  const before = await findings.findFinding(ctx.db, ctx.actor.districtId, id);
  if (!before) throw notFound('Finding');
  requireSchool(ctx.actor, 'assessment.manage', before.f.schoolId, 'Finding');
  await requireDistrictUser(ctx.db, ctx.actor.districtId, input.ownerId, 'ownerId');
  const { createWorkOrder: wantsOrder, ...changes } = input;
  const status = changes.status ?? before.f.status;
  const resolvedAt = RESOLVED.has(status) ? (before.f.resolvedAt ?? ctx.clock.now()) : null;
  return ctx.db.transaction(async (tx) => {
    await findings.updateFinding(tx, id, { ...changes, resolvedAt }, ctx.clock.now());
    const merged = { ...before.f, ...changes };
    const order = wantsOrder && !before.f.workOrderId
      ? await openWorkOrder(tx, ctx, id, { schoolId: merged.schoolId, title: merged.title, description: merged.description, severity: merged.severity, dueOn: merged.dueOn })
      : null;
    await writeAudit(tx, whoOf(ctx), {
      type: 'assessment_finding.updated', schoolId: before.f.schoolId, subjectType: 'assessment_finding', subjectId: id,
      detail: { changed: changedFields(before.f, changes), status, workOrderId: order?.id ?? null },
    });
    return toFinding((await findings.findFinding(tx, ctx.actor.districtId, id))!, todayOf(ctx));
  });
}
