import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertWorld, auditOf, type AlertWorld } from '../alerts/alerts.test-support.js';
import { runEscalations } from './notifications.escalation.js';

// A "need help" check-in during an alert escalates like a life-safety tip, on the alert's timeline.
let w: AlertWorld;
let alertId: string;
const MINUTE = 60_000;
const escalate = () => runEscalations(w.t.db, w.t.clock, 'http://sro.test');

beforeAll(async () => {
  w = await createAlertWorld();
  const res = await w.as.teacher!.post('/api/alerts', { action: 'lockdown', schoolIds: [w.north.id], drill: true });
  expect(res.status).toBe(201);
  alertId = res.body.id;
}, 120_000);
afterAll(async () => w?.t.close());

describe('escalation of a "need help" check-in', () => {
  it('goes to the principal after N minutes and to the director after 2N, on the alert timeline; a safe check-in stops it', async () => {
    const help = await w.as.teacher!.post(`/api/alerts/${alertId}/check-ins`, { status: 'need_help', location: 'Room 114', studentsWithMe: 20, injured: 1 });
    expect(help.status).toBe(200);
    const other = await w.as.teacher2!.post(`/api/alerts/${alertId}/check-ins`, { status: 'need_help', location: 'Gym', studentsWithMe: 5 });
    expect(other.status).toBe(200);
    w.t.clock.advance(5 * MINUTE);
    await escalate();
    const principal = await w.as.principal!.get('/api/notifications');
    expect(principal.body.items.filter((n: { title: string }) => n.title.includes('asked for help'))).toHaveLength(2);
    // The second teacher is safe now: only the first request goes on to the director.
    expect((await w.as.teacher2!.post(`/api/alerts/${alertId}/check-ins`, { status: 'safe', location: 'Gym', studentsWithMe: 5 })).status).toBe(200);
    w.t.clock.advance(5 * MINUTE);
    await escalate();
    const director = await w.as.director!.get('/api/notifications');
    expect(director.body.items.map((n: { title: string }) => n.title)).toEqual(['ESCALATED: teacher asked for help at Room 114 10 minutes ago']);
    const timeline = await w.as.principal!.get(`/api/alerts/${alertId}/timeline`);
    expect(timeline.status).toBe(200);
    const steps = (timeline.body.items as { kind: string }[]).filter((e) => e.kind === 'help_escalated');
    expect(steps).toHaveLength(3);
    expect(await auditOf(w.t, 'alert.help_escalated', alertId)).toHaveLength(3);
  });
});
