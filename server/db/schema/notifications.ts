import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districts, schools, users } from './organization.js';

/**
 * One message of a user's notification centre (the bell): what happened, where to look, and whether it was
 * read. Written in the transaction of the change that causes it, like the outbox.
 */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  schoolId: uuid('school_id').references(() => schools.id),
  /** One of NOTIFICATION_KINDS (common/notifications.ts). */
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  link: text('link').notNull(),
  subjectType: text('subject_type'),
  subjectId: uuid('subject_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [
  index('notifications_user_idx').on(t.userId, t.createdAt),
  index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
]);

/** A user's choice of channels for one kind of notification; no row: in app and e-mail. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  inApp: boolean('in_app').notNull(),
  email: boolean('email').notNull(),
  /** Text message to the user's mobile number (off unless chosen; mandatory kinds always on). */
  sms: boolean('sms').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.kind] })]);

/**
 * A district's escalation and reminder settings: minutes a life-safety tip or a "need help" check-in may wait
 * unacknowledged before it goes to the next person in the chain, and hours between two plan reminders.
 */
export const notificationSettings = pgTable('notification_settings', {
  districtId: uuid('district_id').primaryKey().references(() => districts.id),
  escalationMinutes: integer('escalation_minutes').notNull().default(5),
  reminderHours: integer('reminder_hours').notNull().default(24),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  check('notification_settings_escalation', sql`${t.escalationMinutes} between 1 and 240`),
  check('notification_settings_reminder', sql`${t.reminderHours} between 1 and 720`),
]);

/**
 * One step of an escalation chain: a record (a life-safety tip, a "need help" check-in) that waited past the
 * district's time was sent to the next people. One row per record and step, so a step is taken once.
 */
export const escalationSteps = pgTable('escalation_steps', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  subjectType: text('subject_type').$type<'tip' | 'check_in'>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  step: integer('step').notNull(),
  /** Who the step reached: the role of the chain link (supervisor, director). */
  level: text('level').notNull(),
  recipients: integer('recipients').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('escalation_steps_key').on(t.subjectType, t.subjectId, t.step)]);

/** A reminder e-mailed to the readers of a plan version who had not acknowledged it (at most one per N hours). */
export const planReminders = pgTable('plan_reminders', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  planId: uuid('plan_id').notNull(),
  versionId: uuid('version_id').notNull(),
  sentBy: uuid('sent_by').notNull().references(() => users.id),
  recipients: integer('recipients').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
}, (t) => [index('plan_reminders_plan_idx').on(t.planId, t.sentAt)]);

/**
 * A browser's Web Push subscription (one per user and device): where the push service takes messages for it and
 * the keys they are encrypted with (RFC 8291). Removed when the user turns it off or the push service says it is gone.
 */
export const pushSubscriptions = pgTable('push_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  endpoint: text('endpoint').notNull(),
  p256dh: text('p256dh').notNull(),
  auth: text('auth').notNull(),
  /** A label of the device (the browser's user agent, shortened), for the profile's list. */
  device: text('device'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint),
  index('push_subscriptions_user_idx').on(t.userId),
]);
