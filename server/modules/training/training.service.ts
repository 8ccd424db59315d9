import type { MissingTraining, TrainingRequirement, TrainingSession } from '../../../common/preparedness.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { expiresOn } from './training.policy.js';
import * as repo from './training.repository.js';
import type { RequirementBody, TrainingBody } from './training.schemas.js';
import { todayOf } from '../../lib/district-time.js';

function toSession(row: repo.SessionRow): TrainingSession {
  const s = row.s;
  return {
    id: s.id, schoolId: s.schoolId, schoolName: row.schoolName ?? null, topic: s.topic, requirementId: s.requirementId, heldOn: s.heldOn,
    durationMinutes: s.durationMinutes, materials: s.materials, notes: s.notes, presenter: { id: s.presenterId, name: row.presenterName }, attendeeCount: row.attendeeCount,
  };
}

async function sessionOf(ctx: ServiceContext, db: Db, id: string) {
  const [row] = await repo.findSessions(db, ctx.actor.districtId, scopeOf(ctx.actor, 'training.manage'), { id });
  if (!row) throw notFound('Training session');
  return { ...toSession(row), attendees: await repo.findAttendees(db, id) };
}

async function requireRequirement(ctx: ServiceContext, db: Db, requirementId: string | null | undefined) {
  if (!requirementId) return;
  const [row] = await repo.findRequirements(db, ctx.actor.districtId, scopeOf(ctx.actor, 'training.manage'), requirementId);
  if (!row) throw new AppError('validation_failed', 'requirementId: no such required training', { field: 'requirementId' });
}

/** Sessions at the actor's schools and the district's. */
export async function findSessions(ctx: ServiceContext, filter: { schoolId?: string; from?: string; to?: string }) {
  if (filter.schoolId) requireSchool(ctx.actor, 'training.manage', filter.schoolId, 'School');
  return (await repo.findSessions(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'training.manage'), filter)).map(toSession);
}

/** One session with its attendees. */
export function getSession(ctx: ServiceContext, id: string) {
  return sessionOf(ctx, ctx.db, id);
}

/** Records a session given by the caller, audited. */
export async function createSession(ctx: ServiceContext, input: TrainingBody) {
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, 'training.manage', input.schoolId);
    await requireRequirement(ctx, tx, input.requirementId);
    const id = await repo.insertSession(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, topic: input.topic, requirementId: input.requirementId ?? null, heldOn: input.heldOn,
      durationMinutes: input.durationMinutes, materials: input.materials ?? null, notes: input.notes ?? null, presenterId: ctx.actor.userId,
    });
    await writeAudit(tx, whoOf(ctx), { type: 'training.created', schoolId: input.schoolId, subjectType: 'training_session', subjectId: id, detail: { topic: input.topic, heldOn: input.heldOn } });
    return (await sessionOf(ctx, tx, id));
  });
}

async function managed(ctx: ServiceContext, tx: Db, id: string) {
  const session = await sessionOf(ctx, tx, id);
  await requireTarget(tx, ctx.actor, 'training.manage', session.schoolId);
  return session;
}

/** Changes a session, audited. */
export async function updateSession(ctx: ServiceContext, id: string, input: Partial<TrainingBody>) {
  return ctx.db.transaction(async (tx) => {
    const before = await managed(ctx, tx, id);
    await requireRequirement(ctx, tx, input.requirementId);
    await repo.updateSession(tx, id, input);
    await writeAudit(tx, whoOf(ctx), { type: 'training.updated', schoolId: before.schoolId, subjectType: 'training_session', subjectId: id, detail: { changed: changedFields(before, input) } });
    return sessionOf(ctx, tx, id);
  });
}


/** Replaces who attended a session (active users of the district), audited. */
export async function setAttendance(ctx: ServiceContext, id: string, userIds: string[]) {
  const unique = [...new Set(userIds)];
  return ctx.db.transaction(async (tx) => {
    const before = await managed(ctx, tx, id);
    const known = new Set((await repo.findDistrictUsers(tx, ctx.actor.districtId, unique)).map((u) => u.id));
    const unknown = unique.findIndex((u) => !known.has(u));
    if (unknown >= 0) throw new AppError('validation_failed', `userIds.${unknown}: not an active user of the district`, { field: `userIds.${unknown}` });
    await repo.setAttendance(tx, id, unique);
    await writeAudit(tx, whoOf(ctx), { type: 'training.attendance_set', schoolId: before.schoolId, subjectType: 'training_session', subjectId: id, detail: { attendees: unique.length } });
    return sessionOf(ctx, tx, id);
  });
}

/** The caller's completed trainings. */
export async function findMine(ctx: ServiceContext) {
  return (await repo.findAttended(ctx.db, ctx.actor.districtId, ctx.actor.userId)).map((r) => ({ ...r, schoolName: r.schoolName ?? null }));
}

function toRequirement(row: Awaited<ReturnType<typeof repo.findRequirements>>[number]): TrainingRequirement {
  const r = row.r;
  return { id: r.id, schoolId: r.schoolId, schoolName: row.schoolName ?? null, topic: r.topic, roles: r.roles as TrainingRequirement['roles'], validMonths: r.validMonths, notes: r.notes, active: r.active };
}

/** Requirements applying at the actor's schools. */
export async function findRequirements(ctx: ServiceContext) {
  return (await repo.findRequirements(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'training.read'))).map(toRequirement);
}

/** Defines a required training, audited. */
export async function createRequirement(ctx: ServiceContext, input: RequirementBody) {
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, 'training.manage', input.schoolId);
    const id = await repo.insertRequirement(tx, { districtId: ctx.actor.districtId, schoolId: input.schoolId, topic: input.topic, roles: input.roles, validMonths: input.validMonths, notes: input.notes ?? null });
    await writeAudit(tx, whoOf(ctx), { type: 'training_requirement.created', schoolId: input.schoolId, subjectType: 'training_requirement', subjectId: id, detail: { topic: input.topic, roles: input.roles } });
    return toRequirement((await repo.findRequirements(tx, ctx.actor.districtId, { all: true }, id))[0]!);
  });
}

/** Changes or retires a requirement, audited. */
export async function updateRequirement(ctx: ServiceContext, id: string, input: Partial<RequirementBody> & { active?: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await repo.findRequirements(tx, ctx.actor.districtId, scopeOf(ctx.actor, 'training.manage'), id);
    if (!before) throw notFound('Required training');
    await requireTarget(tx, ctx.actor, 'training.manage', before.r.schoolId);
    await repo.updateRequirement(tx, id, input);
    await writeAudit(tx, whoOf(ctx), { type: 'training_requirement.updated', schoolId: before.r.schoolId, subjectType: 'training_requirement', subjectId: id, detail: { changed: changedFields(before.r, input) } });
    return toRequirement((await repo.findRequirements(tx, ctx.actor.districtId, { all: true }, id))[0]!);
  });
}

/**
 * Who is missing a required training at the actor's schools: holders of the requirement's roles at its
 * school (or any school for a district requirement) who never attended a session for it, or whose last
 * completion has expired.
 */
export async function findMissing(ctx: ServiceContext, schoolId?: string): Promise<MissingTraining[]> {
  if (schoolId) requireSchool(ctx.actor, 'training.manage', schoolId, 'School');
  const scope = scopeOf(ctx.actor, 'training.manage');
  const requirements = (await repo.findRequirements(ctx.db, ctx.actor.districtId, scope)).filter((r) => r.r.active);
  const people = await repo.findPeopleWithRoles(ctx.db, ctx.actor.districtId, scope, [...new Set(requirements.flatMap((r) => r.r.roles))], schoolId);
  const completions = new Map((await repo.findCompletions(ctx.db, requirements.map((r) => r.r.id))).map((c) => [`${c.userId}:${c.requirementId}`, c.last]));
  const today = todayOf(ctx);
  const missing: MissingTraining[] = [];
  for (const { r } of requirements) {
    const byUser = new Map<string, { user: { id: string; name: string; email: string }; schools: Set<string> }>();
    for (const p of people) {
      if (!r.roles.includes(p.role) || (r.schoolId && p.schoolId !== r.schoolId)) continue;
      const entry = byUser.get(p.id) ?? { user: { id: p.id, name: p.name, email: p.email }, schools: new Set<string>() };
      entry.schools.add(p.schoolName);
      byUser.set(p.id, entry);
    }
    for (const { user, schools } of byUser.values()) {
      const last = completions.get(`${user.id}:${r.id}`) ?? null;
      const expired = last ? expiresOn(last, r.validMonths) : null;
      if (last && (!expired || expired > today)) continue;
      missing.push({ requirementId: r.id, topic: r.topic, user, schoolNames: [...schools].sort(), lastCompletedOn: last, expiredOn: expired });
    }
  }
  return missing.sort((a, b) => a.topic.localeCompare(b.topic) || a.user.name.localeCompare(b.user.name));
}
