import type {
  OpenReunificationBody, ReleaseBody, Reunification, ReunificationBoard, ReunificationRequest, ReunificationRequestBody,
} from '../../../common/alerts.js';
import { whoOf, writeAudit } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound, uniqueOr409 } from '../../lib/errors.js';
import type { LiveHub } from '../live/live.hub.js';
import { appendLiveEvent } from '../live/live.repository.js';
import { boardOrder, refusalOf, toRequest } from './reunification.policy.js';
import * as repo from './reunification.repository.js';

/** A service call of reunification: the request's context plus the live hub. */
export interface ReunificationContext extends ServiceContext {
  live: LiveHub;
}

const P = 'reunification.manage';

function toEvent(row: repo.EventRow): Reunification {
  return {
    id: row.id, school: { id: row.schoolId, name: row.schoolName }, alertId: row.alertId, site: row.site, drill: row.drill,
    status: row.status, openedBy: { id: row.openedById, name: row.openedByName }, openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

async function view(ctx: ServiceContext, db: Db, id: string): Promise<Reunification> {
  const [row] = await repo.findEvents(db, ctx.actor.districtId, scopeOf(ctx.actor, P), { id });
  if (!row) throw notFound('Reunification');
  return toEvent(row);
}

async function requestView(db: Db, eventId: string, id: string): Promise<ReunificationRequest> {
  const [row] = await repo.findRequests(db, eventId, id);
  return toRequest(row!);
}

/** Stores the live event of a change (last statement of the transaction). */
async function announce(ctx: ServiceContext, tx: Db, event: { id: string; schoolId: string; status: 'open' | 'closed' }, request: ReunificationRequest | null) {
  await appendLiveEvent(tx, {
    districtId: ctx.actor.districtId, schoolIds: [event.schoolId], audience: P, type: 'reunification.updated',
    payload: { reunificationId: event.id, schoolId: event.schoolId, request, status: event.status },
  });
}

/** Locks an open event the actor runs. */
async function lockOpen(ctx: ServiceContext, tx: Db, id: string) {
  const event = await repo.lockEvent(tx, ctx.actor.districtId, id);
  if (!event) throw notFound('Reunification');
  requireSchool(ctx.actor, P, event.schoolId, 'Reunification');
  if (event.status !== 'open') throw new AppError('conflict', 'The reunification is closed', { field: 'status' });
  return event;
}

/** Opens a reunification event for a school, usually after an evacuation (the alert's drill flag carries over). */
export async function openEvent(ctx: ReunificationContext, input: OpenReunificationBody): Promise<Reunification> {
  requireSchool(ctx.actor, P, input.schoolId, 'School');
  const { districtId } = ctx.actor;
  const event = await ctx.db.transaction(async (tx) => {
    let drill = input.drill ?? false;
    if (input.alertId) {
      const alert = await repo.findAlertAtSchool(tx, districtId, input.alertId, input.schoolId);
      if (!alert) throw new AppError('not_found', 'Alert not found at this school', { field: 'alertId' });
      drill = input.drill ?? alert.drill;
    }
    const open = await repo.findEvents(tx, districtId, { all: true }, { schoolId: input.schoolId, status: 'open' });
    if (open.length > 0) throw new AppError('conflict', 'A reunification is already open for this school', { field: 'schoolId' });
    const id = await repo.insertEvent(tx, {
      districtId, schoolId: input.schoolId, alertId: input.alertId ?? null, site: input.site, drill,
      openedBy: ctx.actor.userId, openedAt: ctx.clock.now(),
    });
    await writeAudit(tx, whoOf(ctx), { type: 'reunification.opened', schoolId: input.schoolId, subjectType: 'reunification', subjectId: id, detail: { alertId: input.alertId ?? null, drill } });
    await announce(ctx, tx, { id, schoolId: input.schoolId, status: 'open' }, null);
    return view(ctx, tx, id);
  });
  ctx.live.poke();
  return event;
}

/** Reunification events of the actor's schools. */
export async function findEvents(ctx: ServiceContext, filter: { schoolId?: string; status?: 'open' | 'closed' }): Promise<Reunification[]> {
  return (await repo.findEvents(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, P), filter)).map(toEvent);
}

/** The live board: counts and every request, waiting first. */
export async function getBoard(ctx: ServiceContext, id: string): Promise<ReunificationBoard> {
  const reunification = await view(ctx, ctx.db, id);
  const [rows, roster] = await Promise.all([repo.findRequests(ctx.db, id), repo.countRoster(ctx.db, reunification.school.id)]);
  const requests = rows.map(toRequest).sort(boardOrder);
  const count = (s: ReunificationRequest['status']) => requests.filter((r) => r.status === s).length;
  const counts = { roster, requested: count('requested'), runnerSent: count('runner_sent'), released: count('released'), refused: count('refused') };
  return { reunification, counts: { ...counts, waiting: counts.requested + counts.runnerSent }, requests };
}

/** Students of the event's school matching `q`, with roster guardians, custody and pick-up permissions. */
export async function searchStudents(ctx: ServiceContext, id: string, q: string) {
  const event = await view(ctx, ctx.db, id);
  const [found, released] = await Promise.all([
    repo.searchStudents(ctx.db, event.school.id, q, 25),
    repo.findRequests(ctx.db, id).then((rows) => new Set(rows.filter((r) => r.request.status === 'released').map((r) => r.request.studentId))),
  ]);
  return found.map((s) => ({
    id: s.id, name: `${s.preferredName ?? s.firstName} ${s.lastName}`, studentNumber: s.studentNumber, grade: s.grade, released: released.has(s.id),
    guardians: s.guardians.map((g) => ({
      id: g.id, name: `${g.firstName} ${g.lastName}`, relationship: g.relationship, hasCustody: g.hasCustody, mayPickUp: g.mayPickUp,
      restrictions: g.restrictions, phone: g.phone,
    })),
  }));
}

/**
 * Records a guardian's card. An adult the roster does not allow (not listed, no pick-up permission, ID not
 * checked or not matching) is recorded as `refused` with the reason: the refusal itself is part of the record.
 */
export async function createRequest(ctx: ReunificationContext, id: string, input: ReunificationRequestBody): Promise<ReunificationRequest> {
  const result = await ctx.db.transaction(async (tx) => {
    const event = await lockOpen(ctx, tx, id);
    const student = await repo.findStudent(tx, event.schoolId, input.studentId);
    if (!student) throw new AppError('not_found', 'Student not found at this school', { field: 'studentId' });
    const released = await repo.findRelease(tx, id, input.studentId);
    if (released) throw new AppError('conflict', `The student was already released at ${released.releasedAt?.toISOString() ?? ''}`, { field: 'studentId' });
    const tie = input.guardianId ? await repo.findGuardianTie(tx, input.studentId, input.guardianId) : undefined;
    const refusal = refusalOf(input, tie);
    const now = ctx.clock.now();
    const requestId = await repo.insertRequest(tx, {
      reunificationId: id, studentId: input.studentId, guardianId: tie ? input.guardianId : null, adultName: input.adultName,
      idType: input.idType, idChecked: input.idChecked, status: refusal ? 'refused' : 'requested', refusalReason: refusal,
      note: input.note ?? null, requestedBy: ctx.actor.userId, requestedAt: now, updatedAt: now,
    });
    await writeAudit(tx, whoOf(ctx), {
      type: refusal ? 'reunification.refused' : 'reunification.requested', schoolId: event.schoolId, subjectType: 'reunification_request',
      subjectId: requestId, detail: { reunificationId: id, studentId: input.studentId, guardianId: input.guardianId ?? null, reason: refusal },
    });
    const request = await requestView(tx, id, requestId);
    await announce(ctx, tx, { id, schoolId: event.schoolId, status: 'open' }, request);
    return request;
  });
  ctx.live.poke();
  return result;
}

async function changeRequest(
  ctx: ReunificationContext, id: string, requestId: string,
  change: (tx: Db, request: ReunificationRequest, schoolId: string) => Promise<{ type: 'reunification.runner_sent' | 'reunification.released' | 'reunification.refused'; detail: Record<string, unknown> }>,
): Promise<ReunificationRequest> {
  const result = await ctx.db.transaction(async (tx) => {
    const event = await lockOpen(ctx, tx, id);
    const [row] = await repo.findRequests(tx, id, requestId);
    if (!row) throw notFound('Request');
    const { type, detail } = await change(tx, toRequest(row), event.schoolId);
    await writeAudit(tx, whoOf(ctx), { type, schoolId: event.schoolId, subjectType: 'reunification_request', subjectId: requestId, detail: { reunificationId: id, ...detail } });
    const request = await requestView(tx, id, requestId);
    await announce(ctx, tx, { id, schoolId: event.schoolId, status: 'open' }, request);
    return request;
  });
  ctx.live.poke();
  return result;
}

/** A runner goes to the assembly area for the student. */
export async function sendRunner(ctx: ReunificationContext, id: string, requestId: string, runnerName: string) {
  return changeRequest(ctx, id, requestId, async (tx, request) => {
    const now = ctx.clock.now();
    if (!(await repo.updateRequest(tx, requestId, ['requested'], { status: 'runner_sent', runnerName, runnerSentAt: now, updatedAt: now }))) {
      throw new AppError('conflict', `The request is ${request.status.replace('_', ' ')}`, { field: 'status' });
    }
    return { type: 'reunification.runner_sent', detail: { runnerName } };
  });
}

/**
 * Releases the student once they confirm they are comfortable leaving with the adult, with the time and
 * the staff member's initials; the roster is checked again (custody can change during the day).
 */
export async function release(ctx: ReunificationContext, id: string, requestId: string, input: ReleaseBody) {
  return changeRequest(ctx, id, requestId, async (tx, request) => {
    if (request.status !== 'requested' && request.status !== 'runner_sent') {
      throw new AppError('conflict', request.status === 'refused' ? `Release was refused: ${request.refusalReason ?? ''}` : 'The student was already released', { field: 'status' });
    }
    const now = ctx.clock.now();
    const tie = request.guardian ? await repo.findGuardianTie(tx, request.student.id, request.guardian.id) : undefined;
    const refusal = refusalOf({ guardianId: request.guardian?.id, adultName: request.adultName, idChecked: request.idChecked }, tie)
      ?? (input.studentConfirmed ? null : (input.refusalReason ?? 'The student did not confirm being comfortable leaving with this adult'));
    const base = { studentConfirmed: input.studentConfirmed, initials: input.initials.toUpperCase(), updatedAt: now };
    if (refusal) {
      await repo.updateRequest(tx, requestId, ['requested', 'runner_sent'], { ...base, status: 'refused', refusalReason: refusal });
      return { type: 'reunification.refused', detail: { reason: refusal } };
    }
    await uniqueOr409(() => repo.updateRequest(tx, requestId, ['requested', 'runner_sent'], { ...base, status: 'released', releasedAt: now }),
      'studentId', 'The student was already released');
    return { type: 'reunification.released', detail: { studentId: request.student.id, initials: base.initials } };
  });
}

/** Closes the event. */
export async function closeEvent(ctx: ReunificationContext, id: string): Promise<Reunification> {
  const event = await ctx.db.transaction(async (tx) => {
    const locked = await lockOpen(ctx, tx, id);
    await repo.closeEvent(tx, id, ctx.actor.userId, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'reunification.closed', schoolId: locked.schoolId, subjectType: 'reunification', subjectId: id });
    await announce(ctx, tx, { id, schoolId: locked.schoolId, status: 'closed' }, null);
    return view(ctx, tx, id);
  });
  ctx.live.poke();
  return event;
}
