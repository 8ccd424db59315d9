import { and, asc, desc, eq, exists, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { REFERRAL_TARGET_KINDS } from '../../../common/directory.js';
import type { ListReferralsQuery } from '../../../common/support.js';
import { scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  directoryOrganizations, directoryOrganizationSchools, guardians, schools, studentGuardians, students, supportReferralNotes, supportReferrals, users,
} from '../../db/schema/index.js';
import { inScope } from '../schools/schools.repository.js';
import type { Viewer } from './support-referrals.policy.js';
import { studentName } from './support.people.js';

const referrer = alias(users, 'referrer');
const counselor = alias(users, 'counselor');
const acceptor = alias(users, 'acceptor');
const closer = alias(users, 'closer');
const staff = alias(users, 'vendor_staff');

const vendorHasStaff = sql<boolean>`exists (select 1 from ${users} ${staff} where ${staff.organizationId} = ${supportReferrals.vendorId} and ${staff.active})`;

const columns = {
  r: supportReferrals,
  schoolName: schools.name,
  studentName,
  grade: students.grade,
  studentNumber: students.studentNumber,
  referrerName: referrer.name,
  counselorName: counselor.name,
  vendorName: directoryOrganizations.name,
  acceptedByName: acceptor.name,
  closedByName: closer.name,
  vendorHasStaff,
};

function joined(db: Db) {
  return db.select(columns).from(supportReferrals)
    .innerJoin(schools, eq(schools.id, supportReferrals.schoolId))
    .innerJoin(students, eq(students.id, supportReferrals.studentId))
    .innerJoin(referrer, eq(referrer.id, supportReferrals.referredBy))
    .leftJoin(counselor, eq(counselor.id, supportReferrals.counselorId))
    .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, supportReferrals.vendorId))
    .leftJoin(acceptor, eq(acceptor.id, supportReferrals.acceptedBy))
    .leftJoin(closer, eq(closer.id, supportReferrals.closedBy));
}

export type ReferralRow = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

/** One referral of the district with names, or undefined (visibility is the service's rule). */
export async function findReferral(db: Db, districtId: string, id: string, options: { forUpdate?: boolean } = {}) {
  if (options.forUpdate) {
    await db.select({ id: supportReferrals.id }).from(supportReferrals)
      .where(and(eq(supportReferrals.districtId, districtId), eq(supportReferrals.id, id))).for('update');
  }
  const [row] = await joined(db).where(and(eq(supportReferrals.districtId, districtId), eq(supportReferrals.id, id)));
  return row;
}

/** The referrals a viewer receives: made to them, to their organization, or (liaison) to an organization without accounts. */
function receivedBy(viewer: Viewer): SQL {
  const { actor, organizationId } = viewer;
  if (organizationId) return eq(supportReferrals.vendorId, organizationId);
  const manage = scopeOf(actor, 'referral.manage');
  const liaison = and(
    ne(supportReferrals.receiverKind, 'counselor'), sql`not ${vendorHasStaff}`, ne(supportReferrals.referredBy, actor.userId),
    inScope(supportReferrals.schoolId, manage) ?? sql`true`,
  );
  const canManage = manage.all || manage.schoolIds.length > 0;
  return canManage ? or(eq(supportReferrals.counselorId, actor.userId), liaison)! : sql`false`;
}

/** The SQL form of the policy's whyVisible. */
function visibleTo(viewer: Viewer): SQL {
  const { actor, organizationId } = viewer;
  if (organizationId) {
    return and(eq(supportReferrals.vendorId, organizationId), inScope(supportReferrals.schoolId, scopeOf(actor, 'referral.read')))!;
  }
  const oversee = scopeOf(actor, 'referral.oversee');
  const arms: SQL[] = [eq(supportReferrals.referredBy, actor.userId), receivedBy(viewer)];
  if (oversee.all) arms.push(sql`true`);
  else if (oversee.schoolIds.length > 0) arms.push(inArray(supportReferrals.schoolId, oversee.schoolIds));
  return or(...arms)!;
}

/** The referrals a viewer may see, filtered, overdue first then newest; `today` decides what is overdue. */
export function findReferrals(db: Db, viewer: Viewer, query: ListReferralsQuery, today: string) {
  const { actor } = viewer;
  const overdue = sql`((${supportReferrals.status} = 'pending' and ${supportReferrals.acceptBy} < ${today})
    or (${supportReferrals.status} in ('pending', 'accepted', 'scheduled') and ${supportReferrals.dueOn} < ${today}))`;
  const statuses = query.status === 'open' ? ['pending', 'accepted', 'scheduled'] as const : query.status === 'all' ? null : [query.status];
  return joined(db).where(and(
    eq(supportReferrals.districtId, actor.districtId), visibleTo(viewer),
    query.schoolId ? eq(supportReferrals.schoolId, query.schoolId) : undefined,
    statuses ? inArray(supportReferrals.status, statuses) : undefined,
    query.box === 'sent' ? eq(supportReferrals.referredBy, actor.userId) : undefined,
    query.box === 'received' ? receivedBy(viewer) : undefined,
    query.overdue === 'true' ? overdue : query.overdue === 'false' ? sql`not ${overdue}` : undefined,
  )).orderBy(desc(overdue), desc(supportReferrals.createdAt)).limit(query.limit);
}

/** Creates a referral. */
export async function insertReferral(tx: Db, values: typeof supportReferrals.$inferInsert): Promise<string> {
  const [row] = await tx.insert(supportReferrals).values(values).returning({ id: supportReferrals.id });
  return row!.id;
}

/** Changes a referral's status fields. */
export async function updateReferral(tx: Db, id: string, values: Partial<typeof supportReferrals.$inferInsert>): Promise<void> {
  await tx.update(supportReferrals).set(values).where(eq(supportReferrals.id, id));
}

/** Adds a clinical note. */
export async function insertNote(tx: Db, referralId: string, authorId: string, body: string, at: Date): Promise<void> {
  await tx.insert(supportReferralNotes).values({ referralId, authorId, body, createdAt: at });
}

/** The clinical notes of a referral, oldest first. */
export function findNotes(db: Db, referralId: string) {
  return db.select({ id: supportReferralNotes.id, authorId: users.id, authorName: users.name, body: supportReferralNotes.body, createdAt: supportReferralNotes.createdAt })
    .from(supportReferralNotes).innerJoin(users, eq(users.id, supportReferralNotes.authorId))
    .where(eq(supportReferralNotes.referralId, referralId)).orderBy(asc(supportReferralNotes.createdAt));
}

/** True when the directory entry serves the school (it lists the school, or lists none: the whole district). */
export async function servesSchool(db: Db, organizationId: string, schoolId: string): Promise<boolean> {
  const served = await db.select({ schoolId: directoryOrganizationSchools.schoolId }).from(directoryOrganizationSchools)
    .where(eq(directoryOrganizationSchools.organizationId, organizationId));
  return served.length === 0 || served.some((s) => s.schoolId === schoolId);
}

/** Active directory entries of referral kinds serving the school, by name. */
export function findReferralOrganizations(db: Db, districtId: string, schoolId: string) {
  const listsSchools = db.select().from(directoryOrganizationSchools).where(eq(directoryOrganizationSchools.organizationId, directoryOrganizations.id));
  const listsThis = db.select().from(directoryOrganizationSchools)
    .where(and(eq(directoryOrganizationSchools.organizationId, directoryOrganizations.id), eq(directoryOrganizationSchools.schoolId, schoolId)));
  return db.select({
    id: directoryOrganizations.id, name: directoryOrganizations.name, kind: directoryOrganizations.kind, phone: directoryOrganizations.phone,
    services: directoryOrganizations.services,
  }).from(directoryOrganizations)
    .where(and(
      eq(directoryOrganizations.districtId, districtId), eq(directoryOrganizations.active, true),
      inArray(directoryOrganizations.kind, [...REFERRAL_TARGET_KINDS]), or(sql`not ${exists(listsSchools)}`, exists(listsThis)),
    ))
    .orderBy(asc(directoryOrganizations.name));
}

/**
 * The custodial guardians of a referral's student, contact fields only (need to know: the receiver calls the family;
 * addresses, custody orders and pick-up restrictions stay in the education record). Guardians with restrictions are
 * left out: the school decides whether they may be contacted.
 */
export function findGuardianContacts(db: Db, districtId: string, studentId: string) {
  return db.select({
    firstName: guardians.firstName, lastName: guardians.lastName, relationship: studentGuardians.relationship,
    phone: guardians.phone, email: guardians.email,
  }).from(studentGuardians).innerJoin(guardians, eq(guardians.id, studentGuardians.guardianId))
    .where(and(eq(studentGuardians.studentId, studentId), eq(guardians.districtId, districtId), eq(studentGuardians.hasCustody, true),
      sql`${studentGuardians.restrictions} is null`))
    .orderBy(desc(studentGuardians.isPrimary), asc(guardians.lastName));
}
