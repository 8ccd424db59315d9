import { DEFAULT_TRIAD_ROLE, type ActivitySource } from '../../../common/activity.js';
import type {
  ActivityEntry, ActivityEntryBody, ActivityEntryUpdateBody, Hours, HourPeriod, Officer,
} from '../../../common/activity-log.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { can, canAtSchool } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import {
  addMinutes, checkRange, dayIn, defaultFrom, emptyMinutes, minutesOf, periodStarts, seesLogOf, totalOf,
} from './activity.policy.js';
import * as repo from './activity.repository.js';

const MINUTE = 60_000;

/** The SROs whose log the actor sees (themself when an SRO), by name. */
export async function visibleOfficers(ctx: ServiceContext, db: Db = ctx.db): Promise<repo.OfficerRow[]> {
  return (await repo.findOfficers(db, ctx.actor.districtId)).filter((o) => seesLogOf(ctx.actor, o));
}

/** True when the actor sees the log of `userId`: their own, or an SRO's they see. */
async function seesLog(ctx: ServiceContext, db: Db, userId: string): Promise<boolean> {
  if (userId === ctx.actor.userId) return true;
  const [officer] = await repo.findOfficers(db, ctx.actor.districtId, [userId]);
  return !!officer && seesLogOf(ctx.actor, officer);
}

/** The one person whose log is asked for: the actor, or an SRO they see (404 otherwise). */
export async function requireOfficer(ctx: ServiceContext, userId: string | undefined): Promise<{ id: string; name: string }> {
  const id = userId ?? ctx.actor.userId;
  if (id === ctx.actor.userId) return { id, name: ctx.actor.name };
  const [officer] = await repo.findOfficers(ctx.db, ctx.actor.districtId, [id]);
  if (!officer || !seesLogOf(ctx.actor, officer)) throw notFound('SRO');
  return officer;
}

/** The SROs the actor may pick in the log, hours and reports, with their schools. */
export async function findOfficers(ctx: ServiceContext): Promise<Officer[]> {
  const officers = await visibleOfficers(ctx);
  const names = await repo.findSchoolNames(ctx.db, ctx.actor.districtId, [...new Set(officers.flatMap((o) => o.schoolIds))]);
  return officers.map((o) => ({
    id: o.id, name: o.name,
    schools: o.schoolIds.filter((s) => names.has(s)).map((s) => ({ id: s, name: names.get(s)! })).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

function toEntry(row: repo.EntryRow, me: string): ActivityEntry {
  const a = row.a;
  const source = a.sourceType && a.sourceId ? { type: a.sourceType as ActivitySource, id: a.sourceId } : null;
  return {
    id: a.id, user: { id: a.userId, name: row.userName }, school: a.schoolId ? { id: a.schoolId, name: row.schoolName ?? '' } : null,
    kind: a.kind as ActivityEntry['kind'], triadRole: a.triadRole as ActivityEntry['triadRole'], startedAt: a.startedAt.toISOString(),
    endedAt: new Date(a.startedAt.getTime() + a.durationMinutes * MINUTE).toISOString(), durationMinutes: a.durationMinutes,
    title: a.title, notes: a.notes, participants: a.participants, source, editable: a.userId === me && source === null,
    createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
  };
}

/** A page of log entries: one person's (default: mine when I log activity) or every SRO I see. */
export async function findEntries(ctx: ServiceContext, q: {
  userId?: string; schoolId?: string; kind?: string; triadRole?: string; from?: string; to?: string; limit: number; offset: number;
}) {
  const userIds = q.userId || can(ctx.actor, 'activity.log')
    ? [(await requireOfficer(ctx, q.userId)).id]
    : (await visibleOfficers(ctx)).map((o) => o.id);
  const filter = { ...q, userIds, timeZone: await repo.findTimeZone(ctx.db, ctx.actor.districtId) };
  const [rows, total] = await Promise.all([
    repo.findEntries(ctx.db, ctx.actor.districtId, filter, q), repo.countEntries(ctx.db, ctx.actor.districtId, filter),
  ]);
  return { items: rows.map((r) => toEntry(r, ctx.actor.userId)), total };
}

async function entryOf(ctx: ServiceContext, db: Db, id: string): Promise<ActivityEntry> {
  const row = await repo.findEntry(db, ctx.actor.districtId, id);
  if (!row || !(await seesLog(ctx, db, row.a.userId))) throw notFound('Activity entry');
  return toEntry(row, ctx.actor.userId);
}

/** One entry of a log the actor sees. */
export function getEntry(ctx: ServiceContext, id: string) {
  return entryOf(ctx, ctx.db, id);
}

/** 400 on schoolId unless it is a school of the district where the actor logs activity or is assigned as SRO. */
async function checkSchool(ctx: ServiceContext, db: Db, schoolId: string | null) {
  if (schoolId === null) return;
  const [me] = await repo.findOfficers(db, ctx.actor.districtId, [ctx.actor.userId]);
  const names = await repo.findSchoolNames(db, ctx.actor.districtId, [schoolId]);
  if (!names.has(schoolId) || !(canAtSchool(ctx.actor, 'activity.log', schoolId) || me?.schoolIds.includes(schoolId))) {
    throw new AppError('validation_failed', 'schoolId: not one of your schools', { field: 'schoolId' });
  }
}

/** Logs an activity typed by hand for the actor, audited. */
export async function createEntry(ctx: ServiceContext, input: ActivityEntryBody) {
  const startedAt = new Date(input.startedAt);
  const durationMinutes = minutesOf(startedAt, input);
  return ctx.db.transaction(async (tx) => {
    await checkSchool(ctx, tx, input.schoolId ?? null);
    const id = await repo.insertEntry(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId ?? null, userId: ctx.actor.userId, kind: input.kind,
      triadRole: input.triadRole ?? DEFAULT_TRIAD_ROLE[input.kind], startedAt, durationMinutes, title: input.title, notes: input.notes ?? null,
      participants: input.participants ?? null, createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, whoOf(ctx), { type: 'activity.logged', schoolId: input.schoolId ?? null, subjectType: 'activity_entry', subjectId: id, detail: { kind: input.kind } });
    return entryOf(ctx, tx, id);
  });
}

/** The actor's own entry typed by hand, locked; another's reads as absent, one from a source is a 409. */
async function ownHandEntry(ctx: ServiceContext, tx: Db, id: string) {
  const row = await repo.findEntryForUpdate(tx, ctx.actor.districtId, id);
  if (!row || row.userId !== ctx.actor.userId) throw notFound('Activity entry');
  if (row.sourceType) {
    throw new AppError('conflict', `This entry comes from a ${row.sourceType.replaceAll('_', ' ')}: change or delete it there`);
  }
  return row;
}

/** Changes an entry the actor typed, audited. */
export async function updateEntry(ctx: ServiceContext, id: string, input: ActivityEntryUpdateBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await ownHandEntry(ctx, tx, id);
    const startedAt = input.startedAt ? new Date(input.startedAt) : before.startedAt;
    const durationMinutes = input.durationMinutes === undefined && input.endedAt === undefined
      ? before.durationMinutes : minutesOf(startedAt, input);
    if (input.schoolId !== undefined) await checkSchool(ctx, tx, input.schoolId);
    const kind = input.kind ?? before.kind;
    await repo.updateEntry(tx, id, {
      kind, triadRole: input.triadRole ?? before.triadRole, schoolId: input.schoolId === undefined ? before.schoolId : input.schoolId,
      startedAt, durationMinutes, title: input.title ?? before.title, notes: input.notes === undefined ? before.notes : input.notes ?? null,
      participants: input.participants === undefined ? before.participants : input.participants, updatedAt: ctx.clock.now(),
    });
    const changed = Object.keys(input).filter((k) => input[k as keyof ActivityEntryUpdateBody] !== undefined);
    await writeAudit(tx, whoOf(ctx), { type: 'activity.updated', schoolId: before.schoolId, subjectType: 'activity_entry', subjectId: id, detail: { changed } });
    return entryOf(ctx, tx, id);
  });
}

/** Deletes an entry the actor typed, audited. */
export async function deleteEntry(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await ownHandEntry(ctx, tx, id);
    await repo.deleteEntry(tx, id);
    await writeAudit(tx, whoOf(ctx), { type: 'activity.deleted', schoolId: before.schoolId, subjectType: 'activity_entry', subjectId: id, detail: { kind: before.kind } });
  });
}

/** Hours of one person per week or month and triad role, and per school, every period of the range listed. */
export async function hours(ctx: ServiceContext, q: { userId?: string; period: HourPeriod; from?: string; to?: string }): Promise<Hours> {
  const user = await requireOfficer(ctx, q.userId);
  const timeZone = await repo.findTimeZone(ctx.db, ctx.actor.districtId);
  const to = q.to ?? dayIn(timeZone, ctx.clock.now());
  const from = q.from ?? defaultFrom(q.period, to);
  checkRange(from, to);
  const rows = await repo.sumHours(ctx.db, ctx.actor.districtId, user.id, q.period, from, to, timeZone);
  const periods = new Map(periodStarts(q.period, from, to).map((s) => [s, emptyMinutes()]));
  const schools = new Map<string | null, ReturnType<typeof emptyMinutes>>();
  const all = emptyMinutes();
  for (const r of rows) {
    if (r.by_school) {
      const m = schools.get(r.school_id) ?? emptyMinutes();
      addMinutes(m, r.triad_role, r.minutes);
      schools.set(r.school_id, m);
      addMinutes(all, r.triad_role, r.minutes);
    } else {
      const m = periods.get(r.period_start!);
      if (m) addMinutes(m, r.triad_role, r.minutes);
    }
  }
  const names = await repo.findSchoolNames(ctx.db, ctx.actor.districtId, [...schools.keys()].filter((s): s is string => !!s));
  return {
    user: { id: user.id, name: user.name }, period: q.period, from, to,
    periods: [...periods].map(([start, minutesByRole]) => ({ start, minutesByRole, totalMinutes: totalOf(minutesByRole) })),
    schools: [...schools].map(([id, minutesByRole]) => ({ school: id ? { id, name: names.get(id) ?? '' } : null, minutesByRole, totalMinutes: totalOf(minutesByRole) }))
      .sort((a, b) => b.totalMinutes - a.totalMinutes),
    minutesByRole: all, totalMinutes: totalOf(all),
  };
}
