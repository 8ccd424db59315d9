import type { Readable } from 'node:stream';
import type { ReferralInput, ReferralKind, TaskInput, UpdateReferral, UpdateTask } from '../../../common/incidents.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { transactionWithFiles } from '../../files/registry.js';
import { openStored, prepareUpload, type EvidenceUpload } from './evidence.js';
import * as extras from './extras.repository.js';
import { canRead, offenseLabel, readScopes, readsNarrative, statedReason } from './incidents.policy.js';
import type { ReadReasonQuery } from './incidents.schemas.js';
import * as repo from './incidents.repository.js';
import { visibilityCondition } from './search.repository.js';
import { iso, toReferral, toTask } from './incidents.view.js';

const REFERRAL_PERMISSION = { administration: 'discipline.receive', counseling: 'counseling.receive' } as const;

/** The incident, or 404 when the actor may not see it. */
async function visibleIncident(db: Db, ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const row = await repo.findIncidentRow(db, ctx.actor.districtId, id, options);
  if (!row || !canRead(ctx.actor, row)) throw notFound('Incident');
  return row;
}

/**
 * Refers an incident to the school's administration or counseling. The referral carries what the officer
 * chose: a summary, the named persons, optionally offense labels; never the narrative or evidence.
 */
export async function referIncident(ctx: ServiceContext, id: string, input: ReferralInput) {
  requirePermission(ctx.actor, 'incident.refer');
  return ctx.db.transaction(async (tx) => {
    const row = await visibleIncident(tx, ctx, id, { forUpdate: true });
    requireSchool(ctx.actor, 'incident.refer', row.schoolId, 'Incident');
    const { persons } = await repo.findChildren(tx, id);
    const named = input.personIds.map((pid, i) => {
      const found = persons.find((p) => p.person.id === pid);
      if (!found) throw new AppError('validation_failed', `personIds.${i}: not a person of this incident`, { field: `personIds.${i}` });
      const p = found.person;
      return { firstName: p.firstName, lastName: p.lastName, kind: p.kind, role: p.role };
    });
    const referralId = await extras.insertReferral(tx, {
      districtId: ctx.actor.districtId, incidentId: id, schoolId: row.schoolId, kind: input.kind, summary: input.summary, persons: named,
      offenses: input.shareOffenses ? row.offenseKeys.map(offenseLabel) : null, referredById: ctx.actor.userId, referredAt: ctx.clock.now(),
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.referred', schoolId: row.schoolId, subjectType: 'incident', subjectId: id,
      detail: { referralId, kind: input.kind, persons: named.length, offenses: input.shareOffenses },
    });
    return toReferral((await extras.findReferralView(tx, referralId))!);
  });
}

/** The referral inbox of a kind at the actor's schools; the read is audited with the ids shown. */
export async function findReferrals(ctx: ServiceContext, kind: ReferralKind, filter: { status: string; schoolId?: string }) {
  const permission = REFERRAL_PERMISSION[kind];
  if (filter.schoolId) requireSchool(ctx.actor, permission, filter.schoolId, 'School');
  return ctx.db.transaction(async (tx) => {
    const items = (await extras.findReferrals(tx, ctx.actor.districtId, kind, scopeOf(ctx.actor, permission), filter)).map(toReferral);
    await writeAudit(tx, whoOf(ctx), {
      type: 'referral.listed', schoolId: filter.schoolId ?? null, detail: { kind, ids: items.slice(0, 100).map((r) => r.id), count: items.length },
    });
    return { items };
  });
}

/** The school acknowledges or closes a referral made to it. */
export async function updateReferral(ctx: ServiceContext, kind: ReferralKind, id: string, input: UpdateReferral) {
  return ctx.db.transaction(async (tx) => {
    const found = await extras.findReferral(tx, ctx.actor.districtId, kind, scopeOf(ctx.actor, REFERRAL_PERMISSION[kind]), id);
    if (!found) throw notFound('Referral');
    const now = ctx.clock.now();
    await extras.updateReferral(tx, id, { status: input.status, note: input.note ?? found.referral.note, handledById: ctx.actor.userId, handledAt: now });
    await writeAudit(tx, whoOf(ctx), {
      type: 'referral.updated', schoolId: found.referral.schoolId, subjectType: 'incident_referral', subjectId: id, detail: { status: input.status },
    });
    return toReferral((await extras.findReferralView(tx, id))!);
  });
}

/** Checks a task's owner: an active user of the district. */
async function checkOwner(db: Db, ctx: ServiceContext, ownerId: string) {
  const owner = await repo.findUser(db, ctx.actor.districtId, ownerId);
  if (!owner?.active) throw new AppError('validation_failed', 'ownerId: no such active user', { field: 'ownerId' });
}

/** Adds a follow-up task to an incident. */
export async function createTask(ctx: ServiceContext, id: string, input: TaskInput) {
  requirePermission(ctx.actor, 'incident.create');
  return ctx.db.transaction(async (tx) => {
    const row = await visibleIncident(tx, ctx, id);
    requireSchool(ctx.actor, 'incident.create', row.schoolId, 'Incident');
    await checkOwner(tx, ctx, input.ownerId);
    const now = ctx.clock.now();
    const taskId = (await extras.insertTask(tx, {
      incidentId: id, kind: 'follow_up', title: input.title, ownerId: input.ownerId, dueAt: new Date(input.dueAt), createdById: ctx.actor.userId, createdAt: now,
    }))!;
    await writeAudit(tx, whoOf(ctx), { type: 'incident.task_created', schoolId: row.schoolId, subjectType: 'incident', subjectId: id, detail: { taskId } });
    const [task] = await extras.findTaskView(tx, taskId);
    return toTask(task!, now);
  });
}

/** Open (or done) tasks of incidents the actor may see, mine by default, due first, with their clocks. */
export async function findTasks(
  ctx: ServiceContext, query: { scope: 'mine' | 'all'; status: 'open' | 'done' | 'all'; kind?: 'follow_up' | 'notification'; overdue: 'true' | 'false' },
) {
  const visible = visibilityCondition(readScopes(ctx.actor));
  const now = ctx.clock.now();
  const rows = await extras.findTasks(ctx.db, extras.taskFilter(ctx.actor.districtId, visible, {
    ownerId: query.scope === 'mine' ? ctx.actor.userId : undefined, status: query.status, kind: query.kind,
    overdueAt: query.overdue === 'true' ? now : undefined,
  }));
  return { items: rows.map((t) => toTask(t, now)) };
}

/** Changes or completes a task of an incident at a school where the actor writes reports. */
export async function updateTask(ctx: ServiceContext, id: string, input: UpdateTask) {
  return ctx.db.transaction(async (tx) => {
    const found = await extras.findTask(tx, ctx.actor.districtId, id);
    if (!found || !canRead(ctx.actor, found.incident)) throw notFound('Task');
    requireSchool(ctx.actor, 'incident.create', found.incident.schoolId, 'Task');
    if (input.ownerId) await checkOwner(tx, ctx, input.ownerId);
    const now = ctx.clock.now();
    const done = input.done === undefined ? {} : input.done ? { doneAt: found.task.doneAt ?? now, doneById: found.task.doneById ?? ctx.actor.userId } : { doneAt: null, doneById: null };
    await extras.updateTask(tx, id, { title: input.title, ownerId: input.ownerId, dueAt: input.dueAt ? new Date(input.dueAt) : undefined, ...done });
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.task_updated', schoolId: found.incident.schoolId, subjectType: 'incident', subjectId: found.incident.id,
      detail: { taskId: id, changed: Object.keys(input) },
    });
    const [task] = await extras.findTaskView(tx, id);
    return toTask(task!, now);
  });
}

/**
 * Stores an evidence file for an incident (or one of its supplements). Evidence goes with an editable report,
 * or with an open supplement once the report is approved.
 */
export async function addAttachment(
  ctx: ServiceContext, id: string, query: { fileName: string; supplementId?: string }, body: Readable,
) {
  requirePermission(ctx.actor, 'incident.create');
  const row = await visibleIncident(ctx.db, ctx, id);
  requireSchool(ctx.actor, 'incident.create', row.schoolId, 'Incident');
  let upload: EvidenceUpload | undefined;
  try {
    upload = await prepareUpload(ctx.db, ctx.actor.districtId, body);
    const { prepared, describe } = upload;
    // The file's rows (PostgreSQL: its chunks too) commit with the attachment record, or not at all.
    return await transactionWithFiles(ctx.db, async (tx, files) => {
      await files.adopt(prepared);
      const stored = describe();
      const locked = await visibleIncident(tx, ctx, id, { forUpdate: true });
      if (query.supplementId) {
        const s = await extras.findSupplement(tx, id, query.supplementId);
        if (!s) throw new AppError('validation_failed', 'supplementId: not a supplement of this incident', { field: 'supplementId' });
        if (s.status === 'approved' || s.status === 'submitted') throw new AppError('conflict', `Supplement ${s.number} is ${s.status}`, { field: 'supplementId' });
      } else if (locked.status === 'approved' || locked.status === 'submitted') {
        throw new AppError('conflict', `The report is ${locked.status}; attach evidence to a supplement`, { field: 'supplementId' });
      }
      const a = await extras.insertAttachment(tx, {
        incidentId: id, supplementId: query.supplementId ?? null, fileName: query.fileName.replace(/[\\/\r\n"]/g, '_'), kind: stored.kind,
        mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256, storageKey: stored.storageKey, uploadedById: ctx.actor.userId,
        uploadedAt: ctx.clock.now(),
      });
      await writeAudit(tx, whoOf(ctx), {
        type: 'incident.attachment_added', schoolId: row.schoolId, subjectType: 'incident', subjectId: id,
        detail: { attachmentId: a.id, kind: a.kind, size: a.size, sha256: a.sha256 },
      });
      return {
        id: a.id, supplementId: a.supplementId, fileName: a.fileName, kind: a.kind, mediaType: a.mediaType, size: a.size, sha256: a.sha256,
        uploadedByName: ctx.actor.name, uploadedAt: iso(a.uploadedAt),
      };
    });
  } catch (error) {
    await upload?.prepared.discard();
    // Drain what the client is still sending so the answer reaches it.
    body.resume();
    throw error;
  }
}

/** Opens an evidence file for download (audited); evidence is investigative material: incident.narrative.read. */
export async function openAttachment(ctx: ServiceContext, dataDir: string, id: string, why: ReadReasonQuery) {
  const found = await ctx.db.transaction(async (tx) => {
    const found = await extras.findAttachment(tx, ctx.actor.districtId, id);
    if (!found || !canRead(ctx.actor, found.incident) || !readsNarrative(ctx.actor, found.incident.schoolId)) throw notFound('Attachment');
    const reason = statedReason(ctx.actor, found.incident, why);
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.attachment_viewed', schoolId: found.incident.schoolId, subjectType: 'incident', subjectId: found.incident.id,
      detail: { attachmentId: id, ...(reason ? { reason } : {}) },
    });
    return found;
  });
  // Opened after the commit: the file store reads through the database (PGlite would wait on the transaction).
  const file = await openStored(ctx.db, dataDir, found.attachment.storageKey);
  return { ...file, attachment: found.attachment };
}
