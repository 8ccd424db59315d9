import { z } from 'zod';

/*
 * Retention: the record types a district schedules, legal holds, and destruction reports as the API shows them.
 * The state defaults and their citations are reference data in common/retention-defaults.ts.
 */

/** The record types with a retention period (incidents split where state law treats juvenile records apart). */
export const RECORD_TYPES = [
  'incident_adult', 'incident_juvenile', 'call', 'activity_entry', 'patrol_entry', 'tip', 'threat_case', 'support_referral', 'alert', 'drill',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** What each record type is, and which date its period runs from (shown next to the schedule). */
export const RECORD_TYPE_LABELS: Record<RecordType, { label: string; from: string }> = {
  incident_adult: { label: 'Incident reports (adults only)', from: 'date of the incident' },
  incident_juvenile: { label: 'Incident reports naming a juvenile', from: 'date of the incident' },
  call: { label: 'Calls for service (without an incident report)', from: 'date the call was received' },
  activity_entry: { label: 'SRO activity log entries', from: 'date of the activity' },
  patrol_entry: { label: 'Patrol log entries', from: 'date of the patrol' },
  tip: { label: 'Anonymous tips (closed)', from: 'date the tip was closed' },
  threat_case: { label: 'Threat assessment cases (closed)', from: 'date the case was closed' },
  support_referral: { label: 'Counseling and support referrals (closed)', from: 'date the referral was closed' },
  alert: { label: 'Emergency alerts and their check-ins (ended)', from: 'date the alert was raised' },
  drill: { label: 'Drill records', from: 'date of the drill' },
};

/** Records that may carry a legal hold. */
export const HOLD_KINDS = ['incident', 'tip', 'threat_case', 'support_referral'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** Where a destruction report stands: nothing is destroyed before `approved`; `purging` until every batch is done. */
export const REPORT_STATES = ['pending', 'rejected', 'approved', 'purging', 'purged'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const scheduleSchema = z.object({
  recordType: z.enum(RECORD_TYPES),
  label: z.string(),
  from: z.string(),
  /** The period in force: the district's own, else the state default; null = kept permanently. */
  years: z.number().int().nullable(),
  source: z.enum(['district', 'state', 'none']),
  stateDefault: z.object({ years: z.number().int().nullable(), citation: z.string() }).nullable(),
  note: z.string().nullable(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const scheduleUpdateBody = z.object({
  /** The record type whose period changes (a district has one schedule per type, so the type names it). */
  recordType: z.enum(RECORD_TYPES),
  /** Whole years 1-100; null keeps the records permanently. Required unless `reset` (back to the state default). */
  years: z.number().int().min(1).max(100).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  reset: z.boolean().optional(),
});
export type ScheduleUpdate = z.infer<typeof scheduleUpdateBody>;

export const holdBody = z.object({
  recordKind: z.enum(HOLD_KINDS),
  /** The record's number as users see it (e.g. 2026-000123, T-ABCD…, TA-…, or the referral id). */
  record: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(10).max(1000),
});
export const liftBody = z.object({ reason: z.string().trim().min(10).max(1000) });

export const holdSchema = z.object({
  id: z.string(), recordKind: z.enum(HOLD_KINDS), recordId: z.string(), label: z.string(), reason: z.string(),
  setBy: z.string(), setAt: z.string(), liftedBy: z.string().nullable(), liftedAt: z.string().nullable(), liftReason: z.string().nullable(),
  actions: z.object({ lift: z.boolean() }),
});
export type LegalHold = z.infer<typeof holdSchema>;

const lineSchema = z.object({
  recordType: z.enum(RECORD_TYPES), label: z.string(), years: z.number().int(), cutoffDay: z.string(), count: z.number().int(), held: z.number().int(),
  oldest: z.string().nullable(), newest: z.string().nullable(), purged: z.number().int().nullable(),
});
export const reportSchema = z.object({
  id: z.string(), day: z.string(), state: z.enum(REPORT_STATES), createdAt: z.string(), total: z.number().int(),
  lines: z.array(lineSchema), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(), decisionNote: z.string().nullable(),
  purgedAt: z.string().nullable(), actions: z.object({ approve: z.boolean(), reject: z.boolean() }),
});
export type DestructionReport = z.infer<typeof reportSchema>;

export const reportRecordsQuery = z.object({
  recordType: z.enum(RECORD_TYPES),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const reportRecordsSchema = z.object({ items: z.array(z.object({ id: z.string(), label: z.string() })), total: z.number().int() });
export const decisionBody = z.object({ note: z.string().trim().max(1000).optional() });
export const rejectBody = z.object({ note: z.string().trim().min(10).max(1000) });
