import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districts, schools, users } from './organization.js';
import { bytea } from './preparedness.js';

/** Where a sealing stands: the DB step is done in `sealing`/`unsealing`/`expunging`, the file step not yet. */
export const SEAL_STATES = ['sealing', 'sealed', 'unsealing', 'unsealed', 'expunging', 'expunged'] as const;
export type SealState = (typeof SEAL_STATES)[number];

/**
 * One sealing of an incident. While sealed, everything that identified the record (its rows, the linked call,
 * referrals, tip links, version snapshots) sits only in `package`: JSON encrypted with its own key, wrapped by
 * the sealed key (not the master key), so neither the database nor a backup reads it without unsealing. The
 * incident row stays as a redacted shell; evidence keys are re-wrapped under the sealed key (or destroyed).
 * After an expungement only the tombstone is left: who, when, the order's number and date.
 */
export const incidentSeals = pgTable('incident_seals', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** No foreign key: the tombstone outlives the incident row (expungement deletes it). */
  incidentId: uuid('incident_id').notNull(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').references(() => schools.id),
  state: text('state').$type<SealState>().notNull(),
  /** HMAC of the incident number under the sealed key: a court order's number finds the record, nothing reads it. */
  numberMac: text('number_mac'),
  reason: text('reason'),
  orderNumber: text('order_number'),
  orderDate: date('order_date'),
  destroyFiles: boolean('destroy_files').notNull().default(false),
  /** Storage keys of the evidence files the file step re-wraps (or destroys). Random names, nothing identifying. */
  fileKeys: text('file_keys').array().notNull().default(sql`'{}'::text[]`),
  keyId: text('key_id'),
  wrappedKey: bytea('wrapped_key'),
  nonce: bytea('nonce'),
  package: bytea('package'),
  sealedById: uuid('sealed_by_id').references(() => users.id),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
  unsealOrderNumber: text('unseal_order_number'),
  unsealOrderDate: date('unseal_order_date'),
  /** The uploaded court order (file store key). */
  unsealDocumentKey: text('unseal_document_key'),
  unsealedById: uuid('unsealed_by_id').references(() => users.id),
  unsealedAt: timestamp('unsealed_at', { withTimezone: true }),
  expungeOrderNumber: text('expunge_order_number'),
  expungeOrderDate: date('expunge_order_date'),
  expungedById: uuid('expunged_by_id').references(() => users.id),
  expungedAt: timestamp('expunged_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('incident_seals_current_key').on(t.incidentId).where(sql`${t.state} <> 'unsealed'`),
  index('incident_seals_district_idx').on(t.districtId, t.sealedAt),
  index('incident_seals_pending_idx').on(t.state).where(sql`${t.state} in ('sealing', 'unsealing', 'expunging')`),
]);
