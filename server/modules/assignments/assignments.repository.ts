import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { roleGrants, schools, sroAssignments, users } from '../../db/schema/index.js';
import type { CreateAssignment, ListAssignmentsQuery, UpdateAssignment } from './assignments.schemas.js';

const NO_SCHOOL = '00000000-0000-0000-0000-000000000000';

const assignmentColumns = {
  id: sroAssignments.id, userId: sroAssignments.userId, userName: users.name, userEmail: users.email,
  badgeNumber: users.badgeNumber, schoolId: sroAssignments.schoolId, schoolName: schools.name, kind: sroAssignments.kind,
  startsOn: sroAssignments.startsOn, endsOn: sroAssignments.endsOn, notes: sroAssignments.notes,
};

function runningOn(today: string): SQL {
  return and(lte(sroAssignments.startsOn, today), or(isNull(sroAssignments.endsOn), gte(sroAssignments.endsOn, today)))!;
}

/** Assignments at the district's schools within a scope, filtered; `today` decides what is current. */
export async function findAssignments(db: Db, districtId: string, scope: Scope, filter: ListAssignmentsQuery, today: string) {
  const conditions = [eq(schools.districtId, districtId)];
  if (!scope.all) conditions.push(inArray(sroAssignments.schoolId, scope.schoolIds.length ? scope.schoolIds : [NO_SCHOOL]));
  if (filter.schoolId) conditions.push(eq(sroAssignments.schoolId, filter.schoolId));
  if (filter.userId) conditions.push(eq(sroAssignments.userId, filter.userId));
  if (filter.current === 'true') conditions.push(runningOn(today));
  if (filter.current === 'false') conditions.push(or(gt(sroAssignments.startsOn, today), lt(sroAssignments.endsOn, today))!);
  return db.select(assignmentColumns).from(sroAssignments)
    .innerJoin(schools, eq(schools.id, sroAssignments.schoolId))
    .innerJoin(users, eq(users.id, sroAssignments.userId))
    .where(and(...conditions))
    .orderBy(asc(schools.name), desc(sroAssignments.startsOn), asc(users.name));
}

/** One assignment at a school of the district, or undefined. */
export async function findAssignment(db: Db, districtId: string, id: string) {
  const [row] = await db.select(assignmentColumns).from(sroAssignments)
    .innerJoin(schools, eq(schools.id, sroAssignments.schoolId))
    .innerJoin(users, eq(users.id, sroAssignments.userId))
    .where(and(eq(sroAssignments.id, id), eq(schools.districtId, districtId)));
  return row;
}

/** One school of the district, or undefined. */
export async function findSchool(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ id: schools.id, name: schools.name }).from(schools)
    .where(and(eq(schools.id, id), eq(schools.districtId, districtId)));
  return row;
}

/**
 * A user of the district with their `sro` grants, locked until the transaction ends: assignment changes of
 * one SRO run one after the other, so two overlapping assignments cannot slip in side by side.
 */
export async function lockSro(db: Db, districtId: string, userId: string) {
  const [user] = await db.select({ id: users.id, active: users.active }).from(users)
    .where(and(eq(users.id, userId), eq(users.districtId, districtId))).for('update');
  if (!user) return undefined;
  const grants = await db.select({ schoolId: roleGrants.schoolId }).from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'sro')));
  return { ...user, sroSchoolIds: grants.map((g) => g.schoolId) };
}

/** Assignments of an SRO in the district overlapping the days `startsOn`..`endsOn` (open-ended when null). */
export async function findOverlapping(
  db: Db, districtId: string, userId: string, range: { startsOn: string; endsOn: string | null; exceptId?: string },
) {
  const conditions = [
    eq(schools.districtId, districtId), eq(sroAssignments.userId, userId),
    or(isNull(sroAssignments.endsOn), gte(sroAssignments.endsOn, range.startsOn)),
  ];
  if (range.endsOn !== null) conditions.push(lte(sroAssignments.startsOn, range.endsOn));
  if (range.exceptId) conditions.push(ne(sroAssignments.id, range.exceptId));
  return db.select({ id: sroAssignments.id, schoolId: sroAssignments.schoolId, kind: sroAssignments.kind })
    .from(sroAssignments).innerJoin(schools, eq(schools.id, sroAssignments.schoolId)).where(and(...conditions));
}

/** Inserts an assignment (the caller has checked user and school belong to the district). */
export async function insertAssignment(db: Db, input: CreateAssignment) {
  const [row] = await db.insert(sroAssignments).values(input).returning({ id: sroAssignments.id });
  return row!;
}

/** Updates an assignment at a school of the district. */
export async function updateAssignment(db: Db, districtId: string, id: string, input: UpdateAssignment) {
  const inDistrict = db.select({ id: schools.id }).from(schools).where(eq(schools.districtId, districtId));
  const rows = await db.update(sroAssignments).set({ ...input, updatedAt: new Date() })
    .where(and(eq(sroAssignments.id, id), inArray(sroAssignments.schoolId, inDistrict))).returning({ id: sroAssignments.id });
  return rows.length > 0;
}

/** Grants `sro` at a school; null when the user already holds it there. */
export async function insertSroGrant(db: Db, userId: string, schoolId: string, grantedBy: string) {
  const [row] = await db.insert(roleGrants).values({ userId, role: 'sro', schoolId, grantedBy }).onConflictDoNothing()
    .returning({ id: roleGrants.id });
  return row ?? null;
}
