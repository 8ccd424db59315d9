import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import { forgetSessions } from '../../auth/sessions.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isCurrent, requireDateOrder, requireNoOverlap } from './assignments.policy.js';
import * as repo from './assignments.repository.js';
import type { CreateAssignment, ListAssignmentsQuery, UpdateAssignment } from './assignments.schemas.js';
import { todayOf } from '../../lib/district-time.js';

async function view(ctx: ServiceContext, db: Db, id: string) {
  const row = await repo.findAssignment(db, ctx.actor.districtId, id);
  if (!row) throw notFound('Assignment');
  return { ...row, current: isCurrent(row, todayOf(ctx)) };
}

/** Assignments at the schools where the actor may see them, filtered. */
export async function findAssignments(ctx: ServiceContext, filter: ListAssignmentsQuery) {
  const today = todayOf(ctx);
  const rows = await repo.findAssignments(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'assignment.read'), filter, today);
  return rows.map((row) => ({ ...row, current: isCurrent(row, today) }));
}

/**
 * Assigns an SRO to a school. The SRO's access follows their assignments, so an SRO without the `sro`
 * role at that school (or district-wide) is granted it in the same transaction.
 */
export async function createAssignment(ctx: ServiceContext, input: CreateAssignment) {
  requireSchool(ctx.actor, 'assignment.manage', input.schoolId, 'School');
  requireDateOrder(input.startsOn, input.endsOn);
  const { districtId } = ctx.actor;
  const assignment = await ctx.db.transaction(async (tx) => {
    const school = await repo.findSchool(tx, districtId, input.schoolId);
    if (!school) throw notFound('School');
    const sro = await repo.lockSro(tx, districtId, input.userId);
    if (!sro?.active || sro.sroSchoolIds.length === 0) {
      throw new AppError('validation_failed', 'Only active users holding the SRO role can be assigned', { field: 'userId' });
    }
    const overlapping = await repo.findOverlapping(tx, districtId, input.userId, { startsOn: input.startsOn, endsOn: input.endsOn ?? null });
    requireNoOverlap(input, overlapping);
    const { id } = await repo.insertAssignment(tx, input);
    const who = whoOf(ctx);
    await writeAudit(tx, who, {
      type: 'assignment.created', schoolId: input.schoolId, subjectType: 'sro_assignment', subjectId: id,
      detail: { userId: input.userId, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn ?? null },
    });
    if (!sro.sroSchoolIds.includes(null) && !sro.sroSchoolIds.includes(input.schoolId)) {
      const grant = await repo.insertSroGrant(tx, input.userId, input.schoolId, ctx.actor.userId);
      if (grant) {
        await writeAudit(tx, who, {
          type: 'role.granted', schoolId: input.schoolId, subjectType: 'user', subjectId: input.userId,
          detail: { grantId: grant.id, role: 'sro', reason: 'assignment', assignmentId: id },
        });
      }
    }
    return view(ctx, tx, id);
  });
  // The SRO's cached sessions carry their grants; drop them once the new grant is committed.
  forgetSessions(input.userId);
  return assignment;
}

/** Changes the kind or notes of an assignment, or ends it by setting `endsOn`. */
export async function updateAssignment(ctx: ServiceContext, id: string, input: UpdateAssignment) {
  requirePermission(ctx.actor, 'assignment.manage');
  const { districtId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const found = await repo.findAssignment(tx, districtId, id);
    if (!found) throw notFound('Assignment');
    requireSchool(ctx.actor, 'assignment.manage', found.schoolId, 'Assignment');
    await repo.lockSro(tx, districtId, found.userId);
    // Read again under the SRO's lock so the checks see the latest committed assignments.
    const before = (await repo.findAssignment(tx, districtId, id))!;
    const after = {
      kind: input.kind ?? before.kind,
      endsOn: input.endsOn === undefined ? before.endsOn : input.endsOn,
    };
    requireDateOrder(before.startsOn, after.endsOn);
    const overlapping = await repo.findOverlapping(tx, districtId, before.userId, { startsOn: before.startsOn, endsOn: after.endsOn, exceptId: id });
    requireNoOverlap({ kind: after.kind, schoolId: before.schoolId }, overlapping);
    await repo.updateAssignment(tx, districtId, id, input);
    await writeAudit(tx, whoOf(ctx), {
      type: 'assignment.updated', schoolId: before.schoolId, subjectType: 'sro_assignment', subjectId: id,
      detail: { changed: changedFields(before, input), ...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {}) },
    });
    return view(ctx, tx, id);
  });
}
