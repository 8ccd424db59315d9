import { randomBytes } from 'node:crypto';
import {
  actionItems, advanceNotices, advanceNoticeSchools, eventFeeds, meetings, meetingSeries, presenceNotices, schoolDocuments, schoolEvents,
  sroAssignments,
} from '../db/schema/index.js';
import { hashToken } from '../modules/events/events.feeds.js';
import type { TestApp, TestClient } from '../test/app.js';
import { createUser, uniqueSuffix } from '../test/fixtures.js';
import { filesOf, newFileKey } from '../files/registry.js';

// The event, notice and meeting records of one school for the record-scope test, each in the state its route changes
// from. Presence, post-event notes and feeds belong to one officer: that officer's session proves those routes work.

/** Ids of the operations records of one school, and the sessions of the officers who own the personal ones. */
export interface OperationsRecords {
  event: string;
  sro: string;
  feed: string;
  /** An open away notice of the school's SRO ("back on campus") and one of a second SRO (changed, still away). */
  away: string;
  awayToChange: string;
  advance: string;
  series: string;
  meeting: string;
  item: string;
  textDocument: string;
  pdfDocument: string;
  officer: TestClient;
  secondOfficer: TestClient;
}

const at = (iso: string) => new Date(iso);

/** Creates the records of `schoolId`, whose SRO is `sro` (assigned there), straight in the database. */
export async function operationsRecords(t: TestApp, districtId: string, schoolId: string, sro: { id: string; email: string }): Promise<OperationsRecords> {
  const { db } = t;
  const second = await createUser(t.database, { email: `sro2.${uniqueSuffix()}@isd.test`, districtId, grants: [{ role: 'sro', schoolId }] });
  await db.insert(sroAssignments).values({ userId: second.id, schoolId, kind: 'primary', startsOn: '2026-08-01' });
  const [event] = await db.insert(schoolEvents).values({
    districtId, schoolId, kind: 'game', title: 'Homecoming game', place: 'Stadium', startsAt: at('2026-11-01T18:00:00Z'), endsAt: at('2026-11-01T21:00:00Z'),
    coverSroId: sro.id, coverAssignedBy: sro.id, coverAssignedAt: at('2026-10-20T12:00:00Z'), createdBy: sro.id,
  }).returning();
  const [feed] = await db.insert(eventFeeds).values({ districtId, userId: sro.id, scope: 'sro', tokenHash: hashToken(randomBytes(32).toString('base64url')) }).returning();
  const leave = { districtId, schoolId, reason: 'Court', leftAt: at('2026-11-02T13:00:00Z'), expectedReturnAt: at('2026-11-02T17:00:00Z'), backupContact: 'Dispatch, 555-0100' };
  const [away, awayToChange] = await db.insert(presenceNotices).values([{ ...leave, sroId: sro.id }, { ...leave, sroId: second.id }]).returning();
  const [advance] = await db.insert(advanceNotices).values({
    districtId, sroId: sro.id, kind: 'training', fromDate: '2026-11-20', toDate: '2026-11-21', daysNotice: 18,
  }).returning();
  await db.insert(advanceNoticeSchools).values({ noticeId: advance!.id, schoolId });
  const [series] = await db.insert(meetingSeries).values({
    districtId, schoolId, title: 'Weekly with the principal', recurrence: 'weekly', firstStartsAt: at('2026-10-26T20:00:00Z'), durationMinutes: 30,
    until: '2027-06-01', createdBy: sro.id,
  }).returning();
  const [meeting] = await db.insert(meetings).values({
    districtId, schoolId, seriesId: series!.id, title: 'Weekly with the principal', startsAt: at('2026-10-26T20:00:00Z'), durationMinutes: 30, createdBy: sro.id,
  }).returning();
  const [item] = await db.insert(actionItems).values({ meetingId: meeting!.id, title: 'Fix the east gate', ownerId: sro.id, createdBy: sro.id }).returning();
  const document = { districtId, schoolId, kind: 'mou' as const, title: 'MOU', uploadedBy: sro.id };
  const [textDocument, pdfDocument] = await db.insert(schoolDocuments).values([
    { ...document, format: 'text', body: 'The SRO does not enforce school discipline.', uploadedAt: at('2026-08-01T12:00:00Z') },
    { ...document, format: 'pdf', fileKey: (await filesOf(db).write(newFileKey('school-documents'), Buffer.from('%PDF-1.4\n%%EOF\n'))).key, fileName: 'mou.pdf', fileSize: 15, uploadedAt: at('2026-08-02T12:00:00Z') },
  ]).returning();
  const officer = t.client();
  await officer.signIn(sro.email);
  const secondOfficer = t.client();
  await secondOfficer.signIn(second.email);
  return {
    event: event!.id, sro: sro.id, feed: feed!.id, away: away!.id, awayToChange: awayToChange!.id, advance: advance!.id, series: series!.id,
    meeting: meeting!.id, item: item!.id, textDocument: textDocument!.id, pdfDocument: pdfDocument!.id, officer, secondOfficer,
  };
}

type Request = [url: string, body?: unknown, headers?: Record<string, string>];

/** How to call each event, notice and meeting route on the records `r` of a school. */
export const OPERATIONS_REQUESTS: Record<string, (r: OperationsRecords) => Request> = {
  'GET /api/events/:id': (r) => [`/api/events/${r.event}`],
  'PATCH /api/events/:id': (r) => [`/api/events/${r.event}`, { place: 'Stadium, gate B' }],
  'GET /api/events/:id/candidates': (r) => [`/api/events/${r.event}/candidates`],
  'PUT /api/events/:id/coverage': (r) => [`/api/events/${r.event}/coverage`, { sroId: r.sro }],
  'PUT /api/events/:id/notes': (r) => [`/api/events/${r.event}/notes`, { notes: 'Quiet game.' }],
  'POST /api/event-feeds/:id/rotate': (r) => [`/api/event-feeds/${r.feed}/rotate`],
  'DELETE /api/event-feeds/:id': (r) => [`/api/event-feeds/${r.feed}`],
  'POST /api/presence/:id/return': (r) => [`/api/presence/${r.away}/return`],
  'PATCH /api/presence/:id': (r) => [`/api/presence/${r.awayToChange}`, { backupContact: 'Sgt. Diaz, 555-0142' }],
  'GET /api/advance-notices/:id': (r) => [`/api/advance-notices/${r.advance}`],
  'PATCH /api/meeting-series/:id': (r) => [`/api/meeting-series/${r.series}`, { place: 'Main office' }],
  'GET /api/meetings/:id': (r) => [`/api/meetings/${r.meeting}`],
  'PATCH /api/meetings/:id': (r) => [`/api/meetings/${r.meeting}`, { minutes: 'Gate repair requested.' }],
  'PUT /api/meetings/:id/attendance': (r) => [`/api/meetings/${r.meeting}/attendance`, { attended: true }],
  'POST /api/meetings/:id/action-items': (r) => [`/api/meetings/${r.meeting}/action-items`, { title: 'Walk the fence line', ownerId: r.sro }],
  'PATCH /api/action-items/:id': (r) => [`/api/action-items/${r.item}`, { status: 'done' }],
  'GET /api/school-documents/:id': (r) => [`/api/school-documents/${r.textDocument}`],
  'GET /api/school-documents/:id/file': (r) => [`/api/school-documents/${r.pdfDocument}/file`],
};

const OWN: Record<string, 'officer' | 'secondOfficer'> = {
  'PUT /api/events/:id/notes': 'officer', 'POST /api/event-feeds/:id/rotate': 'officer', 'DELETE /api/event-feeds/:id': 'officer',
  'POST /api/presence/:id/return': 'officer', 'PATCH /api/presence/:id': 'secondOfficer',
};

/** The session that proves an officer-only route works (the covering SRO, the feed's or notice's owner), else undefined. */
export function operationsOwnerOf(route: string, r: OperationsRecords): TestClient | undefined {
  const who = OWN[route];
  return who ? r[who] : undefined;
}
