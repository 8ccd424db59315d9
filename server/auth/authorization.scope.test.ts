import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../common/permissions.js';
import { ROLES, type Role } from '../../common/roles.js';
import {
  alerts, alertSchools, auditEvents, campusAreas, drillRules, drills, guardians, reportSubscriptions, reunificationRequests,
  reunifications, roleGrants, safetyPlans, safetyPlanVersions, schoolFeeders, sroAssignments, sroCertifications,
  studentGuardians, students, threatCaseMembers, trainingRequirements, trainingSessions,
} from '../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { createDistrict, createSchool, createUser, uniqueSuffix } from '../test/fixtures.js';
import { routeTable, type RouteInfo } from './plugin.js';
import { INCIDENT_REQUESTS, incidentRecords, type IncidentRecords } from './scope.incidents.fixtures.js';
import { SECURITY_REQUESTS, securityRecords, type SecurityRecords } from './scope.security.fixtures.js';
import { TIP_REQUESTS, tipRecords, type TipRecords } from './scope.tips.fixtures.js';
import { DEPLOYMENT_ROUTES, DISTRICT_RECORD_ROUTES, DISTRICT_WIDE_READS, SHARED_REQUESTS, sharedRecords, type SharedRecords } from './scope.shared.fixtures.js';
import { PATROL_PERSONAL, PATROL_REQUESTS, ownerOf, patrolRecords, type PatrolRecords } from './scope.patrols.fixtures.js';
import { OPERATIONS_REQUESTS, operationsOwnerOf, operationsRecords, type OperationsRecords } from './scope.operations.fixtures.js';
import {
  claimEducationRecords, EDUCATION_PERSONAL_READS, EDUCATION_REQUESTS, educationRecords, type EducationRecords,
} from './scope.education.fixtures.js';
import {
  SUPPORT_DISTRICT_ROUTES, SUPPORT_HOLDERS, SUPPORT_PARTICIPANT_READS, SUPPORT_REQUESTS, supportRecords, type SupportRecords,
} from './scope.support.fixtures.js';
import { filesOf } from '../files/registry.js';

// Record scope: a record of a school outside the user's grants, or of another district, reads as absent (404)
// on every built route that names a record, for every role that holds the route's permission.
let t: TestApp;
let allRecordRoutes: RouteInfo[];
let recordRoutes: RouteInfo[];
const as = new Map<string, TestClient>();

/**
 * The records of one school: the school, a school feeding it, an area, a student with a guardian, an SRO assignment, a staff
 * user; an active and a pending alert; an open reunification with a request waiting for a runner and one being brought.
 */
interface Place {
  school: string; feeder: string; area: string; student: string; guardian: string; assignment: string; user: string; grant: string;
  alert: string; pendingAlert: string; reunification: string; request: string; broughtRequest: string;
  drill: string; rule: string; plan: string; version: string; session: string; requirement: string; certification: string;
  incidents: IncidentRecords;
  tips: TipRecords;
  security: SecurityRecords;
  shared: SharedRecords;
  patrols: PatrolRecords;
  operations: OperationsRecords;
  education: EducationRecords;
  support: SupportRecords;
  /** A report subscription of the district-wide supervisor at this place (set once the users exist). */
  subscription?: string;
}
let north: Place;
let south: Place;
let foreign: Place;

async function place(t: TestApp, districtId: string): Promise<Place> {
  const database = t.database;
  const tag = uniqueSuffix();
  const school = (await createSchool(database, { districtId, name: `School ${tag}` })).id;
  const feeder = (await createSchool(database, { districtId, name: `Feeder ${tag}`, level: 'middle', gradeLow: 6, gradeHigh: 8 })).id;
  const { db } = database;
  await db.insert(schoolFeeders).values({ schoolId: school, feederSchoolId: feeder });
  const [area] = await db.insert(campusAreas).values({ schoolId: school, kind: 'building', name: 'Main' }).returning();
  const [student] = await db.insert(students).values({
    districtId, schoolId: school, studentNumber: `S${tag}`, firstName: 'Sam', lastName: 'Doe', grade: 10,
    dateOfBirth: '2010-05-01', sex: 'female', raceEthnicity: 'white',
  }).returning();
  const [guardian] = await db.insert(guardians).values({ districtId, firstName: 'Pat', lastName: 'Doe' }).returning();
  await db.insert(studentGuardians).values({ studentId: student!.id, guardianId: guardian!.id, relationship: 'Mother', hasCustody: true, mayPickUp: true });
  const sro = await createUser(database, { email: `sro.${tag}@isd.test`, districtId, grants: [{ role: 'sro', schoolId: school }] });
  const [assignment] = await db.insert(sroAssignments).values({ userId: sro.id, schoolId: school, kind: 'primary', startsOn: '2026-08-01' }).returning();
  const staff = await createUser(database, { email: `staff.${tag}@isd.test`, districtId, grants: [{ role: 'staff', schoolId: school }] });
  const [grant] = await db.select().from(roleGrants).where(sql`${roleGrants.userId} = ${staff.id}`);
  const at = new Date('2026-11-02T13:00:00Z');
  const [alert, pendingAlert] = await db.insert(alerts).values([
    { districtId, action: 'lockdown', drill: true, status: 'active', raisedBy: sro.id, raisedAt: at, announceAt: at, announcedAt: at },
    { districtId, action: 'hold', drill: true, status: 'pending', raisedBy: sro.id, raisedAt: at, announceAt: new Date('2026-11-03T00:00:00Z') },
  ]).returning();
  await db.insert(alertSchools).values([{ alertId: alert!.id, schoolId: school }, { alertId: pendingAlert!.id, schoolId: school }]);
  const [event] = await db.insert(reunifications).values({ districtId, schoolId: school, site: 'Gym', drill: true, openedBy: sro.id, openedAt: at }).returning();
  const card = {
    reunificationId: event!.id, studentId: student!.id, guardianId: guardian!.id, adultName: 'Pat Doe', idType: 'state_id', idChecked: true,
    requestedBy: sro.id, requestedAt: at, updatedAt: at,
  };
  const [request, brought] = await db.insert(reunificationRequests).values([
    { ...card, status: 'requested' }, { ...card, status: 'runner_sent', runnerName: 'Coach' },
  ]).returning();
  // Preparedness: a drill, a rule of the school, a plan with its version, a training session and requirement, a certification of its SRO.
  const [drill] = await db.insert(drills).values({ districtId, schoolId: school, type: 'lockdown', status: 'completed', date: '2026-10-01', recordedBy: sro.id }).returning();
  const [rule] = await db.insert(drillRules).values({ districtId, schoolId: school, drillTypes: ['hold'], minCount: 1, period: 'school_year', title: 'Hold drill' }).returning();
  const [plan] = await db.insert(safetyPlans).values({ districtId, schoolId: school, kind: 'eop', title: 'EOP' }).returning();
  const [version] = await db.insert(safetyPlanVersions).values({ planId: plan!.id, version: 1, format: 'text', body: 'Plan', createdBy: sro.id }).returning();
  await db.update(safetyPlans).set({ currentVersionId: version!.id }).where(sql`${safetyPlans.id} = ${plan!.id}`);
  const [requirement] = await db.insert(trainingRequirements).values({ districtId, schoolId: school, topic: 'SRP', roles: ['staff'] }).returning();
  const [session] = await db.insert(trainingSessions).values({ districtId, schoolId: school, topic: 'SRP', heldOn: '2026-08-10', durationMinutes: 30, presenterId: sro.id }).returning();
  const [certification] = await db.insert(sroCertifications).values({
    districtId, userId: sro.id, kind: 'first_aid', name: 'CPR', issuedOn: '2025-01-01', expiresOn: '2027-01-01', createdBy: sro.id,
    documentKey: (await filesOf(db).write(`certifications/scope-walk-${school}`, Buffer.from('%PDF-1.4\n'))).key, documentName: 'cpr.pdf', documentType: 'application/pdf', documentSize: 9,
  }).returning();
  const incidents = await incidentRecords(t, districtId, school, sro);
  const tipsOf = await tipRecords(t, school, sro, student!.id);
  const shared = await sharedRecords(t, districtId, school, sro.id);
  const patrols = await patrolRecords(t, school, area!.id, sro);
  const operations = await operationsRecords(t, districtId, school, sro);
  const education = await educationRecords(t, districtId, school, sro.id, staff.id, student!.id);
  const support = await supportRecords(t, districtId, school, sro, student!.id);
  return {
    school, feeder, area: area!.id, student: student!.id, guardian: guardian!.id, assignment: assignment!.id, user: staff.id, grant: grant!.id,
    drill: drill!.id, rule: rule!.id, plan: plan!.id, version: version!.id, session: session!.id, requirement: requirement!.id, certification: certification!.id,
    alert: alert!.id, pendingAlert: pendingAlert!.id, reunification: event!.id, request: request!.id, broughtRequest: brought!.id,
    incidents, tips: tipsOf, shared, patrols, operations, education, support, security: await securityRecords(db, districtId, school, sro.id),
  };
}

type Request = [url: string, body?: unknown, headers?: Record<string, string>];
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const asPdf = { 'content-type': 'application/pdf' };
let n = 0;
/** How to call each record route on the records of `r`, as a user whose own school is `home`. */
const REQUESTS: Record<string, (r: Place, home: Place) => Request> = {
  'GET /api/schools/:id': (r) => [`/api/schools/${r.school}`],
  'PATCH /api/schools/:id': (r) => [`/api/schools/${r.school}`, { principalName: 'Intruder' }],
  'GET /api/schools/:id/feeders': (r) => [`/api/schools/${r.school}/feeders`],
  'POST /api/schools/:id/feeders': (r) => [`/api/schools/${r.school}/feeders`, { feederSchoolId: r.feeder }],
  'DELETE /api/schools/:id/feeders/:feederSchoolId': (r) => [`/api/schools/${r.school}/feeders/${r.feeder}`],
  'GET /api/schools/:id/areas': (r) => [`/api/schools/${r.school}/areas`],
  'POST /api/schools/:id/areas': (r) => [`/api/schools/${r.school}/areas`, { kind: 'room', name: `Room ${++n}` }],
  'PATCH /api/areas/:id': (r) => [`/api/areas/${r.area}`, { description: 'Intruder' }],
  'GET /api/users/:id': (r) => [`/api/users/${r.user}`],
  'PATCH /api/users/:id': (r) => [`/api/users/${r.user}`, { title: 'Intruder' }],
  'POST /api/users/:id/reset-password': (r) => [`/api/users/${r.user}/reset-password`],
  'PUT /api/users/:id/juvenile-access': (r) => [`/api/users/${r.user}/juvenile-access`, { granted: false }],
  'POST /api/users/:id/grants': (r, home) => [`/api/users/${r.user}/grants`, { role: 'counselor', schoolId: home.school }],
  'DELETE /api/users/:id/grants/:grantId': (r) => [`/api/users/${r.user}/grants/${r.grant}`],
  'PATCH /api/assignments/:id': (r) => [`/api/assignments/${r.assignment}`, { notes: 'Intruder' }],
  'GET /api/students/:id': (r) => [`/api/students/${r.student}`],
  'PATCH /api/students/:id': (r) => [`/api/students/${r.student}`, { preferredName: 'Intruder' }],
  'POST /api/students/:id/guardians': (r) => [`/api/students/${r.student}/guardians`, {
    guardian: { firstName: 'In', lastName: 'Truder' }, relationship: 'Aunt', hasCustody: false, mayPickUp: true,
  }],
  'PATCH /api/students/:id/guardians/:guardianId': (r) => [`/api/students/${r.student}/guardians/${r.guardian}`, { mayPickUp: false }],
  'GET /api/alerts/:id': (r) => [`/api/alerts/${r.alert}`],
  'POST /api/alerts/:id/cancel': (r) => [`/api/alerts/${r.pendingAlert}/cancel`],
  'POST /api/alerts/:id/received': (r) => [`/api/alerts/${r.alert}/received`],
  'POST /api/alerts/:id/check-ins': (r) => [`/api/alerts/${r.alert}/check-ins`, { status: 'safe', location: 'Room 1', studentsWithMe: 3 }],
  'GET /api/alerts/:id/check-ins/mine': (r) => [`/api/alerts/${r.alert}/check-ins/mine`],
  'GET /api/alerts/:id/my-classes': (r) => [`/api/alerts/${r.alert}/my-classes`],
  'GET /api/alerts/:id/board': (r) => [`/api/alerts/${r.alert}/board`],
  'POST /api/alerts/:id/escalate': (r) => [`/api/alerts/${r.alert}/escalate`, { action: 'hold' }],
  'POST /api/alerts/:id/all-clear': (r) => [`/api/alerts/${r.alert}/all-clear`, {}],
  'GET /api/alerts/:id/timeline': (r) => [`/api/alerts/${r.alert}/timeline`],
  'GET /api/alerts/:id/report.pdf': (r) => [`/api/alerts/${r.alert}/report.pdf`],
  'GET /api/reunifications/:id': (r) => [`/api/reunifications/${r.reunification}`],
  'GET /api/reunifications/:id/students': (r) => [`/api/reunifications/${r.reunification}/students?q=Doe`],
  'POST /api/reunifications/:id/requests': (r) => [`/api/reunifications/${r.reunification}/requests`, {
    studentId: r.student, guardianId: r.guardian, adultName: 'Pat Doe', idType: 'state_id', idChecked: true,
  }],
  'POST /api/reunifications/:id/requests/:requestId/runner': (r) => [`/api/reunifications/${r.reunification}/requests/${r.request}/runner`, { runnerName: 'Coach' }],
  'POST /api/reunifications/:id/requests/:requestId/release': (r) => [
    `/api/reunifications/${r.reunification}/requests/${r.broughtRequest}/release`, { studentConfirmed: true, initials: 'PD' },
  ],
  'POST /api/reunifications/:id/close': (r) => [`/api/reunifications/${r.reunification}/close`],
  'PATCH /api/drill-rules/:id': (r) => [`/api/drill-rules/${r.rule}`, { notes: 'Intruder' }],
  'DELETE /api/drill-rules/:id': (r) => [`/api/drill-rules/${r.rule}`],
  'GET /api/drills/:id': (r) => [`/api/drills/${r.drill}`],
  'PATCH /api/drills/:id': (r) => [`/api/drills/${r.drill}`, { notes: 'Intruder' }],
  'GET /api/compliance/schools/:schoolId': (r) => [`/api/compliance/schools/${r.school}`],
  'GET /api/plans/:id': (r) => [`/api/plans/${r.plan}`],
  'PATCH /api/plans/:id': (r) => [`/api/plans/${r.plan}`, { title: 'Intruder' }],
  'POST /api/plans/:id/versions': (r) => [`/api/plans/${r.plan}/versions`, { body: 'Intruder' }],
  'POST /api/plans/:id/versions/pdf': (r) => [`/api/plans/${r.plan}/versions/pdf`, PDF, asPdf],
  'GET /api/plan-versions/:id/content': (r) => [`/api/plan-versions/${r.version}/content`],
  'POST /api/plans/:id/reviews': (r) => [`/api/plans/${r.plan}/reviews`, { reviewedOn: '2026-11-01' }],
  'POST /api/plans/:id/acknowledge': (r) => [`/api/plans/${r.plan}/acknowledge`],
  'GET /api/plans/:id/acknowledgements': (r) => [`/api/plans/${r.plan}/acknowledgements`],
  'POST /api/plans/:id/remind': (r) => [`/api/plans/${r.plan}/remind`],
  'PATCH /api/report-subscriptions/:id': (r) => [`/api/report-subscriptions/${r.subscription}`, { active: false }],
  'DELETE /api/report-subscriptions/:id': (r) => [`/api/report-subscriptions/${r.subscription}`],
  'PATCH /api/certifications/:id': (r) => [`/api/certifications/${r.certification}`, { notes: 'Intruder' }],
  'GET /api/certifications/:id/document': (r) => [`/api/certifications/${r.certification}/document`],
  'PUT /api/certifications/:id/document': (r) => [`/api/certifications/${r.certification}/document`, PDF, asPdf],
  'GET /api/trainings/:id': (r) => [`/api/trainings/${r.session}`],
  'PATCH /api/trainings/:id': (r) => [`/api/trainings/${r.session}`, { topic: 'Intruder' }],
  'PUT /api/trainings/:id/attendance': (r) => [`/api/trainings/${r.session}/attendance`, { userIds: [] }],
  'PATCH /api/training-requirements/:id': (r) => [`/api/training-requirements/${r.requirement}`, { notes: 'Intruder' }],
  ...Object.fromEntries(Object.entries(INCIDENT_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.incidents)])),
  ...Object.fromEntries(Object.entries(TIP_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.tips)])),
  ...Object.fromEntries(Object.entries(SECURITY_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.security)])),
  ...Object.fromEntries(Object.entries(SHARED_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.shared)])),
  ...Object.fromEntries(Object.entries(PATROL_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.patrols)])),
  ...Object.fromEntries(Object.entries(OPERATIONS_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.operations)])),
  ...Object.fromEntries(Object.entries(EDUCATION_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.education)])),
  ...Object.fromEntries(Object.entries(SUPPORT_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.support)])),
};

/**
 * Records of a person, not of a school: an SRO's certifications are seen by the SRO and their supervisor only, so
 * other holders of training.read at the same school find them absent too (certifications.test.ts).
 */
const PERSONAL = new Set(['PATCH /api/report-subscriptions/:id', 'DELETE /api/report-subscriptions/:id', 'PATCH /api/certifications/:id', 'GET /api/certifications/:id/document', 'PUT /api/certifications/:id/document', ...PATROL_PERSONAL]);

/**
 * Who proves a route works on records in scope: the first district-wide holder of its permission (HOLDERS); an SRO's
 * supervisor for certifications; the district safety director for threat cases, which other holders of threat.read see
 * only when on the case team.
 */
function positiveHolder(route: RouteInfo): string {
  if (PERSONAL.has(`${route.method} ${route.url}`)) return 'supervisor@district';
  if (route.permission!.startsWith('threat.')) return 'director@district';
  if (SUPPORT_HOLDERS[route.permission!]) return SUPPORT_HOLDERS[route.permission!]!;
  return `${HOLDERS.find((r) => ROLE_PERMISSIONS[r].includes(route.permission!))!}@district`;
}

/** Who proves that a route works: sysadmin first; incident routes are held by police and school roles only. */
const HOLDERS: readonly Role[] = ['sysadmin', 'supervisor', 'school_admin', 'counselor', 'director', 'sro'];

const key = (route: RouteInfo) => `${route.method} ${route.url}`;

function send(client: TestClient, route: RouteInfo, records: Place, home: Place) {
  const [url, body, headers] = REQUESTS[key(route)]!(records, home);
  return client.request(route.method as 'GET', url, body, headers);
}

async function auditCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  allRecordRoutes = routeTable.get(t.app)!.filter((r) => r.permission && r.url.includes('/:'));
  // Routes without a fixture yet fail the first test below; the others are still checked role by role.
  recordRoutes = allRecordRoutes.filter((r) => REQUESTS[key(r)]);
  const districtId = (await createDistrict(t.database)).id;
  north = await place(t, districtId);
  south = await place(t, districtId);
  const foreignDistrict = (await createDistrict(t.database)).id;
  foreign = await place(t, foreignDistrict);
  const ids = new Map<string, string>();
  for (const role of ROLES) {
    for (const [where, schoolId] of [['district', null], ['north', north.school]] as const) {
      const email = `${role}.${where}@isd.test`;
      const user = await createUser(t.database, { email, districtId, grants: [{ role, schoolId }] });
      ids.set(`${role}@${where}`, user.id);
      const client = t.client();
      await client.signIn(email);
      as.set(`${role}@${where}`, client);
    }
  }
  // Report subscriptions are their recipient's own: the district-wide supervisor's, one at each place.
  for (const p of [north, south, foreign]) {
    const [row] = await t.db.insert(reportSubscriptions).values({
      districtId: p === foreign ? foreignDistrict : districtId, userId: ids.get('supervisor@district')!, createdBy: ids.get('supervisor@district')!,
      report: 'dashboard', schoolIds: [p.school], cadence: 'weekly', dayOfWeek: 1, timeOfDay: '07:00', format: 'pdf', nextDueAt: new Date('2026-12-14T13:00:00Z'),
    }).returning({ id: reportSubscriptions.id });
    p.subscription = row!.id;
  }
  // Threat cases are seen by their team only: the holders of threat.read at north are on the team of north's case (so
  // they read it), and of south's as if they had moved from south, so its 404 comes from the school, not the team.
  for (const role of ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('threat.read'))) {
    const userId = ids.get(`${role}@north`)!;
    await t.db.insert(threatCaseMembers).values([{ caseId: north.tips.case, userId }, { caseId: south.tips.case, userId }]);
  }
  // A teacher's requests are read by their requester only, a contact is changed by its author only: south's are theirs.
  await claimEducationRecords(t, south.education, { requester: ids.get('school_admin@district')!, author: ids.get('counselor@district')! });
}, 120_000);

afterAll(async () => t?.close());

describe('record scope', () => {
  it('knows how to call every built route that names a record', () => {
    expect(allRecordRoutes.length).toBeGreaterThan(15);
    expect(allRecordRoutes.map(key).filter((k) => !REQUESTS[k])).toEqual([]);
  });

  it.each(ROLES)('%s at one school finds records of another school and of another district absent (404), writing nothing', async (role) => {
    const client = as.get(`${role}@north`)!;
    const held = recordRoutes.filter((r) => ROLE_PERMISSIONS[role].includes(r.permission!));
    expect(held.length).toBeGreaterThan(0);
    const before = await auditCount();
    const wrong: string[] = [];
    for (const route of held) {
      for (const [label, records] of [['other school', south], ['other district', foreign]] as const) {
        if (label === 'other school' && (DISTRICT_RECORD_ROUTES.has(key(route)) || SUPPORT_DISTRICT_ROUTES.has(key(route)))) continue;
        const res = await send(client, route, records, north);
        if (res.status !== 404 || res.body?.error?.code !== 'not_found') wrong.push(`${key(route)} (${label}) -> ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it.each(ROLES)('%s district-wide finds records of another district absent (404)', async (role) => {
    const client = as.get(`${role}@district`)!;
    const wrong: string[] = [];
    for (const route of recordRoutes.filter((r) => ROLE_PERMISSIONS[role].includes(r.permission!))) {
      const res = await send(client, route, foreign, north);
      if (res.status !== 404) wrong.push(`${key(route)} -> ${res.status} ${res.text.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)('%s at one school reads the records of its own school', async (role) => {
    const client = as.get(`${role}@north`)!;
    const wrong: string[] = [];
    for (const route of recordRoutes.filter((r) => r.method === 'GET' && !PERSONAL.has(key(r)) && !EDUCATION_PERSONAL_READS.has(key(r)) && !SUPPORT_PARTICIPANT_READS.has(key(r)) && !DISTRICT_WIDE_READS.has(key(r)) && ROLE_PERMISSIONS[role].includes(r.permission!))) {
      const res = await send(client, route, north, north);
      if (res.status !== 200) wrong.push(`${key(route)} -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the same requests succeed for a district-wide holder of each permission, so the 404s above come from scope', async () => {
    const wrong: string[] = [];
    // In registration order, which is also the order of a record's life (changed before it is deleted).
    for (const route of recordRoutes.filter((r) => !DEPLOYMENT_ROUTES.has(key(r)))) {
      const owner = ownerOf(key(route), south.patrols) ?? operationsOwnerOf(key(route), south.operations);
      const res = await send(owner ?? as.get(positiveHolder(route))!, route, south, south);
      if (res.status < 200 || res.status > 299) wrong.push(`${key(route)} -> ${res.status} ${res.text.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });
});
