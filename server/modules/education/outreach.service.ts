import type { Hours, Outreach, OutreachBody, Topic } from '../../../common/education.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, isDistrictWide, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { districtTimezone } from '../mentoring/mentoring.repository.js';
import { feedOutreach, unfeedOutreach } from './education.activity.js';
import { hoursOf, requireActiveTopic, topicName } from './education.policy.js';
import { topicsOf } from './education.service.js';
import * as repo from './outreach.repository.js';

// Community outreach events and the hours report per topic, school and month.

function toOutreach(row: repo.OutreachRow, topics: Topic[]): Outreach {
  const o = row.o;
  return {
    id: o.id, schoolId: o.schoolId, schoolName: row.schoolName, title: o.title, audience: o.audience as Outreach['audience'], topic: o.topic,
    topicName: topicName(topics, o.topic), occurredAt: o.occurredAt.toISOString(), durationMinutes: o.durationMinutes, peopleReached: o.peopleReached,
    notes: o.notes, recordedBy: { id: o.recordedBy, name: row.recorderName }, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString(),
  };
}

async function readOutreach(db: Db, ctx: ServiceContext, id: string) {
  const { rows } = await repo.findOutreach(db, ctx.actor.districtId, { all: true }, { id, timezone: 'UTC', limit: 1, offset: 0 });
  return rows[0];
}

/** The triad log title of an event: what it was and how many it reached. */
const title = (body: { title: string; peopleReached: number }) => `Outreach: ${body.title} (${body.peopleReached} people reached)`;

/** Outreach events of the actor's schools and the district's community events (education.read). */
export async function findOutreach(ctx: ServiceContext, query: { schoolId?: string; from?: string; to?: string; page: number; pageSize: number }) {
  const { rows, total } = await repo.findOutreach(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'education.read'), {
    ...query, timezone: await districtTimezone(ctx.db, ctx.actor.districtId), limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
  });
  const topics = await topicsOf(ctx.db, ctx.actor.districtId);
  return { items: rows.map((r) => toOutreach(r, topics)), total };
}

/** Records an outreach event at a school where the actor teaches (or for the community, district-wide), feeding the triad log. */
export async function createOutreach(ctx: ServiceContext, body: OutreachBody): Promise<Outreach> {
  await requireTarget(ctx.db, ctx.actor, 'education.manage', body.schoolId);
  const topics = await topicsOf(ctx.db, ctx.actor.districtId);
  if (body.topic) requireActiveTopic(topics, body.topic);
  return ctx.db.transaction(async (tx) => {
    const occurredAt = new Date(body.occurredAt);
    const id = await repo.insertOutreach(tx, {
      districtId: ctx.actor.districtId, schoolId: body.schoolId, title: body.title, audience: body.audience, topic: body.topic ?? null, occurredAt,
      durationMinutes: body.durationMinutes, peopleReached: body.peopleReached, notes: body.notes ?? null, recordedBy: ctx.actor.userId,
    });
    await writeAudit(tx, whoOf(ctx), { type: 'outreach.created', subjectType: 'outreach_event', subjectId: id, schoolId: body.schoolId, detail: { peopleReached: body.peopleReached } });
    await feedOutreach(tx, ctx, { id, schoolId: body.schoolId, userId: ctx.actor.userId, startedAt: occurredAt, durationMinutes: body.durationMinutes, title: title(body), participants: body.peopleReached });
    return toOutreach((await readOutreach(tx, ctx, id))!, topics);
  });
}

/** An event the actor may change: at a school where they teach, or a community event with a district-wide grant. */
async function managedOutreach(ctx: ServiceContext, id: string) {
  const row = await readOutreach(ctx.db, ctx, id);
  const allowed = row && (row.o.schoolId === null ? isDistrictWide(ctx.actor, 'education.manage') : canAtSchool(ctx.actor, 'education.manage', row.o.schoolId));
  if (!allowed) throw notFound('Outreach event');
  return row;
}

/** Changes an outreach event and its triad log entry. */
export async function updateOutreach(ctx: ServiceContext, id: string, body: Partial<Omit<OutreachBody, 'schoolId'>>): Promise<Outreach> {
  const before = await managedOutreach(ctx, id);
  const topics = await topicsOf(ctx.db, ctx.actor.districtId);
  if (body.topic) requireActiveTopic(topics, body.topic);
  return ctx.db.transaction(async (tx) => {
    const { occurredAt, ...rest } = body;
    await repo.updateOutreach(tx, id, { ...rest, ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}) });
    await writeAudit(tx, whoOf(ctx), {
      type: 'outreach.updated', subjectType: 'outreach_event', subjectId: id, schoolId: before.o.schoolId,
      detail: { changed: changedFields<Record<string, unknown>>({ ...before.o, occurredAt: before.o.occurredAt.toISOString() }, body) },
    });
    const after = (await readOutreach(tx, ctx, id))!;
    await feedOutreach(tx, ctx, {
      id, schoolId: after.o.schoolId, userId: after.o.recordedBy, startedAt: after.o.occurredAt, durationMinutes: after.o.durationMinutes, title: title(after.o), participants: after.o.peopleReached,
    });
    return toOutreach(after, topics);
  });
}

/** Deletes an outreach event with its triad log entry. */
export async function deleteOutreach(ctx: ServiceContext, id: string): Promise<void> {
  const before = await managedOutreach(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await unfeedOutreach(tx, id);
    await repo.deleteOutreach(tx, id);
    await writeAudit(tx, whoOf(ctx), { type: 'outreach.deleted', subjectType: 'outreach_event', subjectId: id, schoolId: before.o.schoolId });
  });
}

/** Hours of delivered classes and outreach per month, school and topic between two days (education.read schools). */
export async function hoursReport(ctx: ServiceContext, query: { from: string; to: string; schoolId?: string }): Promise<Hours> {
  const scope = scopeOf(ctx.actor, 'education.read');
  const aggregate = await repo.hoursByTopic(ctx.db, ctx.actor.districtId, scope, {
    ...query, timezone: await districtTimezone(ctx.db, ctx.actor.districtId), withCommunity: !query.schoolId,
  });
  const topics = await topicsOf(ctx.db, ctx.actor.districtId);
  const rows = aggregate.map((r) => ({
    month: r.month, schoolId: r.school_id, schoolName: r.school_name, topic: r.topic, topicName: topicName(topics, r.topic) ?? 'No topic',
    classes: r.classes, outreachEvents: r.outreach_events, minutes: r.minutes, hours: hoursOf(r.minutes), reached: r.reached,
  }));
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const minutes = sum((r) => r.minutes);
  return {
    rows,
    totals: { classes: sum((r) => r.classes), outreachEvents: sum((r) => r.outreachEvents), minutes, hours: hoursOf(minutes), reached: sum((r) => r.reached) },
  };
}
