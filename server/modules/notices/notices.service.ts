import { MAX_AWAY_HOURS, type LeaveBody, type PresenceNotice, type PresenceStatus, type PresenceUpdateBody } from '../../../common/notices.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound, uniqueOr409 } from '../../lib/errors.js';
import { appendLiveEvent } from '../live/live.repository.js';
import { queueMail } from '../outbox/outbox.service.js';
import { localTime } from './notices.mail.js';
import * as repo from './notices.repository.js';
import { todayOf } from '../../lib/district-time.js';

/** A notices call: the request's context and the public URL for links in e-mail. */
export interface NoticesContext extends ServiceContext {
  publicUrl: string;
  /** Called once the notice (with its queued e-mail) is committed: delivers the live event before the e-mail goes out. */
  committed?: () => Promise<void> | void;
}

function toNotice(row: repo.PresenceRow): PresenceNotice {
  const p = row.p;
  return {
    id: p.id, schoolId: p.schoolId, schoolName: row.schoolName, sro: { id: p.sroId, name: row.sroName }, reason: p.reason,
    leftAt: p.leftAt.toISOString(), expectedReturnAt: p.expectedReturnAt.toISOString(), backupContact: p.backupContact,
    returnedAt: p.returnedAt?.toISOString() ?? null, recipients: p.recipients,
  };
}

function statusOf(sro: { sroId: string; sroName: string; schoolId: string; schoolName: string }, latest: repo.PresenceRow | undefined, now: Date): PresenceStatus {
  const away = latest && latest.p.returnedAt === null ? latest : undefined;
  return {
    schoolId: sro.schoolId, schoolName: sro.schoolName, sro: { id: sro.sroId, name: sro.sroName },
    status: away ? 'away' : 'on_campus',
    since: (away ? away.p.leftAt : latest?.p.returnedAt)?.toISOString() ?? null,
    notice: away ? toNotice(away) : null,
    overdue: away ? away.p.expectedReturnAt < now : false,
  };
}

async function noticeOf(db: Db, ctx: ServiceContext, id: string): Promise<PresenceNotice> {
  const [row] = await repo.findPresence(db, ctx.actor.districtId, { all: true }, { id });
  return toNotice(row!);
}

/** Where each SRO assigned to the actor's schools (or one school) is now. */
export async function findStatus(ctx: ServiceContext, schoolId?: string): Promise<PresenceStatus[]> {
  if (schoolId) requireSchool(ctx.actor, 'notice.read', schoolId, 'School');
  const sros = await repo.findAssignedSros(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'notice.read'), todayOf(ctx), schoolId);
  const latest = await repo.findLatestPresence(ctx.db, [...new Set(sros.map((s) => s.schoolId))]);
  const now = ctx.clock.now();
  return sros.map((s) => statusOf(s, latest.find((l) => l.p.sroId === s.sroId && l.p.schoolId === s.schoolId), now));
}

/** Leaving and back notices of the actor's schools, newest first. */
export async function findHistory(ctx: ServiceContext, filter: { schoolId?: string; limit: number }): Promise<PresenceNotice[]> {
  if (filter.schoolId) requireSchool(ctx.actor, 'notice.read', filter.schoolId, 'School');
  return (await repo.findPresence(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'notice.read'), filter)).map(toNotice);
}

function requireReturnTime(expected: Date, now: Date): void {
  if (expected <= now) throw new AppError('validation_failed', 'expectedReturnAt: must be in the future', { field: 'expectedReturnAt' });
  if (expected.getTime() - now.getTime() > MAX_AWAY_HOURS * 3_600_000) {
    throw new AppError('validation_failed', `expectedReturnAt: at most ${MAX_AWAY_HOURS} hours ahead; give an advance notice for longer`, { field: 'expectedReturnAt' });
  }
}

/** The school's staff told of a notice (everyone but its SRO). */
async function staffOf(tx: Db, ctx: ServiceContext, schoolId: string) {
  return (await repo.findSchoolStaff(tx, ctx.actor.districtId, schoolId)).filter((u) => u.id !== ctx.actor.userId);
}

async function announce(tx: Db, ctx: NoticesContext, notice: PresenceNotice, kind: 'left' | 'returned', staff: { email: string }[]) {
  const tz = ctx.actor.timeZone;
  const link = `${ctx.publicUrl.replace(/\/$/, '')}/notices`;
  const back = localTime(new Date(notice.expectedReturnAt), tz);
  const [subject, body] = kind === 'left'
    ? [
      `SRO ${notice.sro.name} has left ${notice.schoolName}, back by ${back}`,
      `${notice.sro.name}, the school resource officer, has left ${notice.schoolName}.\n\nReason: ${notice.reason}\nExpected back: ${back}\n`
        + `Meanwhile contact: ${notice.backupContact}\n\nIn an emergency call 911.\nCurrent status: ${link}\n`,
    ]
    : [
      `SRO ${notice.sro.name} is back on campus at ${notice.schoolName}`,
      `${notice.sro.name}, the school resource officer, is back on campus at ${notice.schoolName} (${localTime(new Date(notice.returnedAt!), tz)}).\n\nCurrent status: ${link}\n`,
    ];
  await queueMail(tx, ctx.clock, staff.map((u) => ({ districtId: ctx.actor.districtId, to: u.email, subject, body, kind: `notice.presence_${kind}` })));
  return staff.length;
}

// The SRO's status right after their own change: this notice is their latest at the school (only one is open at
// a time, and no newer one can exist while it is), so the status follows from it without reading it back.
function statusAfter(notice: PresenceNotice, now: Date): PresenceStatus {
  const away = notice.returnedAt === null;
  return {
    schoolId: notice.schoolId, schoolName: notice.schoolName, sro: notice.sro, status: away ? 'away' : 'on_campus',
    since: away ? notice.leftAt : notice.returnedAt, notice: away ? notice : null, overdue: away ? new Date(notice.expectedReturnAt) < now : false,
  };
}

async function publish(tx: Db, ctx: ServiceContext, notice: PresenceNotice) {
  await appendLiveEvent(tx, {
    districtId: ctx.actor.districtId, schoolIds: [notice.schoolId], audience: 'notice.read', type: 'notice.presence',
    payload: { notice, status: statusAfter(notice, ctx.clock.now()) },
  });
}

/**
 * "Leaving the building": the actor (an SRO assigned to the school) tells every staff member of the school at
 * once, live and by e-mail, with the expected return and a backup contact. Audited.
 */
export async function leave(ctx: NoticesContext, input: LeaveBody): Promise<PresenceNotice> {
  requireSchool(ctx.actor, 'notice.send', input.schoolId, 'School');
  const now = ctx.clock.now();
  const expected = new Date(input.expectedReturnAt);
  requireReturnTime(expected, now);
  // One transaction: the notice, its audit, the staff's e-mail (one INSERT) and its live event (last) commit
  // together, so a crash can never leave a notice whose e-mail is lost. Screens get it right after the commit,
  // before anything else uses the connection (bench/operations-notice.ts).
  const notice = await ctx.db.transaction(async (tx) => {
    const [school] = await repo.findAssignedSchools(tx, ctx.actor.districtId, ctx.actor.userId, [input.schoolId], todayOf(ctx));
    if (!school) throw new AppError('validation_failed', 'schoolId: you are not assigned to this school', { field: 'schoolId' });
    if (await repo.lockOpenPresence(tx, ctx.actor.userId, input.schoolId)) {
      throw new AppError('conflict', 'You are already away from this school: change that notice or say you are back', { field: 'schoolId' });
    }
    const staff = await staffOf(tx, ctx, input.schoolId);
    const id = await uniqueOr409(() => repo.insertPresence(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, sroId: ctx.actor.userId, reason: input.reason, leftAt: now,
      expectedReturnAt: expected, backupContact: input.backupContact, createdAt: now, updatedAt: now, recipients: staff.length,
    }), 'schoolId', 'You are already away from this school');
    await writeAudit(tx, whoOf(ctx), { type: 'presence.left', schoolId: input.schoolId, subjectType: 'presence_notice', subjectId: id, detail: { recipients: staff.length } });
    const notice = await noticeOf(tx, ctx, id);
    await announce(tx, ctx, notice, 'left', staff);
    await publish(tx, ctx, notice);
    return notice;
  });
  await ctx.committed?.();
  return notice;
}

// Presence is personal: someone who can see the notice but is not its SRO gets 403; outside the school, 404.
async function lockOwn(ctx: ServiceContext, tx: Db, id: string) {
  const row = await repo.lockPresence(tx, ctx.actor.districtId, id);
  if (!row || !canAtSchool(ctx.actor, 'notice.read', row.schoolId)) throw notFound('Notice');
  if (row.sroId !== ctx.actor.userId) throw new AppError('forbidden', 'Only the officer who left changes their own presence');
  if (row.returnedAt) throw new AppError('conflict', 'This notice is closed: the officer is back on campus');
  return row;
}

/** "Back on campus": closes the actor's own open notice and tells the school, live and by e-mail. Audited. */
export async function comeBack(ctx: NoticesContext, id: string): Promise<PresenceNotice> {
  const notice = await ctx.db.transaction(async (tx) => {
    const row = await lockOwn(ctx, tx, id);
    const now = ctx.clock.now();
    await repo.updatePresence(tx, id, { returnedAt: now }, now);
    const notice = await noticeOf(tx, ctx, id);
    const recipients = await announce(tx, ctx, notice, 'returned', await staffOf(tx, ctx, row.schoolId));
    await writeAudit(tx, whoOf(ctx), { type: 'presence.returned', schoolId: row.schoolId, subjectType: 'presence_notice', subjectId: id, detail: { recipients } });
    await publish(tx, ctx, notice);
    return notice;
  });
  await ctx.committed?.();
  return notice;
}

/** Changes the expected return or backup contact of the actor's own open notice; staff see it live. Audited. */
export async function updateLeave(ctx: NoticesContext, id: string, input: PresenceUpdateBody): Promise<PresenceNotice> {
  const notice = await ctx.db.transaction(async (tx) => {
    const row = await lockOwn(ctx, tx, id);
    const now = ctx.clock.now();
    const expected = input.expectedReturnAt ? new Date(input.expectedReturnAt) : undefined;
    if (expected) requireReturnTime(expected, now);
    await repo.updatePresence(tx, id, { expectedReturnAt: expected, backupContact: input.backupContact }, now);
    await writeAudit(tx, whoOf(ctx), { type: 'presence.updated', schoolId: row.schoolId, subjectType: 'presence_notice', subjectId: id, detail: { changed: Object.keys(input) } });
    const notice = await noticeOf(tx, ctx, id);
    await publish(tx, ctx, notice);
    return notice;
  });
  await ctx.committed?.();
  return notice;
}
