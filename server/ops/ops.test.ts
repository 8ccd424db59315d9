import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { MIGRATIONS_DIR, type Database } from '../db/connection.js';
import { journal, SchemaNewerError } from '../db/migrate.js';
import { testConfig } from '../test/app.js';
import { createTestDatabase, TEST_TMP, testEngine } from '../test/database.js';
import { markDraining } from './operations.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

async function appOn(database: Database, env: Record<string, string> = {}): Promise<FastifyInstance> {
  mkdirSync(TEST_TMP, { recursive: true });
  const webDir = mkdtempSync(path.join(TEST_TMP, 'web-'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>SRO Desk</title>');
  const app = await buildApp({ config: { ...testConfig(env), webDir }, database, logger: false });
  await app.ready();
  return app;
}

describe(`migrations under the lock on ${testEngine()}`, () => {
  it('two migrations started at once on an empty database both succeed and apply each migration once', async () => {
    const database = await createTestDatabase({ empty: true });
    try {
      // On PostgreSQL each migrate() runs on its own connection: a real race between two sessions.
      await Promise.all([database.migrate(), database.migrate(), database.migrate()]);
      const version = await database.migrationVersion();
      expect(version.applied).toBe(journal(MIGRATIONS_DIR).length);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuse a database migrated by newer code (SCHEMA_NEWER) and report it not ready', async () => {
    const database = await createTestDatabase();
    try {
      const lastWhen = journal(MIGRATIONS_DIR).at(-1)!.when;
      await database.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', ${lastWhen + 60_000})`);
      const refused = await database.migrate().then(() => null, (error: unknown) => error);
      expect(refused).toBeInstanceOf(SchemaNewerError);
      expect((refused as Error).message).toMatch(/database schema is newer than this release/);
      const app = await appOn(database);
      const res = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'not_ready', checks: { migrations: { ok: false }, database: { ok: true } } });
      await app.close();
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe(`health, readiness and metrics on ${testEngine()}`, () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await appOn(database, { METRICS_TOKEN });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('live answers 200; ready answers 200 with every check passing', async () => {
    const live = await app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'live' });
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { database: { ok: true }, migrations: { ok: true }, draining: { ok: true } } });
  });

  it('unknown non-page paths answer 404, not the web app; page paths still get the app', async () => {
    for (const url of ['/healthz', '/readyz', '/api/anything-unknown', '/favicon-missing.png', '/wp-admin/setup.php', '/nothing-here']) {
      const res = await app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
    }
    const page = await app.inject({ method: 'GET', url: '/incidents/123' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>SRO Desk</title>');
  });

  it('metrics need the bearer token and report requests by route pattern, outbox, live connections and pool', async () => {
    await app.inject({ method: 'GET', url: '/api/health/live' });
    await database.db.execute(sql`insert into outbox (to_address, subject, body, kind, created_at) values ('a@b.test', 's', 'b', 'test.metrics', now() - interval '90 seconds')`);
    const denied = await app.inject({ method: 'GET', url: '/metrics' });
    expect(denied.statusCode).toBe(401);
    const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer metrics-token-0123456789abcdeX' } });
    expect(wrong.statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toMatch(/srodesk_http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} \d+/);
    expect(res.body).toMatch(/srodesk_http_request_duration_seconds_bucket\{method="GET",route="\/api\/health\/live",le="\+Inf"\} \d+/);
    expect(res.body).toMatch(/^srodesk_outbox_depth 1$/m);
    const age = Number(/^srodesk_outbox_oldest_age_seconds (\S+)$/m.exec(res.body)?.[1]);
    expect(age).toBeGreaterThanOrEqual(89);
    expect(res.body).toMatch(/^srodesk_live_connections 0$/m);
    expect(res.body).toMatch(/^srodesk_db_pool_max \d+$/m);
    expect(res.body).toMatch(/^srodesk_scrape_error 0$/m);
  });

  it('a draining process answers ready 503 (draining) while live stays 200', async () => {
    markDraining(app);
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not_ready', checks: { draining: { ok: false } } });
    expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
  });
});

describe('metrics without METRICS_TOKEN', () => {
  it('do not exist: /metrics answers 404', async () => {
    const database = await createTestDatabase();
    const app = await appOn(database);
    try {
      const res = await app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await app.close();
      await database.close();
    }
  });
});

