import { z } from 'zod';
import {
  SRP_ACTIONS, SHELTER_HAZARDS, SHELTER_STRATEGIES, ALERT_STATUSES, CANCEL_WINDOW_MAX_SECONDS, CHECK_IN_STATUSES, TIMELINE_KINDS, REUNIFICATION_STATUSES, REQUEST_STATUSES, ID_TYPES,
  type ReunificationStatus,
} from './srp.js';
import { text } from './text.js';

export * from './srp.js';

/*
 * The API contract of emergency alerts (Standard Response Protocol), staff accountability and
 * reunification, shared by the server (route schemas) and the web app (types, client-side checks).
 *
 * Routes (all under /api, session cookie; POST/PATCH carry x-csrf-token):
 *
 * | method | path                                         | permission            | what it does |
 * |--------|----------------------------------------------|-----------------------|--------------|
 * | GET    | /live                                        | alert.receive         | Server-Sent Events stream (see "Live stream" below) |
 * | GET    | /alerts/settings                             | district.read         | The district's alert settings: { cancelWindowSeconds } |
 * | PATCH  | /alerts/settings                             | district.manage       | Change the cancel window (0..30 s) → AlertSettings |
 * | POST   | /alerts                                      | alert.raise           | Raise an alert (RaiseAlertBody) → 201 Alert, status `pending` (or `active` when the window is 0). One school for everyone holding alert.raise there; several schools only with alert.manage at each. A school outside the raiser's scope → 404 field schoolIds |
 * | GET    | /alerts                                      | alert.receive         | Alerts of my schools, newest first (ListAlertsQuery) → { items: Alert[] } |
 * | GET    | /alerts/active                               | alert.receive         | Pending (mine only) and active alerts of my schools → { items: Alert[] } |
 * | GET    | /alerts/:id                                  | alert.receive         | One alert of my schools → Alert (404 outside my schools) |
 * | POST   | /alerts/:id/cancel                           | alert.raise           | Cancel within the window (the raiser, or alert.manage at its schools) → Alert `cancelled`; 409 once announced |
 * | POST   | /alerts/:id/received                         | alert.receive         | The browser confirms it showed the alert (delivery count) → 204 |
 * | POST   | /alerts/:id/check-ins                        | alert.receive         | Check in or update my check-in (CheckInBody) → CheckIn; 409 unless the alert is active |
 * | GET    | /alerts/:id/check-ins/mine                   | alert.receive         | My check-ins for the alert → { items: CheckIn[] } |
 * | GET    | /alerts/:id/board                            | alert.manage          | Accountability board, one entry per school of the alert I manage → Board |
 * | POST   | /alerts/:id/escalate                         | alert.manage          | Change the action of an active alert (EscalateBody), e.g. Secure → Lockdown → Alert |
 * | POST   | /alerts/:id/all-clear                        | alert.manage          | End an active alert (AllClearBody); needs alert.manage at every school of the alert → Alert `cleared` |
 * | GET    | /alerts/:id/timeline                         | alert.manage          | The record: raised, announced, delivered counts, check-ins, escalations, All Clear → { items: TimelineEntry[] } |
 * | GET    | /alerts/:id/report.pdf                       | alert.manage          | After-action report (application/pdf) |
 * | POST   | /reunifications                              | reunification.manage  | Open a reunification event for a school (OpenReunificationBody) → 201 Reunification |
 * | GET    | /reunifications                              | reunification.manage  | Events of my schools (ListReunificationsQuery) → { items: Reunification[] } |
 * | GET    | /reunifications/:id                          | reunification.manage  | Live board: the event, counts, every request → ReunificationBoard |
 * | GET    | /reunifications/:id/students?q=              | reunification.manage  | Students of the event's school matching q (name or number; optional), each with roster guardians → { items: ReunificationStudent[] } |
 * | POST   | /reunifications/:id/requests                 | reunification.manage  | A guardian's card (ReunificationRequestBody) → 201 ReunificationRequest; an adult not allowed is recorded `refused` with refusalReason |
 * | POST   | /reunifications/:id/requests/:requestId/runner  | reunification.manage | A runner goes for the student (RunnerBody) → ReunificationRequest `runner_sent` |
 * | POST   | /reunifications/:id/requests/:requestId/release | reunification.manage | Release (ReleaseBody): student confirmed + staff initials → `released`; student not confirming → `refused` |
 * | POST   | /reunifications/:id/close                    | reunification.manage  | Close the event → Reunification `closed` |
 *
 * Errors: { error: { code, message, field? } }; 400 names the field (e.g. `action`, `location`,
 * `hazard`, `studentsWithMe`). A record outside the caller's schools answers 404 like a missing one.
 *
 * Live stream: GET /api/live (EventSource, withCredentials not needed on the same origin).
 * - Each message is `id: <event id>\nevent: <LiveEventType>\ndata: <JSON payload>\n\n`; ids are
 *   increasing integers (as strings). `: ping` comment lines keep the connection open every 20 s.
 * - On a fresh connection (no Last-Event-ID) the first message is `snapshot` (SnapshotPayload: the
 *   active alerts of my schools, plus my own still `pending` ones) carrying the id of the latest
 *   event, so nothing between the snapshot and the next event is lost. An event may repeat what a
 *   snapshot already shows: apply events by alert id (upsert), never append blindly.
 * - On reconnect the browser sends Last-Event-ID (EventSource does it by itself; `?lastEventId=` works
 *   too): the server replays every event after it that I may see, then continues live. If too many
 *   were missed (> 500), a fresh `snapshot` is sent instead.
 * - `retry: 1000` is sent first so browsers reconnect after one second.
 * - Who gets what: alert.* events go to holders of alert.receive at a school of the alert;
 *   checkin.recorded to holders of alert.manage there; reunification.updated to holders of
 *   reunification.manage at the event's school.
 */


/** POST /alerts. */
export const raiseAlertBody = z.strictObject({
  action: z.enum(SRP_ACTIONS, { error: 'must be one of hold, secure, lockdown, evacuate, shelter' }),
  schoolIds: z.array(z.uuid()).min(1).max(100).describe('Schools the alert covers; one unless the raiser holds alert.manage at each'),
  drill: z.boolean().describe('true for a drill: shown as DRILL everywhere'),
  location: text(200).optional().describe('Evacuate: where to go (required for evacuate)'),
  hazard: z.enum(SHELTER_HAZARDS).optional().describe('Shelter: the hazard (required for shelter)'),
  strategy: z.enum(SHELTER_STRATEGIES).optional().describe('Shelter: the safety strategy (defaults by hazard)'),
  details: text(1000).optional().describe('Free text shown under the directive, e.g. "intruder near the gym"'),
});
export type RaiseAlertBody = z.infer<typeof raiseAlertBody>;

/** POST /alerts/:id/escalate: the new action with its own location or hazard. */
export const escalateBody = z.strictObject({
  action: z.enum(SRP_ACTIONS, { error: 'must be one of hold, secure, lockdown, evacuate, shelter' }),
  location: text(200).optional(),
  hazard: z.enum(SHELTER_HAZARDS).optional(),
  strategy: z.enum(SHELTER_STRATEGIES).optional(),
  details: text(1000).optional(),
});
export type EscalateBody = z.infer<typeof escalateBody>;

/** POST /alerts/:id/all-clear. */
export const allClearBody = z.strictObject({ note: text(1000).optional() });
export type AllClearBody = z.infer<typeof allClearBody>;

/** GET /alerts query. */
export const listAlertsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  drill: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;

export const alertSchoolSchema = z.object({ id: z.uuid(), name: z.string() });

/** An alert as every endpoint and live event shows it. */
export const alertSchema = z.object({
  id: z.uuid(),
  action: z.enum(SRP_ACTIONS),
  term: z.string().describe('HOLD, SECURE, LOCKDOWN, EVACUATE or SHELTER'),
  directive: z.string(),
  location: z.string().nullable(),
  hazard: z.enum(SHELTER_HAZARDS).nullable(),
  strategy: z.enum(SHELTER_STRATEGIES).nullable(),
  details: z.string().nullable(),
  drill: z.boolean(),
  status: z.enum(ALERT_STATUSES),
  schools: z.array(alertSchoolSchema),
  raisedBy: z.object({ id: z.uuid(), name: z.string() }),
  raisedAt: z.string().describe('ISO time the alert was raised (stored)'),
  announceAt: z.string().describe('ISO time the cancel window ends'),
  announcedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  clearedAt: z.string().nullable(),
  clearedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertSettingsSchema = z.object({
  cancelWindowSeconds: z.number().int().min(0).max(CANCEL_WINDOW_MAX_SECONDS),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;
export const updateAlertSettingsBody = z.strictObject({
  cancelWindowSeconds: z.number().int().min(0).max(CANCEL_WINDOW_MAX_SECONDS),
});

const count = z.number({ error: 'must be a whole number, 0 or more' }).int().min(0, { error: 'must be 0 or more' }).max(5000);

/** POST /alerts/:id/check-ins. A later check-in of the same person for the same school replaces the earlier. */
export const checkInBody = z.strictObject({
  schoolId: z.uuid().optional().describe('Needed only when the alert covers several of my schools'),
  status: z.enum(CHECK_IN_STATUSES),
  location: text(200).describe('Room or area, e.g. "Room 114" or "Football field"'),
  areaId: z.uuid().optional().describe('A campus area of the school, when picked from the list'),
  studentsWithMe: count,
  missing: count.default(0),
  extra: count.default(0),
  injured: count.default(0),
  note: text(1000).optional().describe('What help is needed, names of missing students, ...'),
});
export type CheckInBody = z.input<typeof checkInBody>;

export const checkInSchema = z.object({
  id: z.uuid(),
  alertId: z.uuid(),
  schoolId: z.uuid(),
  user: z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() }),
  status: z.enum(CHECK_IN_STATUSES),
  location: z.string(),
  areaId: z.uuid().nullable(),
  studentsWithMe: z.number().int(),
  missing: z.number().int(),
  extra: z.number().int(),
  injured: z.number().int(),
  note: z.string().nullable(),
  checkedInAt: z.string(),
});
export type CheckIn = z.infer<typeof checkInSchema>;

export const boardTotalsSchema = z.object({
  staff: z.number().int().describe('Staff expected to check in (alert.receive at the school)'),
  checkedIn: z.number().int(),
  safe: z.number().int(),
  needHelp: z.number().int(),
  notCheckedIn: z.number().int(),
  received: z.number().int().describe('Staff whose browser confirmed showing the alert'),
  students: z.number().int().describe('Students with staff, summed over check-ins'),
  missing: z.number().int(),
  extra: z.number().int(),
  injured: z.number().int(),
});
export type BoardTotals = z.infer<typeof boardTotalsSchema>;

/** GET /alerts/:id/board. */
export const boardSchema = z.object({
  alert: alertSchema,
  schools: z.array(z.object({
    school: alertSchoolSchema,
    totals: boardTotalsSchema,
    checkIns: z.array(checkInSchema).describe('need_help first, then by time'),
    notCheckedIn: z.array(z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() })),
  })),
});
export type Board = z.infer<typeof boardSchema>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  schoolId: z.uuid().nullable(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  summary: z.string().describe('One readable line, e.g. "Delivered live to 41 screens"'),
  detail: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

// ---- Live stream -----------------------------------------------------------------------------------

/** `snapshot`: the active alerts of my schools (and my own pending ones) at connection time. */
export interface SnapshotPayload { alerts: Alert[] }
/** `alert.announced` (cancel window passed), `alert.updated` (escalated), `alert.cleared` (All Clear). */
export interface AlertEventPayload { alert: Alert }
/** `checkin.recorded`: to the board holders of the school. */
export interface CheckInEventPayload { alertId: string; schoolId: string; checkIn: CheckIn; totals: BoardTotals }
/** `reunification.updated`: an event opened/closed or a request changed. */
export interface ReunificationEventPayload { reunificationId: string; schoolId: string; request: ReunificationRequest | null; status: ReunificationStatus }

export interface LivePayloads {
  snapshot: SnapshotPayload;
  'alert.announced': AlertEventPayload;
  'alert.updated': AlertEventPayload;
  'alert.cleared': AlertEventPayload;
  'checkin.recorded': CheckInEventPayload;
  'reunification.updated': ReunificationEventPayload;
}

// ---- Reunification ---------------------------------------------------------------------------------

/** POST /reunifications. */
export const openReunificationBody = z.strictObject({
  schoolId: z.uuid(),
  alertId: z.uuid().optional().describe('The evacuation that led to it'),
  site: text(200).describe('Where families come: the reunification site'),
  drill: z.boolean().optional().describe('Defaults to the alert\'s drill flag, or false'),
});
export type OpenReunificationBody = z.infer<typeof openReunificationBody>;

export const listReunificationsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  status: z.enum(REUNIFICATION_STATUSES).optional(),
});

export const reunificationSchema = z.object({
  id: z.uuid(),
  school: alertSchoolSchema,
  alertId: z.uuid().nullable(),
  site: z.string(),
  drill: z.boolean(),
  status: z.enum(REUNIFICATION_STATUSES),
  openedBy: z.object({ id: z.uuid(), name: z.string() }),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Reunification = z.infer<typeof reunificationSchema>;

/** POST /reunifications/:id/requests: the reunification card, checked by a checker. */
export const reunificationRequestBody = z.strictObject({
  studentId: z.uuid(),
  guardianId: z.uuid().optional().describe('The roster guardian the adult is; omit for an adult not on the roster'),
  adultName: text(200).describe('Name as on the photo ID'),
  idType: z.enum(ID_TYPES),
  idChecked: z.boolean().describe('The checker compared the photo ID with the adult'),
  note: text(1000).optional(),
});
export type ReunificationRequestBody = z.infer<typeof reunificationRequestBody>;

export const runnerBody = z.strictObject({ runnerName: text(200) });
export const releaseBody = z.strictObject({
  studentConfirmed: z.boolean().describe('The student said they are comfortable leaving with this adult'),
  initials: text(5).regex(/^[A-Za-z.]+$/, { error: 'must be letters' }),
  refusalReason: text(500).optional().describe('Why, when the student did not confirm'),
});
export type ReleaseBody = z.infer<typeof releaseBody>;

export const reunificationRequestSchema = z.object({
  id: z.uuid(),
  reunificationId: z.uuid(),
  student: z.object({ id: z.uuid(), name: z.string(), studentNumber: z.string(), grade: z.number().int().nullable() }),
  guardian: z.object({ id: z.uuid(), name: z.string(), relationship: z.string() }).nullable(),
  adultName: z.string(),
  idType: z.enum(ID_TYPES),
  idChecked: z.boolean(),
  status: z.enum(REQUEST_STATUSES),
  refusalReason: z.string().nullable(),
  runnerName: z.string().nullable(),
  studentConfirmed: z.boolean().nullable(),
  initials: z.string().nullable(),
  requestedAt: z.string(),
  runnerSentAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReunificationRequest = z.infer<typeof reunificationRequestSchema>;

/** GET /reunifications/:id: the live board. `waiting` = requested + runner_sent. */
export const reunificationBoardSchema = z.object({
  reunification: reunificationSchema,
  counts: z.object({
    roster: z.number().int().describe('Active students of the school'),
    requested: z.number().int(), runnerSent: z.number().int(), released: z.number().int(), refused: z.number().int(),
    waiting: z.number().int(),
  }),
  requests: z.array(reunificationRequestSchema).describe('Waiting first (oldest first), then released and refused'),
});
export type ReunificationBoard = z.infer<typeof reunificationBoardSchema>;

/** A student of the school with the roster guardians (custody and pick-up) for the checker. */
export const reunificationStudentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  studentNumber: z.string(),
  grade: z.number().int().nullable(),
  released: z.boolean(),
  guardians: z.array(z.object({
    id: z.uuid(), name: z.string(), relationship: z.string(), hasCustody: z.boolean(), mayPickUp: z.boolean(),
    restrictions: z.string().nullable(), phone: z.string().nullable(),
  })),
});
export type ReunificationStudent = z.infer<typeof reunificationStudentSchema>;
