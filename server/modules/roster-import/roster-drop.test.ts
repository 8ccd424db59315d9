import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterImportJobs, students } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createDistrict, createSchool } from '../../test/fixtures.js';
import { dropSettings, sweepDropDir } from './roster-drop.js';

let t: TestApp;
let districtId: string;
const dir = mkdtempSync(path.join(tmpdir(), 'roster-drop-'));

function drop(name: string, edit: Record<string, (text: string) => string> = {}): string {
  const folder = path.join(import.meta.dirname, 'fixtures', 'oneroster-1.2-windows');
  const files = Object.fromEntries(readdirSync(folder).map((f) => {
    const text = readFileSync(path.join(folder, f), 'utf8');
    return [f, Buffer.from(edit[f] ? edit[f](text) : text)];
  }));
  const file = path.join(dir, name);
  writeFileSync(file, zipSync(files));
  // Written two minutes ago by the SIS export: settled.
  const then = new Date(t.clock.now().getTime() - 120_000);
  utimesSync(file, then, then);
  return file;
}

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database)).id;
  await createSchool(t.database, { districtId, ncesId: '481234500101', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
  await createSchool(t.database, { districtId, ncesId: '481234500102', level: 'middle', gradeLow: 6, gradeHigh: 8 });
}, 60_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('the roster drop folder', () => {
  it('syncs a settled zip into the one district and moves it to done/; a package that would wipe students waits in needs-confirmation/', async () => {
    const opts = { dir, clock: t.clock, publicUrl: 'http://localhost:3000', log: () => undefined };
    drop('sis-monday.zip');
    // A zip still being written (modified just now) is left for the next sweep.
    const fresh = path.join(dir, 'sis-partial.zip');
    writeFileSync(fresh, 'PK');
    utimesSync(fresh, t.clock.now(), t.clock.now());
    expect(await sweepDropDir(t.db, opts)).toBe(1);
    expect(existsSync(path.join(dir, 'done', 'sis-monday.zip'))).toBe(true);
    expect(existsSync(fresh)).toBe(true);
    const active = await t.db.select().from(students).where(eq(students.districtId, districtId));
    expect(active).toHaveLength(3);
    rmSync(fresh);

    drop('sis-tuesday.zip', { 'users.csv': (text) => text.split('\r\n').filter((l) => !/^s-[12],/.test(l)).join('\r\n') });
    expect(await sweepDropDir(t.db, opts)).toBe(1);
    expect(existsSync(path.join(dir, 'needs-confirmation', 'sis-tuesday.zip'))).toBe(true);
    const jobs = await t.db.select().from(rosterImportJobs).where(eq(rosterImportJobs.districtId, districtId));
    expect(jobs.map((j) => [j.fileName, j.status]).sort()).toEqual([['sis-monday.zip', 'succeeded'], ['sis-tuesday.zip', 'needs_confirmation']]);
  });

  it('reads its folder and interval from the environment and refuses a nonsense interval', () => {
    expect(dropSettings({})).toBeNull();
    expect(dropSettings({ ROSTER_DROP_DIR: '/srv/sis', ROSTER_DROP_INTERVAL_MINUTES: '5' })).toEqual({ dir: '/srv/sis', everyMs: 300_000 });
    expect(() => dropSettings({ ROSTER_DROP_DIR: '/srv/sis', ROSTER_DROP_INTERVAL_MINUTES: '0' })).toThrow('ROSTER_DROP_INTERVAL_MINUTES');
  });
});
