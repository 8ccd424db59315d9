import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertSettings } from '../../db/schema/index.js';
import { announcerOf } from './alerts.announcer.js';
import { auditOf, createAlertWorld, type AlertWorld } from './alerts.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

let w: AlertWorld;

beforeAll(async () => {
  w = await createAlertWorld({ cancelWindowSeconds: 0 });
});
afterAll(async () => w?.t.close());

const raise = (who: string, body: Record<string, unknown>) => w.as[who]!.post('/api/alerts', body);
const lockdown = (schoolIds = [w.north.id]) => ({ action: 'lockdown', schoolIds, drill: true });
async function setWindow(seconds: number) {
  await w.t.db.update(alertSettings).set({ cancelWindowSeconds: seconds }).where(eq(alertSettings.districtId, w.districtId));
}

describe('raising an alert', () => {
  it('lets any staff member raise for their school; with no cancel window it is announced at once and audited', async () => {
    const res = await raise('teacher', { ...lockdown(), details: 'Stranger near the gym' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      action: 'lockdown', term: 'LOCKDOWN', directive: 'Locks, lights, out of sight.', drill: true, status: 'active',
      schools: [{ id: w.north.id, name: 'North High' }], raisedBy: { id: w.ids.teacher, name: 'teacher' }, details: 'Stranger near the gym',
    });
    expect(res.body.announcedAt).not.toBeNull();
    expect(await auditOf(w.t, 'alert.raised', res.body.id)).toHaveLength(1);
    expect(await auditOf(w.t, 'alert.announced', res.body.id)).toHaveLength(1);
    expect((await w.as.principal!.post(`/api/alerts/${res.body.id}/all-clear`, {})).status).toBe(200);
  });

  it('answers 400 naming the field: unknown action, Evacuate without location, Shelter without hazard', async () => {
    const unknown = await raise('teacher', { ...lockdown(), action: 'panic' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('action');
    const evacuate = await raise('teacher', { ...lockdown(), action: 'evacuate' });
    expect(evacuate.body.error).toMatchObject({ code: 'validation_failed', field: 'location' });
    const shelter = await raise('teacher', { ...lockdown(), action: 'shelter' });
    expect(shelter.body.error).toMatchObject({ code: 'validation_failed', field: 'hazard' });
    const stray = await raise('teacher', { ...lockdown(), location: 'Football field' });
    expect(stray.body.error).toMatchObject({ code: 'validation_failed', field: 'location' });
    const noDrillFlag = await raise('teacher', { action: 'hold', schoolIds: [w.north.id] });
    expect(noDrillFlag.body.error.field).toBe('drill');
  });

  it('fills the directive from the location or the hazard and its default strategy', async () => {
    const evacuate = await raise('sro', { action: 'evacuate', schoolIds: [w.north.id], drill: true, location: 'Football field' });
    expect(evacuate.body).toMatchObject({ directive: 'Evacuate to Football field.', location: 'Football field' });
    const shelter = await raise('sro', { action: 'shelter', schoolIds: [w.north.id], drill: true, hazard: 'tornado' });
    expect(shelter.body).toMatchObject({ hazard: 'tornado', strategy: 'shelter_area', directive: 'Tornado: Go to the shelter area.' });
    for (const id of [evacuate.body.id, shelter.body.id]) expect((await w.as.sro!.post(`/api/alerts/${id}/all-clear`, {})).status).toBe(200);
  });

  it('refuses an alert for a school the user does not belong to (404 naming schoolIds)', async () => {
    const res = await raise('teacher', lockdown([w.south.id]));
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe('schoolIds');
    expect((await raise('sysadmin', lockdown())).status).toBe(403);
  });

  it('lets only SROs, administrators and the district raise for several schools at once', async () => {
    const both = [w.north.id, w.south.id];
    expect((await raise('teacher', lockdown(both))).status).toBe(404);
    expect((await raise('principal', lockdown(both))).status).toBe(404);
    const district = await raise('director', lockdown(both));
    expect(district.status).toBe(201);
    expect(district.body.schools.map((s: { name: string }) => s.name)).toEqual(['North High', 'South Middle']);
    expect((await w.as.principal!.post(`/api/alerts/${district.body.id}/all-clear`, {})).status).toBe(403);
    expect((await w.as.director!.post(`/api/alerts/${district.body.id}/all-clear`, {})).status).toBe(200);
  });
});

describe('the cancel window', () => {
  it('stores the alert as pending, lets its raiser cancel it, keeps it on record and never announces it', async () => {
    await setWindow(5);
    const res = await raise('teacher', lockdown());
    expect(res.body).toMatchObject({ status: 'pending', announcedAt: null });
    expect(new Date(res.body.announceAt).getTime() - new Date(res.body.raisedAt).getTime()).toBe(5000);
    // Others do not see an alert still inside its window.
    expect((await w.as.teacher2!.get(`/api/alerts/${res.body.id}`)).status).toBe(404);
    const cancelled = await w.as.teacher!.post(`/api/alerts/${res.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    expect(cancelled.body.cancelledAt).not.toBeNull();
    expect(await announcerOf(w.t.app.deps).announce(res.body.id)).toBe(false);
    expect((await w.as.teacher!.get(`/api/alerts/${res.body.id}`)).body.status).toBe('cancelled');
    const record = await w.as.principal!.get(`/api/alerts?status=cancelled`);
    expect(record.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);
    expect(await auditOf(w.t, 'alert.cancelled', res.body.id)).toHaveLength(1);
    await setWindow(0);
  });

  it('announces when the window passes (the sweep, as after a restart) and then refuses cancelling (409)', async () => {
    await setWindow(5);
    const res = await raise('teacher', lockdown());
    w.t.clock.advance(5000);
    await announcerOf(w.t.app.deps).sweep();
    expect((await w.as.teacher2!.get(`/api/alerts/${res.body.id}`)).body.status).toBe('active');
    const late = await w.as.teacher!.post(`/api/alerts/${res.body.id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('All Clear');
    await setWindow(0);
    expect((await w.as.sro!.post(`/api/alerts/${res.body.id}/all-clear`, {})).status).toBe(200);
  });

  it('does not let another staff member cancel someone else\'s alert', async () => {
    await setWindow(5);
    const res = await raise('teacher', lockdown());
    expect((await w.as.teacher2!.post(`/api/alerts/${res.body.id}/cancel`)).status).toBe(404);
    expect((await w.as.principal!.post(`/api/alerts/${res.body.id}/cancel`)).status).toBe(200);
    await setWindow(0);
  });

  it('keeps the window a district setting the district manages (0..30 s), readable by everyone of the district', async () => {
    expect((await w.as.teacher!.get('/api/alerts/settings')).body).toEqual({ cancelWindowSeconds: 0 });
    // The system administrator receives no alerts but sets the window on the district page.
    expect((await w.as.sysadmin!.get('/api/alerts/settings')).body).toEqual({ cancelWindowSeconds: 0 });
    expect((await w.as.teacher!.patch('/api/alerts/settings', { cancelWindowSeconds: 3 })).status).toBe(403);
    const bad = await w.as.sysadmin!.patch('/api/alerts/settings', { cancelWindowSeconds: 31 });
    expect(bad.body.error.field).toBe('cancelWindowSeconds');
    expect((await w.as.sysadmin!.patch('/api/alerts/settings', { cancelWindowSeconds: 0 })).body).toEqual({ cancelWindowSeconds: 0 });
  });
});

describe('ending an alert and who sees it', () => {
  it('does not let staff (or counselors) end an alert; an SRO or administrator does', async () => {
    const res = await raise('teacher', lockdown());
    for (const who of ['teacher', 'counselor']) {
      const denied = await w.as[who]!.post(`/api/alerts/${res.body.id}/all-clear`, {});
      expect(denied.status, who).toBe(403);
    }
    const cleared = await w.as.principal!.post(`/api/alerts/${res.body.id}/all-clear`, { note: 'Intruder was a parent' });
    expect(cleared.body).toMatchObject({ status: 'cleared', clearedBy: { id: w.ids.principal, name: 'principal' } });
    expect((await w.as.sro!.post(`/api/alerts/${res.body.id}/all-clear`, {})).status).toBe(409);
    expect(await auditOf(w.t, 'alert.cleared', res.body.id)).toHaveLength(1);
  });

  it('shows staff their own school\'s alerts only', async () => {
    const south = await raise('southTeacher', lockdown([w.south.id]));
    expect(south.status).toBe(201);
    expect((await w.as.teacher!.get(`/api/alerts/${south.body.id}`)).status).toBe(404);
    const list = await w.as.teacher!.get('/api/alerts');
    expect(list.body.items.length).toBeGreaterThan(0);
    expectEvery(list.body.items, (a: { schools: { id: string }[] }) => a.schools.some((s) => s.id === w.north.id));
    const bySchool = await w.as.director!.get(`/api/alerts?schoolId=${w.south.id}`);
    expect(bySchool.status).toBe(200);
    expect(bySchool.body.items.map((a: { id: string }) => a.id)).toContain(south.body.id);
    expectEvery(bySchool.body.items, (a: { schools: { id: string }[] }) => a.schools.some((s) => s.id === w.south.id));
    // Filtered to South, a North teacher still sees only alerts covering North too (the district-wide one).
    const southForTeacher = (await w.as.teacher!.get(`/api/alerts?schoolId=${w.south.id}`)).body.items as { id: string; schools: { id: string }[] }[];
    expect(southForTeacher.map((a) => a.id)).not.toContain(south.body.id);
    expectEvery(southForTeacher, (a) => a.schools.some((s) => s.id === w.north.id));
    const active = await w.as.teacher!.get('/api/alerts/active');
    expect(active.body.items.map((a: { id: string }) => a.id)).not.toContain(south.body.id);
    expect((await w.as.director!.get(`/api/alerts/${south.body.id}`)).status).toBe(200);
    expect((await w.as.principal!.post(`/api/alerts/${south.body.id}/all-clear`, {})).status).toBe(404);
    expect((await w.as.southPrincipal!.post(`/api/alerts/${south.body.id}/all-clear`, {})).status).toBe(200);
  });

  it('lets a manager escalate an active alert and records it', async () => {
    const res = await raise('teacher', { action: 'secure', schoolIds: [w.north.id], drill: false });
    expect((await w.as.teacher!.post(`/api/alerts/${res.body.id}/escalate`, { action: 'lockdown' })).status).toBe(403);
    const up = await w.as.sro!.post(`/api/alerts/${res.body.id}/escalate`, { action: 'evacuate', location: 'Church lot' });
    expect(up.body).toMatchObject({ action: 'evacuate', term: 'EVACUATE', directive: 'Evacuate to Church lot.', drill: false });
    const timeline = await w.as.sro!.get(`/api/alerts/${res.body.id}/timeline`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'announced', 'escalated']);
    expect(timeline.body.items[2].summary).toBe('sro changed the action from SECURE to EVACUATE (Church lot)');
    expect((await w.as.sro!.post(`/api/alerts/${res.body.id}/all-clear`, {})).status).toBe(200);
  });
});
