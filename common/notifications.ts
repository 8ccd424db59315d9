import { z } from 'zod';

/**
 * The notification centre (the bell) and escalation chains.
 *
 * | method | path                            | permission      | what |
 * |--------|---------------------------------|-----------------|------|
 * | GET    | /notifications                  | signed in       | My latest notifications and the unread count → NotificationPage |
 * | POST   | /notifications/:id/read         | signed in       | Mark one read (mine only; another's reads as 404) |
 * | POST   | /notifications/read-all         | signed in       | Mark all mine read → { updated } |
 * | GET    | /notifications/preferences      | signed in       | My channel per kind → Preference[] |
 * | PUT    | /notifications/preferences      | signed in       | Change one kind's channels (life-safety, alerts and escalations stay on: 400) |
 * | GET    | /notifications/mobile           | signed in       | My mobile number and carrier gateway for text messages → Mobile |
 * | PUT    | /notifications/mobile           | signed in       | Change them (audited); null number: no text messages |
 * | GET    | /notifications/push             | signed in       | The VAPID public key and my subscribed devices → PushState |
 * | POST   | /notifications/push/subscriptions | signed in     | Subscribe this device (a PushSubscription's JSON; audited) |
 * | POST   | /notifications/push/unsubscribe | signed in       | Remove this device by endpoint (audited; another's reads as 404) |
 * | GET    | /notifications/settings         | district.read   | District escalation minutes and reminder hours |
 * | PUT    | /notifications/settings         | district.manage | Change them (audited) |
 *
 * Live: `needs.changed` (audience alert.receive at the school, no content) tells open homes and bells to reload.
 */

export const NOTIFICATION_KINDS = [
  'life_safety', 'alert', 'escalation', 'report_returned', 'report_approved', 'referral_received', 'referral_accepted',
  'referral_closed', 'tip_assigned', 'task_assigned', 'task_due', 'certification_lapsing', 'work_order_assigned', 'backup_failed',
  'plan_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds nobody may turn off: a life at risk, an alert, an escalation of either. */
export const MANDATORY_KINDS: readonly NotificationKind[] = ['life_safety', 'alert', 'escalation'];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  life_safety: 'Life-safety tips', alert: 'Alerts', escalation: 'Escalations', report_returned: 'Report returned to me',
  report_approved: 'Report approved', referral_received: 'Referral received', referral_accepted: 'Referral accepted',
  referral_closed: 'Referral closed', tip_assigned: 'Tip assigned', task_assigned: 'Task assigned', task_due: 'Task due',
  certification_lapsing: 'Certification lapsing', work_order_assigned: 'Work order assigned', backup_failed: 'Backup failed',
  plan_reminder: 'Plan to acknowledge',
};

export const notificationSchema = z.object({
  id: z.uuid(), kind: z.enum(NOTIFICATION_KINDS), title: z.string(), link: z.string(), createdAt: z.iso.datetime(), readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPage = z.object({ unread: z.number().int(), items: z.array(notificationSchema) });
export type NotificationPage = z.infer<typeof notificationPage>;

export const preferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS), label: z.string(), inApp: z.boolean(), email: z.boolean(),
  sms: z.boolean().describe('Text message to my mobile number (needs one in the profile)'), mandatory: z.boolean(),
});
export type Preference = z.infer<typeof preferenceSchema>;

export const preferenceBody = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean(), sms: z.boolean().optional().describe('Omitted: unchanged'),
});
export type PreferenceBody = z.infer<typeof preferenceBody>;

/** Common US carriers' e-mail-to-SMS gateway domains (SMS_PROVIDER=email-gateway); any other domain is accepted too. */
export const SMS_GATEWAYS: readonly { domain: string; label: string }[] = [
  { domain: 'txt.att.net', label: 'AT&T' }, { domain: 'tmomail.net', label: 'T-Mobile' }, { domain: 'vtext.com', label: 'Verizon' },
  { domain: 'messaging.sprintpcs.com', label: 'Sprint' }, { domain: 'email.uscc.net', label: 'US Cellular' }, { domain: 'msg.fi.google.com', label: 'Google Fi' },
];

/** My number for text messages: digits with an optional leading + (7 to 15 digits), spaces, dashes, dots and brackets dropped. */
export const mobileSchema = z.object({
  mobilePhone: z.string().nullable().describe('Digits with an optional leading +; null: no text messages'),
  smsGateway: z.string().nullable().describe('Carrier e-mail-to-SMS gateway domain, e.g. txt.att.net (only with SMS_PROVIDER=email-gateway)'),
  smsConfigured: z.boolean().describe('false: this server sends no text messages (SMS_PROVIDER unset)'),
});
export type Mobile = z.infer<typeof mobileSchema>;
export const mobileBody = z.strictObject({
  mobilePhone: z.string().trim().max(30).transform((v) => v.replace(/[\s().-]/g, '')).pipe(z.string().regex(/^\+?\d{7,15}$/, 'Enter a mobile number of 7 to 15 digits')).nullable(),
  smsGateway: z.string().trim().toLowerCase().max(100).regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'Enter a domain such as txt.att.net').nullable().default(null),
});
export type MobileBody = z.input<typeof mobileBody>;

/** The browser's PushSubscription.toJSON(): an https endpoint and its P-256 and auth keys in base64url. */
export const pushSubscriptionBody = z.strictObject({
  endpoint: z.url().max(2000).describe('The push service URL of this device (https)'),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'p256dh must be a base64url P-256 public key'),
    auth: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'auth must be 16 bytes in base64url'),
  }),
});
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBody>;
export const pushUnsubscribeBody = z.strictObject({ endpoint: z.url().max(2000) });
export const pushStateSchema = z.object({
  publicKey: z.string().describe('VAPID public key (applicationServerKey), base64url'),
  devices: z.array(z.object({ id: z.uuid(), endpoint: z.string(), device: z.string().nullable(), createdAt: z.iso.datetime(), lastSentAt: z.iso.datetime().nullable() })),
});
export type PushState = z.infer<typeof pushStateSchema>;
/** What the service worker receives in a push message. */
export interface PushPayload { title: string; body: string; url: string; kind: string; tag: string }

export const notificationSettingsSchema = z.object({
  escalationMinutes: z.number().int().min(1).max(240).describe('Minutes a life-safety tip may wait unacknowledged before each escalation step'),
  reminderHours: z.number().int().min(1).max(720).describe('Hours between two plan acknowledgement reminders'),
});
export const notificationSettingsBody = notificationSettingsSchema.strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const listNotificationsQuery = z.object({ unread: z.enum(['true', 'false']).optional() });

/** POST /plans/:id/remind: how many readers were reminded, and when. */
export const remindResult = z.object({ reminded: z.number().int(), remindedAt: z.iso.datetime() });
