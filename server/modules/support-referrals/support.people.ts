import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { ROLE_PERMISSIONS, type Permission } from '../../../common/permissions.js';
import { ROLES, type Role } from '../../../common/roles.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { roleGrants, schools, students, users } from '../../db/schema/index.js';
import { inScope } from '../schools/schools.repository.js';
import { outsiderCut } from '../../auth/holders.js';

// People and students the support modules pick from: counselors to refer to, plan and team members, students.

function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Active users of the district holding `permission` at the school (a grant there or district-wide), by name.
 * `districtStaffOnly` leaves out vendor staff (accounts tied to a directory entry); `roles` narrows to those roles.
 */
export async function findUsersWith(
  db: Db, districtId: string, schoolId: string, permission: Permission, options: { districtStaffOnly?: boolean; ids?: string[]; roles?: Role[] } = {},
) {
  const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission) && (!options.roles || options.roles.includes(r)));
  return db.selectDistinct({ id: users.id, name: users.name }).from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(
      eq(users.districtId, districtId), eq(users.active, true), inArray(roleGrants.role, roles), outsiderCut(permission),
      or(eq(roleGrants.schoolId, schoolId), isNull(roleGrants.schoolId)),
      options.districtStaffOnly ? isNull(users.organizationId) : undefined,
      options.ids ? inArray(users.id, options.ids.length ? options.ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
    ))
    .orderBy(asc(users.name));
}


/** Active students within a scope whose name words or number start match `q` (directory fields only), at most 20. */
export function searchStudents(db: Db, districtId: string, scope: Scope, q: string, schoolId?: string) {
  const words = q.split(/[\s,]+/).filter(Boolean).map((w) => likeText(w));
  return db.select({
    id: students.id, firstName: students.firstName, lastName: students.lastName, preferredName: students.preferredName,
    studentNumber: students.studentNumber, grade: students.grade, schoolId: students.schoolId, schoolName: schools.name,
  }).from(students).innerJoin(schools, eq(schools.id, students.schoolId))
    .where(and(
      eq(students.districtId, districtId), eq(students.active, true), inScope(students.schoolId, scope),
      schoolId ? eq(students.schoolId, schoolId) : undefined,
      ...words.map((w) => or(ilike(students.firstName, `%${w}%`), ilike(students.lastName, `%${w}%`), ilike(students.preferredName, `%${w}%`),
        ilike(students.studentNumber, `${w}%`))),
    ))
    .orderBy(asc(students.lastName), asc(students.firstName)).limit(20);
}

/** An active student of the district within a scope (for a referral, plan or team case), or undefined. */
export async function findScopedStudent(db: Db, districtId: string, scope: Scope, id: string) {
  const [row] = await db.select({ id: students.id, schoolId: students.schoolId, active: students.active }).from(students)
    .where(and(eq(students.districtId, districtId), eq(students.id, id), inScope(students.schoolId, scope)));
  return row;
}

/** A student's display name: preferred (else first) name and last name. */
export const studentName = sql<string>`coalesce(${students.preferredName}, ${students.firstName}) || ' ' || ${students.lastName}`;
