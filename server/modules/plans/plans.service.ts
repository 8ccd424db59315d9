import { SRP_REFERENCE, type Plan, type PlanDetail } from '../../../common/preparedness.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { newFileKey, readStoredFile, transactionWithFiles } from '../../files/registry.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { mayChangePlan, requirePdf, requireReviewDate, reviewDueOn } from './plans.policy.js';
import * as repo from './plans.repository.js';
import type { PlanBody } from './plans.schemas.js';
import { todayOf } from '../../lib/district-time.js';

type PlanRow = Awaited<ReturnType<typeof repo.findPlans>>[number];

function toPlan(ctx: ServiceContext, row: PlanRow, today: string): Plan {
  const due = reviewDueOn(row.lastReviewedOn, row.firstVersionAt);
  const v = row.version;
  return {
    id: row.plan.id, schoolId: row.plan.schoolId, schoolName: row.schoolName ?? null, kind: row.plan.kind, title: row.plan.title,
    archived: row.plan.archived, lastReviewedOn: row.lastReviewedOn, reviewDueOn: due, reviewOverdue: today > due,
    acknowledgedByMe: row.acknowledgedByMe, updatedAt: row.plan.updatedAt.toISOString(),
    can: { manage: mayChangePlan(ctx.actor, 'plan.manage', row.plan.schoolId), approve: mayChangePlan(ctx.actor, 'plan.approve', row.plan.schoolId) },
    currentVersion: {
      id: v.id, version: v.version, format: v.format, fileName: v.fileName, fileSize: v.fileSize, changeSummary: v.changeSummary,
      createdBy: { id: v.createdBy, name: row.createdByName }, createdAt: v.createdAt.toISOString(),
    },
  };
}

async function planOf(ctx: ServiceContext, db: Db, id: string): Promise<Plan> {
  const [row] = await repo.findPlans(db, ctx.actor.districtId, scopeOf(ctx.actor, 'plan.read'), ctx.actor.userId, { id });
  if (!row) throw notFound('Plan');
  return toPlan(ctx, row, todayOf(ctx));
}

/** Plans of the actor's schools and the district's. */
export async function findPlans(ctx: ServiceContext, filter: { schoolId?: string; kind?: string; archived?: string }) {
  if (filter.schoolId) requireSchool(ctx.actor, 'plan.read', filter.schoolId, 'School');
  const rows = await repo.findPlans(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'plan.read'), ctx.actor.userId, filter);
  const today = todayOf(ctx);
  return rows.map((r) => toPlan(ctx, r, today));
}

/** One plan with all its versions and reviews. */
export async function getPlan(ctx: ServiceContext, id: string): Promise<PlanDetail> {
  const plan = await planOf(ctx, ctx.db, id);
  const [versions, reviews] = await Promise.all([repo.findVersions(ctx.db, id), repo.findReviews(ctx.db, id)]);
  return {
    ...plan,
    versions: versions.map(({ v, name }) => ({
      id: v.id, version: v.version, format: v.format, body: v.body, fileName: v.fileName, fileSize: v.fileSize,
      changeSummary: v.changeSummary, createdBy: { id: v.createdBy, name }, createdAt: v.createdAt.toISOString(),
    })),
    reviews: reviews.map(({ r, name, version }) => ({ id: r.id, versionId: r.versionId, version, approvedBy: { id: r.approvedBy, name }, reviewedOn: r.reviewedOn, notes: r.notes })),
  };
}

/** Creates a plan with its first (written) version, audited. */
export async function createPlan(ctx: ServiceContext, input: PlanBody) {
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, 'plan.manage', input.schoolId);
    const id = await repo.insertPlan(tx, { districtId: ctx.actor.districtId, schoolId: input.schoolId, kind: input.kind, title: input.title });
    const version = await repo.addVersion(tx, id, { format: 'text', body: input.body, changeSummary: input.changeSummary ?? null, createdBy: ctx.actor.userId }, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'plan.created', schoolId: input.schoolId, subjectType: 'safety_plan', subjectId: id, detail: { kind: input.kind, title: input.title, versionId: version.id } });
    return planOf(ctx, tx, id);
  });
}

async function lockManaged(ctx: ServiceContext, tx: Db, id: string, permission: 'plan.manage' | 'plan.approve') {
  const plan = await repo.lockPlan(tx, ctx.actor.districtId, id);
  if (!plan || (plan.schoolId && !canAtSchool(ctx.actor, 'plan.read', plan.schoolId))) throw notFound('Plan');
  await requireTarget(tx, ctx.actor, permission, plan.schoolId);
  return plan;
}

/** Renames or archives a plan, audited. */
export async function updatePlan(ctx: ServiceContext, id: string, input: { title?: string; archived?: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const before = await lockManaged(ctx, tx, id, 'plan.manage');
    await repo.updatePlan(tx, id, input);
    await writeAudit(tx, whoOf(ctx), { type: 'plan.updated', schoolId: before.schoolId, subjectType: 'safety_plan', subjectId: id, detail: { changed: changedFields(before, input) } });
    return planOf(ctx, tx, id);
  });
}

/** Adds a version (written text, or PDF bytes), making it current; staff must acknowledge it anew. Audited. */
export async function addVersion(ctx: ServiceContext, id: string, input: { body?: string; pdf?: Buffer; fileName?: string | null; changeSummary?: string | null }) {
  if (input.pdf) requirePdf(input.pdf);
  return transactionWithFiles(ctx.db, async (tx, files) => {
    const plan = await lockManaged(ctx, tx, id, 'plan.manage');
    const values = input.pdf
      ? { format: 'pdf' as const, fileKey: (await files.put(newFileKey('plans'), input.pdf)).key, fileName: input.fileName ?? 'plan.pdf', fileSize: input.pdf.length }
      : { format: 'text' as const, body: input.body! };
    const version = await repo.addVersion(tx, id, { ...values, changeSummary: input.changeSummary ?? null, createdBy: ctx.actor.userId }, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), {
      type: 'plan.version_added', schoolId: plan.schoolId, subjectType: 'safety_plan', subjectId: id,
      detail: { versionId: version.id, version: version.version, format: values.format },
    });
    const detail = await getPlan({ ...ctx, db: tx }, id);
    return detail.versions[0]!;
  });
}

/** Records the annual review (approval) of the current version: approver is the caller. Audited. */
export async function reviewPlan(ctx: ServiceContext, id: string, input: { reviewedOn: string; notes?: string | null }) {
  requireReviewDate(input.reviewedOn, todayOf(ctx));
  return ctx.db.transaction(async (tx) => {
    const plan = await lockManaged(ctx, tx, id, 'plan.approve');
    const reviewId = await repo.insertReview(tx, { planId: id, versionId: plan.currentVersionId!, approvedBy: ctx.actor.userId, reviewedOn: input.reviewedOn, notes: input.notes ?? null });
    await writeAudit(tx, whoOf(ctx), {
      type: 'plan.reviewed', schoolId: plan.schoolId, subjectType: 'safety_plan', subjectId: id,
      detail: { reviewId, versionId: plan.currentVersionId, reviewedOn: input.reviewedOn },
    });
    const detail = await getPlan({ ...ctx, db: tx }, id);
    return detail.reviews.find((r) => r.id === reviewId)!;
  });
}

/** The caller confirms reading the current version (once per version; repeating answers the first). */
export async function acknowledge(ctx: ServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const plan = await planOf(ctx, tx, id);
    if (plan.archived) throw new AppError('conflict', 'This plan is archived');
    const created = await repo.insertAcknowledgement(tx, plan.currentVersion.id, ctx.actor.userId, ctx.clock.now());
    if (created) {
      await writeAudit(tx, whoOf(ctx), {
        type: 'plan.acknowledged', schoolId: plan.schoolId, subjectType: 'safety_plan', subjectId: id,
        detail: { versionId: plan.currentVersion.id, version: plan.currentVersion.version },
      });
    }
    const ack = await repo.findAcknowledgement(tx, plan.currentVersion.id, ctx.actor.userId);
    return { planId: id, versionId: plan.currentVersion.id, version: plan.currentVersion.version, acknowledgedAt: ack!.acknowledgedAt.toISOString() };
  });
}

/** Who acknowledged the current version and who has not (for plan managers). */
export async function acknowledgementStatus(ctx: ServiceContext, id: string) {
  const plan = await planOf(ctx, ctx.db, id);
  await requireTarget(ctx.db, ctx.actor, 'plan.manage', plan.schoolId).catch((error: unknown) => {
    // A school manager may see who read a district plan at their own schools only: keep it simple, district plans need district scope.
    throw error instanceof AppError && error.code === 'forbidden' ? notFound('Plan') : error;
  });
  const readers = await repo.findReaders(ctx.db, ctx.actor.districtId, plan.schoolId, plan.currentVersion.id);
  return {
    planId: id, versionId: plan.currentVersion.id, version: plan.currentVersion.version,
    acknowledged: readers.filter((r) => r.acknowledgedAt).map((r) => ({ id: r.id, name: r.name, email: r.email, acknowledgedAt: r.acknowledgedAt!.toISOString() })),
    pending: readers.filter((r) => !r.acknowledgedAt).map((r) => ({ id: r.id, name: r.name, email: r.email })),
  };
}

/** The stored content of a version the actor may read. */
export async function versionContent(ctx: ServiceContext, versionId: string) {
  const row = await repo.findVersionContent(ctx.db, ctx.actor.districtId, versionId);
  if (!row) throw notFound('Plan version');
  if (row.schoolId) requireSchool(ctx.actor, 'plan.read', row.schoolId, 'Plan version');
  if (row.v.format === 'pdf') {
    const body = await readStoredFile(ctx.db, row.v.fileKey, row.v.legacyFile);
    if (!body) throw notFound('Plan version');
    return { type: 'application/pdf', body, fileName: row.v.fileName ?? 'plan.pdf' };
  }
  return { type: 'text/plain; charset=utf-8', body: row.v.body ?? '', fileName: null };
}

/** The SRP quick reference with the protocol documents of the actor's schools. */
export async function srpReference(ctx: ServiceContext) {
  const protocols = await repo.findProtocols(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'plan.read'));
  return { ...SRP_REFERENCE, protocols: protocols.map((p) => ({ ...p, schoolName: p.schoolName ?? null })) };
}
