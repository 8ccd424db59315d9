import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts } from './organization.js';
import { bytea } from './preparedness.js';

/**
 * E-mail waiting to be sent. A message is queued in the transaction of the change that causes it, so a
 * rolled-back change sends nothing, and a sender delivers it afterwards (server/modules/outbox).
 */
export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').references(() => districts.id),
  /** `email`, or `sms`: then `to_address` is the mobile number, followed by `@<carrier gateway>` when the user chose one. */
  channel: text('channel').notNull().default('email'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  /** What queued it, e.g. `drill.reminder`: for the log and for tests, never for routing. */
  kind: text('kind').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  failedAt: timestamp('failed_at', { withTimezone: true }),
  /** Set (with failedAt) when the message outlived its district's time to live: never sent late. */
  expiredAt: timestamp('expired_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
]);

/**
 * How long a district's e-mail may wait before it is expired instead of sent: urgent mail (alerts, notices,
 * tips) 24 hours by default, everything else 7 days. No row: the defaults.
 */
export const outboxSettings = pgTable('outbox_settings', {
  districtId: uuid('district_id').primaryKey().references(() => districts.id),
  urgentTtlHours: integer('urgent_ttl_hours').notNull().default(24),
  otherTtlHours: integer('other_ttl_hours').notNull().default(168),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('outbox_settings_urgent_ttl', sql`${t.urgentTtlHours} between 1 and 720`),
  check('outbox_settings_other_ttl', sql`${t.otherTtlHours} between 1 and 2160`),
]);

/** A file sent with an outbox message (a scheduled report's PDF or CSV); removed with its message. */
export const outboxAttachments = pgTable('outbox_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  outboxId: uuid('outbox_id').notNull().references(() => outbox.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  content: bytea('content').notNull(),
}, (t) => [index('outbox_attachments_outbox_idx').on(t.outboxId)]);
