import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { outbox, outboxAttachments, outboxSettings } from '../../db/schema/index.js';

/** One message to queue. */
export interface QueuedMail {
  districtId: string | null;
  /**
   * Default `email`; `sms`: `to` is an SMS address (server/lib/sms.ts `smsAddress`); `push`: `to` is a push
   * subscription id and `body` the JSON payload. For both, `subject` is kept for the log only.
   */
  channel?: OutboxChannel;
  to: string;
  subject: string;
  body: string;
  kind: string;
  /** Files sent with the message (a scheduled report), kept only until it is sent, given up or expired. */
  attachments?: readonly MailAttachment[];
}

/** How a queued message travels. */
export type OutboxChannel = 'email' | 'sms' | 'push';

/** A file attached to a queued message. */
export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Queues messages (in the caller's transaction), due from `now` (the app clock, not the database's). One
 * statement with one parameter (the rows as JSON), however many messages: a notice to 300 staff is one cheap
 * INSERT inside the notice's transaction rather than thousands of bound parameters.
 */
export async function insertMail(db: Db, mails: readonly QueuedMail[], now: Date): Promise<number> {
  if (mails.length === 0) return 0;
  const json = JSON.stringify(mails.map((m, i) => ({ i, d: m.districtId, c: m.channel ?? 'email', t: m.to, s: m.subject, b: m.body, k: m.kind })));
  const at = now.toISOString();
  const inserted = rows<{ id: string }>(await db.execute(sql`
    insert into ${outbox} (district_id, channel, to_address, subject, body, kind, next_attempt_at, created_at)
    select r.d, r.c, r.t, r.s, r.b, r.k, ${at}::timestamptz, ${at}::timestamptz
    from json_to_recordset(${json}::json) as r(i int, d uuid, c text, t text, s text, b text, k text) order by r.i
    returning id`));
  const files = mails.flatMap((m, i) => (m.attachments ?? []).map((a) => ({ outboxId: inserted[i]!.id, fileName: a.fileName, contentType: a.contentType, content: a.content })));
  if (files.length) await db.insert(outboxAttachments).values(files);
  return mails.length;
}

/** Kinds of urgent mail (their news is stale within hours): alerts, presence notices, tips. */
export const URGENT_KIND = '^(alert|notice|tip)[._]';

/** Default times to live in hours when a district has no outbox_settings row. */
export const DEFAULT_TTL = { urgentTtlHours: 24, otherTtlHours: 168 } as const;

/** The moment a message stops being worth sending, from its district's setting and its kind. */
const expiresAt = sql`(${outbox.createdAt} + make_interval(hours => coalesce(
  (select case when ${outbox.kind} ~ ${URGENT_KIND} then s.urgent_ttl_hours else s.other_ttl_hours end
     from ${outboxSettings} s where s.district_id = ${outbox.districtId}),
  case when ${outbox.kind} ~ ${URGENT_KIND} then ${DEFAULT_TTL.urgentTtlHours}::int else ${DEFAULT_TTL.otherTtlHours}::int end)))`;

/** Marks every waiting message past its time to live as expired (and given up); returns them for the audit. */
export async function expireDue(db: Db, now: Date) {
  const expired = await db.update(outbox)
    .set({ expiredAt: now, failedAt: now, lastError: 'Expired: not sent within the time to live set for the district' })
    .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt), sql`${expiresAt} <= ${now.toISOString()}::timestamptz`))
    .returning({ id: outbox.id, districtId: outbox.districtId, kind: outbox.kind });
  if (expired.length) await db.delete(outboxAttachments).where(inArray(outboxAttachments.outboxId, expired.map((m) => m.id)));
  return expired;
}

/** A district's times to live (defaults when never set). */
export async function findSettings(db: Db, districtId: string) {
  const [row] = await db.select({ urgentTtlHours: outboxSettings.urgentTtlHours, otherTtlHours: outboxSettings.otherTtlHours })
    .from(outboxSettings).where(eq(outboxSettings.districtId, districtId));
  return row ?? { ...DEFAULT_TTL };
}

/** Saves a district's times to live. */
export async function saveSettings(db: Db, districtId: string, settings: { urgentTtlHours: number; otherTtlHours: number }, now: Date) {
  await db.insert(outboxSettings).values({ districtId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: outboxSettings.districtId, set: { ...settings, updatedAt: now } });
}

/**
 * Claims up to `limit` messages due at `now`, oldest first, by pushing their next attempt 10 minutes
 * ahead in the same statement: two senders (two processes) never take the same message, and a sender
 * that dies mid-way leaves its messages to be tried again later.
 */
export async function claimDue(db: Db, now: Date, limit: number, channels: readonly OutboxChannel[]) {
  if (channels.length === 0) return [];
  const due = db.select({ id: outbox.id }).from(outbox)
    // Never a message past its time to live, even one that expired since the last sweep.
    .where(and(inArray(outbox.channel, [...channels]), isNull(outbox.sentAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, now), sql`${expiresAt} > ${now.toISOString()}::timestamptz`))
    .orderBy(asc(outbox.nextAttemptAt)).limit(limit).for('update', { skipLocked: true });
  return db.update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + 10 * 60_000), attempts: sql`${outbox.attempts} + 1` })
    .where(sql`${outbox.id} in ${due}`)
    .returning({ id: outbox.id, districtId: outbox.districtId, channel: outbox.channel, to: outbox.toAddress, subject: outbox.subject, body: outbox.body, kind: outbox.kind, attempts: outbox.attempts });
}

/** The files of claimed messages, by message id. */
export async function findAttachments(db: Db, outboxIds: readonly string[]): Promise<Map<string, MailAttachment[]>> {
  const byMail = new Map<string, MailAttachment[]>();
  if (outboxIds.length === 0) return byMail;
  const rows = await db.select().from(outboxAttachments).where(inArray(outboxAttachments.outboxId, [...outboxIds])).orderBy(asc(outboxAttachments.fileName));
  for (const r of rows) byMail.set(r.outboxId, [...(byMail.get(r.outboxId) ?? []), { fileName: r.fileName, contentType: r.contentType, content: r.content }]);
  return byMail;
}

/** Marks messages sent (one statement for a batch); their files are not kept once delivered. */
export async function markSent(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(outbox).set({ sentAt: now, lastError: null }).where(inArray(outbox.id, [...ids]));
  await db.delete(outboxAttachments).where(inArray(outboxAttachments.outboxId, [...ids]));
}

/** Records a failed attempt: tried again at `retryAt`, or given up when `retryAt` is null. */
export async function markFailed(db: Db, id: string, error: string, now: Date, retryAt: Date | null): Promise<void> {
  await db.update(outbox).set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, failedAt: now }).where(eq(outbox.id, id));
  if (!retryAt) await db.delete(outboxAttachments).where(eq(outboxAttachments.outboxId, id));
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
    expired: sql<number>`count(${outbox.expiredAt})::int`,
    lastError: sql<string | null>`(array_agg(${outbox.lastError} order by ${outbox.createdAt} desc) filter (where ${outbox.lastError} is not null))[1]`,
  }).from(outbox).where(eq(outbox.districtId, districtId));
  return { pending: Number(row?.pending ?? 0), sent: Number(row?.sent ?? 0), failed: Number(row?.failed ?? 0), expired: Number(row?.expired ?? 0), lastError: row?.lastError ?? null };
}

/** A page of a district's messages of one status (or all), newest first, and how many there are in all. */
export async function findPage(db: Db, districtId: string, status: 'pending' | 'sent' | 'failed' | undefined, page: number, pageSize: number) {
  const byStatus: Record<'pending' | 'sent' | 'failed', SQL | undefined> = {
    pending: and(isNull(outbox.sentAt), isNull(outbox.failedAt)), sent: isNotNull(outbox.sentAt), failed: isNotNull(outbox.failedAt),
  };
  const where = and(eq(outbox.districtId, districtId), status ? byStatus[status] : undefined);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(where);
  const items = await db.select({
    id: outbox.id, channel: outbox.channel, to: outbox.toAddress, subject: outbox.subject, kind: outbox.kind, attempts: outbox.attempts, lastError: outbox.lastError,
    nextAttemptAt: outbox.nextAttemptAt, sentAt: outbox.sentAt, failedAt: outbox.failedAt, createdAt: outbox.createdAt,
  }).from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(pageSize).offset((page - 1) * pageSize);
  return { total: Number(count?.n ?? 0), items };
}
