import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from '../../db/open.js';
import { students } from '../../db/schema/index.js';
import { testConfig } from '../../test/app.js';
import { createDistrict, createSchool } from '../../test/fixtures.js';

// The command exactly as the README documents it: `npm run import:roster -- <zip>`, one district, no --district.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'roster-cli-'));
const dataDir = path.join(dir, 'data');
const config = () => ({ ...testConfig({ DATA_DIR: dataDir }), databaseUrl: undefined });

function zipOfFixture(name: string, edit: Record<string, (text: string) => string> = {}): string {
  const folder = path.join(import.meta.dirname, 'fixtures', name);
  const files = Object.fromEntries(readdirSync(folder).map((f) => {
    const text = readFileSync(path.join(folder, f), 'utf8');
    return [f, Buffer.from(edit[f] ? edit[f](text) : text)];
  }));
  const file = path.join(dir, `${name}-${Object.keys(edit).length}.zip`);
  writeFileSync(file, zipSync(files));
  return file;
}

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const child = spawn('npm', ['run', '--silent', 'import:roster', '--', ...args], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  await withDb(async (database) => {
    const district = await createDistrict(database);
    await createSchool(database, { districtId: district.id, ncesId: '481234500101', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
    await createSchool(database, { districtId: district.id, ncesId: '481234500102', level: 'middle', gradeLow: 6, gradeHigh: 8 });
  });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import:roster as the README documents it', () => {
  it('imports a zip given as the only argument into the one district of the deployment', async () => {
    const { code, out } = await run([zipOfFixture('oneroster-1.2-windows')]);
    expect(out).not.toContain('Usage:');
    expect(code, out).toBe(0);
    expect(out).toContain('Done in');
    const imported = await withDb((database) => database.db.select().from(students).where(eq(students.sourcedId, 's-1')));
    expect(imported).toEqual([expect.objectContaining({ studentNumber: 'S-501', active: true })]);
  }, 180_000);

  it('a package that would inactivate most students stops with exit code 3 and writes nothing; --confirm goes on', async () => {
    const fewer = zipOfFixture('oneroster-1.2-windows', { 'users.csv': (text) => text.split('\r\n').filter((l) => !/^s-[12],/.test(l)).join('\r\n') });
    const stopped = await run([fewer]);
    expect(stopped.code, stopped.out).toBe(3);
    expect(stopped.out).toContain('would mark 2 of 3 active students inactive');
    expect(stopped.out).toContain('--confirm');
    const active = async () => (await withDb((database) => database.db.select().from(students).where(eq(students.active, true)))).length;
    expect(await active()).toBe(3);
    const confirmed = await run([fewer, '--confirm']);
    expect(confirmed.code, confirmed.out).toBe(0);
    expect(await active()).toBe(1);
  }, 300_000);
});
