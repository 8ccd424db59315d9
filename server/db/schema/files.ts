import { bigint, boolean, customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Every stored file (server/files): where its encrypted bytes are (`db`: stored_file_chunks, `dir`:
 * DATA_DIR/files), its size, and its own AES-256-GCM key wrapped by the master key `key_id`.
 * `complete` turns true when the last chunk is written; incomplete rows older than an hour are swept.
 */
export const storedFiles = pgTable('stored_files', {
  key: text('key').primaryKey(),
  store: text('store').notNull(),
  size: bigint('size', { mode: 'number' }).notNull().default(0),
  chunks: integer('chunks').notNull().default(0),
  wrappedKey: bytes('wrapped_key').notNull(),
  keyId: text('key_id').notNull(),
  nonce: bytes('nonce').notNull(),
  complete: boolean('complete').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('stored_files_key_id_idx').on(t.keyId)]);

/** Encrypted chunks (ciphertext + GCM tag) of files kept in the database. */
export const storedFileChunks = pgTable('stored_file_chunks', {
  key: text('key').notNull().references(() => storedFiles.key, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  bytes: bytes('bytes').notNull(),
}, (t) => [primaryKey({ columns: [t.key, t.seq] })]);
