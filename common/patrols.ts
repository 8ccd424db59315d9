import { z } from 'zod';
import { text, optionalText } from './text.js';

// Patrols and security checks (capability 5): quick log entries an officer types on a phone in a hallway, and
// check lists per school whose failed items become work orders. Every patrol entry and check run also appears in
// the officer's activity log (common/activity-log.ts), recorded by the server.
//
// Routes:
//   GET    /patrols                       patrol.read   entries I may see (own, or my schools' with patrol.read)
//   POST   /patrols                       patrol.log    a quick entry (mine)
//   GET    /patrols/:id                   patrol.read
//   PATCH  /patrols/:id                   patrol.log    only the officer's own entries (others: 404)
//   DELETE /patrols/:id                   patrol.log    only own entries
//   GET    /patrol-checklists             patrol.read   check lists of my schools (?schoolId, ?archived)
//   POST   /patrol-checklists             patrol.checklist.manage
//   GET    /patrol-checklists/:id         patrol.read
//   PATCH  /patrol-checklists/:id         patrol.checklist.manage   items replaced as a whole
//   GET    /patrol-checks                 patrol.read   check runs (?schoolId, ?checklistId, ?from, ?to)
//   POST   /patrol-checks                 patrol.log    a run: every item passes or fails; failures open work orders
//   GET    /patrol-checks/:id             patrol.read

const instant = z.iso.datetime({ offset: true, error: 'must be a date-time with offset, e.g. 2026-03-02T07:45:00Z' });
const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const ref = z.object({ id: z.uuid(), name: z.string() });

/** Where or what: places patrolled, the three visibility periods, and traffic-control duty. */
export const PATROL_KINDS = [
  'interior', 'exterior', 'grounds', 'parking', 'bus_loop', 'neighbourhood',
  'visibility_arrival', 'visibility_lunch', 'visibility_dismissal', 'traffic_control',
] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];
export const PATROL_KIND_LABELS: Record<PatrolKind, string> = {
  interior: 'Interior', exterior: 'Exterior', grounds: 'Grounds', parking: 'Parking', bus_loop: 'Bus loop',
  neighbourhood: 'Neighbourhood', visibility_arrival: 'Visibility: arrival', visibility_lunch: 'Visibility: lunch',
  visibility_dismissal: 'Visibility: dismissal', traffic_control: 'Traffic control',
};
/** The activity-log kind a patrol entry becomes (common/activity.ts ACTIVITY_KINDS). */
export const PATROL_ACTIVITY_KIND: Record<PatrolKind, 'patrol' | 'visibility' | 'traffic'> = {
  interior: 'patrol', exterior: 'patrol', grounds: 'patrol', parking: 'patrol', bus_loop: 'patrol', neighbourhood: 'patrol',
  visibility_arrival: 'visibility', visibility_lunch: 'visibility', visibility_dismissal: 'visibility', traffic_control: 'traffic',
};

/** Longest single patrol entry: a day. */
export const MAX_PATROL_MINUTES = 24 * 60;
const minutes = z.number().int().min(1, 'must be at least 1 minute').max(MAX_PATROL_MINUTES, 'must be at most 1440 minutes (24 h)');

// ───────────────────────── patrol entries ─────────────────────────

const entryFields = {
  kind: z.enum(PATROL_KINDS),
  areaId: z.uuid().nullable().describe('A campus area of the entry\'s school (400 on areaId otherwise)'),
  startedAt: instant,
  durationMinutes: minutes,
  notes: optionalText(2000),
};
/** POST /patrols: the officer is the signed-in user. */
export const patrolEntryBody = z.strictObject({
  schoolId: z.uuid(),
  ...entryFields,
  areaId: entryFields.areaId.default(null),
  startedAt: instant.optional().describe('Default: now minus the duration'),
  durationMinutes: minutes.default(15),
});
export type PatrolEntryBody = z.input<typeof patrolEntryBody>;
/** PATCH /patrols/:id: any subset; the school stays. */
export const patrolEntryUpdateBody = z.strictObject(entryFields).partial();
export type PatrolEntryUpdateBody = z.infer<typeof patrolEntryUpdateBody>;

export const listPatrolsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  officerId: z.uuid().optional().describe('Only this officer\'s entries'),
  mine: z.enum(['true', 'false']).optional().describe('true: only my entries'),
  kind: z.enum(PATROL_KINDS).optional(),
  from: day.optional().describe('Started on or after this day'),
  to: day.optional().describe('Started on or before this day'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const patrolEntrySchema = z.object({
  id: z.uuid(),
  school: ref,
  area: ref.nullable(),
  kind: z.enum(PATROL_KINDS),
  startedAt: z.string(),
  durationMinutes: z.number().int(),
  notes: z.string().nullable(),
  officer: ref,
  mine: z.boolean().describe('The signed-in user logged it (and may edit it)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PatrolEntry = z.infer<typeof patrolEntrySchema>;
export const patrolEntryPageSchema = z.object({ items: z.array(patrolEntrySchema), total: z.number().int() });
export type PatrolEntryPage = z.infer<typeof patrolEntryPageSchema>;

// ───────────────────────── check lists ─────────────────────────

/** Items a new school's list usually starts with (the web form offers them). */
export const SUGGESTED_CHECK_ITEMS = [
  'Exterior doors locked', 'Gates closed and locked', 'Cameras working', 'Lighting working',
  'Visitor entrance secured', 'Fire exits clear',
] as const;

const checkItemInput = z.strictObject({
  id: z.uuid().optional().describe('Keep an existing item (its past results stay linked); omit for a new item'),
  label: text(200),
  areaId: z.uuid().nullable().default(null).describe('Where the item is checked: a campus area of the school'),
});
/** POST /patrol-checklists. */
export const checklistBody = z.strictObject({
  schoolId: z.uuid(),
  name: text(200),
  items: z.array(checkItemInput).min(1, 'must have at least one item').max(100),
});
export type ChecklistBody = z.input<typeof checklistBody>;
/** PATCH /patrol-checklists/:id: `items` replaces the list (items left out are retired, not deleted). */
export const checklistUpdateBody = z.strictObject({
  name: text(200),
  items: checklistBody.shape.items,
  archived: z.boolean(),
}).partial();
export type ChecklistUpdateBody = z.input<typeof checklistUpdateBody>;
export const listChecklistsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  archived: z.enum(['true', 'false']).optional().describe('Default false'),
});

export const checkItemSchema = z.object({ id: z.uuid(), label: z.string(), area: ref.nullable(), position: z.number().int() });
export type CheckItem = z.infer<typeof checkItemSchema>;
export const checklistSchema = z.object({
  id: z.uuid(),
  school: ref,
  name: z.string(),
  archived: z.boolean(),
  items: z.array(checkItemSchema),
  lastRunAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Checklist = z.infer<typeof checklistSchema>;

// ───────────────────────── check runs ─────────────────────────

const checkResultInput = z.strictObject({
  itemId: z.uuid(),
  passed: z.boolean(),
  note: optionalText(1000).describe('Required when the item failed: it becomes the work order\'s description'),
});
/** POST /patrol-checks: one result for every item of the list, exactly once (400 on `results` otherwise). */
export const checkRunBody = z.strictObject({
  checklistId: z.uuid(),
  startedAt: instant.optional().describe('Default: now minus the duration'),
  durationMinutes: minutes.default(15),
  notes: optionalText(2000),
  results: z.array(checkResultInput).min(1).max(100),
});
export type CheckRunBody = z.input<typeof checkRunBody>;
export const listCheckRunsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  checklistId: z.uuid().optional(),
  failed: z.enum(['true', 'false']).optional().describe('true: only runs with a failed item'),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const checkResultSchema = z.object({
  itemId: z.uuid(),
  label: z.string().describe('The item\'s label when checked'),
  area: ref.nullable(),
  passed: z.boolean(),
  note: z.string().nullable(),
  workOrder: z.object({ id: z.uuid(), number: z.string() }).nullable().describe('Opened for a failed item'),
});
export type CheckResult = z.infer<typeof checkResultSchema>;
export const checkRunSchema = z.object({
  id: z.uuid(),
  checklist: ref,
  school: ref,
  officer: ref,
  startedAt: z.string(),
  durationMinutes: z.number().int(),
  notes: z.string().nullable(),
  failedCount: z.number().int(),
  itemCount: z.number().int(),
  createdAt: z.string(),
});
export type CheckRun = z.infer<typeof checkRunSchema>;
export const checkRunDetailSchema = checkRunSchema.extend({ results: z.array(checkResultSchema) });
export type CheckRunDetail = z.infer<typeof checkRunDetailSchema>;
export const checkRunPageSchema = z.object({ items: z.array(checkRunSchema), total: z.number().int() });
export type CheckRunPage = z.infer<typeof checkRunPageSchema>;
