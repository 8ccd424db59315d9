import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users } from '../../db/schema/index.js';
import { auditOf, createTipWorld, submit, type TipWorld } from '../tips/tips.test-support.js';
import { runEscalations } from './notifications.escalation.js';
import { signedInClient } from '../../test/app.js';
import { createUser, uniqueSuffix } from '../../test/fixtures.js';

// Escalation of unacknowledged life-safety tips, lexicon detection with staff re-classification, the bell,
// preferences, and plan reminders; the clock is moved by hand, nothing waits.
let w: TipWorld;
const MINUTE = 60_000;
const escalate = () => runEscalations(w.t.db, w.t.clock, 'http://sro.test');

async function emailOf(key: string) {
  const [u] = await w.t.db.select({ email: users.email }).from(users).where(eq(users.id, w.users[key]!));
  return u!.email;
}

async function mailTo(key: string, kind: string) {
  return w.t.db.select().from(outbox).where(and(eq(outbox.toAddress, await emailOf(key)), eq(outbox.kind, kind)));
}

beforeAll(async () => {
  w = await createTipWorld();
}, 120_000);
afterAll(async () => w?.t.close());

describe('escalation of a life-safety tip', () => {
  it('goes to the school leadership after N minutes, then to the director, each step once, on the tip and audited', async () => {
    const tip = await submit(w, { category: 'weapon', description: 'He showed something in his bag at lunch today' });
    w.t.clock.advance(4 * MINUTE);
    expect(await escalate()).toBe(0);
    w.t.clock.advance(1 * MINUTE);
    await escalate();
    expect(await escalate()).toBe(0);
    const principal = await w.as.principal!.get('/api/notifications');
    expect(principal.status).toBe(200);
    expect(principal.body.items.filter((n: { kind: string; link: string }) => n.kind === 'escalation' && n.link === `/tips/${tip.id}`)).toHaveLength(1);
    expect((await w.as.director!.get('/api/notifications')).body.unread).toBe(0);

    w.t.clock.advance(5 * MINUTE);
    await escalate();
    const director = await w.as.director!.get('/api/notifications');
    expect(director.body.unread).toBe(1);
    expect(director.body.items[0].title).toContain('not acknowledged after 10 minutes');
    expect(await mailTo('director', 'notification.escalation')).toHaveLength(1);
    const detail = await w.as.director!.get(`/api/tips/${tip.id}`);
    expect(detail.body.escalations.map((e: { level: string }) => e.level)).toEqual(['school_leadership', 'director']);
    expect(await auditOf(w, 'tip.escalated', tip.id)).toHaveLength(2);
  });

  it('stops once the tip is acknowledged', async () => {
    const tip = await submit(w, { category: 'self_harm', description: 'My friend said something scary about herself' });
    expect((await w.as.sro!.post(`/api/tips/${tip.id}/acknowledge`, {})).status).toBe(200);
    w.t.clock.advance(11 * MINUTE);
    await escalate();
    expect((await w.as.sro!.get(`/api/tips/${tip.id}`)).body.escalations).toEqual([]);
  });

  it('follows the district setting for the minutes, changed by a district administrator only (audited)', async () => {
    expect((await w.as.principal!.put('/api/notifications/settings', { escalationMinutes: 2, reminderHours: 24 })).status).toBe(403);
    const email = `admin.${uniqueSuffix()}@tips.test`;
    await createUser(w.t.db, { email, name: 'Admin', districtId: w.districtId, grants: [{ role: 'sysadmin', schoolId: null }] });
    const admin = await signedInClient(w.t, email);
    const res = await admin.put('/api/notifications/settings', { escalationMinutes: 2, reminderHours: 24 });
    expect(res.status).toBe(200);
    expect(await auditOf(w, 'notification.settings_changed')).toHaveLength(1);
    await submit(w, { category: 'threat_of_violence', description: 'A note in the hallway names a teacher' });
    w.t.clock.advance(2 * MINUTE);
    await escalate();
    expect((await w.as.principal!.get('/api/notifications')).body.items[0].title).toContain('not acknowledged after 2 minutes');
  });
});

describe('life-safety words in any category', () => {
  it('flags a bullying tip that speaks of a gun, and staff re-classify it (audited)', async () => {
    const tip = await submit(w, { category: 'bullying', description: 'They keep pushing him and he said he will bring a gun tomorrow' });
    expect(tip.lifeSafety).toBe(true);
    const read = await w.as.sro!.get(`/api/tips/${tip.id}`);
    expect(read.body.lifeSafetyFlaggedBy).toBe('lexicon');
    expect(read.body.lifeSafetySignals).toContain('weapon:gun');
    const changed = await w.as.sro!.patch(`/api/tips/${tip.id}`, { lifeSafety: false });
    expect(changed.status).toBe(200);
    expect(changed.body.lifeSafety).toBe(false);
    const [audit] = await auditOf(w, 'tip.reclassified', tip.id);
    expect(audit!.detail).toMatchObject({ lifeSafety: false, before: { lifeSafety: true, by: 'lexicon' } });
  });

  it('does not flag a Spanish tip about a water pistol', async () => {
    const tip = await submit(w, { category: 'other', language: 'es', description: 'Un niño trae una pistola de agua al recreo todos los días' });
    expect(tip.lifeSafety).toBe(false);
  });
});

describe('preferences and the bell', () => {
  it('refuses to turn off life-safety, alerts and escalations, and keeps other choices (audited)', async () => {
    const refused = await w.as.staff!.put('/api/notifications/preferences', { kind: 'life_safety', inApp: true, email: false });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    const ok = await w.as.staff!.put('/api/notifications/preferences', { kind: 'plan_reminder', inApp: true, email: false });
    expect(ok.status).toBe(200);
    expect(ok.body.items.find((p: { kind: string }) => p.kind === 'plan_reminder')).toMatchObject({ inApp: true, email: false, mandatory: false });
    expect(await auditOf(w, 'notification.preferences_changed')).toHaveLength(1);
  });

  it('marks one read (another user\'s reads as 404) and all read', async () => {
    const mine = (await w.as.principal!.get('/api/notifications')).body.items[0];
    expect((await w.as.staff!.post(`/api/notifications/${mine.id}/read`, {})).status).toBe(404);
    expect((await w.as.principal!.post(`/api/notifications/${mine.id}/read`, {})).status).toBe(204);
    const all = await w.as.principal!.post('/api/notifications/read-all', {});
    expect(all.status).toBe(200);
    expect((await w.as.principal!.get('/api/notifications')).body.unread).toBe(0);
  });
});

describe('plan reminders', () => {
  it('reminds readers who have not acknowledged, at most once per interval; the home offers it to the principal', async () => {
    const plan = await w.as.principal!.post('/api/plans', { schoolId: w.north, kind: 'eop', title: 'Emergency operations plan', body: 'Section 1: command.' });
    expect(plan.status).toBe(201);
    expect((await w.as.sro!.post(`/api/plans/${plan.body.id}/acknowledge`, {})).status).toBe(200);
    const home = await w.as.principal!.get('/api/home');
    const item = home.body.items.find((i: { key: string }) => i.key === `plans.acknowledgements.${plan.body.id}`);
    expect(item.action).toEqual({ kind: 'remind_plan', planId: plan.body.id, remindedAt: null });

    expect((await w.as.staff!.post(`/api/plans/${plan.body.id}/remind`, {})).status).toBe(403);
    const first = await w.as.principal!.post(`/api/plans/${plan.body.id}/remind`, {});
    expect(first.status).toBe(200);
    expect(first.body.reminded).toBe(item.count);
    expect(await mailTo('counselor', 'notification.plan_reminder')).toHaveLength(1);
    expect(await mailTo('sro', 'notification.plan_reminder')).toHaveLength(0);
    // The staff member chose in-app only for plan reminders.
    expect(await mailTo('staff', 'notification.plan_reminder')).toHaveLength(0);
    expect((await w.as.staff!.get('/api/notifications')).body.items[0].kind).toBe('plan_reminder');
    const again = await w.as.principal!.post(`/api/plans/${plan.body.id}/remind`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    w.t.clock.advance(25 * 60 * MINUTE);
    const principal = await signedInClient(w.t, await emailOf('principal'));
    expect((await principal.post(`/api/plans/${plan.body.id}/remind`, {})).status).toBe(200);
    expect(await auditOf(w, 'plan.reminded', plan.body.id)).toHaveLength(2);
  });
});
