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
  kind: z.enum(NOTIFICATION_KINDS), label: z.string(), inApp: z.boolean(), email: z.boolean(), mandatory: z.boolean(),
});
export type Preference = z.infer<typeof preferenceSchema>;

export const preferenceBody = z.strictObject({ kind: z.enum(NOTIFICATION_KINDS), inApp: z.boolean(), email: z.boolean() });
export type PreferenceBody = z.infer<typeof preferenceBody>;

export const notificationSettingsSchema = z.object({
  escalationMinutes: z.number().int().min(1).max(240).describe('Minutes a life-safety tip may wait unacknowledged before each escalation step'),
  reminderHours: z.number().int().min(1).max(720).describe('Hours between two plan acknowledgement reminders'),
});
export const notificationSettingsBody = notificationSettingsSchema.strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const listNotificationsQuery = z.object({ unread: z.enum(['true', 'false']).optional() });

/** POST /plans/:id/remind: how many readers were reminded, and when. */
export const remindResult = z.object({ reminded: z.number().int(), remindedAt: z.iso.datetime() });
