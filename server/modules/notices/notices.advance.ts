import { ADVANCE_KIND_LABELS, type AdvanceNotice, type AdvanceNoticeBody } from '../../../common/notices.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendLiveEvent } from '../live/live.repository.js';
import { queueMail } from '../outbox/outbox.service.js';
import { daysBetween, localDay } from './notices.mail.js';
import * as repo from './notices.repository.js';
import type { NoticesContext } from './notices.service.js';
import { todayOf } from '../../lib/district-time.js';

type AdvanceRow = Awaited<ReturnType<typeof repo.findAdvance>>[number];

function toAdvance(row: AdvanceRow): AdvanceNotice {
  const a = row.a;
  return {
    id: a.id, sro: { id: a.sroId, name: row.sroName }, schools: row.schools, kind: a.kind, fromDate: a.fromDate, toDate: a.toDate,
    note: a.note, coverage: a.coverage, daysNotice: a.daysNotice, recipients: a.recipients, createdAt: a.createdAt.toISOString(),
  };
}

/** Advance notices to the actor's schools (or one), newest first; `upcoming` leaves out those already over. */
export async function findAdvance(ctx: ServiceContext, f: { schoolId?: string; upcoming?: 'true' | 'false'; limit: number }): Promise<AdvanceNotice[]> {
  if (f.schoolId) requireSchool(ctx.actor, 'notice.read', f.schoolId, 'School');
  const rows = await repo.findAdvance(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'notice.read'), {
    schoolId: f.schoolId, limit: f.limit, endingFrom: f.upcoming === 'true' ? todayOf(ctx) : undefined,
  });
  return rows.map(toAdvance);
}

async function advanceOf(db: Db, ctx: ServiceContext, id: string): Promise<AdvanceNotice> {
  const [row] = await repo.findAdvance(db, ctx.actor.districtId, scopeOf(ctx.actor, 'notice.read'), { id });
  if (!row) throw notFound('Advance notice');
  return toAdvance(row);
}

/** One advance notice to one of the actor's schools. */
export function getAdvance(ctx: ServiceContext, id: string): Promise<AdvanceNotice> {
  return advanceOf(ctx.db, ctx, id);
}

/**
 * Gives advance notice of an absence to schools the actor is assigned to: their administrators and the SRO
 * supervisors get an e-mail, and the schools see it live. The days of notice given are stored. Audited.
 */
export async function sendAdvance(ctx: NoticesContext, input: AdvanceNoticeBody): Promise<AdvanceNotice> {
  const schoolIds = [...new Set(input.schoolIds)];
  return ctx.db.transaction(async (tx) => {
    const tz = await repo.findTimeZone(tx, ctx.actor.districtId);
    const today = localDay(ctx.clock.now(), tz);
    if (input.fromDate < today) throw new AppError('validation_failed', 'fromDate: must not be in the past', { field: 'fromDate' });
    if (input.toDate < input.fromDate) throw new AppError('validation_failed', 'toDate: must not be before fromDate', { field: 'toDate' });
    const assigned = await repo.findAssignedSchools(tx, ctx.actor.districtId, ctx.actor.userId, schoolIds, todayOf(ctx));
    const missing = input.schoolIds.findIndex((id) => !assigned.some((s) => s.id === id) || !canAtSchool(ctx.actor, 'notice.send', id));
    if (missing >= 0) throw new AppError('validation_failed', `schoolIds.${missing}: you are not assigned to this school`, { field: `schoolIds.${missing}` });
    const audience = (await repo.findNoticeAudience(tx, ctx.actor.districtId, schoolIds)).filter((u) => u.id !== ctx.actor.userId);
    const daysNotice = daysBetween(today, input.fromDate);
    const id = await repo.insertAdvance(tx, {
      districtId: ctx.actor.districtId, sroId: ctx.actor.userId, kind: input.kind, fromDate: input.fromDate, toDate: input.toDate,
      note: input.note ?? null, coverage: input.coverage ?? null, daysNotice, recipients: audience.length, createdAt: ctx.clock.now(),
    }, schoolIds);
    const what = ADVANCE_KIND_LABELS[input.kind];
    const names = assigned.map((s) => s.name).sort().join(', ');
    const span = input.fromDate === input.toDate ? input.fromDate : `${input.fromDate} to ${input.toDate}`;
    const body = `${ctx.actor.name}, school resource officer at ${names}, will be away (${what.toLowerCase()}) ${span}.\n\n`
      + `${input.coverage ? `Coverage meanwhile: ${input.coverage}\n` : ''}${input.note ? `Note: ${input.note}\n` : ''}`
      + `Notice given ${daysNotice} day${daysNotice === 1 ? '' : 's'} ahead.\n\n${ctx.publicUrl.replace(/\/$/, '')}/notices\n`;
    await queueMail(tx, ctx.clock, audience.map((u) => ({
      districtId: ctx.actor.districtId, to: u.email, subject: `Advance notice: SRO ${ctx.actor.name} away ${span} (${what})`, body, kind: 'notice.advance',
    })));
    await writeAudit(tx, whoOf(ctx), { type: 'advance_notice.sent', subjectType: 'advance_notice', subjectId: id, detail: { schoolIds, kind: input.kind, daysNotice, recipients: audience.length } });
    const notice = await advanceOf(tx, ctx, id);
    await appendLiveEvent(tx, { districtId: ctx.actor.districtId, schoolIds, audience: 'notice.read', type: 'notice.advance', payload: { notice } });
    return notice;
  });
}
