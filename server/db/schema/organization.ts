import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

export const schoolLevel = pgEnum('school_level', ['elementary', 'middle', 'high', 'k8', 'k12', 'alternative', 'other']);
export const areaKind = pgEnum('area_kind', [
  'building', 'floor', 'room', 'field', 'parking', 'bus_loop', 'perimeter', 'common', 'other',
]);
export const roleName = pgEnum('role_name', [
  'sro', 'supervisor', 'school_admin', 'counselor', 'security', 'staff', 'director', 'sysadmin',
]);
export const assignmentKind = pgEnum('assignment_kind', ['primary', 'feeder']);

export const districts = pgTable('districts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  ncesId: text('nces_id').unique(),
  state: text('state').notNull(),
  timezone: text('timezone').notNull().default('America/Chicago'),
  lawEnforcementAgency: text('law_enforcement_agency'),
  /** The agency's ORI (9 characters) that NIBRS submission files are reported under. */
  nibrsOri: text('nibrs_ori'),
  /** Roles that must use two-step sign-in; the demo district leaves it empty. */
  mfaRequiredRoles: jsonb('mfa_required_roles').$type<string[]>().notNull()
    .default(sql`'["sro","supervisor","school_admin","counselor","director","sysadmin"]'::jsonb`),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schools = pgTable('schools', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  ncesId: text('nces_id').notNull(),
  name: text('name').notNull(),
  level: schoolLevel('level').notNull(),
  /** Grades as integers: -1 pre-kindergarten, 0 kindergarten, 1..12. */
  gradeLow: integer('grade_low').notNull(),
  gradeHigh: integer('grade_high').notNull(),
  street: text('street').notNull(),
  city: text('city').notNull(),
  state: text('state').notNull(),
  zip: text('zip').notNull(),
  phone: text('phone').notNull(),
  principalName: text('principal_name'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('schools_nces_id_key').on(t.ncesId),
  index('schools_district_idx').on(t.districtId, t.name),
  check('schools_grade_span', sql`${t.gradeLow} <= ${t.gradeHigh} and ${t.gradeLow} >= -1 and ${t.gradeHigh} <= 12`),
]);

/** A feeder relation: students of `feederSchoolId` go on to `schoolId`. */
export const schoolFeeders = pgTable('school_feeders', {
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  feederSchoolId: uuid('feeder_school_id').notNull().references(() => schools.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.schoolId, t.feederSchoolId] }),
  check('school_feeders_not_self', sql`${t.schoolId} <> ${t.feederSchoolId}`),
]);

export const campusAreas = pgTable('campus_areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  parentId: uuid('parent_id'),
  kind: areaKind('kind').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('campus_areas_school_idx').on(t.schoolId, t.kind, t.name),
  uniqueIndex('campus_areas_school_name_key').on(t.schoolId, t.name),
]);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  email: text('email').notNull(),
  name: text('name').notNull(),
  title: text('title'),
  phone: text('phone'),
  /** The number text messages (SMS) go to, digits with an optional leading +; null: no SMS. */
  mobilePhone: text('mobile_phone'),
  /** The carrier's e-mail-to-SMS gateway domain (e.g. txt.att.net) when SMS_PROVIDER=email-gateway. */
  smsGateway: text('sms_gateway'),
  badgeNumber: text('badge_number'),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  mfaSecret: text('mfa_secret'),
  mfaEnabled: boolean('mfa_enabled').notNull().default(false),
  /** The TOTP step of the last code accepted: a code is good once (RFC 6238 section 5.2). */
  mfaLastStep: integer('mfa_last_step'),
  /** The directory entry (a contracted vendor) this account works for; null for district staff. */
  organizationId: uuid('organization_id').references((): AnyPgColumn => directoryOrganizations.id),
  active: boolean('active').notNull().default(true),
  /**
   * When the district administrator granted this person access to juvenile law-enforcement records (a per-person
   * grant, never a role: common/permissions.ts PERSONAL_PERMISSIONS); null: no access. Grants and revocations are audited.
   */
  juvenileAccessAt: timestamp('juvenile_access_at', { withTimezone: true }),
  /** Who gave the juvenile-records grant (a user of the district). */
  juvenileAccessBy: uuid('juvenile_access_by'),
  /** Operator of the whole deployment (may create districts); held with a district-wide sysadmin grant. */
  deploymentAdmin: boolean('deployment_admin').notNull().default(false),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
  index('users_district_name_idx').on(t.districtId, t.name),
]);

/** A role held by a user, scoped to one school or (schoolId null) to the whole district. */
export const roleGrants = pgTable('role_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  role: roleName('role').notNull(),
  schoolId: uuid('school_id').references(() => schools.id),
  grantedBy: uuid('granted_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('role_grants_user_idx').on(t.userId),
  uniqueIndex('role_grants_unique').on(t.userId, t.role, sql`coalesce(${t.schoolId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
]);

export const sroAssignments = pgTable('sro_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  kind: assignmentKind('kind').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('sro_assignments_school_idx').on(t.schoolId),
  index('sro_assignments_user_idx').on(t.userId),
  check('sro_assignments_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
]);

/** An agency, vendor or community organization of the contact directory (capability 21). */
export const directoryOrganizations = pgTable('directory_organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  contactName: text('contact_name'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  address: text('address'),
  services: text('services'),
  notes: text('notes'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('directory_district_idx').on(t.districtId, t.kind, t.name),
  uniqueIndex('directory_district_name_key').on(t.districtId, sql`lower(${t.name})`),
]);

/** The schools a directory entry serves; none: the whole district. */
export const directoryOrganizationSchools = pgTable('directory_organization_schools', {
  organizationId: uuid('organization_id').notNull().references(() => directoryOrganizations.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.schoolId] }),
  index('directory_schools_school_idx').on(t.schoolId),
]);
