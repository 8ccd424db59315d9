import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportTeamCases } from '../../db/schema/index.js';
import { auditOf, createSupportWorld, rowsIn, type SupportWorld } from '../support-referrals/support.test-support.js';

let w: SupportWorld;
let teamId: string;

beforeAll(async () => {
  w = await createSupportWorld();
  const res = await w.as.principal!.post('/api/support/teams', { schoolId: w.north, name: 'Attendance team', focus: 'truancy', memberIds: [w.users.counselor, w.users.sro] });
  expect(res.status, res.text).toBe(201);
  teamId = res.body.id;
}, 60_000);
afterAll(async () => w?.t.close());

describe('problem-solving teams', () => {
  it('members meet, open a student case and give action items to members; overdue items stand out', async () => {
    const url = `/api/support/teams/${teamId}`;
    const meeting = await w.as.counselor!.post(`${url}/meetings`, { heldAt: '2026-11-02T15:30:00Z', attendeeIds: [w.users.counselor, w.users.sro], notes: 'Three students above 10 absences' });
    expect(meeting.status).toBe(201);
    const opened = await w.as.counselor!.post(`${url}/cases`, { studentId: w.students.north, concern: '12 unexcused absences since September' });
    const caseId = opened.body.cases[0].id;
    expect(opened.body.cases[0]).toMatchObject({ status: 'open', openedOn: '2026-11-02', student: { id: w.students.north } });
    const item = await w.as.sro!.post(`${url}/action-items`, {
      title: 'Home visit with the attendance officer', ownerId: w.users.sro, dueOn: '2026-10-30', caseId, meetingId: meeting.body.meetings[0].id,
    });
    expect(item.body.actionItems[0]).toMatchObject({ overdue: true, owner: { id: w.users.sro }, status: 'open' });
    expect(item.body).toMatchObject({ openCases: 1, openActionItems: 1, overdueActionItems: 1, memberCount: 3 });
    const done = await w.as.sro!.patch(`${url}/action-items/${item.body.actionItems[0].id}`, { status: 'done' });
    expect(done.body).toMatchObject({ overdueActionItems: 0, openActionItems: 0 });
    const closed = await w.as.counselor!.patch(`${url}/cases/${caseId}`, { status: 'closed', outcome: 'Attendance back above 95%' });
    expect(closed.body.cases[0]).toMatchObject({ status: 'closed', closedOn: '2026-11-02' });
    expect(await auditOf(w, 'support_team.case_opened', teamId)).toHaveLength(1);
  });

  it('owners and attendees must be members, a case student must be at the team\'s school', async () => {
    const url = `/api/support/teams/${teamId}`;
    const before = await rowsIn(w, supportTeamCases);
    expect((await w.as.sro!.post(`${url}/action-items`, { title: 'x', ownerId: w.users.counselor2, dueOn: '2026-11-09' })).body.error.field).toBe('ownerId');
    expect((await w.as.sro!.post(`${url}/meetings`, { heldAt: '2026-11-02T15:30:00Z', attendeeIds: [w.users.teacher] })).body.error.field).toBe('attendeeIds');
    expect((await w.as.sro!.post(`${url}/cases`, { studentId: w.students.south, concern: 'x' })).body.error.field).toBe('studentId');
    expect((await w.as.sro!.post(`${url}/action-items`, { title: 'x', ownerId: w.users.sro, dueOn: '2026-11-09', caseId: teamId })).body.error.field).toBe('caseId');
    expect((await w.as.principal!.post('/api/support/teams', { schoolId: w.north, name: 'Bad', focus: 'safety_concerns', memberIds: [w.users.teacher] })).body.error.field).toBe('memberIds');
    expect(await rowsIn(w, supportTeamCases)).toBe(before);
  });

  it('is seen by its members, the school\'s administrators and the director only; reads are audited', async () => {
    const url = `/api/support/teams/${teamId}`;
    for (const who of ['counselor', 'sro', 'principal', 'director']) expect((await w.as[who]!.get(url)).status, who).toBe(200);
    expect((await w.as.director!.get(url)).body.member).toBe(false);
    for (const who of ['counselor2', 'principalSouth', 'sroSouth', 'foreignDirector']) {
      expect((await w.as[who]!.get(url)).status, who).toBe(404);
      expect((await w.as[who]!.patch(url, { name: 'Taken over' })).status, who).toBe(404);
    }
    // The outside organization's counselor holds no team permission (need to know: outsiders see their referrals only).
    for (const who of ['teacher', 'security', 'supervisor', 'sysadmin', 'vendorStaff']) expect((await w.as[who]!.get(url)).status, who).toBe(403);
    expect((await w.as.principalSouth!.post('/api/support/teams', { schoolId: w.north, name: 'x', focus: 'other' })).status).toBe(404);
    const reads = await auditOf(w, 'support_team.viewed', teamId);
    expect(reads.map((e) => e.actorUserId)).toEqual(expect.arrayContaining([w.users.counselor, w.users.director]));
    const members = await w.as.sro!.get(`/api/support/members?schoolId=${w.north}`);
    expect(members.body.items.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['counselor', 'principal', 'sro', 'director']));
    expect(members.body.items.map((m: { name: string }) => m.name)).not.toContain('teacher');
    const list = await w.as.counselor2!.get('/api/support/teams');
    expect(list.body.items).toEqual([]);
  });
});
