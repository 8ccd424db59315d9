import type { TestApp, TestClient } from '../test/app.js';

// The patrol and activity-log records of one school for the record-scope test. Patrol entries and hand-typed
// activity entries are changed by their officer only, so the officer's own session proves those routes work, and the
// activity log is personal (its SRO, their supervisor, the school's reviewers), like certifications.

/** Ids of the patrol and activity records of one school, and the session of the SRO who logged them. */
export interface PatrolRecords {
  patrol: string;
  checklist: string;
  run: string;
  activity: string;
  officer: TestClient;
}

async function ok(what: string, pending: Promise<{ status: number; text: string; body: unknown }>, status = 201) {
  const res = await pending;
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${res.text}`);
  return res.body as { id: string; items: { id: string }[] };
}

/** Creates the records of `schoolId` through the API as its SRO: a patrol entry, a check list and a run, a log entry. */
export async function patrolRecords(t: TestApp, schoolId: string, areaId: string, sro: { email: string }): Promise<PatrolRecords> {
  const officer = t.client();
  await officer.signIn(sro.email);
  const patrol = await ok('patrol', officer.post('/api/patrols', { schoolId, kind: 'interior', areaId, durationMinutes: 20 }));
  const list = await ok('checklist', officer.post('/api/patrol-checklists', { schoolId, name: 'Morning', items: [{ label: 'Front doors locked', areaId }] }));
  const run = await ok('run', officer.post('/api/patrol-checks', { checklistId: list.id, results: [{ itemId: list.items[0]!.id, passed: true }] }));
  const activity = await ok('activity', officer.post('/api/activity', {
    kind: 'mentoring', schoolId, startedAt: '2026-10-05T14:00:00Z', durationMinutes: 30, title: 'Lunch with a student',
  }));
  return { patrol: patrol.id, checklist: list.id, run: run.id, activity: activity.id, officer };
}

type Request = [url: string, body?: unknown, headers?: Record<string, string>];

/** How to call each patrol and activity record route on the records `r` of a school. */
export const PATROL_REQUESTS: Record<string, (r: PatrolRecords) => Request> = {
  'GET /api/patrols/:id': (r) => [`/api/patrols/${r.patrol}`],
  'PATCH /api/patrols/:id': (r) => [`/api/patrols/${r.patrol}`, { notes: 'East stairwell checked' }],
  'DELETE /api/patrols/:id': (r) => [`/api/patrols/${r.patrol}`],
  'GET /api/patrol-checklists/:id': (r) => [`/api/patrol-checklists/${r.checklist}`],
  'PATCH /api/patrol-checklists/:id': (r) => [`/api/patrol-checklists/${r.checklist}`, { name: 'Evening lock-up' }],
  'GET /api/patrol-checks/:id': (r) => [`/api/patrol-checks/${r.run}`],
  'GET /api/activity/:id': (r) => [`/api/activity/${r.activity}`],
  'PATCH /api/activity/:id': (r) => [`/api/activity/${r.activity}`, { title: 'Lunch visibility and a talk' }],
  'DELETE /api/activity/:id': (r) => [`/api/activity/${r.activity}`],
};

/** Routes on a person's log rather than a school's record: other holders at the same school find them absent too. */
export const PATROL_PERSONAL = ['GET /api/activity/:id'];

const OWN = new Set(['PATCH /api/patrols/:id', 'DELETE /api/patrols/:id', 'PATCH /api/activity/:id', 'DELETE /api/activity/:id']);

/** The session that proves an officer-only route works (the officer who logged the record), else undefined. */
export function ownerOf(route: string, r: PatrolRecords): TestClient | undefined {
  return OWN.has(route) ? r.officer : undefined;
}
