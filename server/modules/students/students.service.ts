import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound, uniqueOr409 } from '../../lib/errors.js';
import { changedFields } from '../../lib/changes.js';
import { checkDateOfBirth, checkGrade, checkSchoolOpen, seesDemographics, visibleStudent } from './students.policy.js';
import * as repo from './students.repository.js';
import type { AddGuardian, CreateStudent, ListStudentsQuery, UpdateGuardian, UpdateStudent } from './students.schemas.js';
import { todayOf } from '../../lib/district-time.js';

const CONTACT_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'street', 'city', 'zip'] as const;
const LINK_FIELDS = ['relationship', 'hasCustody', 'mayPickUp', 'isPrimary', 'restrictions'] as const;
const DUPLICATE_NUMBER = 'A student of the district already has this student number';

function today(ctx: ServiceContext): string {
  return todayOf(ctx);
}

function pick<T extends object, K extends keyof T>(input: T, keys: readonly K[]): Pick<T, K> {
  const out: Partial<T> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out as Pick<T, K>;
}

/** The student with guardians as the actor may see it, read within `tx` after a change (not audited as a view). */
async function studentView(tx: Db, ctx: ServiceContext, id: string) {
  const student = await repo.findStudent(tx, ctx.actor.districtId, scopeOf(ctx.actor, 'student.manage'), id);
  if (!student) throw notFound('Student');
  return { ...visibleStudent(ctx.actor, student), guardians: await repo.findGuardians(tx, ctx.actor.districtId, id) };
}

/**
 * A page of the roster within the actor's `student.read` schools. Listing is not audited per student:
 * it shows directory information only; demographics appear only where the actor may see them.
 */
export async function findStudents(ctx: ServiceContext, query: ListStudentsQuery) {
  if (query.schoolId) requireSchool(ctx.actor, 'student.read', query.schoolId, 'School');
  const page = await repo.findStudents(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'student.read'), query);
  return { items: page.items.map((s) => visibleStudent(ctx.actor, s)), total: page.total };
}

/** One student with guardians; the read of the education record is audited in the same transaction. */
export async function getStudent(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'student.read');
  return ctx.db.transaction(async (tx) => {
    const student = await repo.findStudent(tx, ctx.actor.districtId, scopeOf(ctx.actor, 'student.read'), id);
    if (!student) throw notFound('Student');
    const guardians = await repo.findGuardians(tx, ctx.actor.districtId, id);
    // Which parts were disclosed, not their values: the audit log is read by police supervisors too.
    await writeAudit(tx, whoOf(ctx), {
      type: 'student.viewed', schoolId: student.schoolId, subjectType: 'student', subjectId: id,
      detail: { demographics: seesDemographics(ctx.actor, student.schoolId), guardians: guardians.length },
    });
    return { ...visibleStudent(ctx.actor, student), guardians };
  });
}

/** Adds a student to a school the actor manages. */
export async function createStudent(ctx: ServiceContext, input: CreateStudent) {
  requireSchool(ctx.actor, 'student.manage', input.schoolId, 'School');
  checkDateOfBirth(input.dateOfBirth, today(ctx));
  return ctx.db.transaction(async (tx) => {
    const school = await repo.findSchool(tx, ctx.actor.districtId, input.schoolId);
    if (!school) throw notFound('School');
    checkSchoolOpen(school);
    checkGrade(school, input.grade);
    const { id } = await uniqueOr409(() => repo.insertStudent(tx, ctx.actor.districtId, input), 'studentNumber', DUPLICATE_NUMBER);
    await writeAudit(tx, whoOf(ctx), {
      type: 'student.created', schoolId: school.id, subjectType: 'student', subjectId: id, detail: { grade: input.grade },
    });
    return studentView(tx, ctx, id);
  });
}

/** Changes a student, including a move to another school the actor manages. */
export async function updateStudent(ctx: ServiceContext, id: string, input: UpdateStudent) {
  requirePermission(ctx.actor, 'student.manage');
  if (input.schoolId) requireSchool(ctx.actor, 'student.manage', input.schoolId, 'School');
  if (input.dateOfBirth) checkDateOfBirth(input.dateOfBirth, today(ctx));
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findStudent(tx, ctx.actor.districtId, scopeOf(ctx.actor, 'student.manage'), id, { forUpdate: true });
    if (!before) throw notFound('Student');
    const changed = changedFields(before, input);
    const moving = changed.includes('schoolId');
    if (moving || changed.includes('grade')) {
      const school = await repo.findSchool(tx, ctx.actor.districtId, input.schoolId ?? before.schoolId);
      if (!school) throw notFound('School');
      if (moving) checkSchoolOpen(school);
      const grade = input.grade ?? before.grade;
      if (grade !== null) checkGrade(school, grade);
    }
    if (changed.length > 0) {
      await uniqueOr409(() => repo.updateStudent(tx, ctx.actor.districtId, id, input), 'studentNumber', DUPLICATE_NUMBER);
      // Filed under the new school; the old one is named so its auditors can follow the move.
      await writeAudit(tx, whoOf(ctx), {
        type: 'student.updated', schoolId: input.schoolId ?? before.schoolId, subjectType: 'student', subjectId: id,
        detail: { changed, ...(moving ? { fromSchoolId: before.schoolId } : {}) },
      });
    }
    return studentView(tx, ctx, id);
  });
}

/** Links an existing guardian of the district to a student, or creates one; at most one is primary. */
export async function addGuardian(ctx: ServiceContext, studentId: string, input: AddGuardian) {
  requirePermission(ctx.actor, 'student.manage');
  const { districtId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const student = await repo.findStudent(tx, districtId, scopeOf(ctx.actor, 'student.manage'), studentId, { forUpdate: true });
    if (!student) throw notFound('Student');
    let guardianId: string;
    if ('guardianId' in input) {
      const found = await repo.findLinkableGuardian(tx, districtId, scopeOf(ctx.actor, 'student.read'), input.guardianId);
      if (!found) throw new AppError('validation_failed', 'No such guardian in the district', { field: 'guardianId' });
      guardianId = found.id;
    } else {
      guardianId = (await repo.insertGuardian(tx, districtId, input.guardian)).id;
    }
    const link = pick(input, LINK_FIELDS);
    if (link.isPrimary) await repo.unsetOtherPrimaries(tx, studentId, guardianId);
    await uniqueOr409(() => repo.insertLink(tx, studentId, guardianId, link), 'guardianId', 'This guardian is already linked to the student');
    await writeAudit(tx, whoOf(ctx), {
      type: 'guardian.linked', schoolId: student.schoolId, subjectType: 'student', subjectId: studentId,
      detail: { guardianId, created: !('guardianId' in input), hasCustody: link.hasCustody, mayPickUp: link.mayPickUp, isPrimary: link.isPrimary },
    });
    return (await repo.findGuardianLink(tx, districtId, studentId, guardianId))!;
  });
}

/**
 * Changes a guardian's tie to a student (custody, pick-up, restrictions, relationship, primary) and the
 * guardian's own contact details, which siblings linked to the same guardian share.
 */
export async function updateGuardian(ctx: ServiceContext, studentId: string, guardianId: string, input: UpdateGuardian) {
  requirePermission(ctx.actor, 'student.manage');
  const { districtId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const student = await repo.findStudent(tx, districtId, scopeOf(ctx.actor, 'student.manage'), studentId, { forUpdate: true });
    if (!student) throw notFound('Student');
    const before = await repo.findGuardianLink(tx, districtId, studentId, guardianId);
    if (!before) throw notFound('Guardian');
    const changed = changedFields(before, input);
    if (changed.length === 0) return before;
    const contact = pick(input, CONTACT_FIELDS);
    const link = pick(input, LINK_FIELDS);
    if (CONTACT_FIELDS.some((f) => changed.includes(f))) await repo.updateGuardian(tx, districtId, guardianId, contact);
    if (LINK_FIELDS.some((f) => changed.includes(f))) {
      if (link.isPrimary) await repo.unsetOtherPrimaries(tx, studentId, guardianId);
      await repo.updateLink(tx, studentId, guardianId, link);
    }
    await writeAudit(tx, whoOf(ctx), {
      type: 'guardian.updated', schoolId: student.schoolId, subjectType: 'student', subjectId: studentId, detail: { guardianId, changed },
    });
    return (await repo.findGuardianLink(tx, districtId, studentId, guardianId))!;
  });
}
