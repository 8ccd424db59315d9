import {
  NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, MANDATORY_KINDS, type Mobile, type NotificationKind, type NotificationPage, type Preference, type PreferenceBody,
  type PushPayload, type PushState, type PushSubscriptionBody,
} from '../../../common/notifications.js';
import { whoOf, writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { appendLiveEvent } from '../live/live.repository.js';
import { smsAddress } from '../../lib/sms.js';
import { queueMail, queueSms } from '../outbox/outbox.service.js';
import { channelsOf, requireChangeable } from './notifications.policy.js';
import * as repo from './notifications.repository.js';

/** What happened, for whom, and where to look. */
export interface NotifyInput {
  districtId: string;
  schoolId: string | null;
  kind: NotificationKind;
  title: string;
  /** A path of the web app, e.g. /incidents/…; e-mail carries it as a full link. */
  link: string;
  subjectType?: string;
  subjectId?: string;
  /** User ids; inactive users and users of another district are left out. */
  to: string[];
}

/**
 * Notifies people inside the transaction `tx` of the change that causes it: a bell entry, an e-mail and a text
 * message (to those with a mobile number) through the outbox, each as the person chose for the kind (life-safety,
 * alerts and escalations always every channel), then a
 * `needs.changed` live event at the school so open bells and homes reload. Answers how many were reached.
 */
export async function notify(tx: Db, clock: Clock, publicUrl: string, input: NotifyInput): Promise<number> {
  const people = await repo.findPeople(tx, input.districtId, [...new Set(input.to)]);
  if (people.length === 0) return 0;
  const stored = await repo.findPreferences(tx, people.map((p) => p.id));
  const now = clock.now();
  const chosen = people.map((p) => ({ p, c: channelsOf(input.kind, stored.find((s) => s.userId === p.id && s.kind === input.kind)) }));
  await repo.insertNotifications(tx, chosen.filter((x) => x.c.inApp).map(({ p }) => ({
    districtId: input.districtId, userId: p.id, schoolId: input.schoolId, kind: input.kind, title: input.title, link: input.link,
    subjectType: input.subjectType ?? null, subjectId: input.subjectId ?? null, createdAt: now,
  })));
  const url = `${publicUrl.replace(/\/$/, '')}${input.link}`;
  await queueMail(tx, clock, chosen.filter((x) => x.c.email).map(({ p }) => ({
    districtId: input.districtId, to: p.email, subject: input.title, kind: `notification.${input.kind}`,
    body: `${input.title}\n\nOpen it: ${url}\n\nChoose how you are notified in your profile (life-safety tips, alerts and escalations always reach you).\n`,
  })));
  await queueSms(tx, clock, chosen.filter((x) => x.c.sms && x.p.mobilePhone).map(({ p }) => ({
    districtId: input.districtId, to: smsAddress(p.mobilePhone!, p.smsGateway), kind: `notification.${input.kind}`, body: `SRO Desk: ${input.title} ${url}`,
  })));
  // Web Push follows the in-app choice: it is the bell's entry, shown on the user's devices.
  await queuePush(tx, clock, input.districtId, chosen.filter((x) => x.c.inApp).map(({ p }) => p.id), {
    title: input.title, body: NOTIFICATION_KIND_LABELS[input.kind], url: input.link, kind: `notification.${input.kind}`, tag: `${input.kind}:${input.subjectId ?? input.link}`,
  });
  if (input.schoolId) await announceNeedsChanged(tx, input.districtId, input.schoolId, input.kind);
  return people.length;
}

/** Queues one Web Push message per subscribed device of `userIds` (outbox channel `push`), in the caller's transaction. */
export async function queuePush(tx: Db, clock: Clock, districtId: string, userIds: string[], payload: PushPayload): Promise<number> {
  const subscriptions = await repo.findPushSubscriptions(tx, [...new Set(userIds)]);
  return queueMail(tx, clock, subscriptions.map((s) => ({
    districtId, channel: 'push' as const, to: s.id, subject: payload.title.slice(0, 200), body: JSON.stringify(payload), kind: payload.kind,
  })));
}

/** The VAPID public key and the caller's subscribed devices. */
export async function findPushState(ctx: ServiceContext, publicKey: string): Promise<PushState> {
  const devices = await repo.findPushSubscriptionsOf(ctx.db, ctx.actor.userId);
  return {
    publicKey,
    devices: devices.map((d) => ({ id: d.id, endpoint: d.endpoint, device: d.device, createdAt: d.createdAt.toISOString(), lastSentAt: d.lastSentAt?.toISOString() ?? null })),
  };
}

/** Subscribes the caller's device to Web Push (audited; the endpoint, a capability URL, is not written to the audit). */
export async function subscribePush(
  ctx: ServiceContext, push: { publicKey: string; allowHttpLoopback: boolean }, input: PushSubscriptionBody, userAgent: string | undefined,
): Promise<PushState> {
  const url = new URL(input.endpoint);
  const loopback = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && push.allowHttpLoopback)) throw new AppError('validation_failed', 'endpoint: a push endpoint must be https', { field: 'endpoint' });
  const publicKey = push.publicKey;
  await ctx.db.transaction(async (tx) => {
    const id = await repo.savePushSubscription(tx, {
      districtId: ctx.actor.districtId, userId: ctx.actor.userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth,
      device: userAgent ? userAgent.slice(0, 200) : null,
    }, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'notification.push_subscribed', subjectType: 'push_subscription', subjectId: id, detail: { pushService: new URL(input.endpoint).host } });
  });
  return findPushState(ctx, publicKey);
}

/** Removes one of the caller's devices by endpoint (audited); another's reads as 404. */
export async function unsubscribePush(ctx: ServiceContext, publicKey: string, endpoint: string): Promise<PushState> {
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deletePushSubscription(tx, ctx.actor.userId, endpoint))) throw notFound('Push subscription');
    await writeAudit(tx, whoOf(ctx), { type: 'notification.push_unsubscribed', subjectType: 'user', subjectId: ctx.actor.userId, detail: { pushService: new URL(endpoint).host } });
  });
  return findPushState(ctx, publicKey);
}

/**
 * Tells open homes and bells at a school to reload (live `needs.changed`, no content), in the caller's
 * transaction: for changes that alter someone's needs without a notification (a report sent for review).
 */
export async function announceNeedsChanged(tx: Db, districtId: string, schoolId: string, module: string): Promise<void> {
  await appendLiveEvent(tx, { districtId, schoolIds: [schoolId], audience: 'alert.receive', type: 'needs.changed', payload: { module } });
}

/** The caller's latest notifications and unread count. */
export async function findMine(ctx: ServiceContext, unreadOnly: boolean): Promise<NotificationPage> {
  const { items, unread } = await repo.findNotifications(ctx.db, ctx.actor.userId, unreadOnly, 50);
  return {
    unread,
    items: items.map((n) => ({ id: n.id, kind: n.kind as NotificationKind, title: n.title, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
  };
}

/** Marks one of the caller's notifications read (another's reads as 404). */
export async function markRead(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await repo.markRead(ctx.db, ctx.actor.userId, id, ctx.clock.now()))) throw notFound('Notification');
}

/** Marks all the caller's notifications read. */
export async function markAllRead(ctx: ServiceContext): Promise<{ updated: number }> {
  return { updated: await repo.markAllRead(ctx.db, ctx.actor.userId, ctx.clock.now()) };
}

/** The caller's channels for every kind. */
export async function findPreferences(ctx: ServiceContext): Promise<Preference[]> {
  const stored = await repo.findPreferences(ctx.db, [ctx.actor.userId]);
  return NOTIFICATION_KINDS.map((kind) => ({
    kind, label: NOTIFICATION_KIND_LABELS[kind], mandatory: MANDATORY_KINDS.includes(kind), ...channelsOf(kind, stored.find((s) => s.kind === kind)),
  }));
}

/** Changes the caller's channels for one kind (audited); mandatory kinds cannot be turned off. */
export async function updatePreference(ctx: ServiceContext, input: PreferenceBody): Promise<Preference[]> {
  requireChangeable(input.kind, input);
  await ctx.db.transaction(async (tx) => {
    const stored = (await repo.findPreferences(tx, [ctx.actor.userId])).find((s) => s.kind === input.kind);
    const sms = input.sms ?? channelsOf(input.kind, stored).sms;
    await repo.savePreference(tx, ctx.actor.userId, input.kind, { inApp: input.inApp, email: input.email, sms }, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'notification.preferences_changed', subjectType: 'user', subjectId: ctx.actor.userId, detail: { ...input, sms } });
  });
  return findPreferences(ctx);
}

/** The caller's mobile number and carrier gateway for text messages. */
export async function findMobile(ctx: ServiceContext, smsConfigured: boolean): Promise<Mobile> {
  return { ...(await repo.findMobile(ctx.db, ctx.actor.userId)), smsConfigured };
}

/** Changes the caller's mobile number and gateway (audited; the number itself is not written to the audit). */
export async function updateMobile(ctx: ServiceContext, smsConfigured: boolean, input: { mobilePhone: string | null; smsGateway: string | null }): Promise<Mobile> {
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findMobile(tx, ctx.actor.userId);
    await repo.saveMobile(tx, ctx.actor.userId, input, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), {
      type: 'notification.mobile_changed', subjectType: 'user', subjectId: ctx.actor.userId,
      detail: { hadNumber: before.mobilePhone !== null, hasNumber: input.mobilePhone !== null, smsGateway: input.smsGateway },
    });
  });
  return findMobile(ctx, smsConfigured);
}

/** The district's escalation minutes and reminder hours. */
export function findSettings(ctx: ServiceContext) {
  return repo.findSettings(ctx.db, ctx.actor.districtId);
}

/** Changes the district's escalation minutes and reminder hours (audited). */
export async function updateSettings(ctx: ServiceContext, input: { escalationMinutes: number; reminderHours: number }) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, ctx.actor.districtId);
    await repo.saveSettings(tx, ctx.actor.districtId, input, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'notification.settings_changed', subjectType: 'district', subjectId: ctx.actor.districtId, detail: { before, after: input } });
    return input;
  });
}
