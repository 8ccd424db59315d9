import { randomUUID } from 'node:crypto';
import type { RouteInfo } from '../auth/plugin.js';
import type { TestApp, TestClient } from './app.js';

// Calling every API route the same way from the route walks (server/auth/authorization.test.ts, the need-to-know walk):
// parameters filled with well-formed ids, required queries valid, event streams hung up after their first answer.

/** The route's URL with every parameter filled by a well-formed id. */
export const concrete = (url: string) => url.replace(/:\w+/g, () => randomUUID()).replace('/*', '/index.css');

/** Public routes whose path is itself a secret (a calendar feed token): a made-up one answers 404, not 401. */
export const SECRET_PATHS = new Set(['GET /api/ical/:token']);

/** Routes whose answer never ends (Server-Sent Events): judged by status and headers, then hung up. */
export const STREAMS = new Set(['GET /api/live']);

async function callStream(t: TestApp, client: TestClient, url: string) {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie }, payloadAsStream: true });
  const stream = res.stream();
  if (res.statusCode === 200) {
    stream.destroy();
    return { status: 200, headers: res.headers, body: null, text: '' };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8');
  return { status: res.statusCode, headers: res.headers, body: JSON.parse(text) as { error?: { code: string } }, text };
}

/** Reads whose query has required fields: a valid query, so the answer shows the permission check, not validation. */
export const QUERIES: Record<string, string> = {
  'GET /api/incident-students': '?q=Doe',
  'GET /api/retention/reports/:id/records': '?recordType=incident_adult',
  'GET /api/incidents/crdc': '?from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z',
  'GET /api/analytics/dashboard': '?from=2025-07-01&to=2026-06-30',
  'GET /api/analytics/equity': '?from=2025-07-01&to=2026-06-30',
  'GET /api/analytics/crdc': '?from=2025-07-01&to=2026-06-30',
  'GET /api/analytics/crdc.csv': '?from=2025-07-01&to=2026-06-30',
  'GET /api/analytics/crdc.pdf': '?from=2025-07-01&to=2026-06-30',
  'GET /api/threat-cases/team-candidates': '?schoolId=00000000-0000-4000-8000-000000000000',
  'GET /api/public/tips/schools': '?q=High',
  'GET /api/activity/reports/monthly': '?month=2026-10',
  'GET /api/activity/reports/monthly.pdf': '?month=2026-10',
  'GET /api/activity/reports/monthly/team': '?month=2026-10',
  'GET /api/security-systems/glance': '?schoolId=00000000-0000-4000-8000-000000000000',
  'GET /api/assessments/compare': '?from=00000000-0000-4000-8000-000000000000&to=00000000-0000-4000-8000-000000000001',
  'GET /api/education/hours': '?from=2026-01-01&to=2026-12-31',
  'GET /api/mentoring/students': '?schoolId=00000000-0000-4000-8000-000000000000&q=Doe',
  'GET /api/support/students': '?q=Doe',
  'GET /api/support/referral-targets': '?schoolId=00000000-0000-4000-8000-000000000000',
  'GET /api/support/members': '?schoolId=00000000-0000-4000-8000-000000000000',
};

/** Calls the route as the client: GET/DELETE bare, writes with an empty body; streams are hung up once answered. */
export async function callRoute(t: TestApp, client: TestClient, route: RouteInfo) {
  const url = concrete(route.url) + (QUERIES[`${route.method} ${route.url}`] ?? '');
  const method = route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  if (STREAMS.has(`${route.method} ${route.url}`)) return callStream(t, client, url);
  return method === 'GET' || method === 'DELETE' ? client.request(method, url) : client.request(method, url, {});
}

