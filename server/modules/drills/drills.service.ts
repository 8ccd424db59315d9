import { schoolYearOf, type Drill } from '../../../common/preparedness.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import type { Db } from '../../db/connection.js';
import { requirePastIfCompleted, requireTransition } from './drills.policy.js';
import * as repo from './drills.repository.js';
import type { DrillBody, UpdateDrillBody } from './drills.schemas.js';
import { findDistrictSchool } from './drills.scope.js';
import { todayOf } from '../../lib/district-time.js';
import { dayIn } from '../../lib/district-time.js';

/** A drill row as the API shows it. */
export function toDrill(row: repo.DrillRow, timeZone: string): Drill {
  const d = row.drill;
  return {
    id: d.id, schoolId: d.schoolId, schoolName: row.schoolName, type: d.type, status: d.status, date: d.date, startTime: d.startTime,
    durationMinutes: d.durationMinutes, conditions: d.conditions, secondaryEgress: d.secondaryEgress, participants: d.participants,
    observers: d.observers.map((o) => ({ kind: o.kind, name: o.name ?? null })),
    problemsFound: d.problemsFound, afterActionNotes: d.afterActionNotes,
    followUps: d.followUps.map((f) => ({ task: f.task, owner: f.owner ?? null, dueOn: f.dueOn ?? null, done: f.done })),
    notes: d.notes, cancelledReason: d.cancelledReason, alertId: d.alertId,
    recordedBy: { id: d.recordedBy, name: row.recordedByName }, recordedAt: (d.completedAt ?? d.createdAt).toISOString(),
    recordedLate: d.completedAt !== null && dayIn(timeZone, d.completedAt) > d.date, schoolYear: schoolYearOf(d.date),
  };
}

async function view(ctx: ServiceContext, db: Db, id: string): Promise<Drill> {
  const row = await repo.findDrill(db, ctx.actor.districtId, id);
  if (!row) throw notFound('Drill');
  return toDrill(row, ctx.actor.timeZone);
}

/** Drills of the actor's schools, filtered. */
export async function findDrills(ctx: ServiceContext, filter: { schoolId?: string; schoolYear?: number; status?: string; type?: string; limit: number }) {
  if (filter.schoolId) requireSchool(ctx.actor, 'drill.read', filter.schoolId, 'School');
  const range = filter.schoolYear === undefined ? {} : { from: `${filter.schoolYear}-07-01`, to: `${filter.schoolYear + 1}-06-30` };
  const rows = await repo.findDrills(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'drill.read'), { ...filter, ...range });
  return rows.map((row) => toDrill(row, ctx.actor.timeZone));
}

/** One drill of the actor's schools. */
export async function getDrill(ctx: ServiceContext, id: string) {
  const drill = await view(ctx, ctx.db, id);
  requireSchool(ctx.actor, 'drill.read', drill.schoolId, 'Drill');
  return drill;
}

/** Schedules a drill, or records one that happened (on its real date, even long after), audited. */
export async function createDrill(ctx: ServiceContext, input: DrillBody) {
  requireSchool(ctx.actor, 'drill.record', input.schoolId, 'School');
  requirePastIfCompleted(input.status, input.date, todayOf(ctx));
  return ctx.db.transaction(async (tx) => {
    if (!(await findDistrictSchool(tx, ctx.actor.districtId, input.schoolId))) throw notFound('School');
    const completedAt = input.status === 'completed' ? ctx.clock.now() : null;
    const id = await repo.insertDrill(tx, ctx.actor.districtId, ctx.actor.userId, input, completedAt);
    await writeAudit(tx, whoOf(ctx), {
      type: input.status === 'completed' ? 'drill.recorded' : 'drill.scheduled', schoolId: input.schoolId, subjectType: 'drill', subjectId: id,
      detail: { type: input.type, date: input.date, recordedLate: completedAt !== null && todayOf(ctx) > input.date },
    });
    return view(ctx, tx, id);
  });
}

/** Changes a drill: details, conducting it (completed), cancelling or rescheduling it; audited. */
export async function updateDrill(ctx: ServiceContext, id: string, input: UpdateDrillBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findDrill(tx, ctx.actor.districtId, id);
    if (!before) throw notFound('Drill');
    requireSchool(ctx.actor, 'drill.record', before.drill.schoolId, 'Drill');
    const from = before.drill.status;
    const to = input.status ?? from;
    requireTransition(from, to, input.cancelledReason ?? before.drill.cancelledReason);
    requirePastIfCompleted(to, input.date ?? before.drill.date, todayOf(ctx));
    const completedAt = from !== 'completed' && to === 'completed' ? ctx.clock.now() : undefined;
    const changes = { ...input, ...(completedAt ? { completedAt } : {}), ...(to === 'scheduled' && from === 'cancelled' ? { cancelledReason: null } : {}) };
    await repo.updateDrill(tx, ctx.actor.districtId, id, changes);
    const type = completedAt ? 'drill.recorded' : to === 'cancelled' && from !== 'cancelled' ? 'drill.cancelled' : 'drill.updated';
    await writeAudit(tx, whoOf(ctx), {
      type, schoolId: before.drill.schoolId, subjectType: 'drill', subjectId: id,
      detail: { changed: changedFields(before.drill, input), status: to, date: input.date ?? before.drill.date },
    });
    return view(ctx, tx, id);
  });
}
