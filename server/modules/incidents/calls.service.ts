import type { Call, CallStatus, CreateCall, ListCallsQuery, UpdateCall } from '../../../common/incidents.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { syncCallActivity } from '../activity/activity.calls.js';
import * as calls from './calls.repository.js';
import { districtYear, formatCallNumber } from './incidents.numbers.js';
import { canRead, checkNotFuture } from './incidents.policy.js';
import * as repo from './incidents.repository.js';
import { decodeCursor, encodeCursor } from './search.repository.js';
import { iso, isoOrNull } from './incidents.view.js';

function invalid(field: string, message: string) {
  return new AppError('validation_failed', `${field}: ${message}`, { field });
}

function statusOf(c: { clearedAt: Date | null; arrivedAt: Date | null; assignedUserId: string | null }): CallStatus {
  return c.clearedAt ? 'cleared' : c.arrivedAt ? 'on_scene' : c.assignedUserId ? 'assigned' : 'pending';
}

/** A call as the actor sees it: the incident it became is named only when the actor may read that incident. */
function toCall(ctx: ServiceContext, row: calls.CallRow): Call {
  const { call: c, incident } = row;
  const showIncident = c.incidentId && incident?.number && incident.schoolId
    && canRead(ctx.actor, { ...incident, schoolId: incident.schoolId, hasJuvenile: incident.hasJuvenile!, authorId: incident.authorId!, status: incident.status! });
  return {
    id: c.id, number: c.number, source: c.source, schoolId: c.schoolId, schoolName: row.schoolName, onCampus: c.onCampus,
    areaId: c.areaId, areaName: row.areaName, locationText: c.locationText, priority: c.priority, summary: c.summary,
    callerName: c.callerName, callerPhone: c.callerPhone, status: statusOf(c), receivedAt: iso(c.receivedAt),
    arrivedAt: isoOrNull(c.arrivedAt), clearedAt: isoOrNull(c.clearedAt), disposition: c.disposition,
    assignedUserId: c.assignedUserId, assignedUserName: row.assignedUserName, takenByName: row.takenByName,
    incidentId: showIncident ? c.incidentId : null, incidentNumber: showIncident ? incident.number : null,
  };
}

async function checkRefs(db: Db, ctx: ServiceContext, schoolId: string, refs: { areaId?: string | null; assignedUserId?: string | null }) {
  if (refs.areaId && !(await repo.findArea(db, schoolId, refs.areaId))) throw invalid('areaId', 'not a campus area of the school');
  if (refs.assignedUserId && !(await calls.findActiveUser(db, ctx.actor.districtId, refs.assignedUserId))) {
    throw invalid('assignedUserId', 'no such active user');
  }
}

/** Takes a call. Staff calls are always source "staff"; dispatch, tips and self-initiated calls need call.dispatch. */
export async function createCall(ctx: ServiceContext, input: CreateCall) {
  requireSchool(ctx.actor, 'call.create', input.schoolId, 'School');
  const now = ctx.clock.now();
  if (input.receivedAt) checkNotFuture(input.receivedAt, now, 'receivedAt');
  if (input.source !== 'staff' && !canAtSchool(ctx.actor, 'call.dispatch', input.schoolId)) {
    throw invalid('source', 'only officers and dispatchers record dispatch, tip or self-initiated calls');
  }
  if ((input.assignedUserId) && !canAtSchool(ctx.actor, 'call.dispatch', input.schoolId)) throw invalid('assignedUserId', 'only dispatchers assign calls');
  if (!input.onCampus && !input.locationText) throw invalid('locationText', 'say where an off-campus call is');
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.findSchool(tx, ctx.actor.districtId, input.schoolId))) throw notFound('School');
    await checkRefs(tx, ctx, input.schoolId, input);
    const { year } = await districtYear(tx, ctx.actor.districtId, now);
    const number = formatCallNumber(year, await repo.nextNumber(tx, ctx.actor.districtId, 'call', year));
    const id = await calls.insertCall(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, number, source: input.source, onCampus: input.onCampus,
      areaId: input.areaId ?? null, locationText: input.locationText ?? null, priority: input.priority, summary: input.summary,
      callerName: input.callerName ?? null, callerPhone: input.callerPhone ?? null, receivedAt: input.receivedAt ? new Date(input.receivedAt) : now,
      assignedUserId: input.assignedUserId ?? null, takenById: ctx.actor.userId, createdAt: now, updatedAt: now,
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'call.created', schoolId: input.schoolId, subjectType: 'call', subjectId: id, detail: { number, source: input.source, priority: input.priority },
    });
    return toCall(ctx, (await calls.findCall(tx, ctx.actor.districtId, id))!);
  });
}

/** Assigns, arrives at, clears (a disposition is needed) or changes a call. */
export async function updateCall(ctx: ServiceContext, id: string, input: UpdateCall) {
  requirePermission(ctx.actor, 'call.dispatch');
  const now = ctx.clock.now();
  for (const field of ['arrivedAt', 'clearedAt'] as const) {
    const value = input[field];
    if (value) checkNotFuture(value, now, field);
  }
  return ctx.db.transaction(async (tx) => {
    const row = await calls.findCall(tx, ctx.actor.districtId, id, { forUpdate: true });
    if (!row || !canAtSchool(ctx.actor, 'call.read', row.call.schoolId)) throw notFound('Call');
    requireSchool(ctx.actor, 'call.dispatch', row.call.schoolId, 'Call');
    const c = row.call;
    await checkRefs(tx, ctx, c.schoolId, input);
    const arrivedAt = input.arrivedAt === undefined ? c.arrivedAt : input.arrivedAt ? new Date(input.arrivedAt) : null;
    const clearedAt = input.clearedAt === undefined ? c.clearedAt : input.clearedAt ? new Date(input.clearedAt) : null;
    const disposition = input.disposition === undefined ? c.disposition : input.disposition;
    if (arrivedAt && arrivedAt < c.receivedAt) throw invalid('arrivedAt', 'cannot be before the call was received');
    if (clearedAt && clearedAt < (arrivedAt ?? c.receivedAt)) throw invalid('clearedAt', 'cannot be before arrival');
    if (clearedAt && !disposition) throw invalid('disposition', 'give a disposition to clear the call');
    const changed = Object.keys(input);
    await calls.updateCall(tx, id, { ...input, arrivedAt, clearedAt, disposition, updatedAt: now });
    await syncCallActivity(tx, { ...c, arrivedAt, clearedAt, assignedUserId: input.assignedUserId === undefined ? c.assignedUserId : input.assignedUserId }, ctx.actor.userId);
    await writeAudit(tx, whoOf(ctx), { type: 'call.updated', schoolId: c.schoolId, subjectType: 'call', subjectId: id, detail: { changed } });
    return toCall(ctx, (await calls.findCall(tx, ctx.actor.districtId, id))!);
  });
}

/** One call (audited). */
export async function getCall(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'call.read');
  return ctx.db.transaction(async (tx) => {
    const row = await calls.findCall(tx, ctx.actor.districtId, id);
    if (!row || !canAtSchool(ctx.actor, 'call.read', row.call.schoolId)) throw notFound('Call');
    await writeAudit(tx, whoOf(ctx), { type: 'call.viewed', schoolId: row.call.schoolId, subjectType: 'call', subjectId: id });
    return toCall(ctx, row);
  });
}

/** A page of calls at the actor's schools, newest first. */
export async function findCalls(ctx: ServiceContext, query: ListCallsQuery) {
  if (query.schoolId) requireSchool(ctx.actor, 'call.read', query.schoolId, 'School');
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw invalid('cursor', 'not a cursor of this list');
  const found = await calls.findCalls(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'call.read'), query, cursor, query.limit + 1);
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toCall(ctx, r)),
    nextCursor: found.length > query.limit && last ? encodeCursor([last.call.receivedAt.toISOString(), last.call.id]) : null,
  };
}

/** The live queue: open calls at the actor's schools, emergencies first, then oldest. */
export async function callQueue(ctx: ServiceContext) {
  const rows = await calls.findOpenCalls(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'call.read'));
  return { asOf: iso(ctx.clock.now()), items: rows.map((r) => toCall(ctx, r)) };
}
