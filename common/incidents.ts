/**
 * The API contract of calls for service, incidents, investigative reports and the discipline hand-off
 * (capabilities 2-4): enums, request bodies and answers, shared by the server and the web pages.
 *
 * Routes (all under /api; JSON unless said; a record outside the caller's scope answers 404):
 *   GET    /calls                              call.read         calls of my schools, newest first, keyset pages (?cursor)
 *   GET    /calls/queue                        call.read         live queue: open calls at my schools, priority then age (poll it)
 *   POST   /calls                              call.create       take a call (only call.dispatch holders may set source other than staff)
 *   GET    /calls/:id                          call.read         one call (audited)
 *   PATCH  /calls/:id                          call.dispatch     assign, arrive, clear (disposition required to clear), change
 *   GET    /incidents                          incident.read     list + search (q full-text) + filters, keyset pages (audited as a search)
 *   GET    /incidents/export.csv               incident.read     the filtered list as CSV (text/csv; audited)
 *   GET    /incidents/crdc                     report.export     CRDC counts of student referrals to law enforcement and arrests
 *   GET    /incidents/reference                incident.read     NIBRS offenses, locations, weapon/force codes and the enums below
 *   POST   /incidents                          incident.create   new draft (optionally from a call: callId); number 2026-000123
 *   GET    /incidents/:id                      incident.read     the incident in full (audited); narrative only with incident.narrative.read
 *   PATCH  /incidents/:id                      incident.create   save a draft/returned report (autosave too); body.version must be current,
 *                                                                 else 409 { error, current: IncidentDetail }
 *   POST   /incidents/:id/submit               incident.create   draft/returned -> submitted
 *   POST   /incidents/:id/return               incident.approve  submitted -> returned with a comment (a supervisor of the school, not the author)
 *   POST   /incidents/:id/approve              incident.approve  submitted -> approved (locked)
 *   POST   /incidents/:id/seal                 incident.seal     seal with a reason: gone from every list, search, export and audit content
 *   GET    /incidents/:id/versions             incident.read     every saved version (no content)
 *   GET    /incidents/:id/versions/:versionId  incident.read     one version's snapshot (audited)
 *   GET    /incidents/:id/report.pdf           incident.narrative.read  printable approved report (application/pdf; audited)
 *   POST   /incidents/:id/supplements          incident.create   new supplement draft on an approved report
 *   PATCH  /incidents/:id/supplements/:sid     incident.create   save a supplement (version as above)
 *   POST   /incidents/:id/supplements/:sid/submit|return|approve  same review as a report (incident.create / incident.approve)
 *   POST   /incidents/:id/attachments          incident.create   raw bytes (any Content-Type), ?fileName=&supplementId=; type sniffed from bytes
 *   GET    /incident-attachments/:id/content   incident.narrative.read  the evidence file (audited), served only through this route
 *   POST   /incidents/:id/referrals            incident.refer    explicit referral to administration or counseling, sharing a chosen summary
 *   POST   /incidents/:id/tasks                incident.create   follow-up task with owner and due date
 *   GET    /incident-tasks                     incident.read     open tasks (mine by default), due first, with clocks
 *   PATCH  /incident-tasks/:id                 incident.create   change or complete a task
 *   GET    /incident-students                  incident.create   roster lookup to name a student in a report (?q=name or number; directory fields only)
 *   GET    /discipline-referrals               discipline.receive  referrals to administration at my schools (what they share only)
 *   PATCH  /discipline-referrals/:id           discipline.receive  acknowledge or close
 *   GET    /counseling-referrals               referral.manage   referrals to counseling at my schools
 *   PATCH  /counseling-referrals/:id           referral.manage   acknowledge or close
 */
import { z } from 'zod';
import { anyText, optionalText, text } from './text.js';

// ---------------------------------------------------------------- enums

export const CALL_SOURCES = ['staff', 'dispatch', 'tip', 'self_initiated'] as const;
export const CALL_PRIORITIES = ['emergency', 'urgent', 'routine'] as const;
/** Derived from the times: pending (no one assigned), assigned, on_scene (arrived), cleared. */
export const CALL_STATUSES = ['pending', 'assigned', 'on_scene', 'cleared'] as const;
export const CALL_DISPOSITIONS = [
  'report_taken', 'resolved', 'referred_to_school', 'unfounded', 'gone_on_arrival', 'transferred', 'duplicate',
] as const;

export const INCIDENT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export const SCHOOL_SAFETY_CATEGORIES = [
  'fight', 'bullying', 'harassment', 'threat', 'weapon', 'drugs', 'vaping', 'alcohol', 'trespass', 'vandalism', 'theft',
  'medical', 'mental_health_crisis', 'other',
] as const;
export const OFFENSE_KINDS = ['nibrs', 'school'] as const;
export const PERSON_KINDS = ['student', 'staff', 'visitor', 'other'] as const;
export const PERSON_ROLES = ['victim', 'suspect', 'witness', 'reporting_party'] as const;
export const ACTION_KINDS = [
  'arrest', 'citation', 'referral_law_enforcement', 'referral_administration', 'referral_counseling', 'warning', 'no_action',
] as const;
/** Actions that are about one person: a body naming none answers 400 on `actions.N.person`. */
export const PERSON_ACTIONS: readonly ActionKind[] = ['arrest', 'citation', 'referral_law_enforcement', 'warning'];
export const REFERRAL_KINDS = ['administration', 'counseling'] as const;
export const REFERRAL_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export const TASK_KINDS = ['follow_up', 'notification'] as const;
/** Notification rules that create tasks by themselves (Texas CCP 15.27 style; see standards.md). */
export const NOTIFICATION_RULES = ['superintendent_oral_24h', 'superintendent_written_7d'] as const;
export const ATTACHMENT_KINDS = ['image', 'pdf', 'audio', 'video'] as const;
/** The largest file accepted per kind, in bytes. */
export const ATTACHMENT_LIMITS: Record<AttachmentKind, number> = {
  image: 10 * 1024 * 1024, pdf: 20 * 1024 * 1024, audio: 50 * 1024 * 1024, video: 200 * 1024 * 1024,
};
export const VERSION_EVENTS = ['created', 'saved', 'submitted', 'returned', 'approved'] as const;
export const INCIDENT_SORTS = ['occurred_desc', 'occurred_asc', 'number_desc', 'number_asc'] as const;

export type CallSource = (typeof CALL_SOURCES)[number];
export type CallPriority = (typeof CALL_PRIORITIES)[number];
export type CallStatus = (typeof CALL_STATUSES)[number];
export type CallDisposition = (typeof CALL_DISPOSITIONS)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type SchoolSafetyCategory = (typeof SCHOOL_SAFETY_CATEGORIES)[number];
export type PersonKind = (typeof PERSON_KINDS)[number];
export type PersonRole = (typeof PERSON_ROLES)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

/** Human labels for the enums, used by pages, CSV and PDF. */
export const LABELS = {
  source: { staff: 'Staff', dispatch: 'Dispatch', tip: 'Tip', self_initiated: 'Self-initiated' },
  priority: { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' },
  callStatus: { pending: 'Pending', assigned: 'Assigned', on_scene: 'On scene', cleared: 'Cleared' },
  disposition: {
    report_taken: 'Report taken', resolved: 'Resolved, no report', referred_to_school: 'Referred to school',
    unfounded: 'Unfounded', gone_on_arrival: 'Gone on arrival', transferred: 'Transferred to patrol', duplicate: 'Duplicate',
  },
  status: { draft: 'Draft', submitted: 'Submitted', returned: 'Returned', approved: 'Approved' },
  category: {
    fight: 'Fight', bullying: 'Bullying', harassment: 'Harassment', threat: 'Threat', weapon: 'Weapon', drugs: 'Drugs',
    vaping: 'Vaping', alcohol: 'Alcohol', trespass: 'Trespass', vandalism: 'Vandalism', theft: 'Theft', medical: 'Medical',
    mental_health_crisis: 'Mental-health crisis', other: 'Other',
  },
  personKind: { student: 'Student', staff: 'Staff', visitor: 'Visitor', other: 'Other' },
  personRole: { victim: 'Victim', suspect: 'Suspect/offender', witness: 'Witness', reporting_party: 'Reporting party' },
  action: {
    arrest: 'Arrest', citation: 'Citation', referral_law_enforcement: 'Referral to law enforcement',
    referral_administration: 'Referral to administration', referral_counseling: 'Referral to counseling',
    warning: 'Warning', no_action: 'No action',
  },
} as const;

// ---------------------------------------------------------------- shared pieces

const uuid = z.uuid();
const dateTime = z.iso.datetime({ offset: true, error: 'must be a date and time (ISO 8601)' });
export const idParams = z.strictObject({ id: uuid });
export const supplementParams = z.strictObject({ id: uuid, sid: uuid });
export const versionParams = z.strictObject({ id: uuid, versionId: uuid });
/** Every save and review step carries the version it was based on. */
export const versionField = z.number().int().min(1).describe('The version the change is based on; a stale one answers 409');

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

// ---------------------------------------------------------------- incidents: request bodies

export const offenseInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('nibrs'),
    code: z.string().trim().toUpperCase().min(2).max(4).describe('A NIBRS offense code from the reference table'),
    attempted: z.boolean().default(false),
    weaponForce: z.array(z.string().max(3)).max(3).default([]).describe('NIBRS weapon/force codes; required for some offenses'),
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
});
export const actionInput = z.strictObject({
  person: z.number().int().min(0).nullable().default(null).describe('Index into persons of the same body'),
  kind: z.enum(ACTION_KINDS),
  at: dateTime.optional().describe('Defaults to the time of the incident'),
  note: optionalText(500),
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
}).partial().required({ version: true });
export const reviewBody = z.strictObject({ version: versionField, comment: optionalText(4000) });
export const returnBody = z.strictObject({ version: versionField, comment: text(4000).describe('What to correct') });
export const sealBody = z.strictObject({ reason: text(1000).min(10).describe('Court order or statute; kept with the record') });
export const supplementBody = z.strictObject({ narrative: z.string().max(100_000).default('') });
export const updateSupplementBody = z.strictObject({ version: versionField, narrative: z.string().max(100_000) });
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

// ---------------------------------------------------------------- incidents: answers

export const offenseSchema = z.object({
  id: uuid,
  kind: z.enum(OFFENSE_KINDS),
  code: z.string().nullable().describe('NIBRS code when kind is nibrs'),
  category: z.enum(SCHOOL_SAFETY_CATEGORIES).nullable(),
  label: z.string(),
  attempted: z.boolean(),
  weaponForce: z.array(z.string()),
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
});
export const actionSchema = z.object({
  id: uuid,
  personId: uuid.nullable(),
  kind: z.enum(ACTION_KINDS),
  at: z.string(),
  note: z.string().nullable(),
  implied: z.boolean().describe('Added by the server: an arrest implies a referral to law enforcement'),
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
  rule: z.enum(NOTIFICATION_RULES).nullable(),
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
});
export const incidentDetailSchema = incidentCoreSchema.extend({
  supplements: z.array(supplementSchema),
  reviews: z.array(reviewSchema),
  attachments: z.array(attachmentSchema),
  tasks: z.array(taskSchema),
  referrals: z.array(referralSchema),
  can: abilitiesSchema,
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

export type CreateCall = z.infer<typeof createCallBody>;
export type UpdateCall = z.infer<typeof updateCallBody>;
export type ListCallsQuery = z.infer<typeof listCallsQuery>;
export type Call = z.infer<typeof callSchema>;
export type OffenseInput = z.infer<typeof offenseInput>;
export type PersonInput = z.infer<typeof personInput>;
export type ActionInput = z.infer<typeof actionInput>;
export type CreateIncident = z.infer<typeof createIncidentBody>;
export type UpdateIncident = z.infer<typeof updateIncidentBody>;
export type ReviewInput = z.infer<typeof reviewBody>;
export type ReturnInput = z.infer<typeof returnBody>;
export type SealInput = z.infer<typeof sealBody>;
export type ReferralInput = z.infer<typeof referralBody>;
export type UpdateReferral = z.infer<typeof updateReferralBody>;
export type TaskInput = z.infer<typeof taskBody>;
export type UpdateTask = z.infer<typeof updateTaskBody>;
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuery>;
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;
export type IncidentCore = z.infer<typeof incidentCoreSchema>;
export type IncidentListItem = z.infer<typeof incidentListItemSchema>;
export type Offense = z.infer<typeof offenseSchema>;
export type Person = z.infer<typeof personSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Supplement = z.infer<typeof supplementSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Referral = z.infer<typeof referralSchema>;
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type VersionDetail = z.infer<typeof versionDetailSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type StudentLookup = z.infer<typeof studentLookupSchema>['items'][number];
export type Crdc = z.infer<typeof crdcSchema>;
