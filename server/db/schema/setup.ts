import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One-time links that create the first district of an empty deployment. Only the SHA-256 of the token is
 * stored; `totpSecret` (sealed) holds the authenticator secret offered during set-up until the last step.
 */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  totpSecret: text('totp_secret'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
