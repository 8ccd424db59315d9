import { whoOf, writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import type { Mailer } from '../../lib/mailer.js';
import type { SmsProvider } from '../../lib/sms.js';
import { PushSubscriptionGone, type WebPushSender } from '../../lib/webpush.js';
import { findPushTarget, touchPushSubscription } from '../notifications/notifications.repository.js';
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

/**
 * Sends the messages due now: e-mail through `mailer` (when SMTP is configured), text messages through `sms`
 * (when given and configured). A failure is retried after 1, 2, 4, 8 minutes; after MAX_ATTEMPTS the message is
 * given up and an `outbox.failed` event audited. A channel without its sender is not claimed.
 */
export async function deliverDue(
  db: Db, mailer: Mailer, clock: Clock, limit = 50, sms: SmsProvider | null = null, push: WebPushSender | null = null,
): Promise<{ sent: number; failed: number }> {
  await expireStale(db, clock);
  const channels: repo.OutboxChannel[] = [...(mailer.enabled ? ['email' as const] : []), ...(sms ? ['sms' as const] : []), ...(push ? ['push' as const] : [])];
  if (channels.length === 0) return { sent: 0, failed: 0 };
  const claimed = await repo.claimDue(db, clock.now(), limit, channels);
  const files = await repo.findAttachments(db, claimed.map((m) => m.id));
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      if (mail.channel === 'sms') {
        await sms!.send({ to: mail.to, body: mail.body });
      } else if (mail.channel === 'push') {
        const target = await findPushTarget(db, mail.to);
        if (!target) throw new PushSubscriptionGone('The push subscription was removed');
        try {
          await push!.send(target, JSON.parse(mail.body) as object, clock.now(), ttlOf(mail.kind));
        } catch (error) {
          if (error instanceof PushSubscriptionGone) await touchPushSubscription(db, mail.to, null);
          throw error;
        }
        await touchPushSubscription(db, mail.to, clock.now());
      } else {
        const attachments = files.get(mail.id)?.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content }));
        await mailer.send({ to: mail.to, subject: mail.subject, text: mail.body, ...(attachments ? { attachments } : {}) });
      }
      await repo.markSent(db, mail.id, clock.now());
      sent += 1;
    } catch (error) {
      failed += 1;
      const message = error instanceof Error ? error.message.slice(0, 500) : 'send failed';
      const now = clock.now();
      // A subscription that is gone will never take the message: given up at once, nothing to audit.
      const gone = error instanceof PushSubscriptionGone;
      const giveUp = gone || mail.attempts >= MAX_ATTEMPTS;
      await db.transaction(async (tx) => {
        await repo.markFailed(tx, mail.id, message, now, giveUp ? null : new Date(now.getTime() + 2 ** (mail.attempts - 1) * 60_000));
        if (giveUp && !gone) {
          await writeAudit(tx, { label: 'system', districtId: mail.districtId }, {
            type: 'outbox.failed', subjectType: 'outbox', subjectId: mail.id, detail: { kind: mail.kind, channel: mail.channel, attempts: mail.attempts },
          });
        }
      });
    }
  }
  return { sent, failed };
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
