import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../db/connection.js';
import { alertCheckIns, alertSettings, alertTimeline, auditEvents, incidents, incidentVersions, tips } from '../db/schema/index.js';
import { codeHash } from '../modules/tips/tips.anonymity.js';
import { adminUrl, TEST_TMP, testEngine } from '../test/database.js';
import { createDistrict, createSchool, createUser, TEST_PASSWORD } from '../test/fixtures.js';
import { checkIn, createIncident, submitPublicTip, tally, writeUntilCut, type Stop } from './crash.support.js';
import { freePort, killAll, ProcessClient, startServer, waitFor, type ServerProcess } from './test-process.js';

// kill -9 of the real server process in the middle of concurrent writes (incidents, public tips, check-ins
// during an active alert), then a restart on the same data. Every write the client saw acknowledged must be
// there, and nothing half-written may be: each incident has its audit event and first version, each tip its
// number and audit event, each person one check-in whose timeline entries match the audit. The engine is the
// run's (TEST_DB): an embedded data folder, or a fresh database on the PostgreSQL server.

const engine = testEngine();
const WRITERS = { incidents: 3, tips: 3, checkIns: 4 };
/** Acknowledged writes of each kind wanted before the kill, so it lands mid-stream and not before the first. */
const ACKS_BEFORE_KILL = 4;
const created: string[] = [];

afterAll(async () => {
  killAll();
  if (created.length === 0) return;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
  for (const name of created) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

/** Where the server keeps its data: env for the process, and how the test opens the same database. */
async function storage(): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
  mkdirSync(TEST_TMP, { recursive: true });
  const dataDir = mkdtempSync(path.join(TEST_TMP, 'crash-'));
  if (engine === 'pglite') return { env: { DATA_DIR: dataDir }, open: () => openPglite({ dataDir: path.join(dataDir, 'pglite') }) };
  const name = `srodesk_crash_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  created.push(name);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() }, open: async () => openPostgres(url.toString(), { max: 2 }) };
}

/** A district with one school, SROs who write incidents, staff who check in, and alerts announced at once. */
async function seed(database: Database) {
  await database.migrate();
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id });
  await database.db.insert(alertSettings).values({ districtId: district.id, cancelWindowSeconds: 0 });
  const tag = district.id.slice(0, 8);
  const person = async (role: 'sro' | 'staff', i: number) => {
    const email = `${role}${i}.${tag}@crash.test`;
    const user = await createUser(database, { email, districtId: district.id, grants: [{ role, schoolId: school.id }] });
    return { id: user.id, email };
  };
  const sros = [];
  for (let i = 0; i < WRITERS.incidents; i++) sros.push(await person('sro', i));
  const staff = [];
  for (let i = 0; i < WRITERS.checkIns; i++) staff.push(await person('staff', i));
  return { districtId: district.id, schoolId: school.id, sros, staff };
}

async function signedIn(port: number, email: string): Promise<ProcessClient> {
  const client = new ProcessClient(port);
  await client.signIn(email, TEST_PASSWORD);
  return client;
}

type Kind = 'incidents' | 'tips' | 'checkIns';
/** Each life of the server ends by kill -9 the instant after an acknowledgement of this kind, in turn. */
const KILLED_AFTER: Kind[] = ['incidents', 'tips', 'checkIns'];

describe(`kill -9 during concurrent writes (${engine})`, () => {
  it('keeps every acknowledged incident, tip and check-in after each restart, and nothing half-written', async () => {
    const store = await storage();
    const setup = await store.open();
    const world = await seed(setup).finally(() => setup.close());
    // The same secrets for every life of the server, as a deployment keeps them; budgets loose enough that no
    // writer is throttled (the proof of work is still solved if a token asks for one).
    const env = {
      ...store.env, SESSION_SECRET: `crash-test-secret-${randomBytes(16).toString('hex')}`, MASTER_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_SCALE: '100', PORT: String(await freePort()),
    };
    const port = Number(env.PORT);
    const made = tally<string>();
    const filed = tally<string>();
    const checked = world.staff.map(() => tally<number>());
    /** Every count each person sent: the stored check-in holds the last acknowledged one or a later one cut by a kill. */
    const sent = world.staff.map(() => [] as number[]);
    let alertId = '';

    for (const trigger of KILLED_AFTER) {
      const server: ServerProcess = startServer(env);
      await waitFor(port);
      if (!alertId) {
        const raised = await (await signedIn(port, world.sros[0]!.email)).request('POST', '/api/alerts', { action: 'lockdown', schoolIds: [world.schoolId], drill: true });
        expect(raised.status, raised.bytes.toString()).toBe(201);
        expect(raised.json().status).toBe('active');
        alertId = String(raised.json().id);
      }
      const reporters = await Promise.all(world.sros.map((s) => signedIn(port, s.email)));
      const staff = await Promise.all(world.staff.map((s) => signedIn(port, s.email)));
      const stop: Stop = { now: false };
      const acks: Record<Kind, number> = { incidents: 0, tips: 0, checkIns: 0 };
      // Killed in the instant after an acknowledgement of the trigger kind, once every kind has been acknowledged:
      // a server that answered before its commit loses that write.
      const acked = (kind: Kind) => () => {
        acks[kind]++;
        if (stop.now || kind !== trigger || acks[trigger] < ACKS_BEFORE_KILL || Object.values(acks).some((n) => n === 0)) return;
        server.child.kill('SIGKILL');
        stop.now = true;
      };
      const writers = [
        ...reporters.map((c, w) => writeUntilCut(made, stop, (i) => createIncident(c, world.schoolId, w * 10_000 + i), acked('incidents'))),
        ...Array.from({ length: WRITERS.tips }, (_, w) => {
          const anonymous = new ProcessClient(port);
          return writeUntilCut(filed, stop, (i) => submitPublicTip(anonymous, world.schoolId, w * 10_000 + i), acked('tips'));
        }),
        ...staff.map((c, w) => writeUntilCut(checked[w]!, stop, () => {
          const n = (sent[w]!.at(-1) ?? 0) + 1;
          sent[w]!.push(n);
          return checkIn(c, alertId, n);
        }, acked('checkIns'))),
      ];
      const giveUp = setTimeout(() => server.child.kill('SIGKILL'), 60_000);
      await server.exit;
      clearTimeout(giveUp);
      stop.now = true;
      await Promise.all(writers);
      expect(acks[trigger], `${trigger} acknowledged before the kill`).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    }

    const all = [made, filed, ...checked];
    expect(all.flatMap((t) => t.serverErrors)).toEqual([]);
    // Nothing is refused either (every write is valid and within its budgets).
    expect(all.flatMap((t) => Object.keys(t.statuses)).filter((s) => !s.startsWith('2'))).toEqual([]);
    // The kills cut requests in flight: they happened mid-stream.
    expect(all.reduce((n, t) => n + t.cut, 0)).toBeGreaterThanOrEqual(KILLED_AFTER.length);

    // The last restart recovers the data and serves the acknowledged records.
    const last = startServer(env);
    await waitFor(port);
    const reader = await signedIn(port, world.sros[0]!.email);
    for (const id of made.acked) expect((await reader.request('GET', `/api/incidents/${id}`)).status, `incident ${id}`).toBe(200);
    last.child.kill('SIGTERM');
    expect(await last.exit).toBe(0);

    const after = await store.open();
    try {
      const { db } = after;
      // Incidents: every acknowledged one is there; every stored one has its created event and first version.
      const stored = await db.select({ id: incidents.id, number: incidents.number }).from(incidents).where(eq(incidents.districtId, world.districtId));
      const ids = new Set(stored.map((r) => r.id));
      expect(made.acked.filter((id) => !ids.has(id))).toEqual([]);
      expect(new Set(stored.map((r) => r.number)).size).toBe(stored.length);
      const createdEvents = await db.select({ id: auditEvents.subjectId, n: sql<number>`count(*)::int` }).from(auditEvents)
        .where(and(eq(auditEvents.eventType, 'incident.created'), eq(auditEvents.districtId, world.districtId))).groupBy(auditEvents.subjectId);
      expect(new Map(createdEvents.map((e) => [e.id, e.n]))).toEqual(new Map(stored.map((r) => [r.id, 1])));
      const versions = stored.length === 0 ? [] : await db.select({ id: incidentVersions.incidentId }).from(incidentVersions)
        .where(and(inArray(incidentVersions.incidentId, [...ids]), eq(incidentVersions.event, 'created')));
      expect(versions.map((v) => v.id).sort()).toEqual([...ids].sort());

      // Tips: every acknowledged receipt's code finds its tip; every tip has a number and its submitted event.
      const filedTips = await db.select({ id: tips.id, number: tips.number, codeHash: tips.codeHash }).from(tips).where(eq(tips.schoolId, world.schoolId));
      const hashes = new Set(filedTips.map((t) => t.codeHash));
      expect(filed.acked.filter((code) => !hashes.has(codeHash(code)))).toEqual([]);
      expect(filedTips.every((t) => t.number.length > 0)).toBe(true);
      expect(new Set(filedTips.map((t) => t.number)).size).toBe(filedTips.length);
      const submitted = await db.select({ id: auditEvents.subjectId }).from(auditEvents)
        .where(and(eq(auditEvents.eventType, 'tip.submitted'), eq(auditEvents.schoolId, world.schoolId)));
      expect(submitted.map((e) => e.id).sort()).toEqual(filedTips.map((t) => t.id).sort());

      // Check-ins: one row per person, holding the last acknowledged count or the one in flight; the alert's
      // timeline and the audit log hold as many check-ins of that person as each other, at least as many as acknowledged.
      const rows = await db.select().from(alertCheckIns).where(eq(alertCheckIns.alertId, alertId));
      const timeline = await db.select({ actorId: alertTimeline.actorId }).from(alertTimeline)
        .where(and(eq(alertTimeline.alertId, alertId), eq(alertTimeline.kind, 'check_in')));
      const audited = await db.select({ actorId: auditEvents.actorUserId }).from(auditEvents)
        .where(and(eq(auditEvents.eventType, 'alert.checked_in'), eq(auditEvents.subjectId, alertId)));
      world.staff.forEach((person, w) => {
        const acked = checked[w]!.acked;
        const mine = rows.filter((r) => r.userId === person.id);
        expect(mine.length, person.email).toBeLessThanOrEqual(1);
        if (acked.length > 0) expect(mine, person.email).toHaveLength(1);
        const last = acked.at(-1) ?? 0;
        if (mine[0]) expect(sent[w]!.filter((n) => n >= last), person.email).toContain(mine[0].studentsWithMe);
        const inTimeline = timeline.filter((t) => t.actorId === person.id).length;
        expect(audited.filter((a) => a.actorId === person.id).length, person.email).toBe(inTimeline);
        // Each kill cuts at most one check-in per person, which may or may not have committed.
        expect(inTimeline, person.email).toBeGreaterThanOrEqual(acked.length);
        expect(inTimeline, person.email).toBeLessThanOrEqual(acked.length + KILLED_AFTER.length);
      });
    } finally {
      await after.close();
    }
  }, 420_000);
});
