import { inArray } from 'drizzle-orm';
import {
  educationClasses, educationMaterials, educationSurveys, educationTopics, mediationParties, mediations, mentoringContacts, outreachEvents,
} from '../db/schema/index.js';
import type { TestApp } from '../test/app.js';
import { filesOf, newFileKey } from '../files/registry.js';

// The mentoring and education records of one school for the record-scope test, each in the state its route changes
// from, so that a holder of the permission succeeds once (every other caller answers 404 and changes nothing).

/** Ids of the mentoring and education records of one school. */
export interface EducationRecords {
  contact: string; mediation: string; topicKey: string; outreach: string; material: string;
  /** A request of the school's teacher for the teacher-side routes (only its requester reads it). */
  ownRequest: string;
  toAccept: string; toDecline: string; toSchedule: string; toCancel: string; toDeliver: string; delivered: string;
}

let n = 0;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/**
 * Creates the records of `schoolId`: a contact and a mediation by its SRO about its student, a district topic, an
 * outreach event, and classes requested by its teacher in every status a route starts from.
 */
export async function educationRecords(
  t: TestApp, districtId: string, schoolId: string, sroId: string, teacherId: string, studentId: string,
): Promise<EducationRecords> {
  n += 1;
  const at = new Date('2026-10-05T15:00:00Z');
  const [contact] = await t.db.insert(mentoringContacts).values({
    districtId, schoolId, studentId, authorId: sroId, kind: 'mentoring', occurredAt: at, durationMinutes: 15, topic: 'academics', note: 'Private',
  }).returning();
  const [mediation] = await t.db.insert(mediations).values({
    districtId, schoolId, authorId: sroId, occurredAt: at, durationMinutes: 30, outcome: 'unresolved', note: 'Private',
  }).returning();
  await t.db.insert(mediationParties).values([
    { mediationId: mediation!.id, position: 0, studentId }, { mediationId: mediation!.id, position: 1, name: 'A neighbour' },
  ]);
  const topicKey = `custom_scope_${n}_${schoolId.slice(0, 8)}`;
  await t.db.insert(educationTopics).values({ districtId, key: topicKey, name: `Scope topic ${n} ${schoolId}` });
  const [outreach] = await t.db.insert(outreachEvents).values({
    districtId, schoolId, title: 'Parent night', audience: 'parents', occurredAt: at, durationMinutes: 60, peopleReached: 30, recordedBy: sroId,
  }).returning();
  const base = {
    districtId, schoolId, year: 2026, topic: 'cyber_safety', requestedBy: teacherId, preferredDates: ['2026-12-01'], gradeLevel: 10, classSize: 25,
  };
  const past = { scheduledDate: '2026-10-01', startTime: '10:00', startsAt: new Date('2026-10-01T15:00:00Z'), durationMinutes: 50, instructorId: sroId };
  const states = [
    { status: 'requested' }, { status: 'requested' }, { status: 'requested' }, { status: 'accepted', instructorId: sroId }, { status: 'scheduled', ...past },
    { status: 'scheduled', ...past }, { status: 'delivered', ...past, attendance: 20, gradeLevels: [10], deliveredAt: at },
  ];
  const classes = await t.db.insert(educationClasses).values(states.map((s, i) => ({ ...base, number: 90_000 + n * 10 + i, ...s }))).returning();
  const [own, toAccept, toDecline, toSchedule, toCancel, toDeliver, delivered] = classes.map((c) => c.id) as [string, string, string, string, string, string, string];
  const [material] = await t.db.insert(educationMaterials).values({
    classId: delivered, fileName: 'handout.pdf', contentType: 'application/pdf', size: PDF.length, fileKey: (await filesOf(t.db).write(newFileKey('education-materials'), PDF)).key, uploadedBy: sroId,
  }).returning();
  await t.db.insert(educationSurveys).values({ classId: delivered, kind: 'student', tokenHash: `scope-${n}-${schoolId}`, sentAt: at });
  return {
    contact: contact!.id, mediation: mediation!.id, topicKey, outreach: outreach!.id, material: material!.id, ownRequest: own,
    toAccept, toDecline, toSchedule, toCancel, toDeliver, delivered,
  };
}

/**
 * Makes a school's own records those of the users who prove the routes work: a teacher reads only the requests they
 * made, and only the author changes a contact or mediation.
 */
export async function claimEducationRecords(t: TestApp, r: EducationRecords, owners: { requester: string; author: string }) {
  await t.db.update(educationClasses).set({ requestedBy: owners.requester }).where(inArray(educationClasses.id, [r.ownRequest]));
  await t.db.update(mentoringContacts).set({ authorId: owners.author }).where(inArray(mentoringContacts.id, [r.contact]));
  await t.db.update(mediations).set({ authorId: owners.author }).where(inArray(mediations.id, [r.mediation]));
}

/** Routes of records of a person (a teacher's own requests): other holders at the same school find them absent too. */
export const EDUCATION_PERSONAL_READS = new Set(['GET /api/education/my-requests/:id']);

type Request = [url: string, body?: unknown, headers?: Record<string, string>];

/** How to call each mentoring and education record route on the records `r` of a school. */
export const EDUCATION_REQUESTS: Record<string, (r: EducationRecords) => Request> = {
  'GET /api/mentoring/contacts/:id': (r) => [`/api/mentoring/contacts/${r.contact}`],
  'PATCH /api/mentoring/contacts/:id': (r) => [`/api/mentoring/contacts/${r.contact}`, { durationMinutes: 20 }],
  'DELETE /api/mentoring/contacts/:id': (r) => [`/api/mentoring/contacts/${r.contact}`],
  'GET /api/mentoring/mediations/:id': (r) => [`/api/mentoring/mediations/${r.mediation}`],
  'PATCH /api/mentoring/mediations/:id': (r) => [`/api/mentoring/mediations/${r.mediation}`, { outcome: 'resolved' }],
  'DELETE /api/mentoring/mediations/:id': (r) => [`/api/mentoring/mediations/${r.mediation}`],
  'PATCH /api/education/topics/:key': (r) => [`/api/education/topics/${r.topicKey}`, { active: false }],
  'GET /api/education/my-requests/:id': (r) => [`/api/education/my-requests/${r.ownRequest}`],
  'PATCH /api/education/my-requests/:id': (r) => [`/api/education/my-requests/${r.ownRequest}`, { classSize: 20 }],
  'POST /api/education/my-requests/:id/cancel': (r) => [`/api/education/my-requests/${r.ownRequest}/cancel`, {}],
  'GET /api/education/classes/:id': (r) => [`/api/education/classes/${r.delivered}`],
  'POST /api/education/classes/:id/accept': (r) => [`/api/education/classes/${r.toAccept}/accept`, {}],
  'POST /api/education/classes/:id/decline': (r) => [`/api/education/classes/${r.toDecline}/decline`, { reason: 'Booked' }],
  'POST /api/education/classes/:id/schedule': (r) => [`/api/education/classes/${r.toSchedule}/schedule`, { date: '2026-12-02', startTime: '09:00', durationMinutes: 45 }],
  'POST /api/education/classes/:id/cancel': (r) => [`/api/education/classes/${r.toCancel}/cancel`, {}],
  'POST /api/education/classes/:id/delivery': (r) => [`/api/education/classes/${r.toDeliver}/delivery`, { attendance: 20, gradeLevels: [10] }],
  'GET /api/education/classes/:id/materials/:materialId': (r) => [`/api/education/classes/${r.delivered}/materials/${r.material}`],
  'DELETE /api/education/classes/:id/materials/:materialId': (r) => [`/api/education/classes/${r.delivered}/materials/${r.material}`],
  'PUT /api/education/classes/:id/materials': (r) => [`/api/education/classes/${r.delivered}/materials?fileName=a.pdf`, PDF, { 'content-type': 'application/pdf' }],
  'POST /api/education/classes/:id/feedback-link': (r) => [`/api/education/classes/${r.delivered}/feedback-link`],
  'POST /api/education/classes/:id/student-survey': (r) => [`/api/education/classes/${r.delivered}/student-survey`],
  'DELETE /api/education/classes/:id/student-survey': (r) => [`/api/education/classes/${r.delivered}/student-survey`],
  'PATCH /api/education/outreach/:id': (r) => [`/api/education/outreach/${r.outreach}`, { peopleReached: 31 }],
  'DELETE /api/education/outreach/:id': (r) => [`/api/education/outreach/${r.outreach}`],
};
