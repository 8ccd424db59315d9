import { z } from 'zod';
import { anyText, text } from './text.js';

/*
 * The API contract of SRO presence and notices (capability 8), and the e-mail outbox list for administrators.
 *
 * | method | path                              | permission      | what it does |
 * |--------|-----------------------------------|-----------------|--------------|
 * | GET    | /presence?schoolId                | notice.read     | Current status of each SRO assigned to each of my schools → { items: PresenceStatus[] } |
 * | POST   | /presence/leave                   | notice.send     | "Leaving the building" (LeaveBody) → 201 PresenceNotice; I must be assigned to the school (400 `schoolId`); 409 when I am already away there |
 * | POST   | /presence/:id/return              | notice.send     | "Back on campus" for my open away notice → PresenceNotice; another SRO's notice is 403 |
 * | PATCH  | /presence/:id                     | notice.send     | Change expected return / backup contact of my open away notice (PresenceUpdateBody) → PresenceNotice; another SRO's is 403 |
 * | GET    | /presence/history?schoolId&limit  | notice.read     | Leaving / back notices, newest first → { items: PresenceNotice[] } |
 * | GET    | /advance-notices?schoolId&upcoming&limit | notice.read | Advance notices to my schools → { items: AdvanceNotice[] } |
 * | POST   | /advance-notices                  | notice.send     | Training, leave, vacation (AdvanceNoticeBody) → 201 AdvanceNotice; 400 `toDate` when before fromDate |
 * | GET    | /advance-notices/:id              | notice.read     | One → AdvanceNotice |
 * | GET    | /outbox?status&page&pageSize      | district.manage | E-mail of my district, newest first → OutboxPage |
 *
 * Leaving / back notices go to every active user with a grant at the school: live (SSE event
 * `notice.presence`, payload { notice: PresenceNotice, status: PresenceStatus }) and one e-mail each. Advance
 * notices go to the school's administrators and the SRO supervisors of the school: live (`notice.advance`,
 * payload { notice: AdvanceNotice }) and e-mail. Both live events reach every /live stream holding notice.read
 * at the school.
 */

/** The live (SSE, /api/live) event types of this module; every notice.read holder at the school receives them. */
export const NOTICE_LIVE_EVENTS = ['notice.presence', 'notice.advance'] as const;
export type NoticeLiveEvent = (typeof NOTICE_LIVE_EVENTS)[number];

const instant = z.iso.datetime({ offset: true, error: 'must be a date-time (ISO 8601 with time zone)' });
const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const person = z.object({ id: z.uuid(), name: z.string() });

/** Quick picks the leave button offers; the reason itself is free text. */
export const LEAVE_REASONS = ['Call for service', 'Court', 'Meeting off campus', 'Training', 'Transport', 'Lunch'] as const;

/** Longest "away until": the end of tomorrow is plenty; longer absences are advance notices. */
export const MAX_AWAY_HOURS = 36;

/** POST /presence/leave. expectedReturnAt: after now, at most MAX_AWAY_HOURS ahead (400 naming it). */
export const leaveBody = z.strictObject({
  schoolId: z.uuid(),
  reason: text(200),
  expectedReturnAt: instant,
  backupContact: text(200).describe('Who staff call meanwhile, with a number'),
});
export type LeaveBody = z.infer<typeof leaveBody>;

/** PATCH /presence/:id. */
export const presenceUpdateBody = z.strictObject({
  expectedReturnAt: instant, backupContact: text(200),
}).partial();
export type PresenceUpdateBody = z.infer<typeof presenceUpdateBody>;

export const presenceQuery = z.strictObject({ schoolId: z.uuid().optional() });
export const presenceHistoryQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One leaving-the-building notice; returnedAt set when the SRO is back. */
export const presenceNoticeSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  sro: person,
  reason: z.string(),
  leftAt: z.string(),
  expectedReturnAt: z.string(),
  backupContact: z.string(),
  returnedAt: z.string().nullable(),
  recipients: z.number().int().describe('E-mails queued for the leaving notice'),
});
export type PresenceNotice = z.infer<typeof presenceNoticeSchema>;
export const presenceNoticeListSchema = z.object({ items: z.array(presenceNoticeSchema) });

/** Where an SRO is, for one school: on campus, or away (with the open notice). */
export const presenceStatusSchema = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  sro: person,
  status: z.enum(['on_campus', 'away']),
  since: z.string().nullable().describe('When the SRO left or came back; null when no notice was ever given'),
  notice: presenceNoticeSchema.nullable().describe('The open away notice'),
  overdue: z.boolean().describe('Away past the expected return'),
});
export type PresenceStatus = z.infer<typeof presenceStatusSchema>;
export const presenceStatusListSchema = z.object({ items: z.array(presenceStatusSchema) });

// ───────────────────────── advance notices ─────────────────────────

export const ADVANCE_KINDS = ['training', 'leave', 'vacation', 'other'] as const;
export type AdvanceKind = (typeof ADVANCE_KINDS)[number];
export const ADVANCE_KIND_LABELS: Record<AdvanceKind, string> = {
  training: 'Training', leave: 'Leave', vacation: 'Vacation', other: 'Other',
};

/** POST /advance-notices. Schools: where I am assigned (400 `schoolIds`); fromDate not in the past (400 `fromDate`). */
export const advanceNoticeBody = z.strictObject({
  schoolIds: z.array(z.uuid()).min(1).max(20),
  kind: z.enum(ADVANCE_KINDS),
  fromDate: day,
  toDate: day,
  note: anyText(2000).nullable().optional(),
  coverage: anyText(500).nullable().optional().describe('Who covers meanwhile'),
});
export type AdvanceNoticeBody = z.infer<typeof advanceNoticeBody>;

export const listAdvanceNoticesQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  upcoming: z.enum(['true', 'false']).optional().describe('true: only notices not yet over'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const advanceNoticeSchema = z.object({
  id: z.uuid(),
  sro: person,
  schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
  kind: z.enum(ADVANCE_KINDS),
  fromDate: z.string(),
  toDate: z.string(),
  note: z.string().nullable(),
  coverage: z.string().nullable(),
  daysNotice: z.number().int().describe('Days between giving the notice and fromDate'),
  recipients: z.number().int(),
  createdAt: z.string(),
});
export type AdvanceNotice = z.infer<typeof advanceNoticeSchema>;
export const advanceNoticeListSchema = z.object({ items: z.array(advanceNoticeSchema) });

// ───────────────────────── outbox (administrators) ─────────────────────────

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const listOutboxQuery = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListOutboxQuery = z.input<typeof listOutboxQuery>;

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms', 'push']).describe('email; sms: a text message to a mobile number; push: a Web Push message to a subscribed device'),
  status: z.enum(OUTBOX_STATUSES),
  to: z.string(),
  subject: z.string(),
  kind: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe('Pending only'),
  sentAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export const outboxPageSchema = z.object({
  items: z.array(outboxMessageSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  smtpConfigured: z.boolean().describe('false: nothing is sent; mail waits here'),
});
export type OutboxPage = z.infer<typeof outboxPageSchema>;
