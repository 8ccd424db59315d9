import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportReferralNotes, supportReferrals } from '../../db/schema/index.js';
import { auditOf, createSupportWorld, rowsIn, type SupportWorld } from './support.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

let w: SupportWorld;

function body(overrides: Record<string, unknown> = {}) {
  return {
    studentId: w.students.north, counselorId: w.users.counselor, reason: 'mental_health', details: 'Withdrawn in class for two weeks',
    urgency: 'routine', consent: 'obtained', consentDate: '2026-10-30', ...overrides,
  };
}

async function refer(who: string, overrides: Record<string, unknown> = {}) {
  const res = await w.as[who]!.post('/api/support/referrals', body(overrides));
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string };
}

beforeAll(async () => { w = await createSupportWorld(); }, 60_000);
afterAll(async () => w?.t.close());

describe('making a referral', () => {
  it('a teacher refers a student to a counselor: pending, accept-by and due dates by urgency, audited', async () => {
    const res = await w.as.teacher!.post('/api/support/referrals', body({ urgency: 'urgent', consent: 'not_required', consentDate: undefined }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending', urgency: 'urgent', acceptBy: '2026-11-04', dueOn: '2026-11-16', mine: 'sent', canHandle: false, notes: null,
      receiver: { kind: 'counselor', counselor: { id: w.users.counselor }, name: 'counselor' }, school: { id: w.north, name: 'North High' },
    });
    const [event] = await auditOf(w, 'support_referral.created', res.body.id);
    expect(event).toMatchObject({ schoolId: w.north, actorUserId: w.users.teacher });
  });

  it('an unknown, retired, foreign or wrong-kind vendor answers 400 naming vendorId, and nothing is written', async () => {
    const before = await rowsIn(w, supportReferrals);
    for (const vendorId of ['7d2b7a9e-3c55-4c7e-9d7e-2f8f1d1b0a11', w.orgs.retired, w.orgs.foreignVendor, w.orgs.maintenance, w.orgs.otherVendor]) {
      const res = await w.as.sro!.post('/api/support/referrals', body({ counselorId: undefined, vendorId }));
      expect(res.status, vendorId).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'vendorId' });
    }
    expect(await rowsIn(w, supportReferrals)).toBe(before);
  });

  it('names the field of every other bad referral', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ vendorId: w.orgs.vendor }, 'counselorId'], [{ counselorId: undefined }, 'counselorId'],
      [{ counselorId: w.users.counselorSouth }, 'counselorId'], [{ counselorId: w.users.vendorStaff }, 'counselorId'],
      [{ consentDate: undefined }, 'consentDate'], [{ consentDate: '2026-12-01' }, 'consentDate'],
      [{ studentId: w.students.south }, 'studentId'], [{ studentId: w.students.foreign }, 'studentId'], [{ urgency: 'soon' }, 'urgency'],
    ];
    for (const [overrides, field] of cases) {
      const res = await w.as.teacher!.post('/api/support/referrals', body(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.body.error.field ?? res.body.error.message).toContain(field);
    }
    const self = await w.as.counselor2!.post('/api/support/referrals', body({ counselorId: w.users.counselor2 }));
    expect(self.body.error).toMatchObject({ field: 'counselorId' });
  });

  it('offers the school\'s counselors (never vendor staff) and the directory entries serving it', async () => {
    const res = await w.as.teacher!.get(`/api/support/referral-targets?schoolId=${w.north}`);
    expect(res.body.counselors.map((c: { name: string }) => c.name)).toEqual(['counselor', 'counselor2']);
    expect(res.body.organizations.map((o: { name: string }) => o.name)).toEqual(['Big Brothers Big Sisters', 'Lakeside Behavioral Health']);
    expect((await w.as.teacher!.get(`/api/support/referral-targets?schoolId=${w.south}`)).status).toBe(404);
    const found = await w.as.teacher!.get('/api/support/students?q=nor');
    expect(found.body.items).toEqual([expect.objectContaining({ id: w.students.north, school: { id: w.north, name: 'North High' } })]);
    expect(JSON.stringify(found.body)).not.toMatch(/raceEthnicity|dateOfBirth|"sex"/);
  });
});

describe('closing the loop', () => {
  it('the counselor accepts, schedules, writes notes and closes; the referrer sees status and outcome, never the notes', async () => {
    const { id } = await refer('teacher');
    const url = `/api/support/referrals/${id}`;
    expect((await w.as.counselor!.post(`${url}/close`, { outcome: 'services_provided' })).status).toBe(409);
    const accepted = await w.as.counselor!.post(`${url}/accept`, { note: 'Family history of anxiety; first session soon' });
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedBy: { id: w.users.counselor }, canHandle: true });
    expect(accepted.body.notes).toHaveLength(1);
    await w.as.counselor!.post(`${url}/schedule`, { scheduledFor: '2026-11-04T15:00:00Z' });
    expect((await w.as.counselor!.post(`${url}/notes`, { body: 'Discussed coping strategies' })).status).toBe(201);
    const closed = await w.as.counselor!.post(`${url}/close`, { outcome: 'ongoing_services', summary: 'Seeing the counselor weekly' });
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'ongoing_services', closedBy: { id: w.users.counselor } });

    for (const who of ['teacher', 'principal', 'director', 'counselor2']) {
      const seen = await w.as[who]!.get(url);
      expect(seen.status, who).toBe(200);
      expect(seen.body, who).toMatchObject({ status: 'closed', outcome: 'ongoing_services', outcomeSummary: 'Seeing the counselor weekly', notes: null, canHandle: false });
      expect(seen.text, who).not.toContain('coping');
      expect(seen.text, who).not.toContain('anxiety');
    }
    expect((await w.as.counselor!.get(url)).body.notes.map((n: { body: string }) => n.body)).toContain('Discussed coping strategies');
    const reads = await auditOf(w, 'support_referral.viewed', id);
    expect(reads.map((e) => [e.actorUserId, (e.detail as { clinicalNotes: boolean }).clinicalNotes])).toEqual(expect.arrayContaining([
      [w.users.teacher, false], [w.users.counselor, true],
    ]));
    expect(JSON.stringify(await auditOf(w, 'support_referral.noted', id))).not.toContain('coping');
  });

  it('vendor staff see and handle only referrals made to their organization', async () => {
    const toVendor = await refer('sro', { counselorId: undefined, vendorId: w.orgs.vendor, urgency: 'emergency' });
    const toCounselor = await refer('sro');
    const mine = await w.as.vendorStaff!.get('/api/support/referrals?status=all');
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([toVendor.id]);
    expect(mine.body.items[0]).toMatchObject({ mine: 'received', receiver: { kind: 'mental_health_vendor', name: 'Lakeside Behavioral Health' } });
    expect((await w.as.vendorStaff!.get(`/api/support/referrals/${toCounselor.id}`)).status).toBe(404);
    expect((await w.as.vendorStaff!.post(`/api/support/referrals/${toCounselor.id}/accept`, {})).status).toBe(404);
    expect((await w.as.otherVendorStaff!.get(`/api/support/referrals/${toVendor.id}`)).status).toBe(404);
    expect((await w.as.otherVendorStaff!.get('/api/support/referrals?status=all')).body.items).toEqual([]);
    // A vendor with its own staff accounts closes its own loop: school counselors only oversee.
    expect((await w.as.counselor!.post(`/api/support/referrals/${toVendor.id}/accept`, {})).status).toBe(403);
    expect((await w.as.vendorStaff!.post(`/api/support/referrals/${toVendor.id}/accept`, { note: 'Intake booked' })).body.status).toBe('accepted');
    expect((await w.as.sro!.get(`/api/support/referrals/${toVendor.id}`)).body.notes).toBeNull();
  });

  it('a community program without accounts is handled by a school counselor as liaison, never by the referrer', async () => {
    const { id } = await refer('counselor', { counselorId: undefined, vendorId: w.orgs.program, consent: 'not_obtained', consentDate: undefined });
    expect((await w.as.counselor!.post(`/api/support/referrals/${id}/accept`, {})).status).toBe(403);
    const liaison = await w.as.counselor2!.post(`/api/support/referrals/${id}/decline`, { reason: 'Program is full until January' });
    expect(liaison.body).toMatchObject({ status: 'declined', declineReason: 'Program is full until January' });
    expect((await w.as.counselor!.get(`/api/support/referrals/${id}`)).body).toMatchObject({ mine: 'sent', notes: null });
  });

  it('referrals not accepted in time or not closed by the due date stand out, first in the list', async () => {
    const late = await refer('teacher', { urgency: 'emergency', studentId: w.students.north2 });
    // Made three days ago (sessions expire when the clock jumps, so the dates move instead).
    await w.t.db.update(supportReferrals).set({ acceptBy: '2026-10-31', dueOn: '2026-11-06' }).where(eq(supportReferrals.id, late.id));
    const list = await w.as.counselor!.get('/api/support/referrals?box=received');
    expect(list.body.items[0]).toMatchObject({ id: late.id, overdue: 'acceptance' });
    const overdue = await w.as.counselor!.get('/api/support/referrals?overdue=true&box=received');
    expect(overdue.body.items.map((r: { id: string }) => r.id)).toEqual([late.id]);
    await w.as.counselor!.post(`/api/support/referrals/${late.id}/accept`, {});
    expect((await w.as.teacher!.get(`/api/support/referrals/${late.id}`)).body.overdue).toBeNull();
    await w.t.db.update(supportReferrals).set({ dueOn: '2026-11-01' }).where(eq(supportReferrals.id, late.id));
    expect((await w.as.teacher!.get(`/api/support/referrals/${late.id}`)).body.overdue).toBe('closure');
    await w.as.counselor!.post(`/api/support/referrals/${late.id}/close`, { outcome: 'referred_elsewhere' });
    expect((await w.as.teacher!.get(`/api/support/referrals/${late.id}`)).body.overdue).toBeNull();
  });
});

describe('who may do what', () => {
  it('denies role by role', async () => {
    const { id } = await refer('teacher');
    const url = `/api/support/referrals/${id}`;
    for (const who of ['security', 'sysadmin', 'supervisor']) {
      expect((await w.as[who]!.post('/api/support/referrals', body())).status, who).toBe(403);
    }
    for (const who of ['security', 'sysadmin']) expect((await w.as[who]!.get('/api/support/referrals')).status, who).toBe(403);
    for (const who of ['teacher', 'sro', 'principal']) expect((await w.as[who]!.post(`${url}/accept`, {})).status, who).toBe(403);
    expect((await w.as.counselor2!.post(`${url}/accept`, {})).status).toBe(403);
    for (const who of ['sroSouth', 'counselorSouth', 'principalSouth', 'foreignDirector', 'supervisor']) {
      expect((await w.as[who]!.get(url)).status, who).toBe(404);
    }
    // An SRO sees the referrals they made, not a teacher's.
    expect((await w.as.sro!.get(url)).status).toBe(404);
    expectEvery((await w.as.sro!.get('/api/support/referrals?status=all')).body.items, (r: { mine: string }) => r.mine === 'sent');
    expect(await rowsIn(w, supportReferralNotes)).toBeGreaterThan(0);
  });

  it('every list read is audited with the ids shown', async () => {
    const before = (await auditOf(w, 'support_referral.listed')).length;
    const res = await w.as.principal!.get('/api/support/referrals?status=all');
    const events = await auditOf(w, 'support_referral.listed');
    expect(events).toHaveLength(before + 1);
    expect((events.at(-1)!.detail as { ids: string[] }).ids).toEqual(res.body.items.map((r: { id: string }) => r.id));
  });
});
