import { whoOf, writeAudit } from '../../audit/audit.js';
import { canAtSchool, requirePermission } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendLiveEvent } from '../live/live.repository.js';
import * as repo from './alerts.repository.js';
import type { Alert, BoardTotals, CheckIn, CheckInInput } from './alerts.schemas.js';
import { viewAlert, type AlertsContext } from './alerts.service.js';

type CheckInRow = Awaited<ReturnType<typeof repo.findCheckIns>>[number];

function toCheckIn({ checkIn: c, name, title }: CheckInRow): CheckIn {
  return {
    id: c.id, alertId: c.alertId, schoolId: c.schoolId, user: { id: c.userId, name, title }, status: c.status,
    location: c.location, areaId: c.areaId, studentsWithMe: c.studentsWithMe, missing: c.missing, extra: c.extra,
    injured: c.injured, note: c.note, checkedInAt: c.checkedInAt.toISOString(),
  };
}

/** The accountability picture of one school of an alert: totals, check-ins (need help first), who is missing. */
async function schoolBoard(db: Db, alertId: string, schoolId: string, receipts?: Set<string>) {
  const [expected, rows, received] = await Promise.all([
    repo.findExpectedStaff(db, [schoolId]), repo.findCheckIns(db, alertId, { schoolIds: [schoolId] }),
    receipts ? Promise.resolve(receipts) : repo.findReceipts(db, alertId),
  ]);
  const checkIns = rows.map(toCheckIn).sort((a, b) => Number(b.status === 'need_help') - Number(a.status === 'need_help'));
  const checkedIn = new Set(checkIns.map((c) => c.user.id));
  const people = new Map(expected.map((u) => [u.id, u]));
  for (const c of checkIns) people.set(c.user.id, { ...c.user, schoolId });
  const notCheckedIn = expected.filter((u) => !checkedIn.has(u.id)).map(({ id, name, title }) => ({ id, name, title }));
  const sum = (key: 'studentsWithMe' | 'missing' | 'extra' | 'injured') => checkIns.reduce((n, c) => n + c[key], 0);
  const totals: BoardTotals = {
    staff: people.size, checkedIn: checkIns.length, safe: checkIns.filter((c) => c.status === 'safe').length,
    needHelp: checkIns.filter((c) => c.status === 'need_help').length, notCheckedIn: notCheckedIn.length,
    received: [...people.keys()].filter((id) => received.has(id)).length,
    students: sum('studentsWithMe'), missing: sum('missing'), extra: sum('extra'), injured: sum('injured'),
  };
  return { totals, checkIns, notCheckedIn };
}

/** The school a check-in is for: the one given, or the only school of the alert where the actor receives alerts. */
function schoolOfCheckIn(ctx: ServiceContext, alert: Alert, wanted: string | undefined): string {
  const mine = alert.schools.filter((s) => canAtSchool(ctx.actor, 'alert.receive', s.id)).map((s) => s.id);
  if (wanted) {
    if (!mine.includes(wanted)) throw new AppError('validation_failed', 'schoolId: not a school of this alert where you receive alerts', { field: 'schoolId' });
    return wanted;
  }
  if (mine.length !== 1) throw new AppError('validation_failed', 'schoolId: the alert covers several of your schools; say which one', { field: 'schoolId' });
  return mine[0]!;
}

/**
 * Records (or replaces) the actor's check-in for an active alert, and tells the school's board at once.
 * "Need help" is also an escalation line of the record.
 */
export async function checkIn(ctx: AlertsContext, alertId: string, input: CheckInInput): Promise<CheckIn> {
  const result = await ctx.db.transaction(async (tx) => {
    const alert = await viewAlert(tx, ctx.actor, alertId);
    if (alert.status !== 'active') throw new AppError('conflict', `The alert is ${alert.status}: check-ins are taken while it is active`, { field: 'status' });
    const schoolId = schoolOfCheckIn(ctx, alert, input.schoolId);
    if (input.areaId && !(await repo.isAreaOfSchool(tx, input.areaId, schoolId))) {
      throw new AppError('validation_failed', 'areaId: not a campus area of this school', { field: 'areaId' });
    }
    const now = ctx.clock.now();
    const counts = { studentsWithMe: input.studentsWithMe, missing: input.missing, extra: input.extra, injured: input.injured };
    await repo.upsertCheckIn(tx, {
      alertId, schoolId, userId: ctx.actor.userId, status: input.status, location: input.location, areaId: input.areaId ?? null,
      ...counts, note: input.note ?? null, checkedInAt: now,
    });
    await repo.insertTimeline(tx, [{
      alertId, schoolId, kind: input.status === 'need_help' ? 'help_requested' : 'check_in', at: now,
      actorId: ctx.actor.userId, actorName: ctx.actor.name, detail: { location: input.location, ...counts, note: input.note ?? null },
    }]);
    await writeAudit(tx, whoOf(ctx), {
      type: 'alert.checked_in', subjectType: 'alert', subjectId: alertId, schoolId, detail: { status: input.status, ...counts },
    });
    const board = await schoolBoard(tx, alertId, schoolId);
    const mine = board.checkIns.find((c) => c.user.id === ctx.actor.userId)!;
    await appendLiveEvent(tx, {
      districtId: ctx.actor.districtId, schoolIds: [schoolId], audience: 'alert.manage', type: 'checkin.recorded',
      payload: { alertId, schoolId, checkIn: mine, totals: board.totals },
    });
    return mine;
  });
  ctx.live.poke();
  return result;
}

/** The actor's own check-ins for an alert. */
export async function findMyCheckIns(ctx: ServiceContext, alertId: string): Promise<CheckIn[]> {
  await viewAlert(ctx.db, ctx.actor, alertId);
  return (await repo.findCheckIns(ctx.db, alertId, { userId: ctx.actor.userId })).map(toCheckIn);
}

/** The accountability board of an alert: one entry per school of it that the actor manages. */
export async function getBoard(ctx: ServiceContext, alertId: string) {
  requirePermission(ctx.actor, 'alert.manage');
  const alert = await viewAlert(ctx.db, ctx.actor, alertId);
  const managed = alert.schools.filter((s) => canAtSchool(ctx.actor, 'alert.manage', s.id));
  if (managed.length === 0) throw notFound('Alert');
  const receipts = await repo.findReceipts(ctx.db, alertId);
  const schools = [];
  for (const school of managed) schools.push({ school, ...(await schoolBoard(ctx.db, alertId, school.id, receipts)) });
  return { alert, schools };
}

/** Records that the actor's screen showed an announced alert (the delivery count of the record). */
export async function confirmReceived(ctx: ServiceContext, alertId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const alert = await viewAlert(tx, ctx.actor, alertId);
    if (alert.status === 'pending' || alert.status === 'cancelled') {
      throw new AppError('conflict', `The alert is ${alert.status}: it was not announced`, { field: 'status' });
    }
    if (await repo.insertReceipt(tx, alertId, ctx.actor.userId, ctx.clock.now())) {
      await writeAudit(tx, whoOf(ctx), { type: 'alert.received', subjectType: 'alert', subjectId: alertId });
    }
  });
}
