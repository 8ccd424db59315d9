import { and, asc, desc, eq, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { outbox } from '../../db/schema/index.js';

/** One message to queue. */
export interface QueuedMail {
  districtId: string | null;
  to: string;
  subject: string;
  body: string;
  kind: string;
}

/** Queues messages (in the caller's transaction), due from `now` (the app clock, not the database's). */
export async function insertMail(db: Db, mails: readonly QueuedMail[], now: Date): Promise<number> {
  if (mails.length === 0) return 0;
  await db.insert(outbox).values(mails.map((m) => ({
    districtId: m.districtId, toAddress: m.to, subject: m.subject, body: m.body, kind: m.kind, nextAttemptAt: now, createdAt: now,
  })));
  return mails.length;
}

/**
 * Claims up to `limit` messages due at `now`, oldest first, by pushing their next attempt 10 minutes
 * ahead in the same statement: two senders (two processes) never take the same message, and a sender
 * that dies mid-way leaves its messages to be tried again later.
 */
export async function claimDue(db: Db, now: Date, limit: number) {
  const due = db.select({ id: outbox.id }).from(outbox)
    .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt)).limit(limit).for('update', { skipLocked: true });
  return db.update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + 10 * 60_000), attempts: sql`${outbox.attempts} + 1` })
    .where(sql`${outbox.id} in ${due}`)
    .returning({ id: outbox.id, districtId: outbox.districtId, to: outbox.toAddress, subject: outbox.subject, body: outbox.body, kind: outbox.kind, attempts: outbox.attempts });
}

/** Marks a message sent. */
export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db.update(outbox).set({ sentAt: now, lastError: null }).where(eq(outbox.id, id));
}

/** Records a failed attempt: tried again at `retryAt`, or given up when `retryAt` is null. */
export async function markFailed(db: Db, id: string, error: string, now: Date, retryAt: Date | null): Promise<void> {
  await db.update(outbox).set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, failedAt: now }).where(eq(outbox.id, id));
}

/** Messages of a kind, newest first (tests and the admin view). */
export async function findMail(db: Db, kind?: string) {
  return db.select().from(outbox).where(kind ? eq(outbox.kind, kind) : undefined).orderBy(asc(outbox.createdAt));
}

/** Counts of a district's messages: waiting, sent, given up; and the last error seen. */
export async function statusOf(db: Db, districtId: string) {
  const [row] = await db.select({
    pending: sql<number>`count(*) filter (where ${outbox.sentAt} is null and ${outbox.failedAt} is null)::int`,
    sent: sql<number>`count(${outbox.sentAt})::int`,
    failed: sql<number>`count(${outbox.failedAt})::int`,
    lastError: sql<string | null>`(array_agg(${outbox.lastError} order by ${outbox.createdAt} desc) filter (where ${outbox.lastError} is not null))[1]`,
  }).from(outbox).where(eq(outbox.districtId, districtId));
  return { pending: Number(row?.pending ?? 0), sent: Number(row?.sent ?? 0), failed: Number(row?.failed ?? 0), lastError: row?.lastError ?? null };
}

/** A page of a district's messages of one status (or all), newest first, and how many there are in all. */
export async function findPage(db: Db, districtId: string, status: 'pending' | 'sent' | 'failed' | undefined, page: number, pageSize: number) {
  const byStatus: Record<'pending' | 'sent' | 'failed', SQL | undefined> = {
    pending: and(isNull(outbox.sentAt), isNull(outbox.failedAt)), sent: isNotNull(outbox.sentAt), failed: isNotNull(outbox.failedAt),
  };
  const where = and(eq(outbox.districtId, districtId), status ? byStatus[status] : undefined);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(where);
  const items = await db.select({
    id: outbox.id, to: outbox.toAddress, subject: outbox.subject, kind: outbox.kind, attempts: outbox.attempts, lastError: outbox.lastError,
    nextAttemptAt: outbox.nextAttemptAt, sentAt: outbox.sentAt, failedAt: outbox.failedAt, createdAt: outbox.createdAt,
  }).from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(pageSize).offset((page - 1) * pageSize);
  return { total: Number(count?.n ?? 0), items };
}
