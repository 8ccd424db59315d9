import { inArray } from 'drizzle-orm';
import { directoryOrganizations, rosterImportJobs, supportReferrals } from '../db/schema/index.js';
import type { TestApp } from '../test/app.js';
import { emptyCounts } from '../modules/roster-import/roster-import.repository.js';

// The support records of one school for the record-scope test (referrals, a re-entry plan, a problem-solving team) and a
// roster import job of its district, each in the state its route changes from, so that a holder of the permission
// succeeds once (every other caller answers 404 and changes nothing).

/** Ids of the support records of one school. */
export interface SupportRecords {
  /** A pending referral to a community program without accounts (a school counselor or the director acts as liaison). */
  referral: string;
  toDecline: string;
  toSchedule: string;
  toClose: string;
  plan: string;
  goal: string;
  team: string;
  teamCase: string;
  actionItem: string;
  owner: string;
  student: string;
  job: string;
}

let n = 0;

async function ok(what: string, pending: Promise<{ status: number; text: string; body: unknown }>, status = 201) {
  const res = await pending;
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${res.text}`);
  return res.body as { id: string; goals: { id: string }[]; cases: { id: string }[]; actionItems: { id: string }[] };
}

/** Creates the records of `schoolId` through the API as its SRO (who refers, opens the plan and forms the team). */
export async function supportRecords(
  t: TestApp, districtId: string, schoolId: string, sro: { id: string; email: string }, studentId: string,
): Promise<SupportRecords> {
  n += 1;
  const [program] = await t.db.insert(directoryOrganizations)
    .values({ districtId, name: `Scope mentoring program ${n} ${schoolId}`, kind: 'community_program' }).returning();
  const officer = t.client();
  await officer.signIn(sro.email);
  const refer = () => ok('referral', officer.post('/api/support/referrals', {
    studentId, vendorId: program!.id, reason: 'behavior', details: 'Fights at lunch', urgency: 'routine', consent: 'not_required',
  }));
  const [referral, toDecline, toSchedule, toClose] = [await refer(), await refer(), await refer(), await refer()];
  await t.db.update(supportReferrals).set({ status: 'accepted' }).where(inArray(supportReferrals.id, [toSchedule.id, toClose.id]));
  const plan = await ok('plan', officer.post('/api/support/reentry-plans', {
    studentId, returningFrom: 'Detention center', startDate: '2026-10-01', endDate: '2027-01-31', goals: [{ description: 'Attend class' }],
  }));
  const team = await ok('team', officer.post('/api/support/teams', { schoolId, name: `Safety team ${n}`, focus: 'safety_concerns' }));
  await ok('case', officer.post(`/api/support/teams/${team.id}/cases`, { studentId, concern: 'Threats on social media' }));
  const withItem = await ok('item', officer.post(`/api/support/teams/${team.id}/action-items`, { title: 'Call home', ownerId: sro.id, dueOn: '2026-11-09' }));
  const [job] = await t.db.insert(rosterImportJobs).values({
    districtId, fileName: 'roster.zip', status: 'succeeded', phase: 'done', startedAt: new Date('2026-11-01T10:00:00Z'),
    // Each place's sync finishes a minute after the one before: the last made is its district's latest (undoable).
    finishedAt: new Date(Date.parse('2026-11-01T10:05:00Z') + 60_000 * jobsMade++),
    counts: emptyCounts(),
  }).returning();
  return {
    referral: referral.id, toDecline: toDecline.id, toSchedule: toSchedule.id, toClose: toClose.id, plan: plan.id, goal: plan.goals[0]!.id,
    team: team.id, teamCase: withItem.cases[0]!.id, actionItem: withItem.actionItems[0]!.id, owner: sro.id, student: studentId, job: job!.id,
  };
}

let jobsMade = 0;

type Request = [url: string, body?: unknown, headers?: Record<string, string>];

/** How to call each support and roster-import record route on the records `r` of a school. */
export const SUPPORT_REQUESTS: Record<string, (r: SupportRecords) => Request> = {
  'GET /api/roster-imports/:id': (r) => [`/api/roster-imports/${r.job}`],
  'POST /api/roster-imports/:id/undo': (r) => [`/api/roster-imports/${r.job}/undo`],
  'GET /api/support/referrals/:id': (r) => [`/api/support/referrals/${r.referral}`],
  'POST /api/support/referrals/:id/accept': (r) => [`/api/support/referrals/${r.referral}/accept`, {}],
  'POST /api/support/referrals/:id/decline': (r) => [`/api/support/referrals/${r.toDecline}/decline`, { reason: 'Full' }],
  'POST /api/support/referrals/:id/schedule': (r) => [`/api/support/referrals/${r.toSchedule}/schedule`, { scheduledFor: '2026-11-05T15:00:00Z' }],
  'POST /api/support/referrals/:id/close': (r) => [`/api/support/referrals/${r.toClose}/close`, { outcome: 'services_provided' }],
  'POST /api/support/referrals/:id/notes': (r) => [`/api/support/referrals/${r.referral}/notes`, { body: 'Called the program' }],
  'GET /api/support/reentry-plans/:id': (r) => [`/api/support/reentry-plans/${r.plan}`],
  'PATCH /api/support/reentry-plans/:id': (r) => [`/api/support/reentry-plans/${r.plan}`, { summary: 'Intruder' }],
  'POST /api/support/reentry-plans/:id/goals': (r) => [`/api/support/reentry-plans/${r.plan}/goals`, { description: 'Join a club' }],
  'PATCH /api/support/reentry-plans/:id/goals/:goalId': (r) => [`/api/support/reentry-plans/${r.plan}/goals/${r.goal}`, { status: 'met' }],
  'POST /api/support/reentry-plans/:id/check-ins': (r) => [`/api/support/reentry-plans/${r.plan}/check-ins`, { date: '2026-11-02', note: 'Fine', progress: 'on_track' }],
  'GET /api/support/teams/:id': (r) => [`/api/support/teams/${r.team}`],
  'PATCH /api/support/teams/:id': (r) => [`/api/support/teams/${r.team}`, { name: 'Intruder' }],
  'POST /api/support/teams/:id/meetings': (r) => [`/api/support/teams/${r.team}/meetings`, { heldAt: '2026-11-02T15:00:00Z', attendeeIds: [] }],
  'POST /api/support/teams/:id/cases': (r) => [`/api/support/teams/${r.team}/cases`, { studentId: r.student, concern: 'Fights' }],
  'PATCH /api/support/teams/:id/cases/:caseId': (r) => [`/api/support/teams/${r.team}/cases/${r.teamCase}`, { status: 'monitoring' }],
  'POST /api/support/teams/:id/action-items': (r) => [`/api/support/teams/${r.team}/action-items`, { title: 'Follow up', ownerId: r.owner, dueOn: '2026-11-20' }],
  'PATCH /api/support/teams/:id/action-items/:itemId': (r) => [`/api/support/teams/${r.team}/action-items/${r.actionItem}`, { status: 'done' }],
};

/** Support records are seen by their participants and overseers only, not by every holder of the permission at the school. */
export const SUPPORT_PARTICIPANT_READS = new Set([
  'GET /api/support/referrals/:id', 'GET /api/support/reentry-plans/:id', 'GET /api/support/teams/:id',
]);

/** Records of the district, not of a school: another school's user of the district reaches them. */
export const SUPPORT_DISTRICT_ROUTES = new Set(['GET /api/roster-imports/:id', 'POST /api/roster-imports/:id/undo']);

/** Who proves a route on referrals works: a school counselor district-wide (the liaison of a program without accounts). */
export const SUPPORT_HOLDERS: Partial<Record<string, string>> = { 'referral.read': 'counselor@district' };
