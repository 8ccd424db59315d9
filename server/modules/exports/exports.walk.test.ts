import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EQUIPMENT_TYPES } from '../../../common/equipment.js';
import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { PLAN_KINDS } from '../../../common/preparedness-people.js';
import { ROLES, type Role } from '../../../common/roles.js';
import { routeTable, type RouteInfo } from '../../auth/plugin.js';
import { createTestApp, signedInClient, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { parseCsv } from '../equipment/csv-parse.js';

// Walks every list of the API (a GET whose answer holds an `items` array, read from the OpenAPI document, so a
// list added later is caught) and asks each for its CSV as a role that may read it. A list without CSV must be
// named below with the reason.
const NOT_EXPORTED: Record<string, string> = {
  'GET /api/schools': 'reference data: the school directory, not records',
  'GET /api/schools/{id}/areas': 'reference data of one school',
  'GET /api/assignments': 'shown inside the school and user pages',
  'GET /api/audit/event-types': 'the fixed catalogue of event types',
  'GET /api/incident-students': 'a search-as-you-type lookup',
  'GET /api/incidents/{id}/versions': 'the history of one record, read with the record',
  'GET /api/calls/queue': 'a live queue, the same rows as /calls',
  'GET /api/alerts': 'alerts are reported one by one in the after-action PDF',
  'GET /api/alerts/active': 'live state',
  'GET /api/alerts/{id}/check-ins/mine': 'live state',
  'GET /api/alerts/{id}/timeline': 'part of the after-action PDF',
  'GET /api/alerts/{id}/my-classes': 'live state',
  'GET /api/reunifications': 'reunification events are reported in their own board',
  'GET /api/reunifications/{id}/students': 'a search-as-you-type lookup',
  'GET /api/outbox': 'operations queue of the mail sender',
  'GET /api/calendars': 'settings',
  'GET /api/drill-rules/templates': 'reference data (state rule sets)',
  'GET /api/drill-reminders': 'reminders, not records',
  'GET /api/certifications/mine': 'my own records, the same rows as /certifications',
  'GET /api/trainings/mine': 'my own records, the same rows as /trainings',
  'GET /api/training-requirements': 'settings',
  'GET /api/public/tips/schools': 'public lookup',
  'GET /api/tips/canned-replies': 'settings',
  'GET /api/threat-cases': 'CSTAG case records leave only as the case summary PDF, read by the team',
  'GET /api/threat-cases/team-candidates': 'a lookup',
  'GET /api/mentoring/students': 'a search-as-you-type lookup',
  'GET /api/education/topics': 'settings',
  'GET /api/education/my-requests': 'my own requests, the same rows as /education/classes',
  'GET /api/roster-imports': 'operations history of the roster sync',
  'GET /api/assessment-template': 'settings',
  'GET /api/assessments/{id}': 'one record (its report is a PDF)',
  'GET /api/support/students': 'a search-as-you-type lookup',
  'GET /api/support/members': 'a lookup',
  'GET /api/support/teams': 'team rosters, shown on their page',
  'GET /api/patrol-checklists': 'settings',
  'GET /api/patrol-checklists/{id}': 'one checklist',
  'GET /api/activity/officers': 'a lookup',
  'GET /api/events/{id}/candidates': 'a lookup',
  'GET /api/event-feeds': 'my calendar feed links',
  'GET /api/presence': 'live state (the history is exported)',
  'GET /api/meeting-series': 'settings',
  'GET /api/school-documents': 'documents, downloaded one by one',
  'GET /api/deployment/districts': 'operator view of the deployment',
  'GET /api/nibrs/submissions/preview': 'the NIBRS file itself is the export',
  'GET /api/nibrs/submissions': 'the NIBRS file itself is the export',
  'GET /api/sealed-records': 'sealed records never leave in bulk',
  'GET /api/retention/schedules': 'settings',
  'GET /api/retention/reports': 'destruction reports, decided on their page (their numbers are read page by page, audited)',
  'GET /api/retention/reports/{id}/records': 'the numbers of one report, read page by page for the approver (audited)',
  'GET /api/retention/holds': 'legal holds, a short list managed on its page',
  'GET /api/report-subscriptions': 'my own settings (which reports come to me by e-mail)',
  'GET /api/home': 'a dashboard',
  'GET /api/notifications': 'my bell',
  'GET /api/notifications/preferences': 'settings',
};

/** The lists issue 18 names; each must answer CSV. */
const REQUIRED = [
  '/api/incidents', '/api/calls', '/api/patrols', '/api/activity', '/api/events', '/api/advance-notices', '/api/presence/history',
  '/api/drills', '/api/plans', '/api/plans/{id}/acknowledgements', '/api/trainings', '/api/certifications', '/api/equipment',
  '/api/work-orders', '/api/assessments', '/api/assessment-findings', '/api/tips', '/api/discipline-referrals',
  '/api/counseling-referrals', '/api/support/referrals', '/api/mentoring/contacts', '/api/mentoring/mediations',
  '/api/education/classes', '/api/education/outreach', '/api/users', '/api/students', '/api/audit',
];

type Schema = { type?: string; properties?: Record<string, Schema>; $ref?: string; items?: Schema };
type Operation = { responses: Record<string, { content?: Record<string, { schema: Schema }> }> };
let t: TestApp;
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
let routes: RouteInfo[];
let planId: string;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  routes = routeTable.get(t.app)!;
  doc = (await t.client().get('/api/openapi.json')).body as typeof doc;
  const district = await createDistrict(t.db, { lawEnforcementAgency: 'Riverbend PD' });
  const school = await createSchool(t.db, { districtId: district.id });
  for (const role of ROLES) {
    await createUser(t.db, { email: `${role}@walk.test`, districtId: district.id, grants: [{ role, schoolId: role === 'sro' || role === 'staff' ? school.id : null }] });
    clients.set(role, await signedInClient(t, `${role}@walk.test`));
  }
  const manager = clientFor('equipment.manage');
  // Hostile text, so the walk sees cells a spreadsheet would run as formulas.
  const item = await manager.post('/api/equipment', { schoolId: school.id, type: EQUIPMENT_TYPES[0], name: '=HYPERLINK("http://x","y")', make: '+Philips', notes: '@SUM(1)' });
  expect(item.status).toBe(201);
  const plan = await clientFor('plan.manage').post('/api/plans', { schoolId: school.id, kind: PLAN_KINDS[0], title: '-2+3 plan', body: 'Text' });
  expect(plan.status).toBe(201);
  planId = plan.body.id as string;
}, 120_000);

afterAll(async () => t?.close());

function clientFor(permission: string): TestClient {
  const role = ROLES.find((r) => (ROLE_PERMISSIONS[r] as readonly string[]).includes(permission));
  return clients.get(role!)!;
}

const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);

/** Every GET of the document whose JSON answer holds an `items` array. */
function listRoutes(): { key: string; path: string; op: Operation }[] {
  const out: { key: string; path: string; op: Operation }[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    const op = methods.get;
    const schema = resolve(op?.responses['200']?.content?.['application/json']?.schema);
    if (op && resolve(schema?.properties?.items)?.type === 'array') out.push({ key: `GET ${path}`, path, op });
  }
  return out;
}

const isCsv = (op: Operation) => Boolean(op.responses['200']?.content?.['text/csv']);

describe('CSV on every list', () => {
  it('every list answers CSV or is named with the reason it does not', () => {
    const lists = listRoutes();
    expect(lists.length).toBeGreaterThan(60);
    const unaccounted = lists.filter((l) => !isCsv(l.op) && !NOT_EXPORTED[l.key]).map((l) => l.key);
    expect(unaccounted).toEqual([]);
    const exportedButListed = lists.filter((l) => isCsv(l.op) && NOT_EXPORTED[l.key]).map((l) => l.key);
    expect(exportedButListed).toEqual([]);
    for (const path of REQUIRED) expect(isCsv(doc.paths[path]!.get!), path).toBe(true);
  });

  it('each list answers its CSV to a role that may read it: BOM, header, owner column, no live formula', async () => {
    const exported = listRoutes().filter((l) => isCsv(l.op));
    expect(exported.length).toBeGreaterThanOrEqual(REQUIRED.length);
    const seen: string[] = [];
    for (const { key, path } of exported) {
      const route = routes.find((r) => r.method === 'GET' && r.url === path.replace(/\{(\w+)\}/g, ':$1'))!;
      const client = clientFor(route.permission!);
      const url = path.replace('{id}', planId);
      const res = await client.get(`${url}?format=csv`);
      expect(res.status, `${key}: ${res.text.slice(0, 300)}`).toBe(200);
      expect(res.headers['content-type'], key).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition'], key).toMatch(new RegExp(`^attachment; filename="${route.csvList}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      expect(res.text.startsWith('\uFEFF'), key).toBe(true);
      const [header, ...rows] = parseCsv(res.text);
      expect(header!.cells.at(-1), key).toBe('Record owner');
      for (const row of rows) {
        expect(row.cells, key).toHaveLength(header!.cells.length);
        for (const cell of row.cells) {
          if (/^[=+\-@\t\r]/.test(cell)) expect(cell, key).toMatch(/^-\d+(\.\d+)?$/);
          seen.push(cell);
        }
      }
      // The same list answers CSV to the Accept header too.
      const byAccept = await client.get(url, { accept: 'text/csv' });
      expect(byAccept.headers['content-type'], key).toBe('text/csv; charset=utf-8');
    }
    // The hostile cells were exported, neutralised.
    expect(seen).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://x","y")', '\'+Philips', '\'@SUM(1)', '\'-2+3 plan']));
  }, 120_000);
});
