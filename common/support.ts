import { z } from 'zod';
import { optionalText, text } from './text.js';

export * from './support-plans.js';

/*
 * The API contract of support referrals (capability 13). Re-entry plans and problem-solving teams: ./support-plans.ts.
 *
 * A student is referred to a school counselor (a user), a contracted mental-health vendor or a community program
 * (directory entries, REFERRAL_TARGET_KINDS of ./directory.ts). The receiver accepts (or declines), schedules, and
 * closes with an outcome. Referrals are case data: every read and change is audited.
 *
 * Who sees a referral (404 for anyone else, exactly like a missing one):
 * - vendor staff (a counselor-role user whose account has an organizationId): only referrals made to their organization;
 * - everyone else: referrals they made, referrals made to them, and with `referral.oversee` at the school every
 *   referral of the school (school counselors, administrators, the district safety director).
 * Who handles one (accept, decline, schedule, close, clinical notes) with `referral.manage`: the receiving counselor;
 * for a directory receiver its staff, and for a community program also a school counselor of the school acting as
 * liaison (never the referrer). Clinical notes are returned only to handlers (`notes: null` for anyone else): the
 * referrer sees status, dates and outcome, never the notes.
 *
 * | method | path                                     | permission      | what it does |
 * |--------|------------------------------------------|-----------------|--------------|
 * | GET    | /support/students?q&schoolId             | referral.create | Students of my schools by name or number start (directory fields only) → { items: SupportStudent[] } (max 20) |
 * | GET    | /support/referral-targets?schoolId       | referral.create | Counselors of the school and active directory entries of REFERRAL_TARGET_KINDS serving it → ReferralTargets |
 * | POST   | /support/referrals                       | referral.create | Refer (ReferralBody) → 201 Referral; 400 `vendorId` when the directory entry is unknown, inactive or not a referral kind; 400 `counselorId` when not a counselor of the school |
 * | GET    | /support/referrals?schoolId&status&box&overdue | referral.read | → { items: ReferralSummary[] } overdue first, then newest (audited referral.listed) |
 * | GET    | /support/referrals/:id                   | referral.read   | → Referral (audited referral.viewed) |
 * | POST   | /support/referrals/:id/accept            | referral.manage | pending → accepted (ReferralAcceptBody) → Referral |
 * | POST   | /support/referrals/:id/decline           | referral.manage | pending → declined with a reason (ReferralDeclineBody) → Referral |
 * | POST   | /support/referrals/:id/schedule          | referral.manage | accepted/scheduled → scheduled at a time (ReferralScheduleBody) → Referral |
 * | POST   | /support/referrals/:id/close             | referral.manage | accepted/scheduled → closed with an outcome (ReferralCloseBody) → Referral |
 * | POST   | /support/referrals/:id/notes             | referral.manage | Clinical note by a handler (ReferralNoteBody) → 201 Referral |
 * Wrong status for an action: 409 `conflict`. Errors: { error: { code, message, field? } }.
 */

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const person = z.object({ id: z.uuid(), name: z.string() });

export const REFERRAL_RECEIVER_KINDS = ['counselor', 'mental_health_vendor', 'community_program', 'juvenile_justice'] as const;
export type ReferralReceiverKind = (typeof REFERRAL_RECEIVER_KINDS)[number];
export const REFERRAL_RECEIVER_LABELS: Record<ReferralReceiverKind, string> = {
  counselor: 'School counselor',
  mental_health_vendor: 'Mental-health vendor',
  community_program: 'Community program',
  juvenile_justice: 'Juvenile justice program',
};

export const REFERRAL_REASONS = [
  'mental_health', 'self_harm_risk', 'substance_use', 'behavior', 'grief_trauma', 'family_conflict', 'bullying',
  'attendance', 'basic_needs', 'other',
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];
export const REFERRAL_REASON_LABELS: Record<ReferralReason, string> = {
  mental_health: 'Mental health concern',
  self_harm_risk: 'Risk of self-harm',
  substance_use: 'Substance use',
  behavior: 'Behavior',
  grief_trauma: 'Grief or trauma',
  family_conflict: 'Family conflict',
  bullying: 'Bullying',
  attendance: 'Attendance',
  basic_needs: 'Basic needs (food, housing, clothing)',
  other: 'Other',
};

export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];
/** Days the receiver has to accept or decline before the referral is overdue. */
export const REFERRAL_ACCEPT_DAYS: Record<ReferralUrgency, number> = { routine: 5, urgent: 2, emergency: 1 };
/** Days to the due date (closing the loop) when none is given. */
export const REFERRAL_DUE_DAYS: Record<ReferralUrgency, number> = { routine: 30, urgent: 14, emergency: 7 };

export const CONSENT_STATUSES = ['obtained', 'not_obtained', 'not_required'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const CONSENT_LABELS: Record<ConsentStatus, string> = {
  obtained: 'Guardian consent obtained',
  not_obtained: 'Guardian consent not obtained',
  not_required: 'Guardian consent not required',
};

/** pending → accepted → scheduled → closed; pending → declined. */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'scheduled', 'closed', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['pending', 'accepted', 'scheduled'];

export const REFERRAL_OUTCOMES = [
  'services_provided', 'ongoing_services', 'referred_elsewhere', 'family_declined', 'unable_to_contact', 'no_services_needed',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
export const REFERRAL_OUTCOME_LABELS: Record<ReferralOutcome, string> = {
  services_provided: 'Services provided',
  ongoing_services: 'Receiving ongoing services',
  referred_elsewhere: 'Referred elsewhere',
  family_declined: 'Family declined services',
  unable_to_contact: 'Unable to contact the family',
  no_services_needed: 'No services needed',
};

/** Why a referral stands out: not accepted in time, or not closed by its due date. */
export const REFERRAL_OVERDUE = ['acceptance', 'closure'] as const;
export type ReferralOverdue = (typeof REFERRAL_OVERDUE)[number];

/** POST /support/referrals: exactly one of counselorId / vendorId. consentDate is required when consent is `obtained`. */
export const referralBody = z.strictObject({
  studentId: z.uuid(),
  counselorId: z.uuid().optional().describe('A school counselor (user) of the student\'s school'),
  vendorId: z.uuid().optional().describe('A directory entry: mental-health vendor, community or juvenile-justice program'),
  reason: z.enum(REFERRAL_REASONS),
  details: text(4000).describe('What was observed and why support is needed (no clinical detail needed)'),
  urgency: z.enum(REFERRAL_URGENCIES),
  consent: z.enum(CONSENT_STATUSES),
  consentDate: day.nullable().optional(),
  dueOn: day.nullable().optional().describe('Default: by urgency (REFERRAL_DUE_DAYS)'),
});
export type ReferralBody = z.infer<typeof referralBody>;

export const referralAcceptBody = z.strictObject({ note: optionalText(2000).describe('Clinical note, kept with the notes') });
export const referralDeclineBody = z.strictObject({ reason: text(1000).describe('Shown to the referrer') });
export const referralScheduleBody = z.strictObject({ scheduledFor: z.iso.datetime({ offset: true }) });
export const referralCloseBody = z.strictObject({
  outcome: z.enum(REFERRAL_OUTCOMES),
  summary: optionalText(1000).describe('A non-clinical closing line the referrer sees'),
});
export const referralNoteBody = z.strictObject({ body: text(8000) });
export type ReferralCloseBody = z.infer<typeof referralCloseBody>;

export const listReferralsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  status: z.enum([...REFERRAL_STATUSES, 'open', 'all']).default('open').describe('open: pending, accepted or scheduled'),
  box: z.enum(['all', 'sent', 'received']).default('all').describe('sent: made by me; received: I handle them'),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListReferralsQuery = z.infer<typeof listReferralsQuery>;

export const supportStudentsQuery = z.strictObject({
  q: text(80).min(2).describe('Words of the name, or the start of the student number'),
  schoolId: z.uuid().optional(),
});
export const supportStudentSchema = z.object({
  id: z.uuid(), firstName: z.string(), lastName: z.string(), preferredName: z.string().nullable(), studentNumber: z.string(),
  grade: z.number().int().nullable(), school: person,
});
export type SupportStudent = z.infer<typeof supportStudentSchema>;

export const referralTargetsQuery = z.strictObject({ schoolId: z.uuid() });
export const referralTargetsSchema = z.object({
  counselors: z.array(person),
  organizations: z.array(z.object({
    id: z.uuid(), name: z.string(), kind: z.enum(REFERRAL_RECEIVER_KINDS), phone: z.string().nullable(), services: z.string().nullable(),
  })),
});
export type ReferralTargets = z.infer<typeof referralTargetsSchema>;

const receiverSchema = z.object({
  kind: z.enum(REFERRAL_RECEIVER_KINDS),
  counselor: person.nullable(),
  organization: person.nullable(),
  name: z.string().describe('The counselor\'s or the organization\'s name'),
});

export const referralSummarySchema = z.object({
  id: z.uuid(),
  school: person,
  student: z.object({ id: z.uuid(), name: z.string(), grade: z.number().int().nullable(), studentNumber: z.string() }),
  referredBy: person,
  receiver: receiverSchema,
  reason: z.enum(REFERRAL_REASONS),
  urgency: z.enum(REFERRAL_URGENCIES),
  status: z.enum(REFERRAL_STATUSES),
  createdAt: z.string(),
  acceptBy: z.string().describe('YYYY-MM-DD: accept or decline by this day'),
  dueOn: z.string(),
  scheduledFor: z.string().nullable(),
  overdue: z.enum(REFERRAL_OVERDUE).nullable(),
  mine: z.enum(['sent', 'received', 'oversight']).describe('Why I see it'),
});
export type ReferralSummary = z.infer<typeof referralSummarySchema>;

export const referralNoteSchema = z.object({ id: z.uuid(), author: person, body: z.string(), createdAt: z.string() });

/** A guardian as a referral's receiver may reach them: name and contact, never address, custody orders or restrictions. */
export const guardianContactSchema = z.object({ name: z.string(), relationship: z.string(), phone: z.string().nullable(), email: z.string().nullable() });

export const referralSchema = referralSummarySchema.extend({
  details: z.string(),
  consent: z.enum(CONSENT_STATUSES),
  consentDate: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedBy: person.nullable(),
  declineReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: person.nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  outcomeSummary: z.string().nullable(),
  canHandle: z.boolean().describe('I may accept, decline, schedule, close and write notes'),
  notes: z.array(referralNoteSchema).nullable().describe('Clinical notes: handlers only, null for everyone else'),
  guardianContacts: z.array(guardianContactSchema).nullable()
    .describe('Custodial guardians to contact: the handler only, and only when guardian consent is recorded as obtained; null otherwise'),
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof referralSchema>;
