import { z } from 'zod';
import { AUDIT_EVENTS, type AuditEventType } from '../../../common/audit-events.js';
import { text } from '../../../common/text.js';

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;
export const MAX_EXPORT_ROWS = 50_000;

const EVENT_TYPES = Object.keys(AUDIT_EVENTS) as [AuditEventType, ...AuditEventType[]];

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO date-time such as 2026-11-02T08:00:00Z, or a day as YYYY-MM-DD',
});

const filterFields = {
  actorId: z.uuid().optional().describe('Events of this user'),
  schoolId: z.uuid().optional(),
  eventType: z.enum(EVENT_TYPES).optional(),
  from: instant.optional().describe('Events at or after; a day starts at midnight in the district\'s time zone'),
  to: instant.optional().describe('Events at or before; a day counts whole, in the district\'s time zone'),
  q: text(200).optional().describe('Text in the actor label or detail, or an exact subject, request or user id'),
};

export const auditFilterQuery = z.strictObject(filterFields);
export const listAuditQuery = z.strictObject({
  ...filterFields,
  cursor: z.string().regex(/^\d{1,18}$/, 'must be the nextCursor of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
});

export const auditItemSchema = z.object({
  id: z.number().int(),
  at: z.date(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  eventType: z.string(),
  meaning: z.string().nullable(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const auditPageSchema = z.object({
  items: z.array(auditItemSchema).describe('Newest first'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next (older) page; null on the last page'),
});

export const eventTypesSchema = z.object({ items: z.array(z.object({ type: z.string(), meaning: z.string() })) });

export type AuditFilterQuery = z.infer<typeof auditFilterQuery>;
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
