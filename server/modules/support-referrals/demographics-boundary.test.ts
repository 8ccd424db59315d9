import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../auth/plugin.js';
import { approvedIncident, createIncident, createWorld, type World } from '../incidents/incidents.test-support.js';

// The roster's demographics (CRDC fields) belong to the school's education record: no incident page shows them. Only
// the CRDC report (report.export) counts students by group, and never names one.
let w: World;
let ids: Record<string, string>;

const DEMOGRAPHIC_KEYS = ['raceEthnicity', 'race', 'ethnicity', 'sex', 'gender', 'dateOfBirth', 'birthDate', 'idea', 'section504', 'englishLearner'];
const AGGREGATE_REPORTS = new Set(['/api/incidents/crdc']);

/** Keys of a JSON value at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) { out.add(k); keysOf(v, out); }
  }
  return out;
}

beforeAll(async () => {
  w = await createWorld();
  // An incident naming a student whose roster row carries every demographic field (IDEA included).
  const approved = await approvedIncident(w);
  const draft = await createIncident(w, 'sro', { persons: [{ kind: 'student', role: 'victim', studentId: w.juvenile }] });
  const versions = (await w.as.supervisor!.get(`/api/incidents/${approved.id}/versions`)).body;
  ids = { id: approved.id, versionId: (versions.items ?? versions)[0]?.id ?? draft.id };
}, 120_000);
afterAll(async () => w?.t.close());

describe('incident pages and the roster\'s demographics', () => {
  it('no incident route answers a demographic field, for any reader', async () => {
    const routes = routeTable.get(w.t.app)!.filter((r) => r.method === 'GET' && /^\/api\/incident/.test(r.url) && !AGGREGATE_REPORTS.has(r.url));
    expect(routes.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    let read = 0;
    for (const who of ['sro', 'supervisor', 'director', 'principal']) {
      for (const route of routes) {
        const url = route.url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id!) + (route.url === '/api/incident-students' ? '?q=Whitfield' : '');
        const res = await w.as[who]!.get(url);
        if (res.status !== 200) continue;
        read++;
        const type = String(res.headers['content-type'] ?? '');
        if (type.includes('json')) {
          const found = [...keysOf(res.body)].filter((k) => DEMOGRAPHIC_KEYS.includes(k));
          if (found.length) leaks.push(`${who} ${url}: ${found.join(', ')}`);
        } else if (type.includes('csv')) {
          const header = res.text.split(/\r?\n/)[0]!.toLowerCase();
          if (/race|ethnic|sex|gender|birth|idea|504|english/.test(header)) leaks.push(`${who} ${url}: ${header}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(read).toBeGreaterThan(12);
  });

  it('the check reads the incident the student is named in, so it cannot pass on empty pages', async () => {
    const res = await w.as.supervisor!.get(`/api/incidents/${ids.id}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(w.adult);
  });
});
