import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox } from '../../db/schema/index.js';
import { createTestApp, signedInClient, type TestApp, type TestClient } from '../../test/app.js';
import { testEngine } from '../../test/database.js';
import { createDistrict, createUser } from '../../test/fixtures.js';
import { backupJobsSettled, runScheduledIfDue, type BackupDeps } from './backup.service.js';
import { scratchDir } from './backup.test-support.js';

const KEY = 'server backup key for tests';

describe(`backups from the running server (${testEngine()})`, { timeout: 300_000 }, () => {
  let t: TestApp;
  let sysadmin: TestClient;
  let director: TestClient;
  let backupDir: string;
  let deps: BackupDeps;

  beforeAll(async () => {
    // 2026-11-02 14:00 UTC is 08:00 in Chicago (standard time).
    t = await createTestApp({ now: new Date('2026-11-02T14:00:00Z') });
    const district = await createDistrict(t.db, { timezone: 'America/Chicago' });
    await createUser(t.db, { email: 'sysadmin-bk@example.test', districtId: district.id, grants: [{ role: 'sysadmin', schoolId: null }] });
    await createUser(t.db, { email: 'director-bk@example.test', districtId: district.id, grants: [{ role: 'director', schoolId: null }] });
    sysadmin = await signedInClient(t, 'sysadmin-bk@example.test');
    director = await signedInClient(t, 'director-bk@example.test');
    backupDir = scratchDir('server');
    deps = { database: t.database, config: t.config, clock: t.clock, log: { error: () => undefined, info: () => undefined } };
  }, 120_000);

  afterEach(() => {
    delete process.env.BACKUP_KEY;
    delete process.env.BACKUP_DIR;
  });

  afterAll(async () => {
    await backupJobsSettled();
    await t?.close();
    if (backupDir) rmSync(backupDir, { recursive: true, force: true });
  });

  const useKey = () => {
    process.env.BACKUP_KEY = KEY;
    process.env.BACKUP_DIR = backupDir;
  };

  it('answers 403 to anyone but a system administrator, for every backup route', async () => {
    for (const [method, url] of [['GET', '/api/backups'], ['PUT', '/api/backups/settings'], ['POST', '/api/backups'], ['POST', '/api/backups/00000000-0000-4000-8000-000000000000/verify'], ['GET', '/api/backups/health']] as const) {
      const res = await director.request(method, url, method === 'GET' ? undefined : { enabled: true, timeOfDay: '02:00', timeZone: 'America/Chicago', keep: 3 });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('validates the schedule: a time must be HH:MM, the zone known, keep 1..365', async () => {
    const bad = await sysadmin.put('/api/backups/settings', { enabled: true, timeOfDay: '25:00', timeZone: 'America/Chicago', keep: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.field).toBe('timeOfDay');
    const zone = await sysadmin.put('/api/backups/settings', { enabled: true, timeOfDay: '09:00', timeZone: 'Mars/Olympus', keep: 3 });
    expect(zone.status).toBe(400);
    expect(zone.body.error.field).toBe('timeZone');
    const keep = await sysadmin.put('/api/backups/settings', { enabled: true, timeOfDay: '09:00', timeZone: 'America/Chicago', keep: 0 });
    expect(keep.status).toBe(400);
    expect(keep.body.error.field).toBe('keep');
  });

  it('refuses "back up now" without BACKUP_KEY on the server (409 naming it)', async () => {
    const res = await sysadmin.post('/api/backups');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.field).toBe('BACKUP_KEY');
  });

  it('backs up now, lists the archive with its size, and verifies it in a scratch database (audited)', async () => {
    useKey();
    const started = await sysadmin.post('/api/backups');
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('running');
    await backupJobsSettled();
    const list = await sysadmin.get('/api/backups');
    expect(list.status).toBe(200);
    const run = list.body.runs.find((r: { id: string }) => r.id === started.body.id);
    expect(run).toMatchObject({ kind: 'manual', status: 'succeeded', error: null });
    expect(run.bytes).toBeGreaterThan(1000);
    expect(existsSync(path.join(backupDir, run.fileName))).toBe(true);
    expect(run.rows).toBeGreaterThan(0);

    const verify = await sysadmin.post(`/api/backups/${run.id}/verify`);
    expect(verify.status).toBe(202);
    expect(verify.body.verifyStatus).toBe('running');
    await backupJobsSettled();
    const after = (await sysadmin.get('/api/backups')).body.runs.find((r: { id: string }) => r.id === run.id);
    expect(after.verifyDetail).toMatch(/^All \d+ tables match/);
    expect(after.verifyStatus).toBe('passed');
    const types = (await t.db.select({ type: auditEvents.eventType }).from(auditEvents).where(eq(auditEvents.subjectId, run.id))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['backup.started', 'backup.succeeded', 'backup.verify_started', 'backup.verified']));
  }, 300_000);

  it('answers 404 for verifying an unknown backup', async () => {
    useKey();
    const res = await sysadmin.post('/api/backups/00000000-0000-4000-8000-000000000000/verify');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('takes the scheduled backup once a day at the local time, and keeps the newest N', async () => {
    useKey();
    const saved = await sysadmin.put('/api/backups/settings', { enabled: true, timeOfDay: '09:00', timeZone: 'America/Chicago', keep: 1 });
    expect(saved.status).toBe(200);
    expect(await runScheduledIfDue(deps)).toBeNull(); // 08:00 in Chicago: not yet
    expect((await sysadmin.get('/api/backups')).body.nextRunAt).toBe('2026-11-02T15:00:00.000Z');
    t.clock.advance(61 * 60 * 1000); // 09:01
    const first = await runScheduledIfDue(deps);
    expect(first).not.toBeNull();
    expect(await runScheduledIfDue(deps)).toBeNull(); // the day's backup is taken
    t.clock.advance(24 * 60 * 60 * 1000);
    const second = await runScheduledIfDue(deps);
    expect(second).not.toBeNull();
    // A day later the earlier session has expired (12 h): sign in again.
    sysadmin = await signedInClient(t, 'sysadmin-bk@example.test');
    const runs = (await sysadmin.get('/api/backups')).body.runs as { id: string; status: string; removed: boolean; fileName: string }[];
    const firstRun = runs.find((r) => r.id === first)!;
    const secondRun = runs.find((r) => r.id === second)!;
    expect(secondRun).toMatchObject({ status: 'succeeded', removed: false });
    expect(firstRun).toMatchObject({ status: 'succeeded', removed: true });
    expect(existsSync(path.join(backupDir, firstRun.fileName))).toBe(false);
    expect(existsSync(path.join(backupDir, secondRun.fileName))).toBe(true);
  }, 300_000);

  it('a failed scheduled backup shows on the home check and is e-mailed to the system administrators', async () => {
    useKey();
    const blocker = path.join(backupDir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the backup folder should be');
    process.env.BACKUP_DIR = blocker;
    t.clock.advance(24 * 60 * 60 * 1000);
    const id = await runScheduledIfDue(deps);
    expect(id).not.toBeNull();
    sysadmin = await signedInClient(t, 'sysadmin-bk@example.test');
    const health = await sysadmin.get('/api/backups/health');
    expect(health.status).toBe(200);
    expect(health.body.failed).toBe(true);
    expect(health.body.error).toMatch(/ENOTDIR|EEXIST|not a directory/);
    const page = await sysadmin.get('/api/backups');
    expect(page.body.lastScheduledFailed).toBe(true);
    const mail = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'backup.failed'), eq(outbox.toAddress, 'sysadmin-bk@example.test')));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('SRO Desk: the scheduled backup failed');
    const audited = await t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'backup.failed'), eq(auditEvents.subjectId, id!)));
    expect(audited.length).toBeGreaterThan(0);
  }, 300_000);
});
