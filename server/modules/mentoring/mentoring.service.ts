import type {
  Contact, ContactBody, Mediation, MediationBody, MentoringTopic, PartyBody, UpdateContactBody, UpdateMediationBody,
} from '../../../common/mentoring.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { feedContact, feedMediation, unfeed } from './mentoring.activity.js';
import { contactTitle, mediationTitle, noteFor, requireDistinctStudents, requireFollowUp, requirePast } from './mentoring.policy.js';
import * as repo from './mentoring.repository.js';

function toContact(row: repo.ContactRow, readerId: string, withNote: boolean): Contact {
  const c = row.c;
  return {
    id: c.id, schoolId: c.schoolId, schoolName: row.schoolName, student: { id: c.studentId, name: row.studentName, grade: row.studentGrade },
    kind: c.kind as Contact['kind'], occurredAt: c.occurredAt.toISOString(), durationMinutes: c.durationMinutes, topic: c.topic as MentoringTopic,
    author: { id: c.authorId, name: row.authorName }, mine: c.authorId === readerId,
    note: withNote ? noteFor(readerId, c.authorId, c.note) : null, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

const page = (query: { page: number; pageSize: number }) => ({ limit: query.pageSize, offset: (query.page - 1) * query.pageSize });

/** Roster students of a school where the actor logs contacts, by name or number. */
export async function lookupStudents(ctx: ServiceContext, query: { schoolId: string; q: string }) {
  requireSchool(ctx.actor, 'support.log', query.schoolId, 'School');
  return { items: await repo.lookupStudents(ctx.db, ctx.actor.districtId, query.schoolId, query.q) };
}

/** Contacts at the actor's schools (support.read), without notes. */
export async function findContacts(ctx: ServiceContext, query: {
  schoolId?: string; studentId?: string; topic?: string; mine?: 'true' | 'false'; from?: string; to?: string; page: number; pageSize: number;
}) {
  const { rows, total } = await repo.findContacts(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'support.read'), {
    ...query, authorId: query.mine === 'true' ? ctx.actor.userId : undefined, ...page(query),
    timezone: await repo.districtTimezone(ctx.db, ctx.actor.districtId),
  });
  return { items: rows.map((r) => toContact(r, ctx.actor.userId, false)), total };
}

async function readContact(db: Db, ctx: ServiceContext, id: string) {
  const { rows } = await repo.findContacts(db, ctx.actor.districtId, scopeOf(ctx.actor, 'support.read'), { id, limit: 1, offset: 0, timezone: 'UTC' });
  return rows[0];
}

/** One contact; its note only to its author. Audited: the read of a contact is a read of case-adjacent data. */
export async function getContact(ctx: ServiceContext, id: string): Promise<Contact> {
  return ctx.db.transaction(async (tx) => {
    const row = await readContact(tx, ctx, id);
    if (!row) throw notFound('Contact');
    const withNote = row.c.authorId === ctx.actor.userId;
    await writeAudit(tx, whoOf(ctx), {
      type: 'mentoring.contact_viewed', subjectType: 'mentoring_contact', subjectId: id, schoolId: row.c.schoolId, detail: { withNote },
    });
    return toContact(row, ctx.actor.userId, true);
  });
}

/** The student of a new contact or party: on the roster of a school where the actor holds support.log. */
async function requireStudents(ctx: ServiceContext, ids: string[], field: string, schoolId?: string) {
  const found = await repo.findStudents(ctx.db, ctx.actor.districtId, ids);
  for (const id of ids) {
    const student = found.find((s) => s.id === id);
    if (!student || !canAtSchool(ctx.actor, 'support.log', student.schoolId) || (schoolId && student.schoolId !== schoolId)) {
      throw new AppError('validation_failed', `${field}: must be a student on the roster of ${schoolId ? 'the mediation\'s school' : 'a school you serve'}`, { field });
    }
  }
  return found;
}

/** Records a contact with a student and feeds the triad log (mentoring), in one transaction. */
export async function createContact(ctx: ServiceContext, body: ContactBody & { kind: Contact['kind'] }): Promise<Contact> {
  const [student] = await requireStudents(ctx, [body.studentId], 'studentId');
  const occurredAt = requirePast(body.occurredAt, ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertContact(tx, {
      districtId: ctx.actor.districtId, schoolId: student!.schoolId, studentId: student!.id, authorId: ctx.actor.userId, kind: body.kind,
      occurredAt, durationMinutes: body.durationMinutes, topic: body.topic, note: body.note ?? null,
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'mentoring.contact_created', subjectType: 'mentoring_contact', subjectId: id, schoolId: student!.schoolId,
      detail: { studentId: student!.id, topic: body.topic, durationMinutes: body.durationMinutes },
    });
    await feedContact(tx, ctx, { id, schoolId: student!.schoolId, occurredAt, durationMinutes: body.durationMinutes, title: contactTitle(body.topic) });
    return toContact((await readContact(tx, ctx, id))!, ctx.actor.userId, true);
  });
}

/** A contact the actor wrote, at a school where they still log contacts; anyone else finds it absent. */
async function ownContact(ctx: ServiceContext, id: string) {
  const row = await readContact(ctx.db, ctx, id);
  if (!row || row.c.authorId !== ctx.actor.userId || !canAtSchool(ctx.actor, 'support.log', row.c.schoolId)) throw notFound('Contact');
  return row;
}

/** Changes a contact (its author only) and its triad log entry. */
export async function updateContact(ctx: ServiceContext, id: string, body: UpdateContactBody): Promise<Contact> {
  const before = await ownContact(ctx, id);
  const occurredAt = body.occurredAt ? requirePast(body.occurredAt, ctx.clock.now()) : before.c.occurredAt;
  return ctx.db.transaction(async (tx) => {
    const { occurredAt: _given, ...rest } = body;
    await repo.updateContact(tx, id, { ...rest, occurredAt });
    await writeAudit(tx, whoOf(ctx), {
      type: 'mentoring.contact_updated', subjectType: 'mentoring_contact', subjectId: id, schoolId: before.c.schoolId,
      detail: { changed: changedFields({ ...before.c, occurredAt: before.c.occurredAt.toISOString() }, body) },
    });
    const after = (await readContact(tx, ctx, id))!;
    await feedContact(tx, ctx, {
      id, schoolId: after.c.schoolId, occurredAt: after.c.occurredAt, durationMinutes: after.c.durationMinutes, title: contactTitle(after.c.topic as MentoringTopic),
    });
    return toContact(after, ctx.actor.userId, true);
  });
}

/** Deletes a contact (its author only) with its triad log entry. */
export async function deleteContact(ctx: ServiceContext, id: string): Promise<void> {
  const before = await ownContact(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await unfeed(tx, 'mentoring_contact', id);
    await repo.deleteContact(tx, id);
    await writeAudit(tx, whoOf(ctx), { type: 'mentoring.contact_deleted', subjectType: 'mentoring_contact', subjectId: id, schoolId: before.c.schoolId });
  });
}

// ───────────────────────── mediations ─────────────────────────

async function toMediations(db: Db, rows: repo.MediationRow[], readerId: string, withNote: boolean): Promise<Mediation[]> {
  const parties = await repo.findParties(db, rows.map((r) => r.m.id));
  return rows.map(({ m, schoolName, authorName }) => ({
    id: m.id, schoolId: m.schoolId, schoolName, occurredAt: m.occurredAt.toISOString(), durationMinutes: m.durationMinutes,
    parties: parties.filter((p) => p.mediationId === m.id).map((p) => ({
      kind: p.studentId ? 'student' as const : 'other' as const, studentId: p.studentId,
      name: p.studentId ? p.studentName : p.name!, grade: p.studentId ? p.grade : null, relation: p.relation,
    })),
    outcome: m.outcome as Mediation['outcome'], followUpOn: m.followUpOn, author: { id: m.authorId, name: authorName },
    mine: m.authorId === readerId, note: withNote ? noteFor(readerId, m.authorId, m.note) : null,
    createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(),
  }));
}

/** Mediations at the actor's schools (support.read), without notes. */
export async function findMediations(ctx: ServiceContext, query: {
  schoolId?: string; studentId?: string; outcome?: string; mine?: 'true' | 'false'; followUpDue?: 'true' | 'false'; from?: string; to?: string;
  page: number; pageSize: number;
}) {
  const timezone = await repo.districtTimezone(ctx.db, ctx.actor.districtId);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(ctx.clock.now());
  const { rows, total } = await repo.findMediations(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'support.read'), {
    ...query, authorId: query.mine === 'true' ? ctx.actor.userId : undefined, followUpBy: query.followUpDue === 'true' ? today : undefined,
    ...page(query), timezone,
  });
  return { items: await toMediations(ctx.db, rows, ctx.actor.userId, false), total };
}

async function readMediation(db: Db, ctx: ServiceContext, id: string) {
  const { rows } = await repo.findMediations(db, ctx.actor.districtId, scopeOf(ctx.actor, 'support.read'), { id, limit: 1, offset: 0, timezone: 'UTC' });
  return rows[0];
}

/** One mediation; its note only to its author. Audited. */
export async function getMediation(ctx: ServiceContext, id: string): Promise<Mediation> {
  return ctx.db.transaction(async (tx) => {
    const row = await readMediation(tx, ctx, id);
    if (!row) throw notFound('Mediation');
    const withNote = row.m.authorId === ctx.actor.userId;
    await writeAudit(tx, whoOf(ctx), { type: 'mediation.viewed', subjectType: 'mediation', subjectId: id, schoolId: row.m.schoolId, detail: { withNote } });
    return (await toMediations(tx, [row], ctx.actor.userId, true))[0]!;
  });
}

const partyRows = (parties: PartyBody[]) => parties.map((p) => (p.kind === 'student'
  ? { studentId: p.studentId, name: null, relation: null }
  : { studentId: null, name: p.name, relation: p.relation ?? null }));

/** Records a mediation at a school where the actor logs contacts, and feeds the triad log, in one transaction. */
export async function createMediation(ctx: ServiceContext, body: MediationBody): Promise<Mediation> {
  if (!canAtSchool(ctx.actor, 'support.log', body.schoolId)) {
    throw new AppError('validation_failed', 'schoolId: must be a school you serve', { field: 'schoolId' });
  }
  await requireStudents(ctx, requireDistinctStudents(body.parties), 'parties', body.schoolId);
  const occurredAt = requirePast(body.occurredAt, ctx.clock.now());
  requireFollowUp(body.followUpOn, occurredAt, ctx.actor.timeZone);
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertMediation(tx, {
      districtId: ctx.actor.districtId, schoolId: body.schoolId, authorId: ctx.actor.userId, occurredAt, durationMinutes: body.durationMinutes,
      outcome: body.outcome, followUpOn: body.followUpOn ?? null, note: body.note ?? null,
    });
    await repo.replaceParties(tx, id, partyRows(body.parties));
    await writeAudit(tx, whoOf(ctx), {
      type: 'mediation.created', subjectType: 'mediation', subjectId: id, schoolId: body.schoolId,
      detail: { parties: body.parties.length, outcome: body.outcome },
    });
    await feedMediation(tx, ctx, { id, schoolId: body.schoolId, occurredAt, durationMinutes: body.durationMinutes, title: mediationTitle(body.parties) });
    return (await toMediations(tx, [(await readMediation(tx, ctx, id))!], ctx.actor.userId, true))[0]!;
  });
}

async function ownMediation(ctx: ServiceContext, id: string) {
  const row = await readMediation(ctx.db, ctx, id);
  if (!row || row.m.authorId !== ctx.actor.userId || !canAtSchool(ctx.actor, 'support.log', row.m.schoolId)) throw notFound('Mediation');
  return row;
}

/** Changes a mediation (its author only): outcome, follow-up, parties, note; and its triad log entry. */
export async function updateMediation(ctx: ServiceContext, id: string, body: UpdateMediationBody): Promise<Mediation> {
  const before = await ownMediation(ctx, id);
  if (body.parties) await requireStudents(ctx, requireDistinctStudents(body.parties), 'parties', before.m.schoolId);
  const occurredAt = body.occurredAt ? requirePast(body.occurredAt, ctx.clock.now()) : before.m.occurredAt;
  requireFollowUp(body.followUpOn === undefined ? before.m.followUpOn : body.followUpOn, occurredAt, ctx.actor.timeZone);
  return ctx.db.transaction(async (tx) => {
    const { parties, occurredAt: _given, ...rest } = body;
    await repo.updateMediation(tx, id, { ...rest, occurredAt });
    if (parties) await repo.replaceParties(tx, id, partyRows(parties));
    await writeAudit(tx, whoOf(ctx), {
      type: 'mediation.updated', subjectType: 'mediation', subjectId: id, schoolId: before.m.schoolId,
      detail: { changed: [...changedFields({ ...before.m, occurredAt: before.m.occurredAt.toISOString() }, rest), ...(parties ? ['parties'] : [])] },
    });
    const [after] = await toMediations(tx, [(await readMediation(tx, ctx, id))!], ctx.actor.userId, true);
    const asBodies = after!.parties.map((p): PartyBody => (p.studentId ? { kind: 'student', studentId: p.studentId } : { kind: 'other', name: p.name }));
    await feedMediation(tx, ctx, {
      id, schoolId: after!.schoolId, occurredAt: new Date(after!.occurredAt), durationMinutes: after!.durationMinutes, title: mediationTitle(asBodies),
    });
    return after!;
  });
}

/** Deletes a mediation (its author only) with its parties and triad log entry. */
export async function deleteMediation(ctx: ServiceContext, id: string): Promise<void> {
  const before = await ownMediation(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await unfeed(tx, 'mediation', id);
    await repo.deleteMediation(tx, id);
    await writeAudit(tx, whoOf(ctx), { type: 'mediation.deleted', subjectType: 'mediation', subjectId: id, schoolId: before.m.schoolId });
  });
}
