import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { routeTable } from './auth/plugin.js';
import { MIGRATIONS_DIR, type Database } from './db/connection.js';
import { createTestApp, testConfig, TestClient, type TestApp } from './test/app.js';
import { createTestDatabase, TEST_TMP } from './test/database.js';

// Health, the OpenAPI document, the interactive docs and the SPA with its history fallback.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);

afterAll(async () => t?.close());

describe('GET /api/health', () => {
  it('answers without a session: status, version, database kind and the last applied migration', async () => {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      database: { kind: t.database.kind, migrationsApplied: journal.entries.length, migration: journal.entries.at(-1)!.tag },
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the OpenAPI document', () => {
  const modules = readdirSync(path.join(import.meta.dirname, 'modules'))
    .filter((name) => statSync(path.join(import.meta.dirname, 'modules', name)).isDirectory())
    // A module with a routes file must show them under its tag (the activity recorder alone has none).
    .filter((name) => existsSync(path.join(import.meta.dirname, 'modules', name, `${name}.routes.ts`)));

  it('is OpenAPI 3, public, and lists every route of the route table with its module tag and a unique operationId', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, { tags?: string[]; operationId?: string; description?: string }>> };
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    const routes = routeTable.get(t.app)!.filter((r) => r.url !== '/api/openapi.json' && !r.url.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(30);
    const operationIds = new Set<string>();
    for (const route of routes) {
      const where = `${route.method} ${route.url}`;
      const operation = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, where).toBeDefined();
      expect(operation!.tags, where).toHaveLength(1);
      expect(modules, where).toContain(operation!.tags![0]);
      expect(operation!.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operationIds.has(operation!.operationId!), `${where}: operationId ${operation!.operationId} used twice`).toBe(false);
      operationIds.add(operation!.operationId!);
      if (route.permission) expect(operation!.description, where).toContain(route.permission);
    }
    const documented = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(documented).toBe(routes.length);
    for (const module of modules) expect(routes.some((r) => doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]?.tags?.[0] === module), module).toBe(true);
  });

  it('serves the interactive docs without a session', async () => {
    const client = t.client();
    let res = await client.get('/api/docs');
    if (res.status >= 300 && res.status < 400) res = await client.get(new URL(String(res.headers.location), 'http://x/api/docs').pathname);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
    expect(res.text).toMatch(/swagger/i);
  });
});

describe('the single-page app', () => {
  let webDir: string;
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(TEST_TMP, { recursive: true });
    webDir = mkdtempSync(path.join(TEST_TMP, 'web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>SRO Desk</title><div id="root"></div>');
    writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log("app")');
    database = await createTestDatabase();
    app = await buildApp({ config: { ...testConfig(), webDir }, database, logger: false });
    await app.ready();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves its files, and index.html for every page path (history fallback) without a session', async () => {
    const client = new TestClient(app);
    const script = await client.get('/assets/app-1234.js');
    expect(script.status).toBe(200);
    expect(script.text).toBe('console.log("app")');
    expect(script.headers['cache-control']).toBe('public, max-age=3600');
    for (const page of ['/', '/index.html', '/schools/7c1f/areas', '/profile?tab=mfa', '/sign-in']) {
      const res = await client.get(page);
      expect(res.status, page).toBe(200);
      expect(String(res.headers['content-type']), page).toContain('text/html');
      expect(res.text, page).toContain('<div id="root">');
      expect(res.headers['cache-control'], page).toBe('no-cache');
    }
  });

  it('keeps the API out of the fallback: unknown API paths and non-GET page requests are JSON 404s', async () => {
    const client = new TestClient(app);
    const api = await client.get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
    const post = await client.post('/schools', {});
    expect(post.status).toBe(404);
    expect(post.body.error.code).toBe('not_found');
  });

  it('answers a missing file with a 404, not the app page (an old build\'s script must not load as HTML)', async () => {
    const client = new TestClient(app);
    for (const file of ['/assets/app-old.js', '/favicon-missing.svg']) {
      const res = await client.get(file);
      expect(res.status, file).toBe(404);
      expect(res.body.error.code, file).toBe('not_found');
    }
  });

  it('answers page paths with a JSON 404 when no web build is present', async () => {
    const bare = await buildApp({ config: { ...testConfig(), webDir: path.join(webDir, 'assets') }, database, logger: false });
    try {
      const res = await new TestClient(bare).get('/schools');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    } finally {
      await bare.close();
    }
  });
});
