import { z } from 'zod';
import { text, optionalText } from './text.js';

// Education programs (capability 14, the educator role of the triad): a topic catalogue, class requests by teachers,
// scheduling and delivery by the SRO, materials, feedback surveys, community outreach, hours per topic.
// A teacher (education.request) sees their own requests only, under /education/my-requests; the SRO and readers
// (education.read) see the classes of their schools under /education/classes.
//
// Routes: GET /education/topics (district.read), POST /education/topics, PATCH /education/topics/:key;
// GET/POST /education/my-requests, GET/PATCH /education/my-requests/:id, POST /education/my-requests/:id/cancel
// (education.request, own requests only); GET /education/classes, GET /education/classes/:id (education.read);
// POST /education/classes/:id/accept|decline|schedule|cancel|delivery|student-survey, DELETE .../student-survey,
// POST .../feedback-link (re-mail the teacher's link), PUT /education/classes/:id/materials?fileName= (raw PDF/PNG/JPEG body),
// GET/DELETE /education/classes/:id/materials/:materialId (education.manage; GET material: education.read);
// GET /education/outreach (education.read), POST /education/outreach, PATCH/DELETE /education/outreach/:id
// (education.manage); GET /education/hours (education.read); POST /public/education/surveys/open {token} and
// POST /public/education/surveys/answer {token, ratings, comment} (no session; the token stays out of API URLs and logs).

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');
const instant = z.iso.datetime({ offset: true, error: 'must be a date-time with offset, like 2026-11-23T10:00:00Z' });
const grade = z.number().int().min(-1, 'grades run from -1 (pre-K) to 12').max(12, 'grades run from -1 (pre-K) to 12');
const person = z.object({ id: z.uuid(), name: z.string() });

/** Largest material file (PDF, PNG or JPEG). */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;
/** Longest class or outreach event: a day (the triad log's limit). */
export const MAX_CLASS_MINUTES = 24 * 60;
const duration = z.number().int().min(1, 'must be at least 1 minute').max(MAX_CLASS_MINUTES, 'must be at most 1440 minutes');

// ───────────────────────── topics ─────────────────────────

/** The built-in catalogue; a district adds its own topics (keys `custom_…`). */
export const BUILT_IN_TOPICS = [
  'bullying_prevention', 'drug_awareness', 'cyber_safety', 'personal_safety', 'conflict_resolution', 'law_related_education',
  'college_career_readiness', 'digital_citizenship',
] as const;
export type BuiltInTopic = (typeof BUILT_IN_TOPICS)[number];
export const BUILT_IN_TOPIC_LABELS: Record<BuiltInTopic, string> = {
  bullying_prevention: 'Bullying prevention', drug_awareness: 'Drug awareness', cyber_safety: 'Cyber safety',
  personal_safety: 'Personal safety', conflict_resolution: 'Conflict resolution', law_related_education: 'Law-related education',
  college_career_readiness: 'College and career readiness', digital_citizenship: 'Digital citizenship',
};

export const topicKey = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be a topic key from GET /education/topics');
export const topicSchema = z.object({
  key: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  active: z.boolean().describe('Inactive topics stay on past classes but cannot be requested'),
});
export type Topic = z.infer<typeof topicSchema>;
export const topicListSchema = z.object({ items: z.array(topicSchema) });
/** POST /education/topics (district-wide education.manage). */
export const topicBody = z.strictObject({ name: text(120) });
/** PATCH /education/topics/:key (district topics only). */
export const updateTopicBody = z.strictObject({ name: text(120), active: z.boolean() }).partial();

// ───────────────────────── class requests and classes ─────────────────────────

export const CLASS_STATUSES = ['requested', 'accepted', 'scheduled', 'delivered', 'declined', 'cancelled'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];
export const CLASS_STATUS_LABELS: Record<ClassStatus, string> = {
  requested: 'Requested', accepted: 'Accepted', scheduled: 'Scheduled', delivered: 'Delivered', declined: 'Declined',
  cancelled: 'Cancelled',
};

/** POST /education/my-requests: a teacher asks the SRO of the school for a class. */
export const classRequestBody = z.strictObject({
  schoolId: z.uuid().describe('A school where I hold education.request'),
  topic: topicKey,
  preferredDates: z.array(day).min(1, 'give at least one preferred date').max(5),
  gradeLevel: grade,
  classSize: z.number().int().min(1, 'must be at least 1').max(500),
  notes: optionalText(2000),
});
export type ClassRequestBody = z.infer<typeof classRequestBody>;
/** PATCH /education/my-requests/:id while still requested. */
export const updateClassRequestBody = classRequestBody.omit({ schoolId: true }).partial().strict();

/** POST /education/classes/:id/accept: optionally with the schedule (then the class is scheduled at once). */
export const scheduleBody = z.strictObject({
  date: day,
  startTime: clockTime,
  durationMinutes: duration,
  room: optionalText(120),
});
export type ScheduleBody = z.infer<typeof scheduleBody>;
export const acceptBody = z.strictObject({ schedule: scheduleBody.nullable().optional() });
export const declineBody = z.strictObject({ reason: text(1000) });
export const cancelBody = z.strictObject({ reason: optionalText(1000) });

/** POST /education/classes/:id/delivery: the class was taught. `attendance` may not exceed the class size. */
export const deliveryBody = z.strictObject({
  attendance: z.number().int().min(0),
  gradeLevels: z.array(grade).min(1, 'name at least one grade level').max(14),
  durationMinutes: duration.optional().describe('Actual length when it differed from the schedule'),
  notes: optionalText(4000),
});
export type DeliveryBody = z.infer<typeof deliveryBody>;

export const listClassesQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  status: z.enum(CLASS_STATUSES).optional(),
  topic: topicKey.optional(),
  from: day.optional().describe('Scheduled on or after (requested classes: created on or after)'),
  to: day.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListClassesQuery = z.input<typeof listClassesQuery>;

export const materialSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: person,
  uploadedAt: z.string(),
});
export type Material = z.infer<typeof materialSchema>;

export const TEACHER_QUESTIONS = ['content', 'engagement', 'age_appropriate', 'presenter', 'recommend'] as const;
export const TEACHER_QUESTION_LABELS: Record<(typeof TEACHER_QUESTIONS)[number], string> = {
  content: 'The content was useful for my students',
  engagement: 'Students were engaged',
  age_appropriate: 'The material fit the age of the class',
  presenter: 'The officer presented clearly',
  recommend: 'I would recommend this class to colleagues',
};
export const STUDENT_QUESTIONS = ['learned', 'interesting', 'safer'] as const;
export const STUDENT_QUESTION_LABELS: Record<(typeof STUDENT_QUESTIONS)[number], string> = {
  learned: 'I learned something new',
  interesting: 'The class was interesting',
  safer: 'I know better what to do to stay safe',
};
export const SURVEY_KINDS = ['teacher', 'student'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

const rating = z.number().int().min(1, 'ratings run from 1 to 5').max(5, 'ratings run from 1 to 5');
export const feedbackSummarySchema = z.object({
  teacher: z.object({
    sentAt: z.string().nullable().describe('When the survey link was mailed to the requesting teacher'),
    answeredAt: z.string().nullable(),
    ratings: z.record(z.string(), z.number().int()).nullable(),
    comment: z.string().nullable(),
  }),
  students: z.object({
    open: z.boolean().describe('A student survey link is open'),
    responses: z.number().int(),
    averages: z.record(z.string(), z.number()).describe('Average rating per question'),
    comments: z.array(z.string()),
  }),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

export const classSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('e.g. EDU-2026-0007'),
  schoolId: z.uuid(),
  schoolName: z.string(),
  topic: z.string(),
  topicName: z.string(),
  status: z.enum(CLASS_STATUSES),
  requestedBy: person.extend({ email: z.string() }),
  preferredDates: z.array(z.string()),
  gradeLevel: z.number().int(),
  classSize: z.number().int(),
  requestNotes: z.string().nullable(),
  instructor: person.nullable().describe('The SRO who accepted it'),
  decisionReason: z.string().nullable().describe('Why declined or cancelled'),
  scheduledDate: z.string().nullable(),
  startTime: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  room: z.string().nullable(),
  attendance: z.number().int().nullable(),
  gradeLevels: z.array(z.number().int()),
  deliveryNotes: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EducationClass = z.infer<typeof classSchema>;
export const classDetailSchema = classSchema.extend({ materials: z.array(materialSchema), feedback: feedbackSummarySchema });
export type EducationClassDetail = z.infer<typeof classDetailSchema>;
export const classPageSchema = z.object({ items: z.array(classSchema), total: z.number().int() });
export type ClassPage = z.infer<typeof classPageSchema>;

/** POST /education/classes/:id/student-survey: opens (or replaces) the anonymous student link. Shown once. */
export const surveyLinkSchema = z.object({ url: z.string(), token: z.string() });

// ───────────────────────── public surveys (no session) ─────────────────────────

const surveyToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be a survey link token');
/** POST /public/education/surveys/open: the questions of the survey the token opens. */
export const surveyTokenBody = z.strictObject({ token: surveyToken });
/** The answer of POST /public/education/surveys/open. */
export const publicSurveySchema = z.object({
  kind: z.enum(SURVEY_KINDS),
  topicName: z.string(),
  schoolName: z.string(),
  deliveredOn: z.string().nullable(),
  questions: z.array(z.object({ key: z.string(), label: z.string() })),
  answered: z.boolean().describe('Teacher link already used: no second response'),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;
/** POST /public/education/surveys/answer: every question of the survey's kind rated 1..5. */
export const surveyResponseBody = z.strictObject({
  token: surveyToken,
  ratings: z.record(z.string(), rating),
  comment: optionalText(2000),
});
export type SurveyResponseBody = z.infer<typeof surveyResponseBody>;

// ───────────────────────── outreach ─────────────────────────

export const OUTREACH_AUDIENCES = ['parents', 'students', 'community', 'staff', 'youth_program', 'other'] as const;
export type OutreachAudience = (typeof OUTREACH_AUDIENCES)[number];
export const OUTREACH_AUDIENCE_LABELS: Record<OutreachAudience, string> = {
  parents: 'Parents and families', students: 'Students', community: 'Community', staff: 'School staff',
  youth_program: 'Youth program', other: 'Other',
};

export const outreachBody = z.strictObject({
  schoolId: z.uuid().nullable().describe('The school it was for; null: the wider community (needs district scope)'),
  title: text(200),
  audience: z.enum(OUTREACH_AUDIENCES),
  topic: topicKey.nullable().optional(),
  occurredAt: instant,
  durationMinutes: duration,
  peopleReached: z.number().int().min(0).max(100_000),
  notes: optionalText(4000),
});
export type OutreachBody = z.infer<typeof outreachBody>;
export const updateOutreachBody = outreachBody.omit({ schoolId: true }).partial().strict();
export const listOutreachQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const outreachSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  title: z.string(),
  audience: z.enum(OUTREACH_AUDIENCES),
  topic: z.string().nullable(),
  topicName: z.string().nullable(),
  occurredAt: z.string(),
  durationMinutes: z.number().int(),
  peopleReached: z.number().int(),
  notes: z.string().nullable(),
  recordedBy: person,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Outreach = z.infer<typeof outreachSchema>;
export const outreachPageSchema = z.object({ items: z.array(outreachSchema), total: z.number().int() });

// ───────────────────────── hours ─────────────────────────

/** GET /education/hours: delivered classes and outreach by topic, school and month. */
export const hoursQuery = z.strictObject({
  from: day.describe('First day, inclusive'),
  to: day.describe('Last day, inclusive'),
  schoolId: z.uuid().optional(),
});
export const hoursRowSchema = z.object({
  month: z.string().describe('YYYY-MM'),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable().describe('null: community outreach not tied to a school'),
  topic: z.string().nullable(),
  topicName: z.string().describe('"No topic" for outreach without one'),
  classes: z.number().int(),
  outreachEvents: z.number().int(),
  minutes: z.number().int(),
  hours: z.number().describe('minutes / 60, two decimals'),
  reached: z.number().int().describe('Students attending plus people reached by outreach'),
});
export type HoursRow = z.infer<typeof hoursRowSchema>;
export const hoursSchema = z.object({
  rows: z.array(hoursRowSchema),
  totals: z.object({ classes: z.number().int(), outreachEvents: z.number().int(), minutes: z.number().int(), hours: z.number(), reached: z.number().int() }),
});
export type Hours = z.infer<typeof hoursSchema>;
