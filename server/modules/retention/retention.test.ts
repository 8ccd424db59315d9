import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.js';
import { activityEntries, backupRuns, destructionReports, incidentAttachments, incidents, incidentVersions, storedFiles, tipLinks } from '../../db/schema/index.js';
import { ManualClock } from '../../lib/clock.js';
import { instantOf } from '../../lib/district-time.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createUser, uniqueSuffix } from '../../test/fixtures.js';
import { auditOf, createIncident, createWorld, type World } from '../incidents/incidents.test-support.js';
import { recordWithCopies } from '../sealing/sealing.test-support.js';
import { prune } from '../backup/backup.service.js';
import { purgeRunnerOf, runNightly } from './retention.job.js';

// One district (Texas defaults: incidents 10 years, activity entries 2) on America/Chicago; the clock is moved to
// 23:30 and 00:30 local around a cutoff day so the job is proven to count days by the district's clock.

const TZ = 'America/Chicago';
let w: World;
let admin: TestClient;
let rich: Awaited<ReturnType<typeof recordWithCopies>>;
let early: { id: string; number: string };
let late: { id: string; number: string };
let recent: { id: string; number: string };
let restarted: TestApp | undefined;

async function backdate(id: string, day: string, time: string) {
  await w.t.db.update(incidents).set({ occurredAt: instantOf(day, TZ, time) }).where(eq(incidents.id, id));
}

/** The job's clock at a local wall time (the app's clock, and so the sessions, stay where they are). */
const at = (day: string, time: string) => new ManualClock(instantOf(day, TZ, time));

async function reports() {
  const list = await admin.get('/api/retention/reports');
  expect(list.status).toBe(200);
  return list.body.items as { id: string; state: string; total: number; lines: { recordType: string; count: number; held: number; oldest: string; newest: string }[]; actions: { approve: boolean } }[];
}

beforeAll(async () => {
  w = await createWorld();
  const email = `sysadmin.${uniqueSuffix()}@isd.test`;
  await createUser(w.t.database, { email, name: 'District Admin', districtId: w.districtId, grants: [{ role: 'sysadmin', schoolId: null }] });
  admin = w.t.client();
  await admin.signIn(email);
  rich = await recordWithCopies(w);
  const made = async () => { const i = await createIncident(w, 'sro'); return { id: i.id as string, number: i.number as string }; };
  [early, recent] = [await made(), await made()];
  late = { id: rich.id, number: rich.number };
  // Cutoff at 2026-11-02 local is 2016-11-02: `early` is a day before it, `late` ten minutes into it.
  await backdate(early.id, '2016-11-01', '23:50');
  await backdate(late.id, '2016-11-02', '00:10');
  await backdate(recent.id, '2016-11-04', '12:00');
  await w.t.db.insert(activityEntries).values([
    { districtId: w.districtId, schoolId: w.north, userId: w.users.sro!, kind: 'mentoring', triadRole: 'mentoring', startedAt: instantOf('2024-10-01', TZ, '09:00'), durationMinutes: 30, title: 'Old', createdBy: w.users.sro! },
    { districtId: w.districtId, schoolId: w.north, userId: w.users.sro!, kind: 'mentoring', triadRole: 'mentoring', startedAt: instantOf('2025-12-01', TZ, '09:00'), durationMinutes: 30, title: 'Kept', createdBy: w.users.sro! },
  ]);
}, 180_000);
afterAll(async () => {
  await restarted?.close();
  await w?.t.close();
});

describe('retention schedules', () => {
  it('shows the Texas defaults with their citations, and validates an edit field by field', async () => {
    const list = await admin.get('/api/retention/schedules');
    expect(list.status).toBe(200);
    expect(list.body.state).toBe('TX');
    const adult = list.body.items.find((s: { recordType: string }) => s.recordType === 'incident_adult');
    expect(adult).toMatchObject({ years: 10, source: 'state' });
    expect(adult.stateDefault.citation).toMatch(/Local Schedule PS/);
    for (const [body, field] of [[{ years: 0 }, 'years'], [{ years: 101 }, 'years'], [{ years: 2.5 }, 'years'], [{}, 'years'], [{ years: 3, note: 'x'.repeat(501) }, 'note']] as const) {
      const bad = await admin.put('/api/retention/schedules', { recordType: 'activity_entry', ...body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.field).toBe(field);
    }
    expect((await admin.put('/api/retention/schedules', { recordType: 'not_a_type', years: 3 })).status).toBe(400);
    const set = await admin.put('/api/retention/schedules', { recordType: 'patrol_entry', years: 5, note: 'Board policy 2026-14' });
    expect(set.body).toMatchObject({ years: 5, source: 'district', note: 'Board policy 2026-14' });
    const reset = await admin.put('/api/retention/schedules', { recordType: 'patrol_entry', reset: true });
    expect(reset.body).toMatchObject({ years: 2, source: 'state' });
    const events = await auditOf(w, 'retention.schedule_changed');
    expect(events.map((e) => e.detail)).toEqual([
      { recordType: 'patrol_entry', before: 2, after: 5, source: 'district' }, { recordType: 'patrol_entry', before: 5, after: 2, source: 'state' },
    ]);
  });

  it('refuses teachers, SROs and counselors (and the director approving): they see no report and approve none', async () => {
    for (const who of ['staff', 'sro', 'counselor', 'principal']) {
      expect((await w.as[who]!.get('/api/retention/reports')).status, who).toBe(403);
      expect((await w.as[who]!.get('/api/retention/schedules')).status, who).toBe(403);
      expect((await w.as[who]!.post('/api/retention/holds', { recordKind: 'incident', record: early.number, reason: 'Litigation hold 2026-77' })).status, who).toBe(403);
    }
    expect((await w.as.director!.get('/api/retention/reports')).status).toBe(200);
  });
});

describe('the nightly job and the destruction report', () => {
  it('at 23:30 local lists only what is past retention by the district day; nothing is destroyed before approval', async () => {
    expect(await runNightly(w.t.db, at('2026-11-02', '23:30'))).toHaveLength(1);
    const [report] = await reports();
    expect(report!.state).toBe('pending');
    const line = report!.lines.find((l) => l.recordType === 'incident_adult')!;
    expect(line).toMatchObject({ count: 1, held: 0, oldest: '2016-11-01', newest: '2016-11-01' });
    expect(report!.lines.find((l) => l.recordType === 'activity_entry')).toMatchObject({ count: 1, oldest: '2024-10-01' });
    const numbers = await admin.get(`/api/retention/reports/${report!.id}/records?recordType=incident_adult`);
    expect(numbers.body).toEqual({ items: [{ id: early.id, label: early.number }], total: 1 });
    expect(await w.t.db.$count(incidents, eq(incidents.id, early.id))).toBe(1);
    // A second run the same night makes no second report while this one is undecided.
    expect(await runNightly(w.t.db, at('2026-11-02', '23:45'))).toEqual([]);
    const short = await admin.post(`/api/retention/reports/${report!.id}/reject`, { note: 'no' });
    expect(short.body.error.field).toBe('note');
    const rejected = await admin.post(`/api/retention/reports/${report!.id}/reject`, { note: 'Counsel asked to wait a day' });
    expect(rejected.body.state).toBe('rejected');
    expect(await w.t.db.$count(incidents, eq(incidents.id, early.id))).toBe(1);
  });

  it('a legal hold (director, reason required) keeps a record out of the next report at 00:30 local', async () => {
    const noReason = await w.as.director!.post('/api/retention/holds', { recordKind: 'incident', record: early.number, reason: 'short' });
    expect(noReason.body.error.field).toBe('reason');
    const unknown = await w.as.director!.post('/api/retention/holds', { recordKind: 'incident', record: '1999-999999', reason: 'Litigation hold 2026-77' });
    expect(unknown.body.error.field).toBe('record');
    const hold = await w.as.director!.post('/api/retention/holds', { recordKind: 'incident', record: early.number, reason: 'Litigation hold 2026-77' });
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({ label: early.number, actions: { lift: true } });
    expect((await w.as.director!.post('/api/retention/holds', { recordKind: 'incident', record: early.number, reason: 'Litigation hold 2026-77' })).status).toBe(409);
    // The record says it is held: its officer sees that (not why), the director also why; a record without a hold says nothing.
    const seenBySro = (await w.as.sro!.get(`/api/incidents/${early.id}`)).body;
    expect(seenBySro.legalHold).toEqual({ setAt: expect.any(String), reason: null });
    expect((await w.as.director!.get(`/api/incidents/${early.id}`)).body.legalHold).toMatchObject({ reason: 'Litigation hold 2026-77' });
    expect((await w.as.sro!.get(`/api/incidents/${recent.id}`)).body.legalHold).toBeNull();
    expect(await runNightly(w.t.db, at('2026-11-03', '00:30'))).toHaveLength(1);
    const [report] = await reports();
    expect(report!.lines.find((l) => l.recordType === 'incident_adult')).toMatchObject({ count: 1, held: 1, oldest: '2016-11-02' });
    const numbers = await admin.get(`/api/retention/reports/${report!.id}/records?recordType=incident_adult`);
    expect(numbers.body.items).toEqual([{ id: late.id, label: late.number }]);
    expect(report!.actions.approve).toBe(true);
    // The director sees the report but may not approve it: no button, and the server refuses.
    const seen = (await w.as.director!.get('/api/retention/reports')).body.items[0];
    expect(seen.actions.approve).toBe(false);
    expect((await w.as.director!.post(`/api/retention/reports/${report!.id}/approve`, {})).status).toBe(403);
    expect((await w.as.sro!.post(`/api/retention/reports/${report!.id}/approve`, {})).status).toBe(403);
  });

  it('approval purges rows, files, versions, links and search entries; counts audited; a second approval is refused', async () => {
    const [report] = await reports();
    const [file] = await w.t.db.select({ key: incidentAttachments.storageKey }).from(incidentAttachments).where(eq(incidentAttachments.incidentId, late.id));
    expect(await w.t.db.$count(incidentVersions, eq(incidentVersions.incidentId, late.id))).toBeGreaterThan(0);
    const approved = await admin.post(`/api/retention/reports/${report!.id}/approve`, { note: 'Per schedule' });
    expect(approved.status).toBe(200);
    expect((await admin.post(`/api/retention/reports/${report!.id}/approve`, {})).status).toBe(409);
    await purgeRunnerOf(w.t.db).settled();
    const [done] = await reports();
    expect(done!.state).toBe('purged');
    expect(done!.lines.find((l) => l.recordType === 'incident_adult')).toMatchObject({ purged: 1 });
    expect(await w.t.db.$count(incidents, eq(incidents.id, late.id))).toBe(0);
    expect(await w.t.db.$count(incidentVersions, eq(incidentVersions.incidentId, late.id))).toBe(0);
    expect(await w.t.db.$count(storedFiles, eq(storedFiles.key, file!.key!))).toBe(0);
    expect(await w.t.db.$count(tipLinks, eq(tipLinks.targetId, late.id))).toBe(0);
    const search = rows<{ n: string }>(await w.t.db.execute(sql`select count(*) as n from incidents where search_all @@ plainto_tsquery('simple', 'xylophonic')`));
    expect(Number(search[0]!.n)).toBe(0);
    // Held, not yet expired and the kept activity entry stay.
    expect(await w.t.db.$count(incidents, eq(incidents.id, early.id))).toBe(1);
    expect(await w.t.db.$count(incidents, eq(incidents.id, recent.id))).toBe(1);
    expect(await w.t.db.$count(activityEntries)).toBe(1);
    const purged = await auditOf(w, 'retention.purged', report!.id);
    expect(purged.map((e) => e.detail).sort((a, b) => String(a!.recordType).localeCompare(String(b!.recordType)))).toEqual([
      { recordType: 'activity_entry', batch: 0, count: 1, held: 0, files: 0 },
      { recordType: 'incident_adult', batch: 0, count: 1, held: 0, files: 1 },
    ]);
    expect(JSON.stringify(purged)).not.toContain(late.number);
  });

  it('a purge a crash left half-way is finished by the next start', async () => {
    await w.as.director!.post(`/api/retention/holds/${(await w.as.director!.get('/api/retention/holds')).body.items[0].id}/lift`, { reason: 'Litigation settled 2026-12' });
    expect(await runNightly(w.t.db, at('2026-11-04', '02:00'))).toHaveLength(1);
    const [report] = await reports();
    // The approval commits, then the process "dies" before the purge runs.
    await w.t.db.update(destructionReports).set({ state: 'approved' }).where(eq(destructionReports.id, report!.id));
    expect(await w.t.db.$count(incidents, eq(incidents.id, early.id))).toBe(1);
    restarted = await createTestApp({ database: w.t.database });
    await purgeRunnerOf(w.t.db).settled();
    expect(await w.t.db.$count(incidents, eq(incidents.id, early.id))).toBe(0);
    const [row] = await w.t.db.select().from(destructionReports).where(eq(destructionReports.id, report!.id));
    expect(row!.state).toBe('purged');
  });
});

describe('backups and the longest schedule', () => {
  it('a backup older than the longest schedule in force (Texas: 10 years) expires; a younger one stays', async () => {
    const [old, young] = await w.t.db.insert(backupRuns).values([
      { kind: 'manual', status: 'succeeded', fileName: 'sro-desk-2016.tar.enc', startedAt: new Date('2016-10-01T08:00:00Z') },
      { kind: 'manual', status: 'succeeded', fileName: 'sro-desk-2025.tar.enc', startedAt: new Date('2025-10-01T08:00:00Z') },
    ]).returning();
    await prune({ database: w.t.database, clock: w.t.clock }, w.t.config.dataDir);
    const after = await w.t.db.select().from(backupRuns);
    expect(after.find((r) => r.id === old!.id)!.deletedAt).not.toBeNull();
    expect(after.find((r) => r.id === young!.id)!.deletedAt).toBeNull();
  });
});
