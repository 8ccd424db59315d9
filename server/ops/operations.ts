import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../lib/deps.js';
import { rows } from '../db/connection.js';
import { PACKAGE_ROOT } from '../lib/paths.js';
import { liveHubOf } from '../modules/live/live.hub.js';
import { recordRequest, renderMetrics, type Gauge } from './metrics.js';

const draining = new WeakSet<object>();

/** Marks a process as draining: readiness answers 503 so the load balancer stops sending new requests. */
export function markDraining(app: FastifyInstance): void {
  draining.add(app.deps);
}

/** Whether the app is draining (after SIGTERM). */
export function isDraining(deps: AppDeps): boolean {
  return draining.has(deps);
}

/** Routes probed by load balancers and scrapers: their request lines are logged at debug, not info. */
const PROBES = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/metrics']);

/**
 * Operations plumbing installed once on the root app: request metrics by route pattern, probe logging at
 * debug, and GET /metrics (Prometheus text) behind METRICS_TOKEN; without a token /metrics does not exist.
 */
export function installOperations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (PROBES.has(route.url)) route.logLevel = 'warn';
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? (reply.statusCode === 404 ? 'unmatched' : 'unknown');
    recordRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    if (PROBES.has(route)) app.log.debug({ reqId: request.id, path: route, status: reply.statusCode }, 'probe answered');
  });
  const token = app.deps.config.metricsToken;
  if (!token) return;
  app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    if (!bearerMatches(request, token)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      return reply.code(401).type('text/plain').send('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
    }
    const body = renderMetrics(await gauges(app.deps));
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(body);
  });
}

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Gauges read at scrape time; a part that cannot be read is reported as `srodesk_scrape_error`. */
async function gauges(deps: AppDeps): Promise<Gauge[]> {
  const out: Gauge[] = [
    { name: 'srodesk_draining', help: '1 while the process drains after SIGTERM.', value: isDraining(deps) ? 1 : 0 },
    { name: 'srodesk_db_pool_max', help: 'Configured database pool size of this process.', value: deps.database.poolMax },
  ];
  try {
    out.push({ name: 'srodesk_live_connections', help: 'Open Server-Sent Events connections in this process.', value: liveHubOf(deps).size });
  } catch {
    out.push({ name: 'srodesk_live_connections', help: 'Open Server-Sent Events connections in this process.', value: 0 });
  }
  try {
    const [o] = rows<{ depth: number; age: number | null }>(await deps.database.db.execute(sql`
      select count(*)::int as depth, extract(epoch from (now() - min(created_at)))::float8 as age
      from outbox where sent_at is null and failed_at is null`));
    out.push({ name: 'srodesk_outbox_depth', help: 'E-mail waiting to be sent (all districts).', value: Number(o?.depth ?? 0) });
    out.push({ name: 'srodesk_outbox_oldest_age_seconds', help: 'Age of the oldest e-mail waiting (0 when none).', value: Number(o?.age ?? 0) });
    if (deps.database.kind === 'postgres') {
      for (const r of rows<{ state: string | null; n: number }>(await deps.database.db.execute(sql`
        select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
        where application_name = 'srodesk' and datname = current_database() group by 1`))) {
        out.push({ name: 'srodesk_db_connections', help: 'Connections of all SRO Desk processes to this database, by state.', value: Number(r.n), labels: { state: r.state ?? 'unknown' } });
      }
    } else {
      out.push({ name: 'srodesk_db_connections', help: 'Connections of all SRO Desk processes to this database, by state.', value: 1, labels: { state: 'embedded' } });
    }
    out.push({ name: 'srodesk_scrape_error', help: '1 when a gauge could not be read.', value: 0 });
  } catch {
    out.push({ name: 'srodesk_scrape_error', help: '1 when a gauge could not be read.', value: 1 });
  }
  return out;
}

let spaRootsCache: Set<string> | null = null;

/**
 * First path segments of the web app's pages, read from its route table (web/src/app), so an unknown path
 * such as /healthz or /metrics answers 404 instead of the app page with 200 (a probe would see "healthy").
 */
export function isSpaPath(urlPath: string): boolean {
  if (urlPath === '/' || urlPath === '') return true;
  spaRootsCache ??= readSpaRoots();
  const first = urlPath.replace(/^\/+/, '').split('/')[0] ?? '';
  if (spaRootsCache.size === 0) return !RESERVED.has(first);
  return spaRootsCache.has(first);
}

/** Paths probes and scanners try, refused even when the route table of the web app cannot be read. */
const RESERVED = new Set(['metrics', 'healthz', 'health', 'readyz', 'livez', 'ready', 'live', 'status', 'ping', 'api', 'server-status']);

function readSpaRoots(): Set<string> {
  const roots = new Set<string>();
  const dir = path.join(PACKAGE_ROOT, 'web/src/app');
  for (const file of ['routes.tsx', 'App.tsx']) {
    const full = path.join(dir, file);
    if (!existsSync(full)) continue;
    // Pages App.tsx opens before the route table (by pathname): set-up, invitations, sign-in, the public tip page.
    for (const root of ['sign-in', 'profile', 'certifications', 'report', 'survey', 'setup', 'set-password']) roots.add(root);
    const text = readFileSync(full, 'utf8');
    for (const m of text.matchAll(/path(?::\s*|=)["']\/?([a-z0-9-]+)/gi)) roots.add(m[1]!);
  }
  return roots;
}
