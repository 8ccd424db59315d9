import type { ClassRequestBody, DeliveryBody, EducationClassDetail, ScheduleBody, Topic } from '../../../common/education.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { isDistrictWide, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { nextNumber } from '../../db/counters.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound, uniqueOr409 } from '../../lib/errors.js';
import { findDistrictSchool } from '../drills/drills.scope.js';
import { managedClass, ownRequest, readableClass, readClass } from './education.access.js';
import { feedClass } from './education.activity.js';
import { catalogue, customTopicKey, requireActiveTopic, requireAttendance, requireStep, STEP_FROM, topicName } from './education.policy.js';
import * as repo from './education.repository.js';
import { sendTeacherSurvey } from './education.surveys.js';
import { toClass, toDetail } from './education.view.js';
import { todayOf } from '../../lib/district-time.js';

/** The built-in topics and the district's own. */
export async function topicsOf(db: Db, districtId: string): Promise<Topic[]> {
  return catalogue(await repo.findTopics(db, districtId));
}

/** The topic catalogue of the actor's district. */
export async function findTopics(ctx: ServiceContext) {
  return { items: await topicsOf(ctx.db, ctx.actor.districtId) };
}

/** Adds a district topic (district-wide education.manage), audited. */
export async function addTopic(ctx: ServiceContext, body: { name: string }) {
  if (!isDistrictWide(ctx.actor, 'education.manage')) throw new AppError('forbidden', 'Only a district-wide education manager adds topics');
  const key = customTopicKey(body.name);
  const topics = await topicsOf(ctx.db, ctx.actor.districtId);
  if (topics.some((t) => t.key === key || t.name.toLowerCase() === body.name.toLowerCase())) {
    throw new AppError('conflict', 'name: the catalogue already has this topic', { field: 'name' });
  }
  return ctx.db.transaction(async (tx) => {
    await uniqueOr409(() => repo.insertTopic(tx, { districtId: ctx.actor.districtId, key, name: body.name }), 'name', 'name: the catalogue already has this topic');
    await writeAudit(tx, whoOf(ctx), { type: 'education.topic_added', subjectType: 'education_topic', detail: { key, name: body.name } });
    return (await topicsOf(tx, ctx.actor.districtId)).find((t) => t.key === key)!;
  });
}

/** Renames, retires or restores a district topic (district-wide education.manage; built-ins stay as they are). */
export async function updateTopic(ctx: ServiceContext, key: string, body: { name?: string; active?: boolean }) {
  const topic = (await topicsOf(ctx.db, ctx.actor.districtId)).find((t) => t.key === key && !t.builtIn);
  if (!topic || !isDistrictWide(ctx.actor, 'education.manage')) throw notFound('Topic');
  return ctx.db.transaction(async (tx) => {
    await repo.updateTopic(tx, ctx.actor.districtId, key, body);
    await writeAudit(tx, whoOf(ctx), { type: 'education.topic_updated', subjectType: 'education_topic', detail: { key, changed: changedFields(topic, body) } });
    return (await topicsOf(tx, ctx.actor.districtId)).find((t) => t.key === key)!;
  });
}

// ───────────────────────── the teacher's side ─────────────────────────

const page = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
type ListQuery = { schoolId?: string; status?: string; topic?: string; from?: string; to?: string; page: number; pageSize: number };

async function detail(db: Db, ctx: ServiceContext, id: string): Promise<EducationClassDetail> {
  const row = await readClass(db, ctx, { all: true }, id);
  return toDetail(db, row!, await topicsOf(db, ctx.actor.districtId));
}

/** The actor's own class requests. */
export async function findMyRequests(ctx: ServiceContext, query: ListQuery) {
  const { rows, total } = await repo.findClasses(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'education.request'), {
    ...query, requestedBy: ctx.actor.userId, ...page(query),
  });
  const topics = await topicsOf(ctx.db, ctx.actor.districtId);
  return { items: rows.map((r) => toClass(r, topics)), total };
}

/** One of the actor's own requests with its materials and feedback. */
export async function getMyRequest(ctx: ServiceContext, id: string) {
  return toDetail(ctx.db, await ownRequest(ctx, id), await topicsOf(ctx.db, ctx.actor.districtId));
}

function requireFutureDates(dates: string[], today: string) {
  if (dates.some((d) => d < today)) throw new AppError('validation_failed', 'preferredDates: must be today or later', { field: 'preferredDates' });
}

/** A teacher asks for a class at a school where they hold education.request, audited. */
export async function createRequest(ctx: ServiceContext, body: ClassRequestBody) {
  requireSchool(ctx.actor, 'education.request', body.schoolId, 'School');
  if (!(await findDistrictSchool(ctx.db, ctx.actor.districtId, body.schoolId))) throw notFound('School');
  requireActiveTopic(await topicsOf(ctx.db, ctx.actor.districtId), body.topic);
  requireFutureDates(body.preferredDates, todayOf(ctx));
  return ctx.db.transaction(async (tx) => {
    const year = Number(todayOf(ctx).slice(0, 4));
    const id = await repo.insertClass(tx, {
      districtId: ctx.actor.districtId, schoolId: body.schoolId, year, number: await nextNumber(tx, ctx.actor.districtId, 'education', year),
      topic: body.topic, status: 'requested', requestedBy: ctx.actor.userId, preferredDates: [...new Set(body.preferredDates)].sort(),
      gradeLevel: body.gradeLevel, classSize: body.classSize, requestNotes: body.notes ?? null,
    });
    await writeAudit(tx, whoOf(ctx), { type: 'education.requested', subjectType: 'education_class', subjectId: id, schoolId: body.schoolId, detail: { topic: body.topic } });
    return detail(tx, ctx, id);
  });
}

/** The teacher changes their request while it waits for the SRO. */
export async function updateMyRequest(ctx: ServiceContext, id: string, body: Partial<Omit<ClassRequestBody, 'schoolId'>>) {
  const before = await ownRequest(ctx, id);
  requireStep('edit', before.c.status);
  if (body.topic) requireActiveTopic(await topicsOf(ctx.db, ctx.actor.districtId), body.topic);
  if (body.preferredDates) requireFutureDates(body.preferredDates, todayOf(ctx));
  return ctx.db.transaction(async (tx) => {
    const { notes, preferredDates, ...rest } = body;
    const values = { ...rest, ...(notes !== undefined ? { requestNotes: notes } : {}), ...(preferredDates ? { preferredDates: [...new Set(preferredDates)].sort() } : {}) };
    if (!(await repo.updateClass(tx, id, STEP_FROM.edit, values))) requireStep('edit', 'decided');
    await writeAudit(tx, whoOf(ctx), {
      type: 'education.request_updated', subjectType: 'education_class', subjectId: id, schoolId: before.c.schoolId, detail: { changed: Object.keys(body) },
    });
    return detail(tx, ctx, id);
  });
}

/** Cancels a class not yet delivered: the teacher their own request, or an SRO of the school. */
async function cancel(ctx: ServiceContext, row: repo.ClassRow, reason: string | null | undefined) {
  requireStep('cancel', row.c.status);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.updateClass(tx, row.c.id, STEP_FROM.cancel, { status: 'cancelled', decisionReason: reason ?? null }))) requireStep('cancel', 'delivered');
    await writeAudit(tx, whoOf(ctx), { type: 'education.cancelled', subjectType: 'education_class', subjectId: row.c.id, schoolId: row.c.schoolId, detail: { from: row.c.status } });
    return detail(tx, ctx, row.c.id);
  });
}

/** The teacher withdraws their request. */
export async function cancelMyRequest(ctx: ServiceContext, id: string, body: { reason?: string | null }) {
  return cancel(ctx, await ownRequest(ctx, id), body.reason);
}

// ───────────────────────── the SRO's side ─────────────────────────

/** Classes of the actor's schools (education.read). */
export async function findClasses(ctx: ServiceContext, query: ListQuery) {
  const { rows, total } = await repo.findClasses(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'education.read'), { ...query, ...page(query) });
  const topics = await topicsOf(ctx.db, ctx.actor.districtId);
  return { items: rows.map((r) => toClass(r, topics)), total };
}

/** One class of the actor's schools with its materials and feedback. */
export async function getClass(ctx: ServiceContext, id: string) {
  return toDetail(ctx.db, await readableClass(ctx, id), await topicsOf(ctx.db, ctx.actor.districtId));
}

async function step(ctx: ServiceContext, row: repo.ClassRow, name: keyof typeof STEP_FROM, values: Parameters<typeof repo.updateClass>[3],
  audit: { type: 'education.accepted' | 'education.declined' | 'education.scheduled'; detail?: Record<string, unknown> }) {
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.updateClass(tx, row.c.id, STEP_FROM[name], values))) requireStep(name, 'changed');
    await writeAudit(tx, whoOf(ctx), { type: audit.type, subjectType: 'education_class', subjectId: row.c.id, schoolId: row.c.schoolId, detail: audit.detail });
    return detail(tx, ctx, row.c.id);
  });
}

async function scheduleValues(ctx: ServiceContext, body: ScheduleBody) {
  return {
    scheduledDate: body.date, startTime: body.startTime, durationMinutes: body.durationMinutes, room: body.room ?? null,
    startsAt: await repo.startInstant(ctx.db, ctx.actor.districtId, body.date, body.startTime),
  };
}

/** The SRO accepts a request and becomes its instructor; with a schedule the class is scheduled at once. */
export async function acceptClass(ctx: ServiceContext, id: string, body: { schedule?: ScheduleBody | null }) {
  const row = await managedClass(ctx, id);
  requireStep('accept', row.c.status);
  const schedule = body.schedule ? await scheduleValues(ctx, body.schedule) : {};
  return step(ctx, row, 'accept', { status: body.schedule ? 'scheduled' : 'accepted', instructorId: ctx.actor.userId, ...schedule }, {
    type: 'education.accepted', detail: { scheduled: !!body.schedule },
  });
}

/** The SRO declines a request, saying why. */
export async function declineClass(ctx: ServiceContext, id: string, body: { reason: string }) {
  const row = await managedClass(ctx, id);
  requireStep('decline', row.c.status);
  return step(ctx, row, 'decline', { status: 'declined', decisionReason: body.reason }, { type: 'education.declined' });
}

/** Schedules (or reschedules) an accepted class. */
export async function scheduleClass(ctx: ServiceContext, id: string, body: ScheduleBody) {
  const row = await managedClass(ctx, id);
  requireStep('schedule', row.c.status);
  return step(ctx, row, 'schedule', { status: 'scheduled', ...(await scheduleValues(ctx, body)) }, {
    type: 'education.scheduled', detail: { date: body.date, startTime: body.startTime },
  });
}

/** An SRO of the school cancels a class not yet delivered. */
export async function cancelClass(ctx: ServiceContext, id: string, body: { reason?: string | null }) {
  return cancel(ctx, await managedClass(ctx, id), body.reason);
}

/**
 * Records that a scheduled class was taught (or corrects a delivered one): attendance no larger than the class size,
 * grade levels, notes. Feeds the triad log and, the first time, mails the requesting teacher a feedback link; all in
 * one transaction.
 */
export async function deliverClass(ctx: ServiceContext, id: string, body: DeliveryBody, publicUrl: string) {
  const row = await managedClass(ctx, id);
  requireStep('deliver', row.c.status);
  requireAttendance(body.attendance, row.c.classSize);
  const now = ctx.clock.now();
  if (row.c.startsAt && row.c.startsAt.getTime() > now.getTime()) {
    throw new AppError('conflict', 'scheduledDate: a class is recorded as delivered once it has started', { field: 'scheduledDate' });
  }
  const first = row.c.status !== 'delivered';
  const instructorId = row.c.instructorId ?? ctx.actor.userId;
  const durationMinutes = body.durationMinutes ?? row.c.durationMinutes!;
  const topics = await topicsOf(ctx.db, ctx.actor.districtId);
  return ctx.db.transaction(async (tx) => {
    const values = {
      status: 'delivered', attendance: body.attendance, gradeLevels: [...new Set(body.gradeLevels)].sort((a, b) => a - b), durationMinutes,
      deliveryNotes: body.notes ?? null, instructorId, ...(first ? { deliveredAt: now } : {}),
    };
    if (!(await repo.updateClass(tx, id, STEP_FROM.deliver, values))) requireStep('deliver', 'changed');
    await writeAudit(tx, whoOf(ctx), {
      type: 'education.delivered', subjectType: 'education_class', subjectId: id, schoolId: row.c.schoolId,
      detail: { attendance: body.attendance, gradeLevels: values.gradeLevels, correction: !first },
    });
    const name = topicName(topics, row.c.topic)!;
    await feedClass(tx, ctx, {
      id, schoolId: row.c.schoolId, userId: instructorId, startedAt: row.c.startsAt ?? now, durationMinutes,
      title: `${name} class (${body.attendance} students reached)`, participants: body.attendance,
    });
    if (first) await sendTeacherSurvey(tx, ctx, { classId: id, teacher: { name: row.requesterName, email: row.requesterEmail }, topicName: name, schoolName: row.schoolName, date: row.c.scheduledDate! }, publicUrl);
    return detail(tx, ctx, id);
  });
}
