import { z } from 'zod';
import { anyText, text } from './text.js';

/*
 * The API contract of event coverage (capability 7): the extracurricular events calendar of each school, the
 * SRO the supervisor designates to cover an event, conflicts and uncovered events, post-event notes, and
 * iCalendar feeds at secret URLs.
 *
 * | method | path                           | permission   | what it does |
 * |--------|--------------------------------|--------------|--------------|
 * | GET    | /events?schoolId&from&to&uncovered&conflicts&sroId&limit | event.read | Events of my schools, by start → { items: Event[] } |
 * | POST   | /events                        | event.manage | Create (EventBody) → 201 Event; 400 `endsAt` when it is not after `startsAt` |
 * | GET    | /events/:id                    | event.read   | One event → Event |
 * | PATCH  | /events/:id                    | event.manage | Change (EventUpdateBody) → Event; moving a covered event keeps the coverage and re-checks conflicts |
 * | GET    | /events/:id/candidates         | event.assign | SROs who may cover it (assigned to the school or one of its feeders on the event's day) → { items: CoverageCandidate[] } |
 * | PUT    | /events/:id/coverage           | event.assign | Designate the covering SRO (CoverageBody; sroId null removes) → Event; 400 `sroId` when not a candidate |
 * | PUT    | /events/:id/notes              | event.read   | Post-event notes (EventNotesBody), by the covering SRO only (403 otherwise), once the event has started (400 `notes` before) → Event |
 * | GET    | /event-feeds                   | event.read   | My iCalendar feeds → { items: EventFeed[] } (url null: shown only when made or rotated) |
 * | POST   | /event-feeds                   | event.read   | New feed (EventFeedBody) → 201 EventFeed with url; scope `sro` = events I cover, `school` = one school's events |
 * | POST   | /event-feeds/:id/rotate        | event.read   | New secret; the old URL answers 404 from now on → EventFeed with url |
 * | DELETE | /event-feeds/:id               | event.read   | Revoke → 204 |
 * | GET    | /ical/:token.ics               | none (token) | text/calendar (RFC 5545) of the feed; an unknown or revoked token is 404 |
 *
 * Covering an event records an activity entry (kind `event`, source `event_coverage`) for the covering SRO for
 * the event's duration; removing or changing the coverage moves or removes that entry.
 */

export const EVENT_KINDS = ['game', 'dance', 'graduation', 'meeting', 'assembly', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  game: 'Game', dance: 'Dance', graduation: 'Graduation', meeting: 'Meeting', assembly: 'Assembly', other: 'Other',
};

/** Longest event: three days (a tournament); anything longer is several events. */
export const MAX_EVENT_HOURS = 72;

const instant = z.iso.datetime({ offset: true, error: 'must be a date-time (ISO 8601 with time zone)' });
const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const person = z.object({ id: z.uuid(), name: z.string() });

/** POST /events. `endsAt` must be after `startsAt` (400 naming endsAt) and within MAX_EVENT_HOURS. */
export const eventBody = z.strictObject({
  schoolId: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  title: text(200),
  place: anyText(200).nullable().optional().describe('Where at (or away from) the school'),
  startsAt: instant,
  endsAt: instant,
  description: anyText(4000).nullable().optional(),
});
export type EventBody = z.infer<typeof eventBody>;

/** PATCH /events/:id: any of these; `cancelled: true` keeps the event in the list, struck through. */
export const eventUpdateBody = z.strictObject({
  kind: z.enum(EVENT_KINDS), title: text(200), place: anyText(200).nullable(),
  startsAt: instant, endsAt: instant, description: anyText(4000).nullable(), cancelled: z.boolean(),
}).partial();
export type EventUpdateBody = z.infer<typeof eventUpdateBody>;

/** PUT /events/:id/coverage. */
export const coverageBody = z.strictObject({ sroId: z.uuid().nullable().describe('null removes the coverage') });
export type CoverageBody = z.infer<typeof coverageBody>;

/** PUT /events/:id/notes. */
export const eventNotesBody = z.strictObject({ notes: text(8000) });
export type EventNotesBody = z.infer<typeof eventNotesBody>;

/** GET /events. `from`/`to` are days (inclusive) in UTC; default: from today on. */
export const listEventsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
  uncovered: z.enum(['true', 'false']).optional().describe('true: only events nobody covers (cancelled ones excluded)'),
  conflicts: z.enum(['true', 'false']).optional().describe('true: only events whose SRO covers another overlapping event'),
  sroId: z.uuid().optional().describe('Only events this SRO covers'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListEventsQuery = z.input<typeof listEventsQuery>;

/** Another event the same SRO covers at an overlapping time. */
export const eventConflictSchema = z.object({
  eventId: z.uuid(), title: z.string(), schoolId: z.uuid(), schoolName: z.string(), startsAt: z.string(), endsAt: z.string(),
});
export type EventConflict = z.infer<typeof eventConflictSchema>;

export const eventSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  place: z.string().nullable(),
  description: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  cancelled: z.boolean(),
  coverage: z.object({ sro: person, assignedBy: person, assignedAt: z.string() }).nullable(),
  uncovered: z.boolean().describe('Not cancelled and nobody covers it'),
  conflicts: z.array(eventConflictSchema).describe('Overlapping events the covering SRO also covers'),
  notes: z.string().nullable().describe('Post-event notes of the covering SRO'),
  notesAt: z.string().nullable(),
  createdBy: person,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Event = z.infer<typeof eventSchema>;
export const eventListSchema = z.object({ items: z.array(eventSchema) });

/** An SRO who may cover an event, with the events they already cover at overlapping times. */
export const coverageCandidateSchema = z.object({
  id: z.uuid(), name: z.string(),
  assignment: z.enum(['primary', 'feeder']).describe('How the SRO is assigned to the event school'),
  conflicts: z.array(eventConflictSchema),
});
export type CoverageCandidate = z.infer<typeof coverageCandidateSchema>;

// ───────────────────────── iCalendar feeds ─────────────────────────

export const FEED_SCOPES = ['sro', 'school'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

/** POST /event-feeds: `school` needs schoolId (a school where I hold event.read); `sro` is the events I cover. */
export const eventFeedBody = z.strictObject({
  scope: z.enum(FEED_SCOPES),
  schoolId: z.uuid().optional(),
});
export type EventFeedBody = z.infer<typeof eventFeedBody>;

export const eventFeedSchema = z.object({
  id: z.uuid(),
  scope: z.enum(FEED_SCOPES),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  url: z.string().nullable().describe('Absolute URL with the secret; only in the answer that made or rotated it'),
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
});
export type EventFeed = z.infer<typeof eventFeedSchema>;
export const eventFeedListSchema = z.object({ items: z.array(eventFeedSchema) });
