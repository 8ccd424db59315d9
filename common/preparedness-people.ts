import { z } from 'zod';
import { text, optionalText } from './text.js';

// Safety plans, staff training and SRO certifications: part of the preparedness contract (common/preparedness.ts).

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

// ───────────────────────── safety plans ─────────────────────────

export const PLAN_KINDS = ['eop', 'protocol'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { eop: 'Emergency operations plan', protocol: 'Protocol' };

/** POST /plans: a plan with its first version written in the app (upload a PDF as the next version). */
export const planBody = z.strictObject({
  schoolId: z.uuid().nullable().describe('null: a district plan (needs district scope)'),
  kind: z.enum(PLAN_KINDS),
  title: text(200),
  body: text(200_000).describe('The text of version 1'),
  changeSummary: optionalText(500),
});
export type PlanBody = z.infer<typeof planBody>;
export const planUpdateBody = z.strictObject({ title: text(200), archived: z.boolean() }).partial();
export const versionBody = z.strictObject({ body: text(200_000), changeSummary: optionalText(500) });
export const pdfVersionQuery = z.strictObject({ changeSummary: optionalText(500), fileName: optionalText(200) });
export const reviewBody = z.strictObject({
  reviewedOn: day.describe('Day of the review; not in the future'),
  notes: optionalText(2000),
});
export const listPlansQuery = z.strictObject({
  schoolId: z.uuid().optional(), kind: z.enum(PLAN_KINDS).optional(), archived: z.enum(['true', 'false']).optional(),
});

export const planVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  format: z.enum(['text', 'pdf']),
  body: z.string().nullable().describe('Written text; null for a PDF'),
  fileName: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  changeSummary: z.string().nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planReviewSchema = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  approvedBy: z.object({ id: z.uuid(), name: z.string() }),
  reviewedOn: z.string(),
  notes: z.string().nullable(),
});
export type PlanReview = z.infer<typeof planReviewSchema>;

export const planSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  archived: z.boolean(),
  currentVersion: planVersionSchema.omit({ body: true }),
  lastReviewedOn: z.string().nullable(),
  reviewDueOn: z.string().describe('One year after the last review (or after version 1 when never reviewed)'),
  reviewOverdue: z.boolean(),
  acknowledgedByMe: z.boolean().describe('I acknowledged the current version'),
  updatedAt: z.string(),
  can: z.object({
    manage: z.boolean().describe('I may archive it, publish versions and see who has read it (a district plan needs a district-wide role)'),
    approve: z.boolean().describe('I may record its annual review'),
  }).describe('What the server will let me do with this plan: the page shows only these actions'),
});
export type Plan = z.infer<typeof planSchema>;
export const planDetailSchema = planSchema.extend({ versions: z.array(planVersionSchema), reviews: z.array(planReviewSchema) });
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const acknowledgementSchema = z.object({ planId: z.uuid(), versionId: z.uuid(), version: z.number().int(), acknowledgedAt: z.string() });
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
export const acknowledgementStatusSchema = z.object({
  planId: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  acknowledged: z.array(person.extend({ acknowledgedAt: z.string() })),
  pending: z.array(person).describe('Active users expected to read the plan (plan.read at its school) who have not'),
});
export type AcknowledgementStatus = z.infer<typeof acknowledgementStatusSchema>;

export const SRP_ACTION_KEYS = ['hold', 'secure', 'lockdown', 'evacuate', 'shelter'] as const;
export const srpReferenceSchema = z.object({
  actions: z.array(z.object({
    key: z.enum(SRP_ACTION_KEYS), term: z.string(), directive: z.string(), students: z.string(), staff: z.string(),
  })),
  shelter: z.array(z.object({ hazard: z.string(), strategy: z.string() })),
  reunification: z.array(z.string()).describe('Standard Reunification Method steps'),
  protocols: z.array(z.object({ planId: z.uuid(), title: z.string(), schoolName: z.string().nullable(), version: z.number().int() }))
    .describe('Current protocol documents of my schools and the district'),
});
export type SrpReference = z.infer<typeof srpReferenceSchema>;

/** The Standard Response Protocol (standards.md), served by GET /srp. */
export const SRP_REFERENCE: Pick<SrpReference, 'actions' | 'shelter' | 'reunification'> = {
  actions: [
    { key: 'hold', term: 'HOLD', directive: 'In your room or area. Clear the halls.', students: 'Stay in the room until the All Clear.', staff: 'Close and lock the door, account for everyone, business as usual.' },
    { key: 'secure', term: 'SECURE', directive: 'Get inside. Lock outside doors.', students: 'Return inside, business as usual.', staff: 'Bring everyone in, lock outside doors, heighten awareness, account for everyone.' },
    { key: 'lockdown', term: 'LOCKDOWN', directive: 'Locks, lights, out of sight.', students: 'Move out of sight, stay silent, do not open the door.', staff: 'Clear the hall if possible, lock, lights out, silence, prepare to evade or defend.' },
    { key: 'evacuate', term: 'EVACUATE', directive: 'To the announced location.', students: 'Leave items if told, follow instructions.', staff: 'Lead to the location, account for everyone, report missing, extra or injured.' },
    { key: 'shelter', term: 'SHELTER', directive: 'For the hazard, using the safety strategy.', students: 'Use the safety strategy.', staff: 'Lead the strategy, account for everyone, report missing, extra or injured.' },
  ],
  shelter: [
    { hazard: 'Tornado', strategy: 'Go to the shelter area' },
    { hazard: 'Hazardous materials', strategy: 'Seal the room' },
    { hazard: 'Earthquake', strategy: 'Drop, cover and hold on' },
    { hazard: 'Tsunami', strategy: 'Get to high ground' },
  ],
  reunification: [
    'Parents fill in a reunification card.',
    'Checkers verify photo ID and custody against the roster.',
    'A runner brings the student from the assembly area.',
    'The student is asked if they are comfortable leaving with that adult.',
    'Time and initials are noted; students are released only to verified custodial or authorized adults.',
  ],
};

// ───────────────────────── staff training ─────────────────────────

const trainingFields = {
  topic: text(200),
  requirementId: z.uuid().nullable().describe('The required training this session fulfils'),
  heldOn: day,
  durationMinutes: z.number().int().min(0, 'must not be negative').max(24 * 60),
  materials: optionalText(5000).describe('Links or a description of handouts and slides'),
  notes: optionalText(2000),
};
export const trainingBody = z.strictObject({
  ...trainingFields,
  schoolId: z.uuid().nullable().describe('null: a district-wide session (needs district scope)'),
  requirementId: trainingFields.requirementId.default(null),
});
export type TrainingBody = z.input<typeof trainingBody>;
export const updateTrainingBody = z.strictObject(trainingFields).partial();
export const attendanceBody = z.strictObject({ userIds: z.array(z.uuid()).max(2000) });
export const listTrainingsQuery = z.strictObject({ schoolId: z.uuid().optional(), from: day.optional(), to: day.optional() });

export const trainingSessionSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  topic: z.string(),
  requirementId: z.uuid().nullable(),
  heldOn: z.string(),
  durationMinutes: z.number().int(),
  materials: z.string().nullable(),
  notes: z.string().nullable(),
  presenter: z.object({ id: z.uuid(), name: z.string() }),
  attendeeCount: z.number().int(),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;
export const trainingSessionDetailSchema = trainingSessionSchema.extend({ attendees: z.array(person) });
export type TrainingSessionDetail = z.infer<typeof trainingSessionDetailSchema>;

export const personTrainingSchema = z.object({
  sessionId: z.uuid(), topic: z.string(), heldOn: z.string(), durationMinutes: z.number().int(),
  requirementId: z.uuid().nullable(), schoolName: z.string().nullable(),
});
export type PersonTraining = z.infer<typeof personTrainingSchema>;

export const TRAINEE_ROLES = ['staff', 'school_admin', 'counselor', 'security', 'sro'] as const;
export const requirementBody = z.strictObject({
  schoolId: z.uuid().nullable().describe('null: district-wide requirement (needs district scope)'),
  topic: text(200),
  roles: z.array(z.enum(TRAINEE_ROLES)).min(1).describe('Who must complete it: holders of these roles at the school(s)'),
  validMonths: z.number().int().min(1, 'must be at least 1').max(120).nullable().describe('null: once is enough'),
  notes: optionalText(2000),
});
export type RequirementBody = z.infer<typeof requirementBody>;
export const updateRequirementBody = requirementBody.omit({ schoolId: true }).extend({ active: z.boolean() }).partial();
export const trainingRequirementSchema = z.object({
  id: z.uuid(), schoolId: z.uuid().nullable(), schoolName: z.string().nullable(), topic: z.string(),
  roles: z.array(z.enum(TRAINEE_ROLES)), validMonths: z.number().int().nullable(), notes: z.string().nullable(), active: z.boolean(),
});
export type TrainingRequirement = z.infer<typeof trainingRequirementSchema>;
export const missingQuery = z.strictObject({ schoolId: z.uuid().optional() });
export const missingTrainingSchema = z.object({
  requirementId: z.uuid(), topic: z.string(), user: person, schoolNames: z.array(z.string()),
  lastCompletedOn: z.string().nullable(), expiredOn: z.string().nullable().describe('When the last completion lapsed, if it did'),
});
export type MissingTraining = z.infer<typeof missingTrainingSchema>;

// ───────────────────────── SRO certifications ─────────────────────────

export const CERTIFICATION_KINDS = ['basic_sro', 'advanced_sro', 'annual_in_service', 'first_aid', 'other'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
export const CERTIFICATION_KIND_LABELS: Record<CertificationKind, string> = {
  basic_sro: 'Basic SRO course (40 h)', advanced_sro: 'Advanced SRO course', annual_in_service: 'Annual in-service',
  first_aid: 'First aid / CPR', other: 'Other certification',
};
/** A certification expiring within this many days is due. */
export const CERTIFICATION_DUE_DAYS = 60;

const certificationFields = {
  kind: z.enum(CERTIFICATION_KINDS),
  name: text(200),
  issuer: optionalText(200),
  hours: z.number().min(0, 'must not be negative').max(10_000).nullable().optional(),
  issuedOn: day,
  expiresOn: day.nullable().describe('null: does not expire'),
  notes: optionalText(2000),
};
/** POST /certifications/mine; POST /certifications adds userId. expiresOn must not be before issuedOn. */
export const certificationBody = z.strictObject(certificationFields);
export type CertificationBody = z.infer<typeof certificationBody>;
export const supervisorCertificationBody = z.strictObject({ ...certificationFields, userId: z.uuid() });
export const updateCertificationBody = z.strictObject(certificationFields).partial();
export const listCertificationsQuery = z.strictObject({ userId: z.uuid().optional() });

export const CERTIFICATION_STATES = ['valid', 'due', 'lapsed', 'no_expiry'] as const;
export const certificationSchema = z.object({
  id: z.uuid(),
  user: z.object({ id: z.uuid(), name: z.string(), badgeNumber: z.string().nullable() }),
  kind: z.enum(CERTIFICATION_KINDS),
  name: z.string(),
  issuer: z.string().nullable(),
  hours: z.number().nullable(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  notes: z.string().nullable(),
  state: z.enum(CERTIFICATION_STATES).describe('due: expires within 60 days; lapsed: expired'),
  daysToExpiry: z.number().int().nullable(),
  document: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int() }).nullable(),
  updatedAt: z.string(),
});
export type Certification = z.infer<typeof certificationSchema>;
export const certificationsDueSchema = z.object({
  today: z.string(),
  dueWithinDays: z.number().int(),
  due: z.array(certificationSchema).describe('Expiring within 60 days, soonest first'),
  lapsed: z.array(certificationSchema).describe('Expired with no newer certification of the same kind'),
});
export type CertificationsDue = z.infer<typeof certificationsDueSchema>;
