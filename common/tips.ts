import { z } from 'zod';
import {
  CANNED_REPLIES, INVESTIGATIVE_THEMES, THREAT_CASE_SOURCES, THREAT_CASE_STATUSES, THREAT_CLASSIFICATIONS, THREAT_NOTE_KINDS,
  ATTACHMENT_REMOVALS, THREAT_TASK_KINDS, TIP_CATEGORIES, TIP_LIMITS, TIP_LINK_KINDS, TIP_MESSAGE_AUTHORS, TIP_OUTCOMES, TIP_STATUSES,
} from './tip-constants.js';
import { text } from './text.js';

export * from './tip-constants.js';

/*
 * The API contract of anonymous tips (capability 12) and CSTAG threat assessment (capability 20).
 *
 * Public routes (no account, no session; POST still carries x-csrf-token echoing the sro_csrf cookie, which
 * is random and never stored with a tip). The server keeps no IP address, user agent or cookie of a reporter
 * in tips, messages or logs. Abuse control: GET /public/tips/token hands out a short-lived signed token
 * (never stored; counted in memory) that every public POST carries in the body as `token`.
 *
 * | method | path                          | access   | what it does |
 * |--------|-------------------------------|----------|--------------|
 * | GET    | /public/tips/schools?q=       | public   | Schools whose name matches q (2+ characters) → { items: PublicSchool[] } (max 20) |
 * | GET    | /public/tips/token            | public   | A fresh abuse-control token → TipToken |
 * | POST   | /public/tips                  | public   | Submit a tip (SubmitTipBody) → 201 TipReceipt { code, passphrase }; 400 naming the field (description, schoolId, attachment...); 429 when the token is used up or expired (field `token`) |
 * | POST   | /public/tips/dialogue         | public   | Read my tip and its messages (TipAccessBody) → ReporterView; unknown code and wrong passphrase both 404 "No tip matches this code and passphrase" |
 * | POST   | /public/tips/messages         | public   | Answer (ReporterMessageBody) → 201 ReporterView; same 404 as above |
 *
 * Staff routes (session cookie; POST/PATCH carry x-csrf-token). A tip or case outside the caller's reach
 * answers 404 like a missing one. Every read of a tip or case writes an audit event.
 *
 * | method | path                                  | permission    | what it does |
 * |--------|---------------------------------------|---------------|--------------|
 * | GET    | /tips?schoolId&status&lifeSafety      | tip.read      | Queue of tips at my schools: life-safety unacknowledged first, then newest → { items: TipSummary[] } (audited tip.listed) |
 * | GET    | /tips/canned-replies                  | tip.read      | → { items: CannedReply[] } |
 * | GET    | /tips/:id                             | tip.read      | One tip with messages, attachment info, links → Tip (audited tip.viewed) |
 * | GET    | /tips/:id/attachment                  | tip.read      | The stripped attachment bytes (its media type) (audited tip.attachment_viewed) |
 * | POST   | /tips/:id/acknowledge                 | tip.triage    | Acknowledge (stops the timer; new → acknowledged) → Tip; already acknowledged: unchanged |
 * | PATCH  | /tips/:id                             | tip.triage    | Status, outcome (required to close), lifeSafety flag, hoax flag (UpdateTipBody) → Tip |
 * | POST   | /tips/:id/messages                    | tip.triage    | Staff reply (StaffReplyBody: body, or cannedReplyId) → 201 Tip |
 * | POST   | /tips/:id/links                       | tip.triage    | Link to an incident, threat case or referral (TipLinkBody) → 201 Tip; 400 field targetId when unknown or not visible |
 * | POST   | /threat-cases                         | threat.manage | Open a CSTAG case (OpenCaseBody) from a tip, an incident or directly → 201 ThreatCase; the opener joins the team |
 * | GET    | /threat-cases?status&schoolId         | threat.read   | Cases I am on the team of (all of the district for the district safety director) → { items: ThreatCaseSummary[] } (audited) |
 * | GET    | /threat-cases/team-candidates?schoolId| threat.manage | Users holding threat.read at the school → { items: { id, name, role }[] } |
 * | GET    | /threat-cases/:id                     | threat.read   | One case with team, steps, tasks, notes, safety plan → ThreatCase (audited threat.viewed) |
 * | PATCH  | /threat-cases/:id                     | threat.manage | Team, threat as reported, intended victims (UpdateCaseBody) → ThreatCase |
 * | POST   | /threat-cases/:id/evaluation          | threat.manage | Step 1: evaluate the threat (EvaluationBody) → ThreatCase `evaluated` |
 * | POST   | /threat-cases/:id/classification      | threat.manage | Steps 2-3: transient (resolved) or substantive serious / very serious (ClassifyBody); creates the CSTAG tasks (CSTAG_TASKS) → ThreatCase |
 * | POST   | /threat-cases/:id/tasks               | threat.manage | Add a task (NewTaskBody) → 201 ThreatCase |
 * | PATCH  | /threat-cases/:id/tasks/:taskId       | threat.manage | Owner, due date, done (UpdateTaskBody) → ThreatCase |
 * | POST   | /threat-cases/:id/notes               | threat.manage | Structured note: interview, investigative theme, monitoring or note (NoteBody) → 201 ThreatCase |
 * | PUT    | /threat-cases/:id/safety-plan         | threat.manage | Write or revise the safety plan (SafetyPlanBody) → ThreatCase |
 * | POST   | /threat-cases/:id/monitoring          | threat.manage | Move a serious / very serious case to monitoring → ThreatCase `monitoring` |
 * | POST   | /threat-cases/:id/close               | threat.manage | Close with a summary (CloseCaseBody) → ThreatCase `closed` |
 * | GET    | /threat-cases/:id/summary.pdf         | threat.read   | Case summary PDF (audited threat.printed) |
 *
 * Live: a life-safety tip (by category when submitted, or flagged by staff) sends `tip.life_safety`
 * (TipLiveEvent) on GET /api/live to holders of tip.read at the tip's school, and an e-mail to them.
 * Errors: { error: { code, message, field? } }.
 */

const optText = (max: number) => z.string().trim().max(max).optional();
const dateOnly = z.iso.date();

/** Public school search result. */
export const publicSchool = z.object({ id: z.uuid(), name: z.string(), city: z.string().nullable() });
export type PublicSchool = z.infer<typeof publicSchool>;

/** GET /public/tips/token. */
export const tipToken = z.object({
  token: z.string(), expiresAt: z.iso.datetime(),
  pow: z.object({ difficulty: z.number().int() }).nullable().optional()
    .describe('Under a flood: a tip sent with this token needs `proof` so that SHA-256(token ":" proof) starts with this many zero bits'),
});
export type TipToken = z.infer<typeof tipToken>;

/** An attachment as base64 in the JSON body (JPEG, PNG or PDF, up to TIP_LIMITS.attachmentMaxBytes). */
export const tipAttachmentBody = z.strictObject({
  fileName: optText(200),
  contentBase64: z.string().min(1).max(Math.ceil(TIP_LIMITS.attachmentMaxBytes / 3) * 4 + 8, { error: 'attachment larger than 5 MB' }),
});

/** POST /public/tips. */
export const submitTipBody = z.strictObject({
  token: z.string().min(1).max(200),
  proof: z.string().max(100).optional().describe('The proof of work its token asked for (only under a flood)'),
  schoolId: z.uuid({ error: 'choose a school' }),
  category: z.enum(TIP_CATEGORIES),
  description: text(TIP_LIMITS.descriptionMax).describe('What happened (required)'),
  when: optText(TIP_LIMITS.fieldMax).describe('When it happened or will happen'),
  where: optText(TIP_LIMITS.fieldMax),
  who: optText(TIP_LIMITS.fieldMax).describe('Who is involved, if known'),
  attachment: tipAttachmentBody.optional(),
  language: z.enum(['en', 'es']).default('en'),
});
export type SubmitTipBody = z.input<typeof submitTipBody>;

/** The answer to a submitted tip: the only time the passphrase is shown. */
export const tipReceipt = z.object({
  code: z.string(), passphrase: z.string(), lifeSafety: z.boolean(),
  attachmentRemoved: z.array(z.enum(ATTACHMENT_REMOVALS)).nullable().describe('What was removed from the attachment before it was stored (null: no attachment)'),
});
export type TipReceipt = z.infer<typeof tipReceipt>;

/** POST /public/tips/dialogue. */
export const tipAccessBody = z.strictObject({
  token: z.string().min(1).max(200),
  code: z.string().trim().toUpperCase().max(20),
  passphrase: z.string().trim().toLowerCase().max(100),
});
export type TipAccessBody = z.input<typeof tipAccessBody>;

/** POST /public/tips/messages. */
export const reporterMessageBody = tipAccessBody.extend({ body: text(TIP_LIMITS.messageMax) });
export type ReporterMessageBody = z.input<typeof reporterMessageBody>;

/** One dialogue message; staff messages never name the staff member to the reporter. */
export const tipMessage = z.object({
  id: z.uuid(), author: z.enum(TIP_MESSAGE_AUTHORS), body: z.string(), at: z.iso.datetime(),
  staffName: z.string().nullable().describe('Staff author (staff views only; null for the reporter view)'),
});
export type TipMessage = z.infer<typeof tipMessage>;

/** What the reporter sees. */
export const reporterView = z.object({
  code: z.string(), schoolName: z.string(), category: z.enum(TIP_CATEGORIES), description: z.string(),
  status: z.enum(TIP_STATUSES), submittedAt: z.iso.datetime(), messages: z.array(tipMessage),
});
export type ReporterView = z.infer<typeof reporterView>;

/** A row of the staff queue. */
export const tipSummary = z.object({
  id: z.uuid(), number: z.string(), schoolId: z.uuid(), schoolName: z.string(), category: z.enum(TIP_CATEGORIES),
  excerpt: z.string(), status: z.enum(TIP_STATUSES), outcome: z.enum(TIP_OUTCOMES).nullable(), lifeSafety: z.boolean(),
  hoax: z.boolean(), createdAt: z.iso.datetime(), acknowledgedAt: z.iso.datetime().nullable(), unreadFromReporter: z.number().int(),
  lastMessageAt: z.iso.datetime().nullable(),
});
export type TipSummary = z.infer<typeof tipSummary>;

/** A link from a tip. */
/** A link as staff see it; a link to a sealed record reads `sealed`, "a sealed record", without its id. */
export const tipLink = z.object({ kind: z.enum([...TIP_LINK_KINDS, 'sealed']), targetId: z.uuid().nullable(), label: z.string(), createdAt: z.iso.datetime() });
export type TipLink = z.infer<typeof tipLink>;

/** A tip in full (staff). */
export const tipSchema = tipSummary.extend({
  description: z.string(), when: z.string().nullable(), where: z.string().nullable(), who: z.string().nullable(),
  language: z.enum(['en', 'es']),
  attachment: z.object({ mediaType: z.string(), size: z.number().int(), fileName: z.string().nullable() }).nullable(),
  acknowledgedByName: z.string().nullable(), closedAt: z.iso.datetime().nullable(),
  lifeSafetyFlaggedBy: z.enum(['category', 'staff', 'lexicon']).nullable(),
  lifeSafetySignals: z.array(z.string()).describe('Terms of the life-safety lexicon the text matched (signal:term)'),
  escalations: z.array(z.object({ step: z.number().int(), level: z.string(), recipients: z.number().int(), at: z.iso.datetime() }))
    .describe('Steps of the escalation chain taken while the tip waited unacknowledged'),
  messages: z.array(tipMessage), links: z.array(tipLink),
});
export type Tip = z.infer<typeof tipSchema>;

/** GET /tips. */
export const listTipsQuery = z.object({
  schoolId: z.uuid().optional(), status: z.enum(TIP_STATUSES).optional(),
  lifeSafety: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(400).optional().describe('nextCursor of the previous page'),
});
export type ListTipsQuery = z.input<typeof listTipsQuery>;

/** PATCH /tips/:id. Closing needs an outcome; `hoax: true` also closes with outcome hoax. */
export const updateTipBody = z.strictObject({
  status: z.enum(TIP_STATUSES).optional(), outcome: z.enum(TIP_OUTCOMES).optional(),
  lifeSafety: z.boolean().optional(), hoax: z.boolean().optional(),
});
export type UpdateTipBody = z.infer<typeof updateTipBody>;

/** POST /tips/:id/messages: a body, or a canned reply (its text is sent when body is absent). */
export const staffReplyBody = z.strictObject({
  body: text(TIP_LIMITS.messageMax).optional(),
  cannedReplyId: z.enum(CANNED_REPLIES.map((r) => r.id) as [string, ...string[]]).optional(),
});
export type StaffReplyBody = z.infer<typeof staffReplyBody>;

/** POST /tips/:id/links. */
export const tipLinkBody = z.strictObject({ kind: z.enum(TIP_LINK_KINDS), targetId: z.uuid() });
export type TipLinkBody = z.infer<typeof tipLinkBody>;

/** A canned reply. */
export const cannedReply = z.object({ id: z.string(), label: z.string(), text: z.string() });
export type CannedReply = z.infer<typeof cannedReply>;

/** The payload of the live `tip.life_safety` event (no tip text: the notice links to the tip). */
export const tipLiveEvent = z.object({
  tipId: z.uuid(), number: z.string(), schoolId: z.uuid(), schoolName: z.string(), category: z.enum(TIP_CATEGORIES),
  createdAt: z.iso.datetime(), reason: z.enum(['category', 'staff', 'lexicon']),
});
export type TipLiveEvent = z.infer<typeof tipLiveEvent>;

// ---------------------------------------------------------------------------------------------------------
// Threat assessment (CSTAG)

/** POST /threat-cases. */
export const openCaseBody = z.strictObject({
  schoolId: z.uuid(),
  source: z.enum(THREAT_CASE_SOURCES),
  tipId: z.uuid().optional().describe('Required when source is tip'),
  incidentId: z.uuid().optional().describe('Required when source is incident'),
  subjectStudentId: z.uuid().describe('The student who made the threat (roster of the school)'),
  threatAsReported: text(4000),
  intendedVictims: optText(1000),
  teamUserIds: z.array(z.uuid()).max(20).default([]).describe('Team besides the opener; each must hold threat.read at the school'),
});
export type OpenCaseBody = z.input<typeof openCaseBody>;

/** PATCH /threat-cases/:id. */
export const updateCaseBody = z.strictObject({
  teamUserIds: z.array(z.uuid()).max(20).optional(),
  threatAsReported: text(4000).optional(),
  intendedVictims: optText(1000),
});
export type UpdateCaseBody = z.infer<typeof updateCaseBody>;

/** POST /threat-cases/:id/evaluation (step 1). */
export const evaluationBody = z.strictObject({
  studentAccount: text(4000).describe("The student's own account of the threat"),
  witnessAccounts: optText(4000),
  context: optText(4000).describe('Context and meaning of the threat'),
});
export type EvaluationBody = z.infer<typeof evaluationBody>;

/** POST /threat-cases/:id/classification (steps 2-3). */
export const classifyBody = z.strictObject({
  classification: z.enum(THREAT_CLASSIFICATIONS),
  rationale: text(4000),
  resolution: optText(2000).describe('Transient: how it was resolved (apology, clarification); required for transient'),
});
export type ClassifyBody = z.infer<typeof classifyBody>;

/** POST /threat-cases/:id/tasks. */
export const newTaskBody = z.strictObject({
  kind: z.enum(THREAT_TASK_KINDS), title: optText(300), ownerUserId: z.uuid().nullable().optional(), dueOn: dateOnly.optional(),
});
export type NewTaskBody = z.infer<typeof newTaskBody>;

/** PATCH /threat-cases/:id/tasks/:taskId. */
export const updateTaskBody = z.strictObject({
  ownerUserId: z.uuid().nullable().optional(), dueOn: dateOnly.nullable().optional(), done: z.boolean().optional(), note: optText(1000),
});
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

/** POST /threat-cases/:id/notes: interview (interviewee, role), theme (one investigative theme), monitoring, note. */
export const noteBody = z.strictObject({
  kind: z.enum(THREAT_NOTE_KINDS),
  interviewee: optText(200).describe('Interview: who was interviewed (required for interview)'),
  intervieweeRole: z.enum(['subject', 'target', 'witness', 'parent', 'staff', 'other']).optional(),
  theme: z.enum(INVESTIGATIVE_THEMES).optional().describe('Theme: required for theme'),
  occurredOn: dateOnly.optional(),
  body: text(4000),
});
export type NoteBody = z.infer<typeof noteBody>;

/** PUT /threat-cases/:id/safety-plan. */
export const safetyPlanBody = z.strictObject({
  measures: z.array(text(500)).min(1).max(30),
  supports: z.array(text(500)).max(30).default([]),
  reviewDates: z.array(dateOnly).min(1).max(12).describe('Planned reviews; the next one is shown on the case'),
});
export type SafetyPlanBody = z.input<typeof safetyPlanBody>;

/** POST /threat-cases/:id/close. */
export const closeCaseBody = z.strictObject({ summary: text(4000) });
export type CloseCaseBody = z.infer<typeof closeCaseBody>;

/** GET /threat-cases. */
export const listCasesQuery = z.object({ status: z.enum(THREAT_CASE_STATUSES).optional(), schoolId: z.uuid().optional() });
export type ListCasesQuery = z.input<typeof listCasesQuery>;

const member = z.object({ userId: z.uuid(), name: z.string(), role: z.string().nullable() });

/** A row of the case list. */
export const threatCaseSummary = z.object({
  id: z.uuid(), number: z.string(), schoolId: z.uuid(), schoolName: z.string(), status: z.enum(THREAT_CASE_STATUSES),
  classification: z.enum(THREAT_CLASSIFICATIONS).nullable(), subjectName: z.string(), source: z.enum(THREAT_CASE_SOURCES),
  openedAt: z.iso.datetime(), openTasks: z.number().int(), nextReviewOn: z.string().nullable(),
});
export type ThreatCaseSummary = z.infer<typeof threatCaseSummary>;

/** A task of a case. */
export const threatTask = z.object({
  id: z.uuid(), kind: z.enum(THREAT_TASK_KINDS), title: z.string(), ownerUserId: z.uuid().nullable(), ownerName: z.string().nullable(),
  dueOn: z.string().nullable(), doneAt: z.iso.datetime().nullable(), note: z.string().nullable(),
});
export type ThreatTask = z.infer<typeof threatTask>;

/** A structured note. */
export const threatNote = z.object({
  id: z.uuid(), kind: z.enum(THREAT_NOTE_KINDS), interviewee: z.string().nullable(), intervieweeRole: z.string().nullable(),
  theme: z.enum(INVESTIGATIVE_THEMES).nullable(), occurredOn: z.string().nullable(), body: z.string(),
  authorName: z.string(), createdAt: z.iso.datetime(),
});
export type ThreatNote = z.infer<typeof threatNote>;

/** A case in full. */
export const threatCaseSchema = threatCaseSummary.extend({
  tipId: z.uuid().nullable(), incidentId: z.uuid().nullable(), subjectStudentId: z.uuid(),
  threatAsReported: z.string(), intendedVictims: z.string().nullable(),
  evaluation: evaluationBody.extend({ at: z.iso.datetime(), byName: z.string() }).nullable(),
  classificationRationale: z.string().nullable(), resolution: z.string().nullable(), classifiedAt: z.iso.datetime().nullable(),
  team: z.array(member), tasks: z.array(threatTask), notes: z.array(threatNote),
  safetyPlan: z.object({ measures: z.array(z.string()), supports: z.array(z.string()), reviewDates: z.array(z.string()), updatedAt: z.iso.datetime() }).nullable(),
  closedAt: z.iso.datetime().nullable(), closingSummary: z.string().nullable(),
});
export type ThreatCase = z.infer<typeof threatCaseSchema>;
