import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { EventKind, FeedScope } from '../../../common/events.js';
import { districts, schools, users } from './organization.js';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * An extracurricular event of a school and the one SRO who covers it. Coverage lives on the event row: an
 * event has at most one covering SRO, and the activity entry of the coverage uses the event id as its source.
 */
export const schoolEvents = pgTable('school_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  kind: text('kind').$type<EventKind>().notNull(),
  title: text('title').notNull(),
  place: text('place'),
  description: text('description'),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  cancelled: boolean('cancelled').notNull().default(false),
  coverSroId: uuid('cover_sro_id').references(() => users.id),
  coverAssignedBy: uuid('cover_assigned_by').references(() => users.id),
  coverAssignedAt: timestamp('cover_assigned_at', { withTimezone: true }),
  notes: text('notes'),
  notesAt: timestamp('notes_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  index('school_events_school_idx').on(t.schoolId, t.startsAt),
  index('school_events_district_idx').on(t.districtId, t.startsAt),
  index('school_events_cover_idx').on(t.coverSroId, t.startsAt).where(sql`${t.coverSroId} is not null`),
  check('school_events_order', sql`${t.endsAt} > ${t.startsAt}`),
]);

/**
 * A secret iCalendar feed URL: the events one SRO covers, or one school's events. Only the SHA-256 of the
 * token is kept, so a database copy does not hand out working URLs; rotating replaces the hash.
 */
export const eventFeeds = pgTable('event_feeds', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  scope: text('scope').$type<FeedScope>().notNull(),
  schoolId: uuid('school_id').references(() => schools.id),
  tokenHash: text('token_hash').notNull(),
  rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('event_feeds_token_key').on(t.tokenHash),
  index('event_feeds_user_idx').on(t.userId),
  check('event_feeds_school', sql`(${t.scope} = 'school') = (${t.schoolId} is not null)`),
]);
