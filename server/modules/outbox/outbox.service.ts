import { whoOf, writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import type { Mailer } from '../../lib/mailer.js';
import type { SmsProvider } from '../../lib/sms.js';
import { PushSubscriptionGone, type WebPushSender } from '../../lib/webpush.js';
import { findPushTargets, removePushSubscription, touchPushSubscriptions } from '../notifications/notifications.repository.js';
import * as repo from './outbox.repository.js';

export type { MailAttachment, OutboxChannel, QueuedMail } from './outbox.repository.js';

/** Attempts before a message is given up (and the failure audited). */
export const MAX_ATTEMPTS = 5;

/**
 * Queues e-mail in the transaction `tx` of the change that causes it: rolled back with it, sent only after
 * it commits (by `deliverDue`). Use this rather than sending from inside a transaction.
 */
export async function queueMail(tx: Db, clock: Clock, mails: readonly repo.QueuedMail[]): Promise<number> {
  return repo.insertMail(tx, mails, clock.now());
}

/** Seconds a push service keeps an undelivered message: an hour for urgent kinds, a day otherwise. */
function ttlOf(kind: string): number {
  return new RegExp(repo.URGENT_KIND).test(kind) ? 3600 : 86_400;
}

/** A text message for one person, queued like e-mail (same retries, time to live and audit). */
export interface QueuedSms {
  districtId: string | null;
  /** `smsAddress(mobilePhone, gateway)`. */
  to: string;
  body: string;
  kind: string;
}

/** Queues text messages in the transaction `tx` of the change that causes them (outbox channel `sms`). */
export async function queueSms(tx: Db, clock: Clock, messages: readonly QueuedSms[]): Promise<number> {
  return repo.insertMail(tx, messages.map((m) => ({ ...m, channel: 'sms' as const, subject: m.body.slice(0, 80) })), clock.now());
}

/** Messages one sender has in flight at once: hides each provider's round trip without flooding it. */
export const SEND_CONCURRENCY = 16;

/** Runs `work` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

type Claimed = Awaited<ReturnType<typeof repo.claimDue>>[number];

/**
 * Sends the messages due now: e-mail through `mailer` (when SMTP is configured), text messages through `sms`
 * (when given and configured), Web Push through `push`. The batch is claimed in one statement and sent
 * SEND_CONCURRENCY at a time; what went out is marked sent in one statement. A failure is retried after 1, 2, 4,
 * 8 minutes; after MAX_ATTEMPTS the message is given up and an `outbox.failed` event audited. A channel without
 * its sender is not claimed. Delivery is at least once: a sender that dies before marking resends after the claim.
 */
export async function deliverDue(
  db: Db, mailer: Mailer, clock: Clock, limit = 50, sms: SmsProvider | null = null, push: WebPushSender | null = null,
): Promise<{ sent: number; failed: number }> {
  await expireStale(db, clock);
  const channels: repo.OutboxChannel[] = [...(mailer.enabled ? ['email' as const] : []), ...(sms ? ['sms' as const] : []), ...(push ? ['push' as const] : [])];
  if (channels.length === 0) return { sent: 0, failed: 0 };
  const claimed = await repo.claimDue(db, clock.now(), limit, channels);
  const files = await repo.findAttachments(db, claimed.filter((m) => m.channel === 'email').map((m) => m.id));
  const targets = await findPushTargets(db, claimed.filter((m) => m.channel === 'push').map((m) => m.to));
  const sent: Claimed[] = [];
  const failures: { mail: Claimed; error: unknown }[] = [];
  await eachLimited(claimed, SEND_CONCURRENCY, async (mail) => {
    try {
      if (mail.channel === 'sms') {
        await sms!.send({ to: mail.to, body: mail.body });
      } else if (mail.channel === 'push') {
        const target = targets.get(mail.to);
        if (!target) throw new PushSubscriptionGone('The push subscription was removed');
        await push!.send(target, JSON.parse(mail.body) as object, clock.now(), ttlOf(mail.kind));
      } else {
        const attachments = files.get(mail.id)?.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content }));
        await mailer.send({ to: mail.to, subject: mail.subject, text: mail.body, ...(attachments ? { attachments } : {}) });
      }
      sent.push(mail);
    } catch (error) {
      failures.push({ mail, error });
    }
  });
  const now = clock.now();
  // Together: a message shown sent has its device's last delivery recorded too.
  if (sent.length) {
    await db.transaction(async (tx) => {
      await touchPushSubscriptions(tx, sent.filter((m) => m.channel === 'push').map((m) => m.to), now);
      await repo.markSent(tx, sent.map((m) => m.id), now);
    });
  }
  for (const { mail, error } of failures) await recordFailure(db, mail, error, clock.now());
  return { sent: sent.length, failed: failures.length };
}

/** A failed attempt: retried later, or given up (audited), or, for a push subscription that is gone, forgotten. */
async function recordFailure(db: Db, mail: Claimed, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message.slice(0, 500) : 'send failed';
  // A subscription that is gone will never take the message: given up at once, nothing to audit.
  const gone = error instanceof PushSubscriptionGone;
  const giveUp = gone || mail.attempts >= MAX_ATTEMPTS;
  if (gone) await removePushSubscription(db, mail.to);
  await db.transaction(async (tx) => {
    await repo.markFailed(tx, mail.id, message, now, giveUp ? null : new Date(now.getTime() + 2 ** (mail.attempts - 1) * 60_000));
    if (giveUp && !gone) {
      await writeAudit(tx, { label: 'system', districtId: mail.districtId }, {
        type: 'outbox.failed', subjectType: 'outbox', subjectId: mail.id, detail: { kind: mail.kind, channel: mail.channel, attempts: mail.attempts },
      });
    }
  });
}

/**
 * Sends everything due now, batch after batch (at most `rounds` batches of `limit`), for a change that just
 * queued many messages (an alert to a whole school): the periodic sender would take the rest only at its next run.
 */
export async function drainDue(
  db: Db, mailer: Mailer, clock: Clock, limit = 100, sms: SmsProvider | null = null, push: WebPushSender | null = null, rounds = 50,
): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  for (let round = 0; round < rounds; round++) {
    const { sent, failed } = await deliverDue(db, mailer, clock, limit, sms, push);
    total.sent += sent;
    total.failed += failed;
    // Fewer than a full batch: nothing more was due (what failed waits for its retry time).
    if (sent + failed < limit) break;
  }
  return total;
}

/**
 * Expires waiting mail past its district's time to live (urgent 24 h, other 7 days by default): marked
 * failed with the reason, one `outbox.expired` audit event per district with the count. Runs with or without
 * SMTP, so a mail server configured later never sends stale mail.
 */
export async function expireStale(db: Db, clock: Clock): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await repo.expireDue(tx, clock.now());
    const byDistrict = new Map<string | null, { count: number; kinds: Set<string> }>();
    for (const m of expired) {
      const entry = byDistrict.get(m.districtId) ?? { count: 0, kinds: new Set<string>() };
      entry.count += 1;
      entry.kinds.add(m.kind);
      byDistrict.set(m.districtId, entry);
    }
    for (const [districtId, entry] of byDistrict) {
      await writeAudit(tx, { label: 'system', districtId }, {
        type: 'outbox.expired', subjectType: 'outbox', detail: { count: entry.count, kinds: [...entry.kinds].sort() },
      });
    }
    return expired.length;
  });
}

/** The district's times to live of waiting e-mail. */
export function outboxSettingsOf(ctx: ServiceContext) {
  return repo.findSettings(ctx.db, ctx.actor.districtId);
}

/** Changes the district's times to live (audited). */
export async function updateOutboxSettings(ctx: ServiceContext, input: { urgentTtlHours: number; otherTtlHours: number }) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, ctx.actor.districtId);
    await repo.saveSettings(tx, ctx.actor.districtId, input, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'outbox.settings_changed', subjectType: 'district', subjectId: ctx.actor.districtId, detail: { before, after: input } });
    return input;
  });
}

/** The outbox of the actor's district, for operations. */
export function outboxStatus(ctx: ServiceContext) {
  return repo.statusOf(ctx.db, ctx.actor.districtId);
}

/**
 * A page of the district's e-mail with each message's state, for administrators (what waits when SMTP is not
 * configured, what failed and why). Message bodies are not shown: they may carry temporary passwords.
 */
export async function listOutbox(ctx: ServiceContext, smtpConfigured: boolean, query: { status?: 'pending' | 'sent' | 'failed'; page: number; pageSize: number }) {
  const { total, items } = await repo.findPage(ctx.db, ctx.actor.districtId, query.status, query.page, query.pageSize);
  return {
    total, page: query.page, pageSize: query.pageSize, smtpConfigured,
    items: items.map((m) => ({
      id: m.id, channel: m.channel as repo.OutboxChannel, status: m.sentAt ? 'sent' as const : m.failedAt ? 'failed' as const : 'pending' as const, to: m.to, subject: m.subject,
      kind: m.kind, attempts: m.attempts, lastError: m.lastError, nextAttemptAt: m.sentAt || m.failedAt ? null : m.nextAttemptAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null, failedAt: m.failedAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString(),
    })),
  };
}
