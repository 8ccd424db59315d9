import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts, users } from './organization.js';

/**
 * One write sent with an Idempotency-Key header (the offline queue of the web app sends every queued write with
 * one): the answer it got, kept so a retry after a lost response answers the same instead of writing twice.
 * Keyed by user and key, so one account can never replay another's answer. Written in the transaction of the
 * write itself; rows older than a week are removed when the same user sends the next keyed write.
 */
export const idempotentRequests = pgTable('idempotent_requests', {
  userId: uuid('user_id').notNull().references(() => users.id),
  key: text('key').notNull(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  /** The operation (createPatrol, checkIn...) and a hash of its input: the same key with another request is refused. */
  operation: text('operation').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status').notNull(),
  response: jsonb('response'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.userId, t.key] }),
  index('idempotent_requests_created_idx').on(t.createdAt),
]);
