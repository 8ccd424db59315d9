import {
  ASSESSMENT_LAYERS, type AssessmentBody, type AssessmentDetail, type AssessmentItem, type AssessmentItemUpdateBody,
  type Comparison, type Photo, type TemplateItemBody, type TemplateItemUpdateBody,
} from '../../../common/assessments.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { isDistrictWide, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import { newFileKey, readStoredFile, transactionWithFiles } from '../../files/registry.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { compareItems, notFuture, photoType } from './assessments.policy.js';
import * as repo from './assessments.repository.js';
import { accessibleAssessment, inProgress, toAssessment } from './assessments.access.js';
import { findingsOf } from './findings.service.js';
import { todayOf } from '../../lib/district-time.js';

const photoUrl = (id: string) => `/api/assessment-photos/${id}`;

async function detailOf(db: Db, districtId: string, row: repo.AssessmentRow, today: string): Promise<AssessmentDetail> {
  const [items, photos, findings] = await Promise.all([repo.findItems(db, row.a.id), repo.findPhotos(db, row.a.id), findingsOf(db, districtId, row.a.id, today)]);
  const order = (layer: string) => ASSESSMENT_LAYERS.indexOf(layer as never);
  return {
    ...toAssessment(row),
    items: items.sort((x, y) => order(x.layer) - order(y.layer) || x.position - y.position).map((i) => toItem(i, photos.filter((p) => p.p.itemId === i.id))),
    findings,
  };
}

function toPhoto({ p, uploaderName }: Awaited<ReturnType<typeof repo.findPhotos>>[number]): Photo {
  return {
    id: p.id, contentType: p.contentType as Photo['contentType'], size: p.size, caption: p.caption, url: photoUrl(p.id),
    uploadedBy: { id: p.uploadedBy, name: uploaderName }, uploadedAt: p.createdAt.toISOString(),
  };
}

function toItem(i: Awaited<ReturnType<typeof repo.findItems>>[number], photos: Awaited<ReturnType<typeof repo.findPhotos>>): AssessmentItem {
  return {
    id: i.id, templateItemId: i.templateItemId, layer: i.layer, title: i.title, guidance: i.guidance, position: i.position,
    rating: i.rating, confidence: i.confidence, notes: i.notes, photos: photos.map(toPhoto),
  };
}

// ───────────────────────── template ─────────────────────────

/** The district template (the default one is added the first time a district asks). */
export async function findTemplate(ctx: ServiceContext, active: 'true' | 'false' | 'all') {
  const existing = await repo.findTemplate(ctx.db, ctx.actor.districtId, active);
  if (existing.length > 0 || active === 'false') return existing;
  await ctx.db.transaction(async (tx) => {
    const added = await repo.ensureTemplate(tx, ctx.actor.districtId);
    if (added > 0) await writeAudit(tx, whoOf(ctx), { type: 'assessment_template.created', subjectType: 'district', subjectId: ctx.actor.districtId, detail: { defaults: added } });
  });
  return repo.findTemplate(ctx.db, ctx.actor.districtId, active);
}

/** Template changes need a district-wide grant of assessment.manage. */
function requireDistrictManager(ctx: ServiceContext) {
  if (!isDistrictWide(ctx.actor, 'assessment.manage')) throw new AppError('forbidden', 'The district template needs a district-wide role');
}

/** Adds a measure to the district template, audited. */
export async function createTemplateItem(ctx: ServiceContext, input: TemplateItemBody) {
  requireDistrictManager(ctx);
  return ctx.db.transaction(async (tx) => {
    await repo.ensureTemplate(tx, ctx.actor.districtId);
    const position = input.position ?? await repo.nextTemplatePosition(tx, ctx.actor.districtId, input.layer);
    const row = await repo.insertTemplateItem(tx, { districtId: ctx.actor.districtId, layer: input.layer, title: input.title, guidance: input.guidance ?? null, position });
    await writeAudit(tx, whoOf(ctx), { type: 'assessment_template.created', subjectType: 'assessment_template_item', subjectId: row.id, detail: { layer: input.layer } });
    return row;
  });
}

/**
 * Changes a measure of the template, audited. Assessments already started keep their copy. Without a district-wide
 * grant the template cannot be addressed for change: it reads as absent, like any record out of reach.
 */
export async function updateTemplateItem(ctx: ServiceContext, id: string, input: TemplateItemUpdateBody) {
  const before = await repo.findTemplateItem(ctx.db, ctx.actor.districtId, id);
  if (!before || !isDistrictWide(ctx.actor, 'assessment.manage')) throw notFound('Template item');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateTemplateItem(tx, id, input, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'assessment_template.updated', subjectType: 'assessment_template_item', subjectId: id, detail: { changed: changedFields(before, input) } });
    return row;
  });
}

// ───────────────────────── assessments ─────────────────────────

/** Assessments of the actor's schools. */
export async function findAssessments(ctx: ServiceContext, filter: Parameters<typeof repo.findAssessments>[3]) {
  return (await repo.findAssessments(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'assessment.read'), filter)).map(toAssessment);
}

/** One assessment with its items, photos and findings. */
export async function getAssessment(ctx: ServiceContext, id: string) {
  return detailOf(ctx.db, ctx.actor.districtId, await accessibleAssessment(ctx, id, 'assessment.read'), todayOf(ctx));
}

/** Starts an assessment of a campus from the district's active template items, audited. */
export async function createAssessment(ctx: ServiceContext, input: AssessmentBody): Promise<AssessmentDetail> {
  const school = (await requireTarget(ctx.db, ctx.actor, 'assessment.manage', input.schoolId))!;
  notFuture(input.startedOn, todayOf(ctx), 'startedOn');
  return ctx.db.transaction(async (tx) => {
    await repo.ensureTemplate(tx, ctx.actor.districtId);
    const id = await repo.insertAssessment(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, title: input.title ?? `${school.name} security assessment ${input.startedOn}`,
      startedOn: input.startedOn, notes: input.notes ?? null, leadId: ctx.actor.userId,
    });
    const row = (await repo.findAssessment(tx, ctx.actor.districtId, id))!;
    await writeAudit(tx, whoOf(ctx), { type: 'assessment.created', schoolId: input.schoolId, subjectType: 'assessment', subjectId: id, detail: { items: Number(row.itemCount) } });
    return detailOf(tx, ctx.actor.districtId, row, todayOf(ctx));
  });
}

/** Changes the title, start day or notes of an assessment in progress, audited. */
export async function updateAssessment(ctx: ServiceContext, id: string, input: { title?: string; startedOn?: string; notes?: string | null }) {
  const before = await accessibleAssessment(ctx, id, 'assessment.manage');
  inProgress(before);
  if (input.startedOn) notFuture(input.startedOn, todayOf(ctx), 'startedOn');
  return ctx.db.transaction(async (tx) => {
    await repo.updateAssessment(tx, id, input, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'assessment.updated', schoolId: before.a.schoolId, subjectType: 'assessment', subjectId: id, detail: { changed: changedFields(before.a, input) } });
    return toAssessment((await repo.findAssessment(tx, ctx.actor.districtId, id))!);
  });
}

/** Completes an assessment once every measure is rated (409 naming the first unrated one), audited. */
export async function completeAssessment(ctx: ServiceContext, id: string, completedOn: string) {
  const before = await accessibleAssessment(ctx, id, 'assessment.manage');
  inProgress(before);
  notFuture(completedOn, todayOf(ctx), 'completedOn');
  if (completedOn < before.a.startedOn) throw new AppError('validation_failed', 'completedOn: is before the start of the assessment', { field: 'completedOn' });
  const unrated = (await repo.findItems(ctx.db, id)).find((i) => i.rating === null);
  if (unrated) throw new AppError('conflict', `"${unrated.title}" is not rated yet`, { field: 'items' });
  return ctx.db.transaction(async (tx) => {
    await repo.updateAssessment(tx, id, { status: 'completed', completedOn }, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'assessment.completed', schoolId: before.a.schoolId, subjectType: 'assessment', subjectId: id, detail: { completedOn } });
    return toAssessment((await repo.findAssessment(tx, ctx.actor.districtId, id))!);
  });
}

/** Rates or annotates a measure of an assessment in progress, audited. */
export async function updateItem(ctx: ServiceContext, id: string, itemId: string, input: AssessmentItemUpdateBody): Promise<AssessmentItem> {
  const assessment = await accessibleAssessment(ctx, id, 'assessment.manage');
  const before = await repo.findItem(ctx.db, id, itemId);
  if (!before) throw notFound('Assessment item');
  inProgress(assessment);
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateItem(tx, itemId, { ...input, updatedBy: ctx.actor.userId, updatedAt: ctx.clock.now() });
    await writeAudit(tx, whoOf(ctx), {
      type: 'assessment.item_rated', schoolId: assessment.a.schoolId, subjectType: 'assessment', subjectId: id, detail: { itemId, changed: changedFields(before, input) },
    });
    return toItem(row, (await repo.findPhotos(tx, id)).filter((p) => p.p.itemId === itemId));
  });
}

/** Adds a photo (JPEG, PNG or WebP by its bytes) to a measure, audited. */
export async function addPhoto(ctx: ServiceContext, id: string, itemId: string, bytes: Buffer, caption: string | null): Promise<Photo> {
  const assessment = await accessibleAssessment(ctx, id, 'assessment.manage');
  if (!(await repo.findItem(ctx.db, id, itemId))) throw notFound('Assessment item');
  inProgress(assessment);
  const contentType = photoType(bytes);
  return transactionWithFiles(ctx.db, async (tx, files) => {
    const { key } = await files.put(newFileKey('assessment-photos'), bytes);
    const photoId = await repo.insertPhoto(tx, { assessmentId: id, itemId, contentType, size: bytes.length, caption, fileKey: key, uploadedBy: ctx.actor.userId, createdAt: ctx.clock.now() });
    await writeAudit(tx, whoOf(ctx), { type: 'assessment.photo_added', schoolId: assessment.a.schoolId, subjectType: 'assessment', subjectId: id, detail: { itemId, photoId, contentType, size: bytes.length } });
    return toPhoto((await repo.findPhotos(tx, id)).find((p) => p.p.id === photoId)!);
  });
}

/** A photo the actor may see. */
export async function getPhoto(ctx: ServiceContext, photoId: string) {
  const row = await repo.findPhoto(ctx.db, ctx.actor.districtId, photoId);
  if (!row) throw notFound('Photo');
  requireSchool(ctx.actor, 'assessment.read', row.schoolId, 'Photo');
  const bytes = await readStoredFile(ctx.db, row.p.fileKey, row.p.legacyBytes);
  if (!bytes) throw notFound('Photo');
  return { bytes, type: row.p.contentType };
}

/** Removes a photo of an assessment in progress, audited. */
export async function deletePhoto(ctx: ServiceContext, photoId: string) {
  const row = await repo.findPhoto(ctx.db, ctx.actor.districtId, photoId);
  if (!row) throw notFound('Photo');
  requireSchool(ctx.actor, 'assessment.manage', row.schoolId, 'Photo');
  if (row.status !== 'in_progress') throw new AppError('conflict', 'The assessment is completed and can no longer change');
  await transactionWithFiles(ctx.db, async (tx, files) => {
    await repo.deletePhoto(tx, photoId);
    if (row.p.fileKey) await files.remove(row.p.fileKey);
    await writeAudit(tx, whoOf(ctx), { type: 'assessment.photo_removed', schoolId: row.schoolId, subjectType: 'assessment', subjectId: row.p.assessmentId, detail: { photoId } });
  });
}

/** Compares two assessments of the same campus measure by measure (400 naming `to` for different campuses). */
export async function compareAssessments(ctx: ServiceContext, fromId: string, toId: string): Promise<Comparison> {
  const [from, to] = [await accessibleAssessment(ctx, fromId, 'assessment.read'), await accessibleAssessment(ctx, toId, 'assessment.read')];
  if (from.a.schoolId !== to.a.schoolId) throw new AppError('validation_failed', 'to: is an assessment of another campus', { field: 'to' });
  if (from.a.id === to.a.id) throw new AppError('validation_failed', 'to: is the same assessment as from', { field: 'to' });
  const rows = compareItems(await repo.findItems(ctx.db, fromId), await repo.findItems(ctx.db, toId), ASSESSMENT_LAYERS);
  const summary = { improved: 0, declined: 0, same: 0, not_comparable: 0 };
  for (const r of rows) summary[r.change] += 1;
  return { school: { id: to.a.schoolId, name: to.schoolName }, from: toAssessment(from), to: toAssessment(to), rows, summary };
}

/** Everything the report PDF prints, its read audited. */
export async function reportData(ctx: ServiceContext, id: string) {
  const row = await accessibleAssessment(ctx, id, 'assessment.read');
  const detail = await detailOf(ctx.db, ctx.actor.districtId, row, todayOf(ctx));
  await ctx.db.transaction(async (tx) => {
    await writeAudit(tx, whoOf(ctx), { type: 'assessment.report_exported', schoolId: row.a.schoolId, subjectType: 'assessment', subjectId: id });
  });
  return detail;
}
