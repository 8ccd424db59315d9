import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries, educationClasses, educationSurveys } from '../../db/schema/index.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { auditOf } from '../drills/drills.test-support.js';
import { startSupportWorld, type SupportWorld } from './education.test-support.js';
import { expectNotAtRest } from '../../files/at-rest.test-support.js';

// Clock: 2025-11-10 15:00 UTC (the district is in America/Chicago). staff.north and teacher2.north teach at North,
// where sro.north and sro2.north serve; principal.north reads classes and may request one too.
let w: SupportWorld;
let smtp: TestSmtpServer;
const ids: Record<string, string> = {};
beforeAll(async () => {
  smtp = await startSmtpServer();
  w = await startSupportWorld({ smtpUrl: smtp.url });
}, 60_000);
afterAll(async () => {
  await w?.t.close();
  await smtp?.close();
});

const request = (extra: Record<string, unknown> = {}) => ({
  schoolId: w.north.id, topic: 'bullying_prevention', preferredDates: ['2025-11-18', '2025-11-20'], gradeLevel: 10, classSize: 28,
  notes: 'Third period, we have had trouble in the hallway.', ...extra,
});
const schedule = (date: string, durationMinutes = 50) => ({ date, startTime: '10:00', durationMinutes, room: 'Room 204' });

/** Requests (as staff.north), accepts with a schedule (as sro.north) and delivers a class; answers its id. */
async function delivered(topic: string, date: string, durationMinutes: number, attendance: number) {
  const asked = await (await w.as('staff.north')).post('/api/education/my-requests', request({ topic }));
  const sro = await w.as('sro.north');
  await sro.post(`/api/education/classes/${asked.body.id}/accept`, { schedule: schedule(date, durationMinutes) });
  const done = await sro.post(`/api/education/classes/${asked.body.id}/delivery`, { attendance, gradeLevels: [10] });
  expect(done.status, done.text).toBe(200);
  return asked.body.id as string;
}

describe('class requests', () => {
  it('lets a teacher request a class at their school; the request is numbered and waits for the SRO', async () => {
    const res = await (await w.as('staff.north')).post('/api/education/my-requests', request());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: 'EDU-2025-0001', status: 'requested', topicName: 'Bullying prevention', schoolName: 'North High', classSize: 28,
      requestedBy: { id: w.ids['staff.north'] }, instructor: null, materials: [], preferredDates: ['2025-11-18', '2025-11-20'],
    });
    ids.main = res.body.id;
    for (const extra of [{}, {}, { topic: 'cyber_safety' }]) {
      ids[`other${Object.keys(ids).length}`] = (await (await w.as('staff.north')).post('/api/education/my-requests', request(extra))).body.id;
    }
  });

  it('answers 400 naming the field for an unknown topic, a past preferred date, a class size of 0; 404 for another school', async () => {
    const teacher = await w.as('staff.north');
    const before = (await teacher.get('/api/education/my-requests')).body.total;
    for (const [extra, field] of [[{ topic: 'karate' }, 'topic'], [{ preferredDates: ['2025-11-01'] }, 'preferredDates'], [{ classSize: 0 }, 'classSize']] as const) {
      const res = await teacher.post('/api/education/my-requests', request(extra));
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, field).toBe(field);
    }
    expect((await teacher.post('/api/education/my-requests', request({ schoolId: w.east.id }))).status).toBe(404);
    expect((await teacher.get('/api/education/my-requests')).body.total).toBe(before);
  });

  it('shows a teacher their own requests only: another teacher, even the principal, finds them absent', async () => {
    expect((await (await w.as('staff.north')).get(`/api/education/my-requests/${ids.main}`)).status).toBe(200);
    for (const who of ['teacher2.north', 'principal.north', 'staff.east', 'counselor.north']) {
      const client = await w.as(who);
      expect((await client.get(`/api/education/my-requests/${ids.main}`)).status, who).toBe(404);
      expect((await client.patch(`/api/education/my-requests/${ids.main}`, { classSize: 5 })).status, who).toBe(404);
      expect((await client.post(`/api/education/my-requests/${ids.main}/cancel`, {})).status, who).toBe(404);
      expect((await client.get('/api/education/my-requests')).body.total, who).toBe(0);
    }
    for (const who of ['sro.north', 'supervisor', 'security.north', 'sysadmin']) {
      expect((await (await w.as(who)).get(`/api/education/my-requests/${ids.main}`)).status, who).toBe(403);
    }
  });

  it('lets the SROs and readers of the school see the class; other schools find it absent', async () => {
    for (const who of ['sro.north', 'sro2.north', 'principal.north', 'supervisor', 'director']) {
      expect((await (await w.as(who)).get(`/api/education/classes/${ids.main}`)).status, who).toBe(200);
    }
    for (const who of ['sro.east', 'principal.east', 'outsider']) expect((await (await w.as(who)).get(`/api/education/classes/${ids.main}`)).status, who).toBe(404);
    for (const who of ['staff.north', 'counselor.north', 'security.north']) expect((await (await w.as(who)).get(`/api/education/classes/${ids.main}`)).status, who).toBe(403);
  });

  it('lets the SRO accept and schedule, decline with a reason; the teacher withdraws; wrong steps answer 409', async () => {
    const sro = await w.as('sro.north');
    const accepted = await sro.post(`/api/education/classes/${ids.main}/accept`, { schedule: schedule('2025-11-07') });
    expect(accepted.body).toMatchObject({ status: 'scheduled', scheduledDate: '2025-11-07', startTime: '10:00', room: 'Room 204', instructor: { id: w.ids['sro.north'] } });
    const [row] = await w.t.db.select({ startsAt: educationClasses.startsAt }).from(educationClasses).where(eq(educationClasses.id, ids.main!));
    expect(row!.startsAt!.toISOString()).toBe('2025-11-07T16:00:00.000Z');
    expect((await sro.post(`/api/education/classes/${ids.other1}/decline`, { reason: 'Already booked that week' })).body).toMatchObject({ status: 'declined', decisionReason: 'Already booked that week' });
    expect((await sro.post(`/api/education/classes/${ids.other1}/accept`, {})).status).toBe(409);
    expect((await (await w.as('staff.north')).post(`/api/education/my-requests/${ids.other2}/cancel`, { reason: 'Exams moved' })).body.status).toBe('cancelled');
    expect((await (await w.as('staff.north')).patch(`/api/education/my-requests/${ids.main}`, { classSize: 30 })).status).toBe(409);
    expect((await sro.post(`/api/education/classes/${ids.other3}/accept`, {})).body.status).toBe('accepted');
    expect((await (await w.as('sro.east')).post(`/api/education/classes/${ids.other3}/schedule`, schedule('2025-11-20'))).status).toBe(404);
    expect((await (await w.as('principal.north')).post(`/api/education/classes/${ids.other3}/schedule`, schedule('2025-11-20'))).status).toBe(403);
    expect((await sro.post(`/api/education/classes/${ids.other3}/schedule`, schedule('2025-11-20'))).body.status).toBe('scheduled');
    const statuses = (await sro.get('/api/education/classes')).body.items.map((c: { status: string }) => c.status).sort();
    expect(statuses).toEqual(['cancelled', 'declined', 'scheduled', 'scheduled']);
  });
});

describe('delivery and feedback', () => {
  it('answers 400 naming attendance when more attended than the class size, and writes nothing', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.post(`/api/education/classes/${ids.main}/delivery`, { attendance: 29, gradeLevels: [10] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'attendance' });
    expect((await sro.get(`/api/education/classes/${ids.main}`)).body).toMatchObject({ status: 'scheduled', attendance: null });
    expect(await auditOf(w.t.db, 'education.delivered', ids.main)).toEqual([]);
    expect(await w.t.db.select().from(educationSurveys).where(eq(educationSurveys.classId, ids.main!))).toEqual([]);
    expect((await sro.post(`/api/education/classes/${ids.other3}/delivery`, { attendance: 20, gradeLevels: [10] })).status).toBe(409);
  });

  it('records the delivery and mails the requesting teacher a feedback link that works once', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.post(`/api/education/classes/${ids.main}/delivery`, { attendance: 26, gradeLevels: [11, 10, 10], notes: 'Good questions.' });
    expect(res.body).toMatchObject({ status: 'delivered', attendance: 26, gradeLevels: [10, 11], durationMinutes: 50, feedback: { teacher: { answeredAt: null } } });
    const [entry] = await w.t.db.select().from(activityEntries).where(eq(activityEntries.sourceId, ids.main!));
    expect(entry).toMatchObject({
      kind: 'class', triadRole: 'education', userId: w.ids['sro.north'], durationMinutes: 50, participants: 26, sourceType: 'education_class',
      title: 'Bullying prevention class (26 students reached)',
    });
    expect(entry!.startedAt.toISOString()).toBe('2025-11-07T16:00:00.000Z');
    const mail = await smtp.waitFor('staff.north@prep.test');
    const token = /\/survey\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const anon = w.t.client();
    const survey = await anon.post('/api/public/education/surveys/open', { token });
    expect(survey.body).toMatchObject({ kind: 'teacher', topicName: 'Bullying prevention', schoolName: 'North High', answered: false });
    expect(survey.body.questions).toHaveLength(5);
    const ratings = { content: 5, engagement: 4, age_appropriate: 5, presenter: 5, recommend: 4 };
    expect((await anon.post('/api/public/education/surveys/answer', { token, ratings: { content: 5 } })).body.error.field).toBe('ratings');
    expect((await anon.post('/api/public/education/surveys/answer', { token, ratings: { ...ratings, content: 6 } })).status).toBe(400);
    expect((await anon.post('/api/public/education/surveys/answer', { token, ratings, comment: 'Great with the kids.' })).status).toBe(204);
    expect((await anon.post('/api/public/education/surveys/answer', { token, ratings })).status).toBe(409);
    expect((await anon.post('/api/public/education/surveys/open', { token })).body.answered).toBe(true);
    expect((await sro.get(`/api/education/classes/${ids.main}`)).body.feedback.teacher).toMatchObject({ ratings, comment: 'Great with the kids.' });
    expect((await sro.post(`/api/education/classes/${ids.main}/feedback-link`)).status).toBe(409);
    expect((await anon.post('/api/public/education/surveys/open', { token: 'not-a-real-token-at-all-000' })).status).toBe(404);
  });

  it('opens an anonymous student link: many answers up to the attendance, averaged; closing ends it', async () => {
    const small = await delivered('cyber_safety', '2025-11-06', 40, 2);
    const sro = await w.as('sro.north');
    const link = await sro.post(`/api/education/classes/${small}/student-survey`);
    expect(link.status).toBe(201);
    const anon = w.t.client();
    const answer = (learned: number) => anon.post('/api/public/education/surveys/answer', { token: link.body.token, ratings: { learned, interesting: 4, safer: 5 } });
    expect((await answer(5)).status).toBe(204);
    expect((await answer(2)).status).toBe(204);
    expect((await answer(3)).status).toBe(409);
    expect((await sro.get(`/api/education/classes/${small}`)).body.feedback.students).toEqual({
      open: true, responses: 2, averages: { learned: 3.5, interesting: 4, safer: 5 }, comments: [],
    });
    expect((await sro.delete(`/api/education/classes/${small}/student-survey`)).status).toBe(204);
    expect((await anon.post('/api/public/education/surveys/open', { token: link.body.token })).status).toBe(404);
    expect((await sro.post(`/api/education/classes/${ids.other3}/student-survey`)).status).toBe(409);
  });

  it('attaches PDF and image materials; other files answer 400 naming file', async () => {
    const sro = await w.as('sro.north');
    const pdf = Buffer.from('%PDF-1.4\nhandout: at-rest marker Vesper Holloway class list\n%%EOF\n');
    const added = await sro.put(`/api/education/classes/${ids.main}/materials?fileName=handout.pdf`, pdf, { 'content-type': 'application/pdf' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ fileName: 'handout.pdf', contentType: 'application/pdf', size: pdf.length });
    const fake = await sro.put(`/api/education/classes/${ids.main}/materials`, Buffer.from('MZ not a pdf'), { 'content-type': 'application/pdf' });
    expect(fake.body.error.field).toBe('file');
    await expectNotAtRest(w.t, 'Vesper Holloway class list');
    const got = await (await w.as('principal.north')).get(`/api/education/classes/${ids.main}/materials/${added.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect((await (await w.as('sro.east')).get(`/api/education/classes/${ids.main}/materials/${added.body.id}`)).status).toBe(404);
    expect((await (await w.as('principal.north')).delete(`/api/education/classes/${ids.main}/materials/${added.body.id}`)).status).toBe(403);
    expect((await sro.get(`/api/education/classes/${ids.main}`)).body.materials).toHaveLength(1);
  });
});

describe('outreach, topics and hours', () => {
  it('records outreach at a school; community outreach needs a district-wide grant', async () => {
    const sro = await w.as('sro.north');
    const event = {
      schoolId: w.north.id, title: 'Parent night: vaping', audience: 'parents', topic: 'drug_awareness', occurredAt: '2025-11-05T00:30:00Z',
      durationMinutes: 90, peopleReached: 40,
    };
    const created = await sro.post('/api/education/outreach', event);
    expect(created.status).toBe(201);
    expect((await w.t.db.select().from(activityEntries).where(eq(activityEntries.sourceId, created.body.id)))[0]).toMatchObject({
      kind: 'outreach', triadRole: 'education', participants: 40, durationMinutes: 90, title: 'Outreach: Parent night: vaping (40 people reached)',
    });
    expect((await sro.post('/api/education/outreach', { ...event, schoolId: null })).status).toBe(403);
    expect((await sro.post('/api/education/outreach', { ...event, peopleReached: -1 })).body.error.field).toBe('peopleReached');
    const community = await (await w.as('director')).post('/api/education/outreach', {
      ...event, schoolId: null, title: 'Neighborhood watch meeting', audience: 'community', topic: null, occurredAt: '2025-10-20T23:00:00Z', durationMinutes: 30, peopleReached: 15,
    });
    expect(community.status).toBe(201);
    expect((await (await w.as('sro.east')).patch(`/api/education/outreach/${community.body.id}`, { peopleReached: 1 })).status).toBe(404);
    expect((await (await w.as('sro.north')).get('/api/education/outreach')).body.total).toBe(2);
  });

  it('lets the district add a topic that teachers can then request', async () => {
    expect((await (await w.as('sro.north')).post('/api/education/topics', { name: 'Dating violence' })).status).toBe(403);
    const added = await (await w.as('director')).post('/api/education/topics', { name: 'Dating violence' });
    expect(added.body).toEqual({ key: 'custom_dating_violence', name: 'Dating violence', builtIn: false, active: true });
    expect((await (await w.as('director')).post('/api/education/topics', { name: 'dating violence' })).status).toBe(409);
    expect((await (await w.as('staff.north')).get('/api/education/topics')).body.items).toHaveLength(9);
    expect((await (await w.as('staff.north')).post('/api/education/my-requests', request({ topic: 'custom_dating_violence' }))).status).toBe(201);
    await (await w.as('director')).patch('/api/education/topics/custom_dating_violence', { active: false });
    expect((await (await w.as('staff.north')).post('/api/education/my-requests', request({ topic: 'custom_dating_violence' }))).body.error.field).toBe('topic');
  });

  it('sums hours per month, school and topic from delivered classes and outreach only', async () => {
    await delivered('bullying_prevention', '2025-10-15', 45, 20);
    const hours = await (await w.as('supervisor')).get('/api/education/hours?from=2025-10-01&to=2025-11-30');
    expect(hours.status).toBe(200);
    const rows = hours.body.rows.map((r: Record<string, unknown>) => [r.month, r.schoolName, r.topicName, r.classes, r.outreachEvents, r.minutes, r.hours, r.reached]);
    // Oct: the bullying class (45 min, 20) and the community meeting (Oct 20 18:00 Chicago, 30 min, 15). Nov: the main
    // bullying class (50 min, 26), the cyber class (40 min, 2), the parent night (Nov 4 evening in Chicago, 90 min, 40).
    expect(rows).toEqual([
      ['2025-10', 'North High', 'Bullying prevention', 1, 0, 45, 0.75, 20],
      ['2025-10', null, 'No topic', 0, 1, 30, 0.5, 15],
      ['2025-11', 'North High', 'Bullying prevention', 1, 0, 50, 0.83, 26],
      ['2025-11', 'North High', 'Cyber safety', 1, 0, 40, 0.67, 2],
      ['2025-11', 'North High', 'Drug awareness', 0, 1, 90, 1.5, 40],
    ]);
    expect(hours.body.totals).toEqual({ classes: 3, outreachEvents: 2, minutes: 255, hours: 4.25, reached: 103 });
    const east = await (await w.as('principal.east')).get('/api/education/hours?from=2025-10-01&to=2025-11-30');
    expect(east.body.rows.map((r: { schoolName: string | null }) => r.schoolName)).toEqual([null]);
    expect((await (await w.as('staff.north')).get('/api/education/hours?from=2025-10-01&to=2025-11-30')).status).toBe(403);
    const [n] = await w.t.db.select({ n: sql<number>`count(*)::int` }).from(educationClasses).where(eq(educationClasses.status, 'delivered'));
    expect(Number(n!.n)).toBe(3);
  });
});
