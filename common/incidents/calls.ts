import { z } from 'zod';
import { CALL_DISPOSITIONS, CALL_PRIORITIES, CALL_SOURCES, CALL_STATUSES } from './enums.js';
import { dateTime, optionalText, text, uuid } from './shared.js';

// ---------------------------------------------------------------- calls for service

export const createCallBody = z.strictObject({
  source: z.enum(CALL_SOURCES).default('staff'),
  schoolId: uuid.describe('The school the call is at or near'),
  onCampus: z.boolean().default(true),
  areaId: uuid.nullable().optional().describe('Campus area of the school'),
  locationText: optionalText(300).describe('Where, in words (required off campus)'),
  priority: z.enum(CALL_PRIORITIES).default('routine'),
  summary: text(1000),
  callerName: optionalText(120),
  callerPhone: optionalText(30),
  receivedAt: dateTime.optional().describe('Defaults to now; never in the future'),
  assignedUserId: uuid.nullable().optional(),
});
export const updateCallBody = z.strictObject({
  priority: z.enum(CALL_PRIORITIES),
  summary: text(1000),
  areaId: uuid.nullable(),
  locationText: optionalText(300),
  assignedUserId: uuid.nullable(),
  arrivedAt: dateTime.nullable(),
  clearedAt: dateTime.nullable().describe('Clearing needs a disposition'),
  disposition: z.enum(CALL_DISPOSITIONS).nullable(),
}).partial();
export const listCallsQuery = z.strictObject({
  schoolId: uuid.optional(),
  status: z.enum(['open', 'cleared', 'all']).default('all'),
  from: dateTime.optional(),
  to: dateTime.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const callSchema = z.object({
  id: uuid,
  number: z.string().describe('C-2026-000045'),
  source: z.enum(CALL_SOURCES),
  schoolId: uuid,
  schoolName: z.string(),
  onCampus: z.boolean(),
  areaId: uuid.nullable(),
  areaName: z.string().nullable(),
  locationText: z.string().nullable(),
  priority: z.enum(CALL_PRIORITIES),
  summary: z.string(),
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  status: z.enum(CALL_STATUSES),
  receivedAt: z.string(),
  arrivedAt: z.string().nullable(),
  clearedAt: z.string().nullable(),
  disposition: z.enum(CALL_DISPOSITIONS).nullable(),
  assignedUserId: uuid.nullable(),
  assignedUserName: z.string().nullable(),
  takenByName: z.string(),
  incidentId: uuid.nullable().describe('The incident the call became (hidden when sealed or not readable)'),
  incidentNumber: z.string().nullable(),
});
export const callPageSchema = z.object({ items: z.array(callSchema), nextCursor: z.string().nullable() });
export const callQueueSchema = z.object({ asOf: z.string(), items: z.array(callSchema) });

