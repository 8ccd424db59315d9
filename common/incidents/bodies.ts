import { z } from 'zod';
import {
  ACTION_KINDS, INCIDENT_SORTS, INCIDENT_STATUSES, PERSON_KINDS, PERSON_ROLES, REFERRAL_KINDS, REFERRAL_STATUSES, SCHOOL_SAFETY_CATEGORIES, TASK_KINDS,
} from './enums.js';
import { arrestInput, clearanceInput, offenseNibrsFields, personNibrsInput, propertyInput } from './segments.js';
import { anyText, dateTime, optionalText, text, uuid, versionField } from './shared.js';

// ---------------------------------------------------------------- incidents: request bodies

export const offenseInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('nibrs'),
    code: z.string().trim().toUpperCase().min(2).max(4).describe('A NIBRS offense code from the reference table'),
    attempted: z.boolean().default(false),
    weaponForce: z.array(z.string().trim().toUpperCase().max(3)).max(3).default([])
      .describe('DE 13 weapon/force codes (12A: automatic handgun); required for some offenses, 99 none stands alone'),
    ...offenseNibrsFields,
  }),
  z.strictObject({
    kind: z.literal('school'),
    category: z.enum(SCHOOL_SAFETY_CATEGORIES),
    attempted: z.boolean().default(false),
    weaponForce: z.array(z.string().max(3)).max(3).default([]),
  }),
]);
export const personInput = z.strictObject({
  id: uuid.optional().describe('An existing person of this incident, kept across saves'),
  kind: z.enum(PERSON_KINDS),
  role: z.enum(PERSON_ROLES),
  studentId: uuid.nullable().optional().describe('Required for a student: name, grade, age and demographics come from the roster'),
  firstName: optionalText(80).describe('Non-students only'),
  lastName: optionalText(80).describe('Non-students only'),
  juvenile: z.boolean().optional().describe('Non-students only; for students it is derived from the roster date of birth'),
  phone: optionalText(30),
  description: optionalText(500),
  nibrs: personNibrsInput.optional().describe('NIBRS victim/offender facts'),
});
export const actionInput = z.strictObject({
  person: z.number().int().min(0).nullable().default(null).describe('Index into persons of the same body'),
  kind: z.enum(ACTION_KINDS),
  at: dateTime.optional().describe('Defaults to the time of the incident'),
  note: optionalText(500),
  arrest: arrestInput.nullable().optional().describe('Arrestee segment facts (arrests only)'),
});
const incidentFields = {
  schoolId: uuid,
  areaId: uuid.nullable().optional(),
  onCampus: z.boolean().default(true),
  locationCode: anyText(2).optional().describe('NIBRS location; 53 (K-12 school) on campus by default'),
  locationText: optionalText(300),
  occurredAt: dateTime.describe('Never in the future'),
  summary: anyText(300).default('').describe('Short, non-investigative; shown in lists'),
  narrative: z.string().max(100_000).default('').describe('The investigative narrative'),
  offenses: z.array(offenseInput).max(10).default([]),
  persons: z.array(personInput).max(60).default([]),
  actions: z.array(actionInput).max(200).default([]),
  property: z.array(propertyInput).max(50).default([]).describe('NIBRS property segments'),
  clearance: clearanceInput.nullable().default(null).describe('Exceptional clearance'),
};
export const createIncidentBody = z.strictObject({ ...incidentFields, callId: uuid.optional() });
export const updateIncidentBody = z.strictObject({
  version: versionField,
  schoolId: incidentFields.schoolId,
  areaId: uuid.nullable(),
  onCampus: z.boolean(),
  locationCode: anyText(2),
  locationText: optionalText(300),
  occurredAt: incidentFields.occurredAt,
  summary: anyText(300),
  narrative: z.string().max(100_000),
  offenses: z.array(offenseInput).max(10),
  persons: z.array(personInput).max(60),
  actions: z.array(actionInput).max(200).describe('Replaces all actions; person indexes refer to `persons` of this body, which must then be given'),
  property: z.array(propertyInput).max(50),
  clearance: clearanceInput.nullable(),
  editSession: uuid.describe('The editing session of the page: autosaves of one session make one version in the history'),
}).partial().required({ version: true });
export const reviewBody = z.strictObject({ version: versionField, comment: optionalText(4000) });
export const returnBody = z.strictObject({ version: versionField, comment: text(4000).describe('What to correct') });
export const sealBody = z.strictObject({
  reason: text(1000).min(10).describe('Court order or statute; kept with the record'),
  orderNumber: text(100).optional().describe('The sealing order\'s number'),
  orderDate: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).optional().describe('The sealing order\'s date'),
  destroyEvidence: z.boolean().default(false).describe('The order says the evidence files are destroyed rather than locked under the sealed key'),
});
export const supplementBody = z.strictObject({ narrative: z.string().max(100_000).default('') });
export const updateSupplementBody = z.strictObject({
  version: versionField,
  narrative: z.string().max(100_000),
  editSession: uuid.optional().describe('The editing session of the page: autosaves of one session make one version in the history'),
});
export const referralBody = z.strictObject({
  kind: z.enum(REFERRAL_KINDS),
  summary: text(4000).describe('What the school receives; never the narrative'),
  personIds: z.array(uuid).max(20).default([]).describe('Persons of the incident the referral names'),
  shareOffenses: z.boolean().default(false).describe('Include offense labels'),
});
export const updateReferralBody = z.strictObject({ status: z.enum(['acknowledged', 'closed']), note: optionalText(2000) });
export const taskBody = z.strictObject({ title: text(300), ownerId: uuid, dueAt: dateTime });
export const updateTaskBody = z.strictObject({ title: text(300), ownerId: uuid, dueAt: dateTime, done: z.boolean() }).partial();
export const attachmentQuery = z.strictObject({
  fileName: text(200),
  supplementId: uuid.optional().describe('Evidence added after approval goes with a supplement'),
});

export const listIncidentsQuery = z.strictObject({
  q: anyText(200).optional().describe('Full-text: narrative (with incident.narrative.read), names, summary, number'),
  schoolId: uuid.optional(),
  from: dateTime.optional(),
  to: dateTime.optional(),
  offense: anyText(40).optional().describe('A NIBRS code (13B) or a school-safety category (fight)'),
  status: z.enum(INCIDENT_STATUSES).optional(),
  awaitingReview: z.enum(['true', 'false']).optional().describe('true: the report or one of its supplements is submitted (review queue)'),
  studentId: uuid.optional().describe('Incidents involving this roster student'),
  person: anyText(80).optional().describe('Start of a person name'),
  sort: z.enum(INCIDENT_SORTS).default('occurred_desc'),
  cursor: z.string().max(300).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const listTasksQuery = z.strictObject({
  scope: z.enum(['mine', 'all']).default('mine'),
  status: z.enum(['open', 'done', 'all']).default('open'),
  kind: z.enum(TASK_KINDS).optional().describe('notification: the deadlines of notification rules only'),
  overdue: z.enum(['true', 'false']).default('false').describe('true: open and past due only (a supervisor\'s list of late notifications)'),
});
export const listReferralsQuery = z.strictObject({
  status: z.enum([...REFERRAL_STATUSES, 'all']).default('all'),
  schoolId: uuid.optional(),
});
export const studentLookupQuery = z.strictObject({
  q: text(80).min(2).describe('Words of the name, or the start of the student number'),
  schoolId: uuid.optional(),
});
export const studentLookupSchema = z.object({
  items: z.array(z.object({
    id: uuid, firstName: z.string(), lastName: z.string(), preferredName: z.string().nullable(), studentNumber: z.string(),
    grade: z.number().int().nullable(), schoolId: uuid, schoolName: z.string(),
  })),
});
export const crdcQuery = z.strictObject({ schoolId: uuid.optional(), from: dateTime, to: dateTime });

