import {
  type AutomaticSubscriptionBody, type CreateSubscriptionBody, type Subscription, type UpdateSubscriptionBody,
} from '../../../common/reports.js';
import { whoOf, writeAudit } from '../../audit/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { visibleOfficers } from '../activity/activity.service.js';
import { nextDueAfter, type Schedule } from './reports.policy.js';
import { requireReportAccess } from './reports.render.js';
import * as repo from './reports.repository.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function present(ctx: ServiceContext, rows: repo.SubscriptionRow[]): Promise<Subscription[]> {
  const names = await repo.findNames(ctx.db, ctx.actor.districtId,
    [...new Set(rows.flatMap((r) => [r.userId, r.createdBy, ...(r.officerId ? [r.officerId] : [])]))], [...new Set(rows.flatMap((r) => r.schoolIds))]);
  const person = (id: string) => ({ id, name: names.users.get(id) ?? '' });
  return rows.map((r) => ({
    id: r.id, report: r.report as Subscription['report'], recipient: person(r.userId), createdBy: person(r.createdBy),
    schools: r.schoolIds.map((id) => ({ id, name: names.schools.get(id) ?? '' })), level: r.level, officer: r.officerId ? person(r.officerId) : null,
    cadence: r.cadence as Subscription['cadence'], dayOfWeek: r.dayOfWeek, dayOfMonth: r.dayOfMonth, time: r.timeOfDay,
    format: r.format as Subscription['format'], active: r.active, automatic: r.automatic, nextDueAt: r.nextDueAt.toISOString(),
    lastSentAt: iso(r.lastSentAt), lastPeriod: r.lastPeriod, lastSkippedAt: iso(r.lastSkippedAt), lastSkipReason: r.lastSkipReason,
  }));
}

function scheduleOf(b: { cadence: Schedule['cadence']; dayOfWeek?: number | null; dayOfMonth?: number | null; time: string }): Schedule {
  return b.cadence === 'weekly'
    ? { cadence: 'weekly', dayOfWeek: b.dayOfWeek ?? null, dayOfMonth: null, timeOfDay: b.time }
    : { cadence: 'monthly', dayOfWeek: null, dayOfMonth: b.dayOfMonth ?? null, timeOfDay: b.time };
}

/** The subscriptions I receive and those I set up for others. */
export async function listMine(ctx: ServiceContext): Promise<Subscription[]> {
  return present(ctx, await repo.findForUser(ctx.db, ctx.actor.districtId, ctx.actor.userId));
}

/** Subscribes the actor to a report they may read now at that scope (audited). */
export async function subscribe(ctx: ServiceContext, body: CreateSubscriptionBody): Promise<Subscription> {
  const officer = await requireReportAccess(ctx, body);
  const schedule = scheduleOf(body);
  return ctx.db.transaction(async (tx) => {
    const [row] = await repo.insertSubscriptions(tx, [{
      districtId: ctx.actor.districtId, userId: ctx.actor.userId, createdBy: ctx.actor.userId, report: body.report,
      schoolIds: body.report === 'activity' ? [] : [...new Set(body.schoolIds)], level: body.report === 'activity' ? null : body.level,
      officerId: officer?.id ?? null, ...schedule, format: body.format,
      nextDueAt: nextDueAfter(schedule, ctx.clock.now(), ctx.actor.timeZone), createdAt: ctx.clock.now(), updatedAt: ctx.clock.now(),
    }]);
    await writeAudit(tx, whoOf(ctx), { type: 'report_subscription.created', subjectType: 'report_subscription', subjectId: row!.id, detail: { report: body.report, format: body.format, ...schedule } });
    return (await present({ ...ctx, db: tx }, [row!]))[0]!;
  });
}

/**
 * A supervisor or director sends an SRO's monthly activity report to the principals of the SRO's schools: one
 * subscription per principal, owned by the principal (who may pause or delete it), marked automatic. A principal
 * who already receives that SRO's automatic report is left as is.
 */
export async function subscribePrincipals(ctx: ServiceContext, body: AutomaticSubscriptionBody): Promise<Subscription[]> {
  if (!ctx.actor.grants.some((g) => g.role === 'supervisor' || g.role === 'director')) {
    throw new AppError('forbidden', 'Only an SRO supervisor or the district safety director sets up automatic reports');
  }
  const officer = (await visibleOfficers(ctx)).find((o) => o.id === body.officerId);
  if (!officer) throw notFound('SRO');
  const principals = await repo.findPrincipals(ctx.db, ctx.actor.districtId, officer.schoolIds);
  if (principals.length === 0) throw new AppError('validation_failed', 'officerId: no principal holds a grant at this SRO\'s schools', { field: 'officerId' });
  const schedule = scheduleOf({ cadence: 'monthly', dayOfMonth: body.dayOfMonth, time: body.time });
  return ctx.db.transaction(async (tx) => {
    const existing = new Set((await Promise.all(principals.map((p) => repo.findForUser(tx, ctx.actor.districtId, p.id)))).flat()
      .filter((s) => s.automatic && s.report === 'activity' && s.officerId === officer.id).map((s) => s.userId));
    const now = ctx.clock.now();
    const rows = await repo.insertSubscriptions(tx, principals.filter((p) => !existing.has(p.id)).map((p) => ({
      districtId: ctx.actor.districtId, userId: p.id, createdBy: ctx.actor.userId, report: 'activity', schoolIds: [], level: null,
      officerId: officer.id, ...schedule, format: body.format, automatic: true,
      nextDueAt: nextDueAfter(schedule, now, ctx.actor.timeZone), createdAt: now, updatedAt: now,
    })));
    for (const row of rows) {
      await writeAudit(tx, whoOf(ctx), {
        type: 'report_subscription.created', subjectType: 'report_subscription', subjectId: row.id,
        detail: { report: 'activity', automatic: true, recipient: row.userId, officer: officer.id, format: body.format, ...schedule },
      });
    }
    return present({ ...ctx, db: tx }, rows);
  });
}

/** A subscription the actor receives or set up; any other (another user's, another district's) reads as absent. */
async function requireOwn(ctx: ServiceContext, id: string): Promise<repo.SubscriptionRow> {
  const row = await repo.findOne(ctx.db, ctx.actor.districtId, id);
  if (!row || (row.userId !== ctx.actor.userId && row.createdBy !== ctx.actor.userId)) throw notFound('Report subscription');
  return row;
}

/** Changes the schedule or format, or pauses/resumes; the next send is worked out again (audited with before and after). */
export async function update(ctx: ServiceContext, id: string, body: UpdateSubscriptionBody): Promise<Subscription> {
  const before = await requireOwn(ctx, id);
  const cadence = body.cadence ?? before.cadence as Schedule['cadence'];
  if (before.report === 'activity' && cadence !== 'monthly') throw new AppError('validation_failed', 'cadence: the SRO activity report is monthly', { field: 'cadence' });
  const dayOfWeek = body.dayOfWeek ?? before.dayOfWeek;
  const dayOfMonth = body.dayOfMonth ?? before.dayOfMonth;
  if (cadence === 'weekly' && dayOfWeek === null) throw new AppError('validation_failed', 'dayOfWeek: a weekly report needs the day of the week', { field: 'dayOfWeek' });
  if (cadence === 'monthly' && dayOfMonth === null) throw new AppError('validation_failed', 'dayOfMonth: a monthly report needs the day of the month', { field: 'dayOfMonth' });
  const schedule = scheduleOf({ cadence, dayOfWeek, dayOfMonth, time: body.time ?? before.timeOfDay });
  const active = body.active ?? before.active;
  if (active && !before.active && before.userId === ctx.actor.userId) await requireReportAccess(ctx, { ...before, report: before.report as Subscription['report'] });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await repo.updateSubscription(tx, ctx.actor.districtId, id, {
      ...schedule, format: body.format ?? before.format, active, nextDueAt: nextDueAfter(schedule, now, ctx.actor.timeZone), updatedAt: now,
    });
    const pick = (r: repo.SubscriptionRow) => ({ cadence: r.cadence, dayOfWeek: r.dayOfWeek, dayOfMonth: r.dayOfMonth, time: r.timeOfDay, format: r.format, active: r.active });
    await writeAudit(tx, whoOf(ctx), { type: 'report_subscription.updated', subjectType: 'report_subscription', subjectId: id, detail: { before: pick(before), after: pick(row) } });
    return (await present({ ...ctx, db: tx }, [row]))[0]!;
  });
}

/** Deletes a subscription the actor receives or set up (audited). */
export async function remove(ctx: ServiceContext, id: string): Promise<void> {
  const row = await requireOwn(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSubscription(tx, ctx.actor.districtId, id);
    await writeAudit(tx, whoOf(ctx), { type: 'report_subscription.deleted', subjectType: 'report_subscription', subjectId: id, detail: { report: row.report, recipient: row.userId } });
  });
}
