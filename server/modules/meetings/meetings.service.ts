import type { z } from 'zod';
import type {
  ActionItem, ActionItemBody, ActionItemUpdateBody, listActionItemsQuery, listMeetingsQuery, Meeting, MeetingBody, MeetingSeries,
  MeetingSeriesBody, MeetingSeriesUpdateBody, MeetingSummary, MeetingUpdateBody,
} from '../../../common/meetings.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, scopeOf, type Actor } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { recordActivity, removeActivity } from '../activity/activity.recorder.js';
import { requireTarget } from '../drills/drills.scope.js';
import { findTimeZone } from '../notices/notices.repository.js';
import { dayRange } from '../events/events.policy.js';
import { occurrences, untilOf } from './meetings.policy.js';
import * as repo from './meetings.repository.js';
import { todayOf } from '../../lib/district-time.js';

const PERMISSION = 'meeting.manage';

function toSummary(row: repo.MeetingRow): MeetingSummary {
  const m = row.m;
  return {
    id: m.id, seriesId: m.seriesId, schoolId: m.schoolId, schoolName: row.schoolName, title: m.title, place: m.place,
    startsAt: m.startsAt.toISOString(), durationMinutes: m.durationMinutes, cancelled: m.cancelled, hasMinutes: Boolean(m.minutes),
    openActionItems: row.openItems,
  };
}

function toItem(row: repo.ItemRow, today: string): ActionItem {
  const a = row.a;
  return {
    id: a.id, meetingId: a.meetingId, meetingTitle: row.meetingTitle, meetingStartsAt: row.meetingStartsAt.toISOString(), schoolId: row.schoolId,
    title: a.title, owner: { id: a.ownerId, name: row.ownerName }, dueOn: a.dueOn, status: a.status,
    overdue: a.status === 'open' && a.dueOn !== null && a.dueOn < today, doneAt: a.doneAt?.toISOString() ?? null, createdAt: a.createdAt.toISOString(),
  };
}

async function meetingOf(ctx: ServiceContext, db: Db, id: string): Promise<Meeting> {
  const [row] = await repo.findMeetings(db, ctx.actor.districtId, scopeOf(ctx.actor, PERMISSION), { id });
  if (!row) throw notFound('Meeting');
  const today = todayOf(ctx);
  return {
    ...toSummary(row), agenda: row.m.agenda, minutes: row.m.minutes, updatedAt: row.m.updatedAt.toISOString(),
    attendees: (await repo.findAttendance(db, id)).map((a) => ({ id: a.userId, name: a.name, attended: a.attended })),
    actionItems: (await repo.findItems(db, ctx.actor.districtId, { all: true }, { meetingId: id })).map((r) => toItem(r, today)),
  };
}

async function seriesOf(ctx: ServiceContext, db: Db, id: string): Promise<MeetingSeries> {
  const [row] = await repo.findSeries(db, ctx.actor.districtId, scopeOf(ctx.actor, PERMISSION), { id }, ctx.clock.now());
  if (!row) throw notFound('Meeting series');
  return toSeries(row);
}

function toSeries(row: Awaited<ReturnType<typeof repo.findSeries>>[number]): MeetingSeries {
  const s = row.s;
  return {
    id: s.id, schoolId: s.schoolId, schoolName: row.schoolName, title: s.title, place: s.place, recurrence: s.recurrence,
    firstStartsAt: s.firstStartsAt.toISOString(), durationMinutes: s.durationMinutes, until: s.until, active: s.active,
    nextMeeting: row.nextId && row.nextAt ? { id: row.nextId, startsAt: new Date(row.nextAt).toISOString() } : null, createdAt: s.createdAt.toISOString(),
  };
}

/** Recurring meetings of the actor's schools. */
export async function findSeries(ctx: ServiceContext, schoolId?: string): Promise<MeetingSeries[]> {
  if (schoolId) requireSchool(ctx.actor, PERMISSION, schoolId, 'School');
  return (await repo.findSeries(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, PERMISSION), { schoolId }, ctx.clock.now())).map(toSeries);
}

/** Sets up a recurring meeting and creates its occurrences (same local time, district zone). Audited. */
export async function createSeries(ctx: ServiceContext, input: MeetingSeriesBody): Promise<MeetingSeries> {
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, PERMISSION, input.schoolId);
    const tz = await findTimeZone(tx, ctx.actor.districtId);
    const first = new Date(input.firstStartsAt);
    const until = untilOf(first, input.until, tz);
    const now = ctx.clock.now();
    const id = await repo.insertSeries(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, title: input.title, place: input.place ?? null, recurrence: input.recurrence,
      firstStartsAt: first, durationMinutes: input.durationMinutes, until, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    });
    const starts = occurrences(first, input.recurrence, until, tz);
    await repo.insertMeetings(tx, starts.map((startsAt) => ({
      districtId: ctx.actor.districtId, schoolId: input.schoolId, seriesId: id, title: input.title, place: input.place ?? null, startsAt,
      durationMinutes: input.durationMinutes, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    })));
    await writeAudit(tx, whoOf(ctx), { type: 'meeting_series.created', schoolId: input.schoolId, subjectType: 'meeting_series', subjectId: id, detail: { recurrence: input.recurrence, occurrences: starts.length } });
    return seriesOf(ctx, tx, id);
  });
}

/** Renames or ends a series; the future occurrences follow (ending cancels those without minutes). Audited. */
export async function updateSeries(ctx: ServiceContext, id: string, input: MeetingSeriesUpdateBody): Promise<MeetingSeries> {
  return ctx.db.transaction(async (tx) => {
    const before = await seriesOf(ctx, tx, id);
    await requireTarget(tx, ctx.actor, PERMISSION, before.schoolId);
    const now = ctx.clock.now();
    await repo.updateSeries(tx, id, input, now);
    const { active, ...names } = input;
    if (Object.keys(names).length) await repo.updateFutureOccurrences(tx, id, now, names);
    if (active !== undefined && active !== before.active) await repo.updateFutureOccurrences(tx, id, now, { cancelled: !active }, true);
    await writeAudit(tx, whoOf(ctx), { type: 'meeting_series.updated', schoolId: before.schoolId, subjectType: 'meeting_series', subjectId: id, detail: { changed: Object.keys(input) } });
    return seriesOf(ctx, tx, id);
  });
}

/** Meetings of the actor's schools by start (from today unless `from` says otherwise). */
export async function findMeetings(ctx: ServiceContext, q: z.output<typeof listMeetingsQuery>): Promise<MeetingSummary[]> {
  if (q.schoolId) requireSchool(ctx.actor, PERMISSION, q.schoolId, 'School');
  const range = dayRange(todayOf(ctx), q.from, q.to, ctx.actor.timeZone);
  const rows = await repo.findMeetings(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, PERMISSION), { ...q, from: range.from, to: range.to });
  return rows.map(toSummary);
}

/** One meeting with agenda, minutes, attendance and action items. */
export function getMeeting(ctx: ServiceContext, id: string): Promise<Meeting> {
  return meetingOf(ctx, ctx.db, id);
}

/** A one-off meeting. Audited. */
export async function createMeeting(ctx: ServiceContext, input: MeetingBody): Promise<Meeting> {
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, PERMISSION, input.schoolId);
    const now = ctx.clock.now();
    const [row] = await repo.insertMeetings(tx, [{
      districtId: ctx.actor.districtId, schoolId: input.schoolId, title: input.title, place: input.place ?? null, startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes, agenda: input.agenda ?? null, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    }]);
    await writeAudit(tx, whoOf(ctx), { type: 'meeting.created', schoolId: input.schoolId, subjectType: 'meeting', subjectId: row!.id });
    return meetingOf(ctx, tx, row!.id);
  });
}

async function lockManaged(ctx: ServiceContext, tx: Db, id: string) {
  const row = await repo.lockMeeting(tx, ctx.actor.districtId, id);
  if (!row || !canAtSchool(ctx.actor, PERMISSION, row.schoolId)) throw notFound('Meeting');
  return row;
}

function logAttendance(tx: Db, actor: Actor, meeting: { id: string; districtId: string; schoolId: string; title: string; startsAt: Date; durationMinutes: number }, attendanceId: string, userId: string) {
  return recordActivity(tx, {
    districtId: meeting.districtId, schoolId: meeting.schoolId, userId, kind: 'meeting', startedAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes, title: `Meeting: ${meeting.title}`, sourceType: 'meeting', sourceId: attendanceId, createdBy: actor.userId,
  });
}

/** Agenda, minutes, time or cancellation; attendees' activity entries follow the time (or go, when cancelled). Audited. */
export async function updateMeeting(ctx: ServiceContext, id: string, input: MeetingUpdateBody): Promise<Meeting> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockManaged(ctx, tx, id);
    const { startsAt, ...rest } = input;
    const after = { ...before, ...rest, startsAt: startsAt ? new Date(startsAt) : before.startsAt };
    await repo.updateMeeting(tx, id, { ...rest, startsAt: after.startsAt }, ctx.clock.now());
    for (const logged of await repo.findLoggedAttendance(tx, id)) {
      if (after.cancelled) await removeActivity(tx, 'meeting', logged.id);
      else await logAttendance(tx, ctx.actor, after, logged.id, logged.userId);
    }
    await writeAudit(tx, whoOf(ctx), { type: 'meeting.updated', schoolId: before.schoolId, subjectType: 'meeting', subjectId: id, detail: { changed: Object.keys(input) } });
    return meetingOf(ctx, tx, id);
  });
}

/**
 * Records whether the actor attended (once the meeting has started; not a cancelled one). An attending SRO
 * (activity.log) gets an activity entry of kind meeting for its duration. Audited.
 */
export async function setAttendance(ctx: ServiceContext, id: string, attended: boolean): Promise<Meeting> {
  return ctx.db.transaction(async (tx) => {
    const meeting = await lockManaged(ctx, tx, id);
    const now = ctx.clock.now();
    if (meeting.cancelled) throw new AppError('conflict', 'The meeting was cancelled');
    if (meeting.startsAt > now) throw new AppError('validation_failed', 'attended: the meeting has not started yet', { field: 'attended' });
    const attendanceId = await repo.upsertAttendance(tx, id, ctx.actor.userId, attended, now);
    if (attended && canAtSchool(ctx.actor, 'activity.log', meeting.schoolId)) await logAttendance(tx, ctx.actor, meeting, attendanceId, ctx.actor.userId);
    else await removeActivity(tx, 'meeting', attendanceId);
    await writeAudit(tx, whoOf(ctx), { type: 'meeting.attendance_recorded', schoolId: meeting.schoolId, subjectType: 'meeting', subjectId: id, detail: { attended } });
    return meetingOf(ctx, tx, id);
  });
}

async function requireOwner(tx: Db, ctx: ServiceContext, ownerId: string, schoolId: string) {
  if (!(await repo.isPersonOfSchool(tx, ctx.actor.districtId, ownerId, schoolId))) {
    throw new AppError('validation_failed', 'ownerId: not an active user at this school', { field: 'ownerId' });
  }
}

/** Adds an action item with an owner from the school. Audited. */
export async function addItem(ctx: ServiceContext, meetingId: string, input: ActionItemBody): Promise<Meeting> {
  return ctx.db.transaction(async (tx) => {
    const meeting = await lockManaged(ctx, tx, meetingId);
    await requireOwner(tx, ctx, input.ownerId, meeting.schoolId);
    const now = ctx.clock.now();
    const id = await repo.insertItem(tx, { meetingId, title: input.title, ownerId: input.ownerId, dueOn: input.dueOn ?? null, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
    await writeAudit(tx, whoOf(ctx), { type: 'action_item.created', schoolId: meeting.schoolId, subjectType: 'action_item', subjectId: id, detail: { meetingId } });
    return meetingOf(ctx, tx, meetingId);
  });
}

/** Action items of the actor's schools. */
export async function findItems(ctx: ServiceContext, q: z.output<typeof listActionItemsQuery>): Promise<ActionItem[]> {
  if (q.schoolId) requireSchool(ctx.actor, PERMISSION, q.schoolId, 'School');
  const today = todayOf(ctx);
  return (await repo.findItems(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, PERMISSION), q)).map((r) => toItem(r, today));
}

/** Changes an action item (done stamps the time). Audited. */
export async function updateItem(ctx: ServiceContext, id: string, input: ActionItemUpdateBody): Promise<ActionItem> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await repo.findItems(tx, ctx.actor.districtId, scopeOf(ctx.actor, PERMISSION), { id });
    if (!row) throw notFound('Action item');
    await lockManaged(ctx, tx, row.a.meetingId);
    if (input.ownerId) await requireOwner(tx, ctx, input.ownerId, row.schoolId);
    const now = ctx.clock.now();
    const doneAt = input.status === undefined ? undefined : input.status === 'done' ? (row.a.doneAt ?? now) : null;
    await repo.updateItem(tx, id, { ...input, doneAt }, now);
    await writeAudit(tx, whoOf(ctx), { type: 'action_item.updated', schoolId: row.schoolId, subjectType: 'action_item', subjectId: id, detail: { changed: Object.keys(input) } });
    const [after] = await repo.findItems(tx, ctx.actor.districtId, { all: true }, { id });
    return toItem(after!, todayOf(ctx));
  });
}
