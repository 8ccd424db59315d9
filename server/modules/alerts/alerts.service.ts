import { CANCEL_WINDOW_DEFAULT_SECONDS } from '../../../common/alerts.js';
import { whoOf, writeAudit } from '../../audit/audit.js';
import { canAtSchool, requirePermission, scopeOf, type Actor } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordDrillsOfAlert } from '../drills/drills.from-alert.js';
import type { LiveHub } from '../live/live.hub.js';
import { appendLiveEvent } from '../live/live.repository.js';
import type { Announcer } from './alerts.announcer.js';
import { cancelWindowMs, managesAll, requireActionFields, toAlert } from './alerts.policy.js';
import * as repo from './alerts.repository.js';
import type { Alert, AllClearBody, EscalateBody, ListAlertsQuery, RaiseAlertBody } from './alerts.schemas.js';

/** A service call of the alerts module: the request's context plus the live hub and the announcer. */
export interface AlertsContext extends ServiceContext {
  live: LiveHub;
  announcer: Announcer;
}

function visibility(actor: Actor) {
  return { userId: actor.userId, receive: scopeOf(actor, 'alert.receive'), manage: scopeOf(actor, 'alert.manage') };
}

/** One alert the actor may see, or not-found. */
export async function viewAlert(db: Db, actor: Actor, id: string): Promise<Alert> {
  const [row] = await repo.findAlertRows(db, actor.districtId, [repo.byId(id)], visibility(actor));
  if (!row) throw notFound('Alert');
  return toAlert(row);
}

/** The district's alert settings. */
export async function getSettings(ctx: ServiceContext) {
  return { cancelWindowSeconds: (await repo.findCancelWindow(ctx.db, ctx.actor.districtId)) ?? CANCEL_WINDOW_DEFAULT_SECONDS };
}

/** Changes the cancel window of the district. */
export async function updateSettings(ctx: ServiceContext, input: { cancelWindowSeconds: number }) {
  return ctx.db.transaction(async (tx) => {
    const before = (await repo.findCancelWindow(tx, ctx.actor.districtId)) ?? CANCEL_WINDOW_DEFAULT_SECONDS;
    await repo.saveCancelWindow(tx, ctx.actor.districtId, input.cancelWindowSeconds);
    await writeAudit(tx, whoOf(ctx), {
      type: 'alert.settings_updated', subjectType: 'district', subjectId: ctx.actor.districtId,
      detail: { cancelWindowSeconds: { from: before, to: input.cancelWindowSeconds } },
    });
    return { cancelWindowSeconds: input.cancelWindowSeconds };
  });
}

/**
 * Raises an alert. It is stored at once (`pending`) and announced when the district's cancel window passes;
 * with a zero window it is announced before this call answers. One school for anyone who may raise there;
 * several schools only for those who manage alerts at each (SROs, administrators, the district).
 */
export async function raiseAlert(ctx: AlertsContext, input: RaiseAlertBody): Promise<Alert> {
  const fields = requireActionFields(input);
  const schoolIds = [...new Set(input.schoolIds)];
  for (const id of schoolIds) {
    if (!canAtSchool(ctx.actor, 'alert.raise', id)) {
      throw new AppError('not_found', 'School not found among the schools you may raise alerts for', { field: 'schoolIds' });
    }
  }
  if (schoolIds.length > 1 && !managesAll(ctx.actor, schoolIds)) {
    throw new AppError('forbidden', 'Only SROs, administrators and the district raise an alert for several schools at once', { field: 'schoolIds' });
  }
  const { districtId } = ctx.actor;
  const created = await ctx.db.transaction(async (tx) => {
    const found = await repo.findSchools(tx, districtId, schoolIds);
    if (found.length !== schoolIds.length) throw new AppError('not_found', 'School not found', { field: 'schoolIds' });
    const windowMs = cancelWindowMs(await repo.findCancelWindow(tx, districtId));
    const now = ctx.clock.now();
    const id = await repo.insertAlert(tx, {
      districtId, ...fields, drill: input.drill, status: 'pending', raisedBy: ctx.actor.userId, raisedAt: now,
      announceAt: new Date(now.getTime() + windowMs),
    }, schoolIds);
    await repo.insertTimeline(tx, [{
      alertId: id, kind: 'raised', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.name,
      detail: { action: fields.action, drill: input.drill, schoolIds, cancelWindowSeconds: windowMs / 1000 },
    }]);
    await writeAudit(tx, whoOf(ctx), {
      type: 'alert.raised', subjectType: 'alert', subjectId: id, schoolId: schoolIds.length === 1 ? schoolIds[0] : null,
      detail: { action: fields.action, drill: input.drill, schoolIds, location: fields.location, hazard: fields.hazard },
    });
    // Without a cancel window, stored and announced in one commit: no second transaction on the way.
    const announced = windowMs === 0 ? await ctx.announcer.announceWithin(tx, id, districtId) : null;
    return { id, windowMs, announced };
  });
  if (created.announced) ctx.announcer.afterCommit(created.announced);
  else ctx.announcer.schedule(created.id, created.windowMs);
  return viewAlert(ctx.db, ctx.actor, created.id);
}

/** Cancels a pending alert inside its window: its raiser, or a manager of all its schools. It stays on record. */
export async function cancelAlert(ctx: AlertsContext, id: string): Promise<Alert> {
  await ctx.db.transaction(async (tx) => {
    const alert = await repo.lockAlert(tx, ctx.actor.districtId, id);
    if (!alert) throw notFound('Alert');
    const mine = alert.raisedBy === ctx.actor.userId;
    if (!mine && !managesAll(ctx.actor, alert.schoolIds)) {
      if (!alert.schoolIds.some((s) => canAtSchool(ctx.actor, 'alert.receive', s)) || alert.status === 'pending') throw notFound('Alert');
      throw new AppError('forbidden', 'Only the person who raised an alert, or an administrator of its schools, cancels it');
    }
    if (alert.status !== 'pending') {
      throw new AppError('conflict', alert.status === 'active'
        ? 'The alert was already announced: end it with All Clear'
        : `The alert is already ${alert.status}`, { field: 'status' });
    }
    const now = ctx.clock.now();
    await repo.updateAlert(tx, id, 'pending', { status: 'cancelled', cancelledAt: now, cancelledBy: ctx.actor.userId });
    await repo.insertTimeline(tx, [{ alertId: id, kind: 'cancelled', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.name }]);
    await writeAudit(tx, whoOf(ctx), {
      type: 'alert.cancelled', subjectType: 'alert', subjectId: id, schoolId: alert.schoolIds.length === 1 ? alert.schoolIds[0] : null,
      detail: { schoolIds: alert.schoolIds },
    });
  });
  ctx.announcer.unschedule(id);
  return viewAlert(ctx.db, ctx.actor, id);
}

/** Alerts of the actor's schools, newest first. */
export async function findAlerts(ctx: ServiceContext, filter: ListAlertsQuery): Promise<Alert[]> {
  const rows = await repo.findAlertRows(ctx.db, ctx.actor.districtId, repo.listConditions(filter), visibility(ctx.actor), filter.limit);
  return rows.map(toAlert);
}

/** Alerts in force at the actor's schools, and the actor's own alerts still inside their cancel window. */
export async function findActiveAlerts(db: Db, actor: Actor): Promise<Alert[]> {
  const rows = await repo.findAlertRows(db, actor.districtId, [repo.byStatus(['pending', 'active'])], visibility(actor));
  return rows.filter((r) => r.status === 'active' || r.raisedById === actor.userId).map(toAlert);
}

/** One alert of the actor's schools. */
export async function getAlert(ctx: ServiceContext, id: string): Promise<Alert> {
  return viewAlert(ctx.db, ctx.actor, id);
}

/** Locks an alert the actor manages at every school, in the wanted status. */
async function lockManaged(ctx: ServiceContext, tx: Db, id: string, what: string) {
  const alert = await repo.lockAlert(tx, ctx.actor.districtId, id);
  if (!alert || !alert.schoolIds.some((s) => canAtSchool(ctx.actor, 'alert.receive', s))) throw notFound('Alert');
  if (!managesAll(ctx.actor, alert.schoolIds)) {
    throw new AppError('forbidden', `Only an SRO, an administrator or the district of every school of the alert may ${what}`);
  }
  if (alert.status !== 'active') throw new AppError('conflict', `The alert is ${alert.status}, not active`, { field: 'status' });
  return alert;
}

/** Changes the action of an active alert (e.g. Secure to Lockdown) and tells everyone at once. */
export async function escalateAlert(ctx: AlertsContext, id: string, input: EscalateBody): Promise<Alert> {
  requirePermission(ctx.actor, 'alert.manage');
  const fields = requireActionFields(input);
  const alert = await ctx.db.transaction(async (tx) => {
    const before = await lockManaged(ctx, tx, id, 'change it');
    const now = ctx.clock.now();
    await repo.updateAlert(tx, id, 'active', fields);
    await repo.insertTimeline(tx, [{
      alertId: id, kind: 'escalated', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.name,
      detail: { from: before.action, to: fields.action, location: fields.location, hazard: fields.hazard, details: fields.details },
    }]);
    await writeAudit(tx, whoOf(ctx), { type: 'alert.escalated', subjectType: 'alert', subjectId: id, detail: { from: before.action, to: fields.action } });
    const updated = await viewAlert(tx, ctx.actor, id);
    await appendLiveEvent(tx, { districtId: ctx.actor.districtId, schoolIds: before.schoolIds, audience: 'alert.receive', type: 'alert.updated', payload: { alert: updated } });
    return updated;
  });
  ctx.live.poke();
  return alert;
}

/**
 * Ends an active alert with All Clear: SRO, administrator or district, of every school of the alert. A drill
 * alert is recorded as a completed drill at each of its schools in the same commit, so it counts toward compliance.
 */
export async function allClear(ctx: AlertsContext, id: string, input: AllClearBody): Promise<Alert> {
  requirePermission(ctx.actor, 'alert.manage');
  const alert = await ctx.db.transaction(async (tx) => {
    const before = await lockManaged(ctx, tx, id, 'give the All Clear');
    const now = ctx.clock.now();
    await repo.updateAlert(tx, id, 'active', { status: 'cleared', clearedAt: now, clearedBy: ctx.actor.userId, clearNote: input.note ?? null });
    await repo.insertTimeline(tx, [{
      alertId: id, kind: 'all_clear', at: now, actorId: ctx.actor.userId, actorName: ctx.actor.name, detail: { note: input.note ?? null },
    }]);
    await writeAudit(tx, whoOf(ctx), { type: 'alert.cleared', subjectType: 'alert', subjectId: id, detail: { schoolIds: before.schoolIds } });
    if (before.drill) {
      await recordDrillsOfAlert(tx, whoOf(ctx), {
        ...before, districtId: ctx.actor.districtId, clearedAt: now, clearedBy: ctx.actor.userId,
        participants: await repo.sumStudentsBySchool(tx, id),
      });
    }
    const cleared = await viewAlert(tx, ctx.actor, id);
    await appendLiveEvent(tx, { districtId: ctx.actor.districtId, schoolIds: before.schoolIds, audience: 'alert.receive', type: 'alert.cleared', payload: { alert: cleared } });
    return cleared;
  });
  ctx.live.poke();
  return alert;
}
