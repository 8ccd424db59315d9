import { z } from 'zod';
import { anyText, text } from './text.js';

/*
 * The API contract of meetings with the school administration and the school's MOU and written expectations
 * (capability 8). Everything needs meeting.manage at the school (SRO, supervisor, administrator, district).
 *
 * | method | path                                   | what it does |
 * |--------|----------------------------------------|--------------|
 * | GET    | /meeting-series?schoolId               | Recurring meetings → { items: MeetingSeries[] } |
 * | POST   | /meeting-series                        | New series (MeetingSeriesBody) → 201 MeetingSeries; its occurrences up to `until` (at most MAX_OCCURRENCES) are created |
 * | PATCH  | /meeting-series/:id                    | Title / place / active (MeetingSeriesUpdateBody) → MeetingSeries; inactive cancels the future occurrences without minutes |
 * | GET    | /meetings?schoolId&seriesId&from&to&limit | Occurrences by start → { items: MeetingSummary[] } |
 * | POST   | /meetings                              | A one-off meeting (MeetingBody) → 201 Meeting |
 * | GET    | /meetings/:id                          | One occurrence with agenda, minutes, attendance, action items → Meeting |
 * | PATCH  | /meetings/:id                          | Agenda, minutes, time, cancelled (MeetingUpdateBody) → Meeting |
 * | PUT    | /meetings/:id/attendance               | I attended / did not (AttendanceBody) → Meeting; an attending SRO gets an activity entry (kind meeting) |
 * | POST   | /meetings/:id/action-items             | Add (ActionItemBody) → 201 Meeting; owner must hold a grant at the school (400 `ownerId`) |
 * | GET    | /action-items?schoolId&status&ownerId  | Action items across meetings, due first → { items: ActionItem[] } |
 * | PATCH  | /action-items/:id                      | Status / title / owner / due (ActionItemUpdateBody) → ActionItem |
 * | GET    | /school-documents?schoolId&kind        | MOU and expectations, every version newest first → { items: SchoolDocument[] } |
 * | POST   | /school-documents                      | A new text version (SchoolDocumentBody) → 201 SchoolDocument |
 * | POST   | /school-documents/pdf?schoolId&kind&title&fileName | A new PDF version (body application/pdf, max 10 MB) → 201 SchoolDocument |
 * | GET    | /school-documents/:id                  | One version with its text → SchoolDocument |
 * | GET    | /school-documents/:id/file             | The PDF bytes (application/pdf); 404 for a text version |
 */

export const MEETING_RECURRENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type MeetingRecurrence = (typeof MEETING_RECURRENCES)[number];
export const MEETING_RECURRENCE_LABELS: Record<MeetingRecurrence, string> = {
  weekly: 'Every week', biweekly: 'Every two weeks', monthly: 'Every month',
};
export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
export const SCHOOL_DOCUMENT_KINDS = ['mou', 'expectations'] as const;
export type SchoolDocumentKind = (typeof SCHOOL_DOCUMENT_KINDS)[number];
export const SCHOOL_DOCUMENT_KIND_LABELS: Record<SchoolDocumentKind, string> = {
  mou: 'Memorandum of understanding', expectations: 'Written expectations',
};
/** Occurrences created for one series. */
export const MAX_OCCURRENCES = 60;

const instant = z.iso.datetime({ offset: true, error: 'must be a date-time (ISO 8601 with time zone)' });
const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const person = z.object({ id: z.uuid(), name: z.string() });
const minutes = z.number().int().min(5).max(480);

/** POST /meeting-series. until: the last day (default: a year after the first); before the first: 400 `until`. */
export const meetingSeriesBody = z.strictObject({
  schoolId: z.uuid(),
  title: text(200),
  place: anyText(200).nullable().optional(),
  recurrence: z.enum(MEETING_RECURRENCES),
  firstStartsAt: instant,
  durationMinutes: minutes,
  until: day.optional(),
});
export type MeetingSeriesBody = z.infer<typeof meetingSeriesBody>;
export const meetingSeriesUpdateBody = z.strictObject({
  title: text(200), place: anyText(200).nullable(), active: z.boolean(),
}).partial();
export type MeetingSeriesUpdateBody = z.infer<typeof meetingSeriesUpdateBody>;

export const meetingSeriesSchema = z.object({
  id: z.uuid(), schoolId: z.uuid(), schoolName: z.string(), title: z.string(), place: z.string().nullable(),
  recurrence: z.enum(MEETING_RECURRENCES), firstStartsAt: z.string(), durationMinutes: z.number().int(),
  until: z.string(), active: z.boolean(), nextMeeting: z.object({ id: z.uuid(), startsAt: z.string() }).nullable(),
  createdAt: z.string(),
});
export type MeetingSeries = z.infer<typeof meetingSeriesSchema>;
export const meetingSeriesListSchema = z.object({ items: z.array(meetingSeriesSchema) });

/** POST /meetings: a meeting outside any series. */
export const meetingBody = z.strictObject({
  schoolId: z.uuid(), title: text(200), place: anyText(200).nullable().optional(),
  startsAt: instant, durationMinutes: minutes, agenda: anyText(20_000).nullable().optional(),
});
export type MeetingBody = z.infer<typeof meetingBody>;
export const meetingUpdateBody = z.strictObject({
  title: text(200), place: anyText(200).nullable(), startsAt: instant,
  durationMinutes: minutes, agenda: anyText(20_000).nullable(), minutes: anyText(50_000).nullable(),
  cancelled: z.boolean(),
}).partial();
export type MeetingUpdateBody = z.infer<typeof meetingUpdateBody>;
export const attendanceBody = z.strictObject({ attended: z.boolean() });
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const listMeetingsQuery = z.strictObject({
  schoolId: z.uuid().optional(), seriesId: z.uuid().optional(), from: day.optional(), to: day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListMeetingsQuery = z.input<typeof listMeetingsQuery>;

export const actionItemBody = z.strictObject({
  title: text(500), ownerId: z.uuid(), dueOn: day.nullable().optional(),
});
export type ActionItemBody = z.infer<typeof actionItemBody>;
export const actionItemUpdateBody = z.strictObject({
  title: text(500), ownerId: z.uuid(), dueOn: day.nullable(), status: z.enum(ACTION_ITEM_STATUSES),
}).partial();
export type ActionItemUpdateBody = z.infer<typeof actionItemUpdateBody>;
export const listActionItemsQuery = z.strictObject({
  schoolId: z.uuid().optional(), status: z.enum(ACTION_ITEM_STATUSES).optional(), ownerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const actionItemSchema = z.object({
  id: z.uuid(), meetingId: z.uuid(), meetingTitle: z.string(), meetingStartsAt: z.string(), schoolId: z.uuid(),
  title: z.string(), owner: person, dueOn: z.string().nullable(), status: z.enum(ACTION_ITEM_STATUSES),
  overdue: z.boolean(), doneAt: z.string().nullable(), createdAt: z.string(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;
export const actionItemListSchema = z.object({ items: z.array(actionItemSchema) });

export const meetingSummarySchema = z.object({
  id: z.uuid(), seriesId: z.uuid().nullable(), schoolId: z.uuid(), schoolName: z.string(), title: z.string(),
  place: z.string().nullable(), startsAt: z.string(), durationMinutes: z.number().int(), cancelled: z.boolean(),
  hasMinutes: z.boolean(), openActionItems: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;
export const meetingListSchema = z.object({ items: z.array(meetingSummarySchema) });

export const meetingSchema = meetingSummarySchema.extend({
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  attendees: z.array(person.extend({ attended: z.boolean() })),
  actionItems: z.array(actionItemSchema),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

// ───────────────────────── MOU and written expectations ─────────────────────────

export const schoolDocumentBody = z.strictObject({
  schoolId: z.uuid(), kind: z.enum(SCHOOL_DOCUMENT_KINDS), title: text(200),
  body: text(200_000),
});
export type SchoolDocumentBody = z.infer<typeof schoolDocumentBody>;
export const schoolDocumentPdfQuery = z.strictObject({
  schoolId: z.uuid(), kind: z.enum(SCHOOL_DOCUMENT_KINDS), title: text(200),
  fileName: anyText(200).optional(),
});
export const listSchoolDocumentsQuery = z.strictObject({
  schoolId: z.uuid().optional(), kind: z.enum(SCHOOL_DOCUMENT_KINDS).optional(),
});

export const schoolDocumentSchema = z.object({
  id: z.uuid(), schoolId: z.uuid(), schoolName: z.string(), kind: z.enum(SCHOOL_DOCUMENT_KINDS), title: z.string(),
  format: z.enum(['text', 'pdf']), body: z.string().nullable().describe('Text versions; omitted (null) in lists'),
  fileName: z.string().nullable(), fileSize: z.number().int().nullable(),
  current: z.boolean().describe('The newest version of its school and kind'),
  uploadedBy: person, uploadedAt: z.string(),
});
export type SchoolDocument = z.infer<typeof schoolDocumentSchema>;
export const schoolDocumentListSchema = z.object({ items: z.array(schoolDocumentSchema) });
