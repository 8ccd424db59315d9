import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, check, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import {
  ACTION_KINDS, ATTACHMENT_KINDS, CALL_DISPOSITIONS, CALL_PRIORITIES, CALL_SOURCES, INCIDENT_STATUSES,
  OFFENSE_KINDS, PERSON_KINDS, PERSON_ROLES, REFERRAL_KINDS, REFERRAL_STATUSES, SCHOOL_SAFETY_CATEGORIES, TASK_KINDS,
  VERSION_EVENTS,
} from '../../../common/incidents.js';
import type { ArrestInput, ClearanceInput, OffenseNibrs, PropertyInput } from '../../../common/incidents.js';
import { campusAreas, districts, schools, users } from './organization.js';
import { students } from './roster.js';

/** PostgreSQL's text-search vector; written by SQL on every save, read only by `@@` conditions. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const callSource = pgEnum('call_source', CALL_SOURCES);
export const callPriority = pgEnum('call_priority', CALL_PRIORITIES);
export const callDisposition = pgEnum('call_disposition', CALL_DISPOSITIONS);
export const incidentStatus = pgEnum('incident_status', INCIDENT_STATUSES);
export const offenseKind = pgEnum('offense_kind', OFFENSE_KINDS);
export const schoolSafetyCategory = pgEnum('school_safety_category', SCHOOL_SAFETY_CATEGORIES);
export const personKind = pgEnum('person_kind', PERSON_KINDS);
export const personRole = pgEnum('person_role', PERSON_ROLES);
export const actionKind = pgEnum('action_kind', ACTION_KINDS);
export const referralKind = pgEnum('referral_kind', REFERRAL_KINDS);
export const referralStatus = pgEnum('referral_status', REFERRAL_STATUSES);
export const taskKind = pgEnum('task_kind', TASK_KINDS);
export const attachmentKind = pgEnum('attachment_kind', ATTACHMENT_KINDS);
export const versionEvent = pgEnum('version_event', VERSION_EVENTS);

/**
 * The last number handed out per district, kind (incident, call) and year. The row is locked by the
 * upsert that increments it, so numbers are gap-free: a rolled-back transaction gives its number back.
 */
export const recordCounters = pgTable('record_counters', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  kind: text('kind').notNull(),
  year: integer('year').notNull(),
  lastValue: integer('last_value').notNull(),
}, (t) => [primaryKey({ columns: [t.districtId, t.kind, t.year] })]);

/** A person's NIBRS facts as stored: offenders by person id, offenses by position. */
export interface StoredPersonNibrs {
  victimType?: string | null; age?: string | null; sex?: string | null; race?: string | null; ethnicity?: string | null;
  resident?: string | null; injuries: string[]; relationships: { offenderId: string; code: string }[]; offenses: number[];
}

/** A call for service: intake, dispatch and clearance; it may become an incident. */
export const calls = pgTable('calls', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  number: text('number').notNull(),
  source: callSource('source').notNull(),
  onCampus: boolean('on_campus').notNull().default(true),
  areaId: uuid('area_id').references(() => campusAreas.id),
  locationText: text('location_text'),
  priority: callPriority('priority').notNull(),
  summary: text('summary').notNull(),
  callerName: text('caller_name'),
  callerPhone: text('caller_phone'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  arrivedAt: timestamp('arrived_at', { withTimezone: true }),
  clearedAt: timestamp('cleared_at', { withTimezone: true }),
  disposition: callDisposition('disposition'),
  assignedUserId: uuid('assigned_user_id').references(() => users.id),
  takenById: uuid('taken_by_id').notNull().references(() => users.id),
  incidentId: uuid('incident_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('calls_number_key').on(t.districtId, t.number),
  index('calls_district_received_idx').on(t.districtId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  index('calls_open_idx').on(t.schoolId, t.receivedAt).where(sql`${t.clearedAt} is null`),
  // The officer's own open calls (home page, live queue): a handful of rows per officer, read on every home load.
  index('calls_assigned_open_idx').on(t.assignedUserId, t.receivedAt).where(sql`${t.clearedAt} is null`),
  check('calls_cleared_has_disposition', sql`${t.clearedAt} is null or ${t.disposition} is not null`),
]);

/** An incident and its investigative report. Locked once approved; later facts come as supplements. */
export const incidents = pgTable('incidents', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  number: text('number').notNull(),
  areaId: uuid('area_id').references(() => campusAreas.id),
  onCampus: boolean('on_campus').notNull().default(true),
  locationCode: text('location_code').notNull(),
  locationText: text('location_text'),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  summary: text('summary').notNull().default(''),
  narrative: text('narrative').notNull().default(''),
  status: incidentStatus('status').notNull().default('draft'),
  version: integer('version').notNull().default(1),
  hasJuvenile: boolean('has_juvenile').notNull().default(false),
  /** NIBRS codes and `school:<category>` of the offenses, for the offense filter (GIN). */
  offenseKeys: text('offense_keys').array().notNull().default(sql`'{}'::text[]`),
  callId: uuid('call_id').references(() => calls.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  approvedById: uuid('approved_by_id').references(() => users.id),
  sealedAt: timestamp('sealed_at', { withTimezone: true }),
  sealedById: uuid('sealed_by_id').references(() => users.id),
  sealedReason: text('sealed_reason'),
  /** NIBRS property segments (loss type, description, value, recovery, drugs). */
  property: jsonb('property').$type<PropertyInput[]>().notNull().default(sql`'[]'::jsonb`),
  /** NIBRS DE 4/5: cleared exceptionally. */
  clearance: jsonb('clearance').$type<ClearanceInput>(),
  /** Number, person names and summary: searchable by anyone who may list the incident. */
  searchPublic: tsvector('search_public'),
  /** The above plus narratives: searchable only with incident.narrative.read. */
  searchAll: tsvector('search_all'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('incidents_number_key').on(t.districtId, t.number),
  index('incidents_district_occurred_idx').on(t.districtId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.sealedAt} is null`),
  index('incidents_school_occurred_idx').on(t.schoolId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.sealedAt} is null`),
  // An author's drafts and returned reports (home page): few per author among a district's many incidents.
  index('incidents_author_status_idx').on(t.authorId, t.status).where(sql`${t.sealedAt} is null`),
  index('incidents_status_idx').on(t.districtId, t.status, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.sealedAt} is null`),
  index('incidents_offense_keys_idx').using('gin', t.offenseKeys),
  index('incidents_search_public_idx').using('gin', t.searchPublic),
  index('incidents_search_all_idx').using('gin', t.searchAll),
  check('incidents_sealed_reason', sql`${t.sealedAt} is null or ${t.sealedReason} is not null`),
]);

export const incidentOffenses = pgTable('incident_offenses', {
  id: uuid('id').primaryKey().defaultRandom(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  position: integer('position').notNull(),
  kind: offenseKind('kind').notNull(),
  nibrsCode: text('nibrs_code'),
  category: schoolSafetyCategory('category'),
  attempted: boolean('attempted').notNull().default(false),
  weaponForce: text('weapon_force').array().notNull().default(sql`'{}'::text[]`),
  /** NIBRS DE 8, 8A, 12 and the offense's own location (DE 9) when it differs. */
  nibrs: jsonb('nibrs').$type<OffenseNibrs>().notNull().default(sql`'{"offenderUsing":[],"bias":[],"criminalActivity":[]}'::jsonb`),
}, (t) => [
  index('incident_offenses_incident_idx').on(t.incidentId, t.position),
  check('incident_offenses_one_code', sql`(${t.kind} = 'nibrs' and ${t.nibrsCode} is not null) or (${t.kind} = 'school' and ${t.category} is not null)`),
]);

/** A person involved. Students point at the roster; their demographics are read from there, never copied. */
export const incidentPersons = pgTable('incident_persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  position: integer('position').notNull(),
  kind: personKind('kind').notNull(),
  role: personRole('role').notNull(),
  studentId: uuid('student_id').references(() => students.id),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  juvenile: boolean('juvenile').notNull().default(false),
  phone: text('phone'),
  description: text('description'),
  /** NIBRS victim/offender facts; relationships name offenders by person id, connected offenses by position. */
  nibrs: jsonb('nibrs').$type<StoredPersonNibrs>(),
}, (t) => [
  index('incident_persons_incident_idx').on(t.incidentId, t.position),
  index('incident_persons_student_idx').on(t.studentId),
  index('incident_persons_last_name_idx').on(sql`lower(${t.lastName}) text_pattern_ops`),
  check('incident_persons_student', sql`(${t.kind} = 'student') = (${t.studentId} is not null)`),
]);

export const incidentActions = pgTable('incident_actions', {
  id: uuid('id').primaryKey().defaultRandom(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  personId: uuid('person_id').references(() => incidentPersons.id),
  kind: actionKind('kind').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  note: text('note'),
  implied: boolean('implied').notNull().default(false),
  /** Arrestee segment facts of an arrest. */
  arrest: jsonb('arrest').$type<ArrestInput>(),
}, (t) => [
  index('incident_actions_incident_idx').on(t.incidentId),
  index('incident_actions_kind_idx').on(t.kind, t.at),
]);

export const incidentSupplements = pgTable('incident_supplements', {
  id: uuid('id').primaryKey().defaultRandom(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  number: integer('number').notNull(),
  status: incidentStatus('status').notNull().default('draft'),
  version: integer('version').notNull().default(1),
  narrative: text('narrative').notNull().default(''),
  authorId: uuid('author_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  approvedById: uuid('approved_by_id').references(() => users.id),
}, (t) => [uniqueIndex('incident_supplements_number_key').on(t.incidentId, t.number)]);

/** Every saved version of a report or supplement, as a JSON snapshot. */
export const incidentVersions = pgTable('incident_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Order of saving: several saves may share a timestamp. */
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  supplementId: uuid('supplement_id').references(() => incidentSupplements.id),
  version: integer('version').notNull(),
  status: incidentStatus('status').notNull(),
  event: versionEvent('event').notNull(),
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  savedById: uuid('saved_by_id').notNull().references(() => users.id),
  savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  /** The page session whose autosaves this version collects (one version per editing session). */
  editSession: uuid('edit_session'),
}, (t) => [index('incident_versions_incident_idx').on(t.incidentId, t.seq)]);

/** Review steps: submitted, returned with a comment, approved. */
export const incidentReviews = pgTable('incident_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  supplementId: uuid('supplement_id').references(() => incidentSupplements.id),
  event: versionEvent('event').notNull(),
  comment: text('comment'),
  byId: uuid('by_id').notNull().references(() => users.id),
  at: timestamp('at', { withTimezone: true }).notNull(),
  version: integer('version').notNull(),
}, (t) => [index('incident_reviews_incident_idx').on(t.incidentId, t.seq)]);

/** Evidence files; the bytes live under DATA_DIR/evidence, named by `storageKey`, never under the web root. */
export const incidentAttachments = pgTable('incident_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  supplementId: uuid('supplement_id').references(() => incidentSupplements.id),
  fileName: text('file_name').notNull(),
  kind: attachmentKind('kind').notNull(),
  mediaType: text('media_type').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  uploadedById: uuid('uploaded_by_id').notNull().references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
}, (t) => [index('incident_attachments_incident_idx').on(t.incidentId)]);

/** Follow-up tasks and notification deadlines (a clock from the triggering action). */
export const incidentTasks = pgTable('incident_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  kind: taskKind('kind').notNull(),
  /** The key of the notification rule (common/notification-rules.ts) that made the task. */
  rule: text('rule'),
  /** The person a notification is about: one task per person and rule. */
  personId: uuid('person_id'),
  title: text('title').notNull(),
  ownerId: uuid('owner_id').notNull().references(() => users.id),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  doneAt: timestamp('done_at', { withTimezone: true }),
  doneById: uuid('done_by_id').references(() => users.id),
  createdById: uuid('created_by_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [
  index('incident_tasks_owner_idx').on(t.ownerId, t.dueAt).where(sql`${t.doneAt} is null`),
  index('incident_tasks_incident_idx').on(t.incidentId),
  uniqueIndex('incident_tasks_rule_key').on(t.incidentId, t.personId, t.rule).where(sql`${t.rule} is not null`),
]);

/** An explicit hand-off to the school: it carries only what the referring officer chose to share. */
export const incidentReferrals = pgTable('incident_referrals', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  kind: referralKind('kind').notNull(),
  status: referralStatus('status').notNull().default('open'),
  summary: text('summary').notNull(),
  persons: jsonb('persons').$type<{ firstName: string; lastName: string; kind: string; role: string }[]>().notNull(),
  offenses: jsonb('offenses').$type<string[] | null>(),
  referredById: uuid('referred_by_id').notNull().references(() => users.id),
  referredAt: timestamp('referred_at', { withTimezone: true }).notNull(),
  handledById: uuid('handled_by_id').references(() => users.id),
  handledAt: timestamp('handled_at', { withTimezone: true }),
  note: text('note'),
}, (t) => [
  index('incident_referrals_school_idx').on(t.schoolId, t.kind, t.referredAt),
  index('incident_referrals_incident_idx').on(t.incidentId),
]);
