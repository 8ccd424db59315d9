import { z } from 'zod';
import { text, optionalText } from './text.js';

// Mentoring, informal counseling and conflict mediation (capability 13, the mentoring role of the triad).
// Need to know: a private note is shown to its author and nobody else; everyone else holding `support.read` at the
// school sees that a contact happened (when, how long, which topic), never the note.
//
// Routes: GET /mentoring/contacts, GET /mentoring/contacts/:id, GET /mentoring/mediations, GET /mentoring/mediations/:id
// (support.read); POST /mentoring/contacts, PATCH/DELETE /mentoring/contacts/:id, POST /mentoring/mediations,
// PATCH/DELETE /mentoring/mediations/:id, GET /mentoring/students?schoolId&q (support.log; change: author only).

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const instant = z.iso.datetime({ offset: true, error: 'must be a date-time with offset, like 2026-11-23T10:00:00Z' });

export const MENTORING_TOPICS = [
  'academics', 'attendance', 'behavior', 'family', 'peer_conflict', 'substance_use', 'safety', 'career', 'other',
] as const;
export type MentoringTopic = (typeof MENTORING_TOPICS)[number];
export const MENTORING_TOPIC_LABELS: Record<MentoringTopic, string> = {
  academics: 'Academics', attendance: 'Attendance', behavior: 'Behavior', family: 'Family', peer_conflict: 'Peer conflict',
  substance_use: 'Substance use', safety: 'Safety', career: 'Career', other: 'Other',
};

export const CONTACT_KINDS = ['mentoring', 'counseling'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = { mentoring: 'Mentoring', counseling: 'Informal counseling' };

export const MEDIATION_OUTCOMES = ['resolved', 'partially_resolved', 'unresolved'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
export const MEDIATION_OUTCOME_LABELS: Record<MediationOutcome, string> = {
  resolved: 'Resolved', partially_resolved: 'Partially resolved', unresolved: 'Unresolved',
};

/** Longest contact or mediation: a day (the triad log's limit). */
export const MAX_CONTACT_MINUTES = 24 * 60;
const duration = z.number().int().min(1, 'must be at least 1 minute').max(MAX_CONTACT_MINUTES, 'must be at most 1440 minutes');
const note = optionalText(4000).describe('Private note: shown to its author only');

const person = z.object({ id: z.uuid(), name: z.string() });
const studentRef = z.object({ id: z.uuid(), name: z.string(), grade: z.number().int().nullable() });

// ───────────────────────── contacts ─────────────────────────

/** POST /mentoring/contacts. The school is the student's school; it must be one where I hold `support.log`. */
export const contactBody = z.strictObject({
  studentId: z.uuid(),
  kind: z.enum(CONTACT_KINDS).default('mentoring'),
  occurredAt: instant.describe('When the contact began; not in the future'),
  durationMinutes: duration,
  topic: z.enum(MENTORING_TOPICS),
  note,
});
export type ContactBody = z.input<typeof contactBody>;
/** PATCH /mentoring/contacts/:id (its author only). */
export const updateContactBody = contactBody.omit({ studentId: true }).partial().strict();
export type UpdateContactBody = z.infer<typeof updateContactBody>;

export const listContactsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  studentId: z.uuid().optional(),
  topic: z.enum(MENTORING_TOPICS).optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: only contacts I recorded'),
  from: day.optional().describe('First day, inclusive'),
  to: day.optional().describe('Last day, inclusive'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListContactsQuery = z.input<typeof listContactsQuery>;

export const contactSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  student: studentRef,
  kind: z.enum(CONTACT_KINDS),
  occurredAt: z.string(),
  durationMinutes: z.number().int(),
  topic: z.enum(MENTORING_TOPICS),
  author: person,
  mine: z.boolean().describe('I recorded it: I may change it and read its note'),
  note: z.string().nullable().describe('Only on GET /mentoring/contacts/:id to the author (audited); null otherwise'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;
export const contactPageSchema = z.object({ items: z.array(contactSchema), total: z.number().int() });
export type ContactPage = z.infer<typeof contactPageSchema>;

// ───────────────────────── mediations ─────────────────────────

export const PARTY_KINDS = ['student', 'other'] as const;
/** A party: a roster student of the mediation's school, or a named other person (parent, staff, neighbour). */
export const partyBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('student'), studentId: z.uuid() }),
  z.strictObject({ kind: z.literal('other'), name: text(120), relation: optionalText(80).describe('e.g. parent, staff member') }),
]);
export type PartyBody = z.infer<typeof partyBody>;

/** POST /mentoring/mediations. */
export const mediationBody = z.strictObject({
  schoolId: z.uuid(),
  occurredAt: instant.describe('When the mediation began; not in the future'),
  durationMinutes: duration,
  parties: z.array(partyBody).min(2, 'a mediation needs at least 2 parties').max(12),
  outcome: z.enum(MEDIATION_OUTCOMES),
  followUpOn: day.nullable().optional().describe('Day to check back with the parties'),
  note,
});
export type MediationBody = z.input<typeof mediationBody>;
/** PATCH /mentoring/mediations/:id (its author only). The school stays. */
export const updateMediationBody = mediationBody.omit({ schoolId: true }).partial().strict();
export type UpdateMediationBody = z.infer<typeof updateMediationBody>;

export const listMediationsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  studentId: z.uuid().optional().describe('Mediations where this student was a party'),
  outcome: z.enum(MEDIATION_OUTCOMES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  followUpDue: z.enum(['true', 'false']).optional().describe('true: follow-up day today or earlier'),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMediationsQuery = z.input<typeof listMediationsQuery>;

export const partySchema = z.object({
  kind: z.enum(PARTY_KINDS),
  studentId: z.uuid().nullable(),
  name: z.string(),
  grade: z.number().int().nullable(),
  relation: z.string().nullable(),
});
export type Party = z.infer<typeof partySchema>;

export const mediationSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  occurredAt: z.string(),
  durationMinutes: z.number().int(),
  parties: z.array(partySchema),
  outcome: z.enum(MEDIATION_OUTCOMES),
  followUpOn: z.string().nullable(),
  author: person,
  mine: z.boolean(),
  note: z.string().nullable().describe('Only on GET /mentoring/mediations/:id to the author (audited); null otherwise'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Mediation = z.infer<typeof mediationSchema>;
export const mediationPageSchema = z.object({ items: z.array(mediationSchema), total: z.number().int() });
export type MediationPage = z.infer<typeof mediationPageSchema>;

// ───────────────────────── student lookup ─────────────────────────

/** GET /mentoring/students: roster students of a school where I hold `support.log` (directory fields only). */
export const mentoringStudentsQuery = z.strictObject({
  schoolId: z.uuid(),
  q: z.string().trim().min(2, 'type at least 2 letters').max(80),
});
export const mentoringStudentSchema = studentRef.extend({ schoolId: z.uuid(), studentNumber: z.string() });
export type MentoringStudent = z.infer<typeof mentoringStudentSchema>;
export const mentoringStudentsSchema = z.object({ items: z.array(mentoringStudentSchema) });
