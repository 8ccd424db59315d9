import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { idempotentRequests } from '../../db/schema/index.js';

/** A keyed write as stored: what it was and, once it succeeded, its answer. */
export type IdempotentRow = typeof idempotentRequests.$inferSelect;

/**
 * Claims `key` for the user: inserts the row unless it exists. A second request with the same key waits here on
 * the primary key until the first one's transaction ends, then finds its row (or claims it if that one rolled back).
 */
export async function claim(db: Db, row: Omit<IdempotentRow, 'response' | 'status'>): Promise<boolean> {
  const inserted = await db.insert(idempotentRequests).values({ ...row, status: 0, response: null })
    .onConflictDoNothing().returning({ key: idempotentRequests.key });
  return inserted.length > 0;
}

/** The user's row for `key`, if any. */
export async function find(db: Db, userId: string, key: string): Promise<IdempotentRow | undefined> {
  const [row] = await db.select().from(idempotentRequests)
    .where(and(eq(idempotentRequests.userId, userId), eq(idempotentRequests.key, key)));
  return row;
}

/** Keeps the answer of the claimed write. */
export async function saveResponse(db: Db, userId: string, key: string, status: number, response: unknown): Promise<void> {
  await db.update(idempotentRequests).set({ status, response: response ?? null })
    .where(and(eq(idempotentRequests.userId, userId), eq(idempotentRequests.key, key)));
}

/** Removes the user's keyed writes older than `before` (a retry comes within minutes or days, not weeks). */
export async function deleteOlder(db: Db, userId: string, before: Date): Promise<void> {
  await db.delete(idempotentRequests).where(and(eq(idempotentRequests.userId, userId), lt(idempotentRequests.createdAt, before)));
}
