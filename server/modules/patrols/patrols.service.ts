import { PATROL_ACTIVITY_KIND, type PatrolEntry, type PatrolEntryUpdateBody, type PatrolKind } from '../../../common/patrols.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { recordActivity, removeActivity } from '../activity/activity.recorder.js';
import { requireTarget } from '../drills/drills.scope.js';
import { checkAreaIds, patrolTitle, startOf } from './patrols.policy.js';
import * as repo from './patrols.repository.js';

function toEntry(row: repo.EntryRow, me: string): PatrolEntry {
  const e = row.e;
  return {
    id: e.id, school: { id: e.schoolId, name: row.schoolName }, area: e.areaId ? { id: e.areaId, name: row.areaName ?? '' } : null,
    kind: e.kind, startedAt: e.startedAt.toISOString(), durationMinutes: e.durationMinutes, notes: e.notes,
    officer: { id: e.officerId, name: row.officerName }, mine: e.officerId === me,
    createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString(),
  };
}

async function entryOf(ctx: ServiceContext, db: Db, id: string): Promise<PatrolEntry> {
  const [row] = await repo.findEntries(db, ctx.actor.districtId, scopeOf(ctx.actor, 'patrol.read'), ctx.actor.userId, { id });
  if (!row) throw notFound('Patrol entry');
  return toEntry(row, ctx.actor.userId);
}

/** The area's name, after checking it is an active campus area of the school (400 on areaId). */
async function areaName(db: Db, schoolId: string, areaId: string | null | undefined): Promise<string | null> {
  if (!areaId) return null;
  const found = await repo.findAreas(db, schoolId, [areaId]);
  checkAreaIds([areaId], new Set(found.map((a) => a.id)), () => 'areaId');
  return found[0]!.name;
}

/** Writes (or rewrites) the officer's activity-log entry of a patrol entry. */
async function record(tx: Db, ctx: ServiceContext, e: { id: string; schoolId: string; officerId: string; kind: PatrolKind; startedAt: Date; durationMinutes: number }, area: string | null) {
  await recordActivity(tx, {
    districtId: ctx.actor.districtId, schoolId: e.schoolId, userId: e.officerId, kind: PATROL_ACTIVITY_KIND[e.kind], triadRole: 'law_enforcement',
    startedAt: e.startedAt, durationMinutes: e.durationMinutes, title: patrolTitle(e.kind, area), sourceType: 'patrol_entry', sourceId: e.id,
    createdBy: ctx.actor.userId,
  });
}

/** A page of the entries the actor sees: their own and those at schools where they hold patrol.read. */
export async function findEntries(ctx: ServiceContext, q: {
  schoolId?: string; officerId?: string; mine?: 'true' | 'false'; kind?: PatrolKind; from?: string; to?: string; limit: number; offset: number;
}) {
  if (q.schoolId) requireSchool(ctx.actor, 'patrol.read', q.schoolId, 'School');
  const scope = scopeOf(ctx.actor, 'patrol.read');
  const filter = { ...q, officerId: q.mine === 'true' ? ctx.actor.userId : q.officerId };
  const [rows, total] = await Promise.all([
    repo.findEntries(ctx.db, ctx.actor.districtId, scope, ctx.actor.userId, filter, q),
    repo.countEntries(ctx.db, ctx.actor.districtId, scope, ctx.actor.userId, filter),
  ]);
  return { items: rows.map((r) => toEntry(r, ctx.actor.userId)), total };
}

/** One entry the actor sees. */
export function getEntry(ctx: ServiceContext, id: string) {
  return entryOf(ctx, ctx.db, id);
}

/** Logs a patrol for the signed-in officer and records it in their activity log, audited. */
export async function createEntry(ctx: ServiceContext, input: {
  schoolId: string; kind: PatrolKind; areaId: string | null; startedAt?: string; durationMinutes: number; notes?: string | null;
}) {
  const startedAt = startOf(input.startedAt, input.durationMinutes, ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, 'patrol.log', input.schoolId);
    const area = await areaName(tx, input.schoolId, input.areaId);
    const values = {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, officerId: ctx.actor.userId, kind: input.kind, areaId: input.areaId,
      startedAt, durationMinutes: input.durationMinutes, notes: input.notes ?? null,
    };
    const id = await repo.insertEntry(tx, values);
    await record(tx, ctx, { id, ...values }, area);
    await writeAudit(tx, whoOf(ctx), { type: 'patrol.logged', schoolId: input.schoolId, subjectType: 'patrol_entry', subjectId: id, detail: { kind: input.kind } });
    return entryOf(ctx, tx, id);
  });
}

async function ownEntry(ctx: ServiceContext, tx: Db, id: string) {
  const row = await repo.findOwnEntry(tx, ctx.actor.districtId, ctx.actor.userId, id);
  // Another officer's entry reads as absent: only its officer changes it.
  if (!row) throw notFound('Patrol entry');
  requireSchool(ctx.actor, 'patrol.log', row.schoolId, 'Patrol entry');
  return row;
}

/** Changes the officer's own entry and its activity-log entry, audited. */
export async function updateEntry(ctx: ServiceContext, id: string, input: PatrolEntryUpdateBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await ownEntry(ctx, tx, id);
    const areaId = input.areaId === undefined ? before.areaId : input.areaId;
    const area = await areaName(tx, before.schoolId, areaId);
    const durationMinutes = input.durationMinutes ?? before.durationMinutes;
    const startedAt = input.startedAt === undefined ? before.startedAt : startOf(input.startedAt, durationMinutes, ctx.clock.now());
    const after = { ...before, kind: input.kind ?? before.kind, areaId, startedAt, durationMinutes, notes: input.notes === undefined ? before.notes : input.notes ?? null };
    await repo.updateEntry(tx, id, { kind: after.kind, areaId, startedAt, durationMinutes, notes: after.notes, updatedAt: ctx.clock.now() });
    await record(tx, ctx, after, area);
    const changed = changedFields({ ...before, startedAt: before.startedAt.toISOString() }, { ...input, startedAt: input.startedAt && startedAt.toISOString() });
    await writeAudit(tx, whoOf(ctx), { type: 'patrol.updated', schoolId: before.schoolId, subjectType: 'patrol_entry', subjectId: id, detail: { changed } });
    return entryOf(ctx, tx, id);
  });
}

/** Deletes the officer's own entry and its activity-log entry, audited. */
export async function deleteEntry(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await ownEntry(ctx, tx, id);
    await removeActivity(tx, 'patrol_entry', id);
    await repo.deleteEntry(tx, id);
    await writeAudit(tx, whoOf(ctx), { type: 'patrol.deleted', schoolId: before.schoolId, subjectType: 'patrol_entry', subjectId: id, detail: { kind: before.kind } });
  });
}
