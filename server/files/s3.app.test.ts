import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '../db/schema/index.js';
import { jsonLines, killAll, startServer } from '../ops/test-process.js';
import { createIncident, createWorld, rawGet, rawPost, type World } from '../modules/incidents/incidents.test-support.js';
import { createTestApp, testConfig } from '../test/app.js';
import { createTestDatabase, databaseUrlOf, ROOT, TEST_TMP, testEngine } from '../test/database.js';
import { startS3Server, type TestS3Server } from '../test/s3-server.js';
import { expectNotAtRest } from './at-rest.test-support.js';
import { loadKeyRing } from './crypto.js';
import { moveFiles } from './move.js';
import { createFileStore } from './registry.js';
import { FileStore } from './store.js';

const MARKER = 'at-rest marker: Ezekiel Brandtmoor pulled the fire alarm at 10:42';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300_000, 9), Buffer.from(MARKER)]);

let s3: TestS3Server;
let w: World;
beforeAll(async () => {
  s3 = await startS3Server();
  w = await createWorld({ env: s3.env('app') });
}, 300_000);
afterAll(async () => {
  killAll();
  await w?.t.close();
  await s3?.close();
});

function scratch(): string {
  mkdirSync(TEST_TMP, { recursive: true });
  return mkdtempSync(path.join(TEST_TMP, 's3-move-'));
}

describe(`FILE_STORE=s3://... on ${testEngine()}`, () => {
  it('evidence uploaded through the API goes to the bucket as ciphertext and is read back through the API', async () => {
    const draft = await createIncident(w);
    const res = await rawPost(w, 'sro', `/api/incidents/${draft.id}/attachments?fileName=photo.png`, PNG);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [row] = await w.t.db.select().from(storedFiles).where(eq(storedFiles.store, 's3'));
    expect(row).toMatchObject({ complete: true, size: PNG.length });
    expect(s3.objects().filter((o) => o.name.startsWith('app/'))).toHaveLength(1);
    const got = await rawGet(w, 'sro', `/api/incident-attachments/${res.body.id}/content`);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PNG)).toBe(true);
    expect(s3.objects().filter((o) => readFileSync(o.file).includes(Buffer.from(MARKER)))).toEqual([]);
    await expectNotAtRest(w.t, MARKER);
    expect(s3.refused).toEqual([]);
  });

  it('readiness reports the bucket answering', async () => {
    const ready = await w.t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { files: { ok: true, detail: 's3 store answers' } } });
  });

  it('wrong credentials stop the start with the store\'s answer (FILE_STORE_UNAVAILABLE: exit code 5 from a process), not a 500 on every upload', async () => {
    for (const [env, answer] of [[{ S3_SECRET_ACCESS_KEY: 'not-the-secret' }, /403 SignatureDoesNotMatch/], [{ S3_ACCESS_KEY_ID: 'AKIAWRONG' }, /403 InvalidAccessKeyId/]] as const) {
      const started = createTestApp({ database: w.t.database, env: s3.env('app', env) });
      await expect(started).rejects.toThrow(answer);
      await expect(started).rejects.toMatchObject({ code: 'FILE_STORE_UNAVAILABLE', message: expect.stringMatching(/^The file store does not answer: s3:\/\/evidence-test\/app\/ at http.*Check FILE_STORE/) });
      await expect(started).rejects.not.toThrow(s3.secretAccessKey);
    }
  });

  it('files move from the data folder and the database into the bucket and back with files:move, readable throughout', async () => {
    const database = await createTestDatabase();
    try {
      const dataDir = scratch();
      const ring = loadKeyRing({ dataDir });
      const dir = new FileStore(database.db, ring, 'dir', path.join(dataDir, 'files'));
      const db = new FileStore(database.db, ring, 'db', path.join(dataDir, 'files'));
      const files = { [`tips/${randomBytes(4).toString('hex')}`]: dir, [`plans/${randomBytes(4).toString('hex')}`]: db };
      const bytes = Buffer.concat([Buffer.from(MARKER), randomBytes(600_000)]);
      for (const [key, store] of Object.entries(files)) await store.write(key, bytes);
      const env = { ...s3.env('moved'), DATA_DIR: dataDir };
      const move = async (to: 'db' | 'dir' | 's3') => {
        const url = databaseUrlOf(database);
        if (!url) return moveFiles(testConfig(env), database, to);
        // On PostgreSQL the real command runs, as an operator would run it.
        const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/files/files.cli.ts', 'move', '--to', to], {
          cwd: ROOT, env: { ...process.env, ...env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
        });
        return JSON.parse(stdout.trim().split('\n').at(-1)!) as { moved: number; missing: unknown };
      };
      expect(await move('s3')).toMatchObject({ moved: 2, missing: expect.anything() });
      const rowsNow = async () => (await database.db.select({ store: storedFiles.store }).from(storedFiles)).map((r) => r.store);
      expect(await rowsNow()).toEqual(['s3', 's3']);
      expect(s3.objects().filter((o) => o.name.startsWith('moved/'))).toHaveLength(2);
      for (const key of Object.keys(files)) expect(existsSync(dir.pathOf(key))).toBe(false);
      const reader = createFileStore(testConfig(env), database);
      for (const key of Object.keys(files)) expect((await reader.readAll(key))!.equals(bytes)).toBe(true);
      expect(await move('db')).toMatchObject({ moved: 2 });
      expect(await rowsNow()).toEqual(['db', 'db']);
      expect(s3.objects().filter((o) => o.name.startsWith('moved/'))).toEqual([]);
      for (const key of Object.keys(files)) expect((await db.readAll(key))!.equals(bytes)).toBe(true);
      expect(await move('dir')).toMatchObject({ moved: 2 });
      for (const key of Object.keys(files)) expect((await dir.readAll(key))!.equals(bytes)).toBe(true);
    } finally {
      await database.close();
    }
  }, 300_000);

  it('a server process given a wrong S3 secret exits 5 with one JSON line naming the store\'s answer, never the secret', async () => {
    const server = startServer({ ...s3.env('process', { S3_SECRET_ACCESS_KEY: 'wrong-secret-4f9a2c' }), DATA_DIR: scratch() });
    expect(await server.exit).toBe(5);
    expect(jsonLines(server.output()).find((l) => l.code === 'FILE_STORE_UNAVAILABLE')).toMatchObject({
      exitCode: 5, msg: expect.stringMatching(/could not start: The file store does not answer: .*403 SignatureDoesNotMatch/),
    });
    expect(server.output()).not.toContain('wrong-secret-4f9a2c');
  }, 300_000);

  it('readiness answers 503 naming the file store when the bucket stops answering', async () => {
    await s3.close();
    const ready = await w.t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not_ready', checks: { files: { ok: false, detail: expect.stringMatching(/unreachable \(ECONNREFUSED\)/) }, database: { ok: true } } });
  });
});
