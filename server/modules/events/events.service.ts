import type {
  CoverageCandidate, Event, EventBody, EventConflict, EventUpdateBody, listEventsQuery,
} from '../../../common/events.js';
import type { z } from 'zod';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, scopeOf, type Actor } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { syncCoverageActivity } from './events.activity.js';
import { dayRange, requireEventTimes } from './events.policy.js';
import * as repo from './events.repository.js';
import { todayOf } from '../../lib/district-time.js';
import { dayIn } from '../../lib/district-time.js';

type ConflictRow = Awaited<ReturnType<typeof repo.findConflicts>>[number];

// A conflicting event at a school the reader may not see is shown without its title: the reader learns only
// that the SRO is busy elsewhere then.
function toConflict(actor: Actor, c: Omit<ConflictRow, 'eventId' | 'otherId'> & { otherId: string }): EventConflict {
  const visible = canAtSchool(actor, 'event.read', c.schoolId);
  return {
    eventId: c.otherId, title: visible ? c.title : 'Another event', schoolId: c.schoolId, schoolName: c.schoolName,
    startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(),
  };
}

function toEvent(actor: Actor, row: repo.EventRow, conflicts: ConflictRow[]): Event {
  const e = row.e;
  return {
    id: e.id, schoolId: e.schoolId, schoolName: row.schoolName, kind: e.kind, title: e.title, place: e.place, description: e.description,
    startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString(), cancelled: e.cancelled,
    coverage: e.coverSroId && e.coverAssignedBy && e.coverAssignedAt
      ? { sro: { id: e.coverSroId, name: row.coverName ?? '' }, assignedBy: { id: e.coverAssignedBy, name: row.assignerName ?? '' }, assignedAt: e.coverAssignedAt.toISOString() }
      : null,
    uncovered: !e.cancelled && e.coverSroId === null,
    conflicts: conflicts.filter((c) => c.eventId === e.id).map((c) => toConflict(actor, c)),
    notes: e.notes, notesAt: e.notesAt?.toISOString() ?? null,
    createdBy: { id: e.createdBy, name: row.creatorName }, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString(),
  };
}

async function view(db: Db, actor: Actor, rows: repo.EventRow[]): Promise<Event[]> {
  const conflicts = await repo.findConflicts(db, rows.filter((r) => r.e.coverSroId).map((r) => r.e.id));
  return rows.map((r) => toEvent(actor, r, conflicts));
}

async function eventOf(db: Db, actor: Actor, id: string): Promise<Event> {
  const rows = await repo.findEvents(db, actor.districtId, scopeOf(actor, 'event.read'), { id });
  if (!rows[0]) throw notFound('Event');
  return (await view(db, actor, rows))[0]!;
}

/** Events of the actor's schools (and filters), by start; from today unless `from` says otherwise. */
export async function findEvents(ctx: ServiceContext, query: z.output<typeof listEventsQuery>): Promise<Event[]> {
  if (query.schoolId) requireSchool(ctx.actor, 'event.read', query.schoolId, 'School');
  const range = dayRange(todayOf(ctx), query.from, query.to, ctx.actor.timeZone);
  const rows = await repo.findEvents(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'event.read'), {
    schoolId: query.schoolId, from: range.from, to: range.to, sroId: query.sroId, limit: query.limit,
    uncovered: query.uncovered === undefined ? undefined : query.uncovered === 'true',
    conflicts: query.conflicts === 'true' ? true : undefined,
  });
  return view(ctx.db, ctx.actor, rows);
}

/** One event of the actor's schools. */
export function getEvent(ctx: ServiceContext, id: string): Promise<Event> {
  return eventOf(ctx.db, ctx.actor, id);
}

/** Creates an event at a school where the actor holds event.manage, audited. */
export async function createEvent(ctx: ServiceContext, input: EventBody): Promise<Event> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  requireEventTimes(startsAt, endsAt);
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, 'event.manage', input.schoolId);
    const now = ctx.clock.now();
    const id = await repo.insertEvent(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, kind: input.kind, title: input.title, place: input.place ?? null,
      description: input.description ?? null, startsAt, endsAt, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    });
    await writeAudit(tx, whoOf(ctx), { type: 'event.created', schoolId: input.schoolId, subjectType: 'event', subjectId: id, detail: { kind: input.kind, startsAt: input.startsAt } });
    return eventOf(tx, ctx.actor, id);
  });
}

async function lockVisible(ctx: ServiceContext, tx: Db, id: string) {
  const event = await repo.lockEvent(tx, ctx.actor.districtId, id);
  if (!event || !canAtSchool(ctx.actor, 'event.read', event.schoolId)) throw notFound('Event');
  return event;
}

/** Changes an event (event.manage at its school); a covered event's activity entry follows its times. */
export async function updateEvent(ctx: ServiceContext, id: string, input: EventUpdateBody): Promise<Event> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockVisible(ctx, tx, id);
    await requireTarget(tx, ctx.actor, 'event.manage', before.schoolId);
    const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : before.endsAt;
    requireEventTimes(startsAt, endsAt);
    const { startsAt: _s, endsAt: _e, ...rest } = input;
    await repo.updateEvent(tx, id, { ...rest, startsAt, endsAt }, ctx.clock.now());
    const after = { ...before, ...rest, startsAt, endsAt };
    await syncCoverageActivity(tx, ctx.actor, after);
    await writeAudit(tx, whoOf(ctx), {
      type: 'event.updated', schoolId: before.schoolId, subjectType: 'event', subjectId: id,
      detail: { changed: changedFields({ ...before, startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString() }, input) },
    });
    return eventOf(tx, ctx.actor, id);
  });
}

/** SROs who may cover the event: assigned to its school or a feeder-related school on its day. */
export async function findCandidates(ctx: ServiceContext, id: string): Promise<CoverageCandidate[]> {
  const event = await eventOf(ctx.db, ctx.actor, id);
  requireSchool(ctx.actor, 'event.assign', event.schoolId, 'Event');
  return candidatesOf(ctx.db, ctx.actor, event.id, event.schoolId, new Date(event.startsAt), new Date(event.endsAt));
}

async function candidatesOf(db: Db, actor: Actor, eventId: string, schoolId: string, start: Date, end: Date): Promise<CoverageCandidate[]> {
  const rows = await repo.findCandidates(db, actor.districtId, schoolId, dayIn(actor.timeZone, start));
  const byId = new Map<string, CoverageCandidate>();
  for (const r of rows) {
    const assignment = r.schoolId === schoolId ? r.kind : 'feeder';
    const known = byId.get(r.id);
    if (!known) byId.set(r.id, { id: r.id, name: r.name, assignment, conflicts: [] });
    else if (r.schoolId === schoolId) known.assignment = r.kind;
  }
  const busy = await repo.findCoveredOverlapping(db, [...byId.keys()], start, end, eventId);
  for (const b of busy) byId.get(b.sroId!)?.conflicts.push(toConflict(actor, { ...b, otherId: b.eventId }));
  return [...byId.values()];
}

/**
 * Designates (or, with null, removes) the SRO covering an event: event.assign at its school; the SRO must be
 * a candidate (400 naming sroId). The coverage is recorded in the SRO's activity log. Audited.
 */
export async function setCoverage(ctx: ServiceContext, id: string, sroId: string | null): Promise<Event> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockVisible(ctx, tx, id);
    requireSchool(ctx.actor, 'event.assign', before.schoolId, 'Event');
    if (sroId !== null) {
      const candidates = await candidatesOf(tx, ctx.actor, id, before.schoolId, before.startsAt, before.endsAt);
      if (!candidates.some((c) => c.id === sroId)) {
        throw new AppError('validation_failed', 'sroId: not an SRO assigned to this school or its feeders on the day of the event', { field: 'sroId' });
      }
    }
    const now = ctx.clock.now();
    const coverage = sroId === null
      ? { coverSroId: null, coverAssignedBy: null, coverAssignedAt: null }
      : { coverSroId: sroId, coverAssignedBy: ctx.actor.userId, coverAssignedAt: now };
    await repo.updateEvent(tx, id, coverage, now);
    await syncCoverageActivity(tx, ctx.actor, { ...before, ...coverage });
    await writeAudit(tx, whoOf(ctx), {
      type: 'event.coverage_set', schoolId: before.schoolId, subjectType: 'event', subjectId: id, detail: { from: before.coverSroId, to: sroId },
    });
    return eventOf(tx, ctx.actor, id);
  });
}

/** Post-event notes: only the covering SRO (403 for anyone else), once the event has started (400 notes). */
export async function setNotes(ctx: ServiceContext, id: string, notes: string): Promise<Event> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockVisible(ctx, tx, id);
    if (before.coverSroId !== ctx.actor.userId) throw new AppError('forbidden', 'Only the SRO covering the event writes its notes');
    const now = ctx.clock.now();
    if (now < before.startsAt) throw new AppError('validation_failed', 'notes: the event has not started yet', { field: 'notes' });
    await repo.updateEvent(tx, id, { notes, notesAt: now }, now);
    await writeAudit(tx, whoOf(ctx), { type: 'event.notes_written', schoolId: before.schoolId, subjectType: 'event', subjectId: id });
    return eventOf(tx, ctx.actor, id);
  });
}
