import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { incidents } from './incidents.js';
import { districts, schools, users } from './organization.js';
import { bytea } from './preparedness.js';

/**
 * A sealed (or expunged) record: its content, encrypted under the sealed-records key, while the live tables keep
 * only a stub. `state` drives the retried file step: `sealing` and `expunging` are finished at the next start.
 */
export const sealedRecords = pgTable('sealed_records', {
  incidentId: uuid('incident_id').primaryKey().references(() => incidents.id),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  /** sealing | sealed | unsealing | expunging | expunged */
  state: text('state').notNull(),
  /** AES-256-GCM of the record's rows (iv | tag | ciphertext); null once expunged. */
  package: bytea('package'),
  /** `attachmentId:storageKey` of evidence files the file step still has to seal or destroy (random ids only). */
  pendingFiles: text('pending_files').array().notNull().default(sql`'{}'::text[]`),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [index('sealed_records_state_idx').on(t.state)]);

/** An evidence file of a sealed record, encrypted under the sealed-records key (the plain file is destroyed). */
export const sealedFiles = pgTable('sealed_files', {
  attachmentId: uuid('attachment_id').primaryKey(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  content: bytea('content').notNull(),
});

/** A court order acted on: seal, unseal or expunge, with its document; the only trace an expunged record leaves. */
export const recordOrders = pgTable('record_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  recordType: text('record_type').notNull(),
  recordId: uuid('record_id').notNull(),
  /** seal | unseal | expunge */
  action: text('action').notNull(),
  orderNumber: text('order_number'),
  orderDate: date('order_date'),
  document: bytea('document'),
  byId: uuid('by_id').notNull().references(() => users.id),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, (t) => [index('record_orders_record_idx').on(t.recordId)]);

/** Who may read juvenile law-enforcement records: a per-person grant by the district administrator. */
export const juvenileAccessGrants = pgTable('juvenile_access_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  reason: text('reason').notNull(),
  grantedById: uuid('granted_by_id').notNull().references(() => users.id),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  revokedById: uuid('revoked_by_id').references(() => users.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [index('juvenile_access_user_idx').on(t.userId)]);

