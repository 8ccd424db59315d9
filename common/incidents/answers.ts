import { z } from 'zod';
import {
  ACTION_KINDS, ATTACHMENT_KINDS, INCIDENT_STATUSES, OFFENSE_KINDS, PERSON_KINDS, PERSON_ROLES, REFERRAL_KINDS,
  REFERRAL_STATUSES, SCHOOL_SAFETY_CATEGORIES, TASK_KINDS, VERSION_EVENTS,
} from './enums.js';
import { nibrsIssueSchema } from './segments.js';
import { uuid } from './shared.js';

// ---------------------------------------------------------------- incidents: answers

export const offenseSchema = z.object({
  id: uuid,
  kind: z.enum(OFFENSE_KINDS),
  code: z.string().nullable().describe('NIBRS code when kind is nibrs'),
  category: z.enum(SCHOOL_SAFETY_CATEGORIES).nullable(),
  label: z.string(),
  attempted: z.boolean(),
  weaponForce: z.array(z.string()),
  offenderUsing: z.array(z.string()),
  bias: z.array(z.string()),
  criminalActivity: z.array(z.string()),
  locationCode: z.string().nullable(),
});
/** NIBRS facts of a person as stored; for students the demographics are not here (they stay in the roster). */
export const personNibrsSchema = z.object({
  victimType: z.string().nullable(),
  age: z.string().nullable(),
  sex: z.string().nullable(),
  race: z.string().nullable(),
  ethnicity: z.string().nullable(),
  resident: z.string().nullable(),
  injuries: z.array(z.string()),
  relationships: z.array(z.object({ offenderId: uuid, code: z.string() })),
  offenseIds: z.array(uuid).describe('Offenses this victim is connected to'),
});
export const arrestSchema = z.object({
  type: z.string(), offenseCode: z.string(), armedWith: z.array(z.string()), multiple: z.string(), juvenileDisposition: z.string().nullable(),
});
export const propertySchema = z.object({
  lossType: z.string(), description: z.string(), value: z.number().int().nullable(), recoveredOn: z.string().nullable(), text: z.string().nullable(),
  drug: z.object({ type: z.string(), quantity: z.number().nullable(), unit: z.string() }).nullable(),
});
export const personSchema = z.object({
  id: uuid,
  kind: z.enum(PERSON_KINDS),
  role: z.enum(PERSON_ROLES),
  studentId: uuid.nullable(),
  firstName: z.string(),
  lastName: z.string(),
  juvenile: z.boolean(),
  grade: z.number().int().nullable().describe('From the roster, students only'),
  studentNumber: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  nibrs: personNibrsSchema.nullable(),
});
export const actionSchema = z.object({
  id: uuid,
  personId: uuid.nullable(),
  kind: z.enum(ACTION_KINDS),
  at: z.string(),
  note: z.string().nullable(),
  implied: z.boolean().describe('Added by the server: an arrest implies a referral to law enforcement'),
  arrest: arrestSchema.nullable(),
});
export const supplementSchema = z.object({
  id: uuid,
  number: z.number().int(),
  status: z.enum(INCIDENT_STATUSES),
  version: z.number().int(),
  narrative: z.string().nullable(),
  authorId: uuid,
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
});
export const reviewSchema = z.object({
  id: uuid,
  supplementId: uuid.nullable(),
  event: z.enum(['submitted', 'returned', 'approved']),
  comment: z.string().nullable(),
  byId: uuid,
  byName: z.string(),
  at: z.string(),
  version: z.number().int(),
});
export const attachmentSchema = z.object({
  id: uuid,
  supplementId: uuid.nullable(),
  fileName: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
});
export const taskSchema = z.object({
  id: uuid,
  incidentId: uuid,
  incidentNumber: z.string(),
  kind: z.enum(TASK_KINDS),
  rule: z.string().nullable().describe('The key of the notification rule that made the task'),
  title: z.string(),
  ownerId: uuid,
  ownerName: z.string(),
  dueAt: z.string(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  overdue: z.boolean().describe('Open and past due by the server clock'),
  msRemaining: z.number().int().nullable().describe('Milliseconds until due (negative when overdue); null when done'),
});
export const referralSchema = z.object({
  id: uuid,
  kind: z.enum(REFERRAL_KINDS),
  status: z.enum(REFERRAL_STATUSES),
  incidentId: uuid,
  incidentNumber: z.string(),
  schoolId: uuid,
  schoolName: z.string(),
  occurredAt: z.string(),
  summary: z.string(),
  persons: z.array(z.object({ firstName: z.string(), lastName: z.string(), kind: z.enum(PERSON_KINDS), role: z.enum(PERSON_ROLES) })),
  offenses: z.array(z.string()).nullable().describe('Offense labels when the referral shares them'),
  referredByName: z.string(),
  referredAt: z.string(),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  note: z.string().nullable(),
});
export const abilitiesSchema = z.object({
  edit: z.boolean(), submit: z.boolean(), review: z.boolean(), supplement: z.boolean(), refer: z.boolean(),
  seal: z.boolean(), print: z.boolean(), attach: z.boolean(), readNarrative: z.boolean(),
}).describe('What the caller may do with this incident now');
export const incidentCoreSchema = z.object({
  id: uuid,
  number: z.string().describe('2026-000123'),
  schoolId: uuid,
  schoolName: z.string(),
  areaId: uuid.nullable(),
  areaName: z.string().nullable(),
  onCampus: z.boolean(),
  locationCode: z.string(),
  locationName: z.string(),
  locationText: z.string().nullable(),
  occurredAt: z.string(),
  summary: z.string(),
  narrative: z.string().nullable().describe('null without incident.narrative.read at the school'),
  status: z.enum(INCIDENT_STATUSES),
  version: z.number().int(),
  hasJuvenile: z.boolean(),
  callId: uuid.nullable(),
  authorId: uuid,
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  offenses: z.array(offenseSchema),
  persons: z.array(personSchema),
  actions: z.array(actionSchema),
  property: z.array(propertySchema),
  clearance: z.object({ code: z.string(), date: z.string().nullable() }).nullable(),
  nibrsIssues: z.array(nibrsIssueSchema).describe('NIBRS edits this report still fails (it cannot go into a submission file until fixed)'),
});
export const incidentDetailSchema = incidentCoreSchema.extend({
  supplements: z.array(supplementSchema),
  reviews: z.array(reviewSchema),
  attachments: z.array(attachmentSchema),
  tasks: z.array(taskSchema),
  referrals: z.array(referralSchema),
  can: abilitiesSchema,
  legalHold: z.object({
    setAt: z.string(),
    reason: z.string().nullable().describe('Shown to those who may set or lift holds; null for other readers'),
  }).nullable().describe('An active legal hold: the record is kept past its retention period until the hold is lifted'),
});
/**
 * A 409 answer. When the save was based on a stale version (`error.field` is "version") it carries the record
 * as it is now in `current`, so the page can show what changed; other conflicts (locked report) have no `current`.
 */
export const staleSchema = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string(), field: z.string().optional() }),
  current: incidentDetailSchema.optional(),
});
export const incidentListItemSchema = z.object({
  id: uuid,
  number: z.string(),
  schoolId: uuid,
  schoolName: z.string(),
  occurredAt: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  summary: z.string(),
  offenses: z.array(z.string()).describe('Labels'),
  hasJuvenile: z.boolean(),
  authorName: z.string(),
  updatedAt: z.string(),
  supplementSubmitted: z.boolean().describe('A supplement of this incident waits for review'),
});
export const incidentPageSchema = z.object({ items: z.array(incidentListItemSchema), nextCursor: z.string().nullable() });
export const versionSummarySchema = z.object({
  id: uuid,
  supplementId: uuid.nullable(),
  supplementNumber: z.number().int().nullable(),
  version: z.number().int(),
  status: z.enum(INCIDENT_STATUSES),
  event: z.enum(VERSION_EVENTS),
  savedAt: z.string(),
  savedByName: z.string(),
});
export const versionDetailSchema = versionSummarySchema.extend({
  snapshot: z.record(z.string(), z.unknown()).describe('The incident core (or the supplement) as saved; narrative null when not readable'),
});
export const referenceSchema = z.object({
  offenses: z.array(z.object({ code: z.string(), name: z.string(), crimeAgainst: z.string(), category: z.string(), group: z.string(), weaponRequired: z.boolean() })),
  locations: z.array(z.object({ code: z.string(), name: z.string() })),
  weaponForce: z.array(z.object({ code: z.string(), name: z.string() })),
});
const countSplit = z.object({ instances: z.number().int(), students: z.number().int() });
export const crdcSchema = z.object({
  schools: z.array(z.object({
    schoolId: uuid,
    schoolName: z.string(),
    referrals: countSplit.describe('Referrals to law enforcement, arrests included (CRDC: every arrest is a referral)'),
    arrests: countSplit,
    byGroup: z.array(z.object({
      measure: z.enum(['referral', 'arrest']),
      disability: z.enum(['none', 'idea', 'section504']),
      sex: z.string(),
      raceEthnicity: z.string(),
      englishLearner: z.boolean(),
      students: z.number().int(),
    })).describe('Unique students; demographics from the roster only'),
  })),
});

