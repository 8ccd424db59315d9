import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openPglite, openPostgres } from '../db/connection.js';
import { journal } from '../db/migrate.js';
import { adminUrl, TEST_TMP, testEngine } from '../test/database.js';
import { createDistrict, createSchool, createUser, TEST_PASSWORD } from '../test/fixtures.js';
import { freePort, jsonLines, killAll, ProcessClient, startServer, waitFor } from './test-process.js';

afterAll(() => killAll());

function scratch(prefix: string): string {
  mkdirSync(TEST_TMP, { recursive: true });
  return mkdtempSync(path.join(TEST_TMP, prefix));
}

/** The one JSON error line a failed start writes. */
function failure(output: string): Record<string, unknown> {
  const line = jsonLines(output).find((l) => l.level === 60);
  if (!line) throw new Error(`no JSON error line in: ${output}`);
  return line;
}

describe('a start that cannot use its database exits non-zero at once with one JSON line naming the cause', () => {
  it('refused port: ECONNREFUSED, exit 4', async () => {
    const port = await freePort();
    const server = startServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/srodesk`, DATA_DIR: scratch('ops-') });
    expect(await server.exit).toBe(4);
    expect(failure(server.output())).toMatchObject({ code: 'ECONNREFUSED', msg: expect.stringMatching(/Connection refused by 127\.0\.0\.1:\d+/) });
  }, 60_000);

  it('a mysql:// URL: DB_URL_SCHEME, exit 4, no connection tried', async () => {
    const server = startServer({ DATABASE_URL: 'mysql://root:pw@127.0.0.1:3306/srodesk', DATA_DIR: scratch('ops-') });
    expect(await server.exit).toBe(4);
    const line = failure(server.output());
    expect(line).toMatchObject({ code: 'DB_URL_SCHEME', msg: expect.stringMatching(/uses mysql:\/\/, but SRO Desk needs PostgreSQL/) });
    expect(JSON.stringify(line)).not.toContain(':pw@');
  }, 60_000);

  it('an unknown host: ENOTFOUND, exit 4', async () => {
    const server = startServer({ DATABASE_URL: 'postgres://postgres@no-such-host.invalid:5432/srodesk', DATA_DIR: scratch('ops-') });
    expect(await server.exit).toBe(4);
    expect(failure(server.output())).toMatchObject({ code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/), msg: expect.stringMatching(/no-such-host\.invalid:5432 is unknown/) });
  }, 60_000);

  it('an address that never answers: unreachable after DB_CONNECT_TIMEOUT seconds, exit 4', async () => {
    // 10.255.255.1 is not routed here: the connection either times out or is reported unreachable.
    const server = startServer({ DATABASE_URL: 'postgres://postgres@10.255.255.1:5432/srodesk', DB_CONNECT_TIMEOUT: '2', DATA_DIR: scratch('ops-') });
    expect(await server.exit).toBe(4);
    expect(failure(server.output())).toMatchObject({
      code: expect.stringMatching(/^(CONNECT_TIMEOUT|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/),
      msg: expect.stringMatching(/10\.255\.255\.1:5432 is unreachable \(no answer within 2 s\)/),
    });
  }, 60_000);
});

describe.skipIf(testEngine() !== 'postgres')('on a PostgreSQL server', () => {
  const created: string[] = [];
  const urlOf = (name: string) => {
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    return url.toString();
  };
  afterAll(async () => {
    killAll();
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
    for (const name of created) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('a missing database: 3D000 naming it, exit 4', async () => {
    const server = startServer({ DATABASE_URL: urlOf('srodesk_no_such_database'), DATA_DIR: scratch('ops-') });
    expect(await server.exit).toBe(4);
    expect(failure(server.output())).toMatchObject({ code: '3D000', msg: expect.stringMatching(/database "srodesk_no_such_database" does not exist/) });
  }, 60_000);

  it('an unknown role: 28000 naming it, exit 4', async () => {
    const url = new URL(urlOf('postgres'));
    url.username = 'srodesk_no_such_role';
    const server = startServer({ DATABASE_URL: url.toString(), DATA_DIR: scratch('ops-') });
    expect(await server.exit).toBe(4);
    expect(failure(server.output())).toMatchObject({ code: '28000', msg: expect.stringMatching(/refused the user srodesk_no_such_role/) });
  }, 60_000);

  it('two servers started at once on one empty database both come up ready (the migration lock); a file uploaded through one is read through the other', async () => {
    const name = `srodesk_ops_race_${process.pid}_${Date.now()}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    created.push(name);
    const [p1, p2] = [await freePort(), await freePort()];
    // Every process of a deployment shares SESSION_SECRET and MASTER_KEY (docs/OPERATIONS.md section 2).
    const shared = { DATABASE_URL: urlOf(name), SESSION_SECRET: 'two-processes-secret-0123456789abcdef', MASTER_KEY: randomBytes(32).toString('base64') };
    const one = startServer({ ...shared, PORT: String(p1), DATA_DIR: scratch('ops-') });
    const two = startServer({ ...shared, PORT: String(p2), DATA_DIR: scratch('ops-') });
    const [r1, r2] = await Promise.all([waitFor(p1), waitFor(p2)]);
    expect(r1).toMatchObject({ status: 'ready' });
    expect(r2).toMatchObject({ status: 'ready' });
    // A file uploaded through one process is read through the other (the file store is in the database).
    const database = openPostgres(urlOf(name), { max: 1 });
    let schoolId: string;
    try {
      const district = await createDistrict(database);
      schoolId = (await createSchool(database, { districtId: district.id })).id;
      await createUser(database, { email: 'principal@two.test', districtId: district.id, grants: [{ role: 'school_admin', schoolId }] });
    } finally {
      await database.close();
    }
    const [viaOne, viaTwo] = [new ProcessClient(p1), new ProcessClient(p2)];
    await viaOne.signIn('principal@two.test', TEST_PASSWORD);
    await viaTwo.signIn('principal@two.test', TEST_PASSWORD);
    const plan = await viaOne.request('POST', '/api/plans', { schoolId, kind: 'eop', title: 'EOP', body: 'Section 1' });
    expect(plan.status).toBe(201);
    // Several 256 KB chunks, so the reader streams more than one row.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(700_000), Buffer.from('\n%%EOF\n')]);
    const version = await viaOne.request('POST', `/api/plans/${String(plan.json().id)}/versions/pdf?fileName=eop.pdf`, pdf, 'application/pdf');
    expect(version.status).toBe(201);
    const got = await viaTwo.request('GET', `/api/plan-versions/${String(version.json().id)}/content`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.bytes.equals(pdf)).toBe(true);
    one.child.kill('SIGTERM');
    two.child.kill('SIGTERM');
    expect(await one.exit).toBe(0);
    expect(await two.exit).toBe(0);
  }, 420_000);
});

describe('an embedded data folder', () => {
  it('a schema newer than the code: the server refuses to start with SCHEMA_NEWER, exit 3', async () => {
    const dataDir = scratch('ops-newer-');
    const database = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    await database.migrate();
    await database.db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('newer', ${journal(MIGRATIONS_DIR).at(-1)!.when + 60_000})`);
    await database.close();
    const server = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await server.exit).toBe(3);
    expect(failure(server.output())).toMatchObject({ code: 'SCHEMA_NEWER', msg: expect.stringMatching(/database schema is newer than this release/) });
  }, 420_000);

  it('logs only JSON lines without a terminal, never the demo password; a second process on the folder refuses; SIGTERM drains (ready 503, live 200) then exits 0', async () => {
    const dataDir = scratch('ops-start-');
    const port = await freePort();
    const server = startServer({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', SHUTDOWN_DRAIN_SECONDS: '3' });
    await waitFor(port);
    // A second process on the same embedded data folder refuses at once, naming the holder (the folder lock).
    const second = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exit).toBe(2);
    expect(failure(second.output())).toMatchObject({
      code: 'DATA_DIR_LOCKED', msg: expect.stringMatching(/is in use by another SRO Desk process \(pid \d+\)\. Stop that process, or start this one with another DATA_DIR/),
    });
    server.child.kill('SIGTERM');
    const deadline = Date.now() + 3000;
    let ready = 0;
    while (Date.now() < deadline && ready !== 503) ready = (await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status;
    expect(ready).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status).toBe(200);
    expect(await server.exit).toBe(0);
    const lines = server.output().split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(2);
    expect(jsonLines(server.output())).toHaveLength(lines.length);
    expect(server.output()).not.toContain('srodesk-demo');
    expect(jsonLines(server.output()).map((l) => l.msg)).toContain('SRO Desk is running');
  }, 420_000);
});
