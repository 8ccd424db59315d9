import type {
  CheckRun, CheckRunBody, CheckRunDetail, Checklist, ChecklistBody, ChecklistUpdateBody,
} from '../../../common/patrols.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordActivity } from '../activity/activity.recorder.js';
import { requireTarget } from '../drills/drills.scope.js';
import { createWorkOrder } from '../work-orders/work-orders.service.js';
import * as repo from './checks.repository.js';
import { checkAreaIds, checkItemIds, checkResults, startOf } from './patrols.policy.js';
import { findAreas } from './patrols.repository.js';

type ItemRow = Awaited<ReturnType<typeof repo.findItems>>[number];

function toChecklist(row: repo.ChecklistRow, items: ItemRow[]): Checklist {
  const c = row.c;
  return {
    id: c.id, school: { id: c.schoolId, name: row.schoolName }, name: c.name, archived: c.archived,
    items: items.filter((i) => i.i.checklistId === c.id).map(({ i, areaName }) => ({
      id: i.id, label: i.label, area: i.areaId ? { id: i.areaId, name: areaName ?? '' } : null, position: i.position,
    })),
    lastRunAt: row.lastRunAt ? row.lastRunAt.toISOString() : null, updatedAt: c.updatedAt.toISOString(),
  };
}

async function checklistOf(ctx: ServiceContext, db: Db, id: string): Promise<Checklist> {
  const [row] = await repo.findChecklists(db, ctx.actor.districtId, scopeOf(ctx.actor, 'patrol.read'), { id });
  if (!row) throw notFound('Check list');
  return toChecklist(row, await repo.findItems(db, [id]));
}

/** 400 naming `items.N.areaId` for an item placed outside the school's active campus areas. */
async function checkItemAreas(db: Db, schoolId: string, items: readonly { areaId?: string | null }[]) {
  const wanted = [...new Set(items.flatMap((i) => (i.areaId ? [i.areaId] : [])))];
  const known = new Set((await findAreas(db, schoolId, wanted)).map((a) => a.id));
  checkAreaIds(items.map((i) => i.areaId), known, (i) => `items.${i}.areaId`);
}

/** Check lists of the actor's schools (active ones unless asked for archived). */
export async function findChecklists(ctx: ServiceContext, q: { schoolId?: string; archived?: 'true' | 'false' }) {
  if (q.schoolId) requireSchool(ctx.actor, 'patrol.read', q.schoolId, 'School');
  const rows = await repo.findChecklists(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'patrol.read'), { schoolId: q.schoolId, archived: q.archived === 'true' });
  const items = await repo.findItems(ctx.db, rows.map((r) => r.c.id));
  return rows.map((r) => toChecklist(r, items));
}

/** One check list the actor sees, with its current items. */
export function getChecklist(ctx: ServiceContext, id: string) {
  return checklistOf(ctx, ctx.db, id);
}

/** Creates a school's check list, audited. */
export async function createChecklist(ctx: ServiceContext, input: ChecklistBody) {
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, 'patrol.checklist.manage', input.schoolId);
    const items = input.items.map((i) => ({ label: i.label, areaId: i.areaId ?? null }));
    const withId = input.items.findIndex((i) => i.id);
    if (withId >= 0) throw new AppError('validation_failed', `items.${withId}.id: a new list has no items yet`, { field: `items.${withId}.id` });
    await checkItemAreas(tx, input.schoolId, items);
    const id = await repo.insertChecklist(tx, { districtId: ctx.actor.districtId, schoolId: input.schoolId, name: input.name, createdBy: ctx.actor.userId });
    await repo.replaceItems(tx, id, items);
    await writeAudit(tx, whoOf(ctx), { type: 'patrol_checklist.created', schoolId: input.schoolId, subjectType: 'patrol_checklist', subjectId: id, detail: { items: items.length } });
    return checklistOf(ctx, tx, id);
  });
}

/** Renames, archives or replaces the items of a list, audited. */
export async function updateChecklist(ctx: ServiceContext, id: string, input: ChecklistUpdateBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await checklistOf(ctx, tx, id);
    requireSchool(ctx.actor, 'patrol.checklist.manage', before.school.id, 'Check list');
    if (input.items) {
      const items = input.items.map((i) => ({ id: i.id, label: i.label, areaId: i.areaId ?? null }));
      checkItemIds(items, await repo.findItemIdsOf(tx, id, items.flatMap((i) => (i.id ? [i.id] : []))));
      await checkItemAreas(tx, before.school.id, items);
      await repo.replaceItems(tx, id, items);
    }
    await repo.updateChecklist(tx, id, { name: input.name, archived: input.archived, updatedAt: ctx.clock.now() });
    const changed = Object.keys(input).filter((k) => input[k as keyof ChecklistUpdateBody] !== undefined);
    await writeAudit(tx, whoOf(ctx), { type: 'patrol_checklist.updated', schoolId: before.school.id, subjectType: 'patrol_checklist', subjectId: id, detail: { changed } });
    return checklistOf(ctx, tx, id);
  });
}

function toRun(row: repo.RunRow): CheckRun {
  const r = row.r;
  return {
    id: r.id, checklist: { id: r.checklistId, name: row.checklistName }, school: { id: r.schoolId, name: row.schoolName },
    officer: { id: r.officerId, name: row.officerName }, startedAt: r.startedAt.toISOString(), durationMinutes: r.durationMinutes,
    notes: r.notes, failedCount: r.failedCount, itemCount: r.itemCount, createdAt: r.createdAt.toISOString(),
  };
}

async function runOf(ctx: ServiceContext, db: Db, id: string): Promise<CheckRunDetail> {
  const [row] = await repo.findRuns(db, ctx.actor.districtId, scopeOf(ctx.actor, 'patrol.read'), { id });
  if (!row) throw notFound('Check run');
  const results = (await repo.findResults(db, id)).map(({ x, areaName, workOrderNumber }) => ({
    itemId: x.itemId, label: x.label, area: x.areaId ? { id: x.areaId, name: areaName ?? '' } : null, passed: x.passed, note: x.note,
    workOrder: x.workOrderId ? { id: x.workOrderId, number: workOrderNumber ?? '' } : null,
  }));
  return { ...toRun(row), results };
}

/** A page of check runs at the actor's schools, newest first. */
export async function findRuns(ctx: ServiceContext, q: {
  schoolId?: string; checklistId?: string; failed?: 'true' | 'false'; from?: string; to?: string; limit: number; offset: number;
}) {
  if (q.schoolId) requireSchool(ctx.actor, 'patrol.read', q.schoolId, 'School');
  const scope = scopeOf(ctx.actor, 'patrol.read');
  const filter = { ...q, failed: q.failed === undefined ? undefined : q.failed === 'true' };
  const [rows, total] = await Promise.all([
    repo.findRuns(ctx.db, ctx.actor.districtId, scope, filter, q), repo.countRuns(ctx.db, ctx.actor.districtId, scope, filter),
  ]);
  return { items: rows.map(toRun), total };
}

/** One run with its results. */
export function getRun(ctx: ServiceContext, id: string) {
  return runOf(ctx, ctx.db, id);
}

/**
 * Records a walk through a check list: every current item passes or fails; each failed item opens a work
 * order (source patrol_check) in the same transaction, and the run enters the officer's activity log.
 */
export async function createRun(ctx: ServiceContext, input: CheckRunBody & { durationMinutes: number }) {
  const startedAt = startOf(input.startedAt, input.durationMinutes, ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const list = await checklistOf(ctx, tx, input.checklistId).catch(() => {
      throw new AppError('validation_failed', 'checklistId: no such check list at your schools', { field: 'checklistId' });
    });
    requireSchool(ctx.actor, 'patrol.log', list.school.id, 'Check list');
    if (list.archived) throw new AppError('validation_failed', 'checklistId: the check list is archived', { field: 'checklistId' });
    checkResults(list.items.map((i) => i.id), input.results);
    const items = new Map(list.items.map((i) => [i.id, i]));
    const failed = input.results.filter((r) => !r.passed).length;
    const runId = await repo.insertRun(tx, {
      districtId: ctx.actor.districtId, schoolId: list.school.id, checklistId: list.id, officerId: ctx.actor.userId, startedAt,
      durationMinutes: input.durationMinutes, notes: input.notes ?? null, failedCount: failed, itemCount: list.items.length,
    });
    const rows = [];
    for (const r of input.results) {
      const item = items.get(r.itemId)!;
      const order = r.passed ? null : await createWorkOrder(tx, ctx, {
        schoolId: list.school.id, areaId: item.area?.id ?? null, title: `Failed check: ${item.label}`, description: r.note ?? null,
        source: 'patrol_check', sourceId: runId,
      });
      rows.push({ runId, itemId: item.id, position: item.position, label: item.label, areaId: item.area?.id ?? null, passed: r.passed, note: r.note ?? null, workOrderId: order?.id ?? null });
    }
    await repo.insertResults(tx, rows);
    await recordActivity(tx, {
      districtId: ctx.actor.districtId, schoolId: list.school.id, userId: ctx.actor.userId, kind: 'security_check', triadRole: 'law_enforcement',
      startedAt, durationMinutes: input.durationMinutes, title: `Security check: ${list.name}`, sourceType: 'patrol_check_run', sourceId: runId,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'patrol_check.recorded', schoolId: list.school.id, subjectType: 'patrol_check_run', subjectId: runId,
      detail: { checklistId: list.id, items: list.items.length, failed },
    });
    return runOf(ctx, tx, runId);
  });
}
