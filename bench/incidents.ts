// Incident list, search and view at district scale, and create throughput. A district of 100 schools gets
// 1,000,000 incidents on PostgreSQL and 100,000 on PGlite (--quick: 5,000), generated in SQL with
// generate_series. Measured through HTTP against a running app: a filtered first page, a page 500 deep
// (keyset cursor), a full-text search and an incident view (median and p95); then POST /api/incidents
// against a raw insert of the same rows on the same database in the same run.
// Goals: list and search under 50 ms median on PostgreSQL; create >= 1/3 of the raw insert rate.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { buildApp } from '../server/app.js';
import { MIGRATIONS_DIR, openPglite, openPostgres, rows, type Database } from '../server/db/connection.js';
import { auditEvents, incidentOffenses, incidentPersons, incidents, incidentVersions } from '../server/db/schema/index.js';
import { nextNumber } from '../server/modules/incidents/incidents.repository.js';
import { encodeCursor } from '../server/modules/incidents/search.repository.js';
import { testConfig } from '../server/test/app.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createUser, TEST_PASSWORD } from '../server/test/fixtures.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const SIZES = { postgres: quick ? 5_000 : 1_000_000, pglite: quick ? 5_000 : 100_000 };
const SAMPLES = quick ? 25 : 200;
const CREATES = quick ? 40 : 400;
const PAGE = 50;
const DEEP_PAGES = 500;
const GOALS = { listMedianMs: 50, createRatio: 1 / 3 };

const WORDS = `student officer hallway cafeteria locker backpack phone fight argument pushed punched teacher counselor parent
  vape device restroom smell marijuana pills knife threat message social media video camera parking bus lunch gym class
  office principal witness statement injury nurse ambulance graffiti damage theft wallet earbuds trespass gate fence visitor
  bullying harassment rumor friend group dismissal arrival morning afternoon stairs library field bleachers cooperative
  refused admitted denied recovered returned secured evidence photographs interview detention suspension referral warning`.split(/\s+/).filter(Boolean);
const SURNAMES = Array.from({ length: 400 }, (_, i) => `${['Gar', 'Smi', 'John', 'Ngu', 'Will', 'Bro', 'Lop', 'Dav', 'Mar', 'Rob'][i % 10]}${['cia', 'th', 'son', 'yen', 'iams', 'wn', 'ez', 'is', 'tin', 'erts'][Math.floor(i / 10) % 10]}${['', 'ley', 'ford', 'man'][Math.floor(i / 100)]}`);
const FIRST = ['Ana', 'Ben', 'Carla', 'Dev', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya'];

interface Engine { database: Database; label: string; kind: 'pglite' | 'postgres'; dispose(): Promise<void> }

async function pgliteEngine(): Promise<Engine> {
  const dir = path.join(TEST_TMP, `bench-incidents-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const database = await openPglite({ dataDir: dir });
  await database.migrate();
  return { database, kind: 'pglite', label: 'PGlite (data folder on disk)', dispose: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function postgresEngine(url: string): Promise<Engine> {
  const name = `srodesk_bench_inc_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  await database.migrate();
  return {
    database, kind: 'postgres', label: `PostgreSQL (${target.host})`,
    dispose: async () => { await database.close(); await admin.unsafe(`drop database if exists "${name}" with (force)`); await admin.end({ timeout: 5 }); },
  };
}

/** The CREATE INDEX statements of the incidents table, read from the migration that made them. */
function incidentIndexes(): { name: string; ddl: string }[] {
  // By its tag, not its number: merges renumber migrations.
  const file = readdirSync(MIGRATIONS_DIR).find((f) => /^\d{4}_incidents\.sql$/.test(f));
  if (!file) throw new Error(`no *_incidents.sql migration in ${MIGRATIONS_DIR}`);
  const text = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
  return [...text.matchAll(/CREATE (?:UNIQUE )?INDEX "(incidents_[a-z_]+)" ON "incidents"[^;]*;/g)].map((m) => ({ name: m[1]!, ddl: m[0].replace(/;$/, '') }));
}

const textArray = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`);

/** Generates `n` incidents (with a person and an offense each) over five years in SQL, indexes built after the load. */
async function generate(database: Database, districtId: string, schoolIds: string[], authorId: string, n: number) {
  const { db } = database;
  const indexes = incidentIndexes().filter((i) => i.name !== 'incidents_number_key');
  for (const index of indexes) await db.execute(sql.raw(`drop index if exists "${index.name}"`));
  const chunk = database.kind === 'postgres' ? 100_000 : 20_000;
  const perYear = Math.ceil(n / 5);
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk) - 1;
    await db.execute(sql`
      with src as (
        select g, overlay(overlay(md5(${districtId}::text || g) placing '4' from 13) placing '8' from 17)::uuid as id, (${sql.raw(`array[${schoolIds.map((s) => `'${s}'::uuid`).join(',')}]`)})[1 + g % ${schoolIds.length}] as school_id,
          2021 + g % 5 as year, g / 5 + 1 as seq,
          (${textArray(FIRST)})[1 + (g * 7) % ${FIRST.length}] as first_name,
          (${textArray(SURNAMES)})[1 + (g * 13) % ${SURNAMES.length}] as last_name,
          (select string_agg((${textArray(WORDS)})[1 + ((g * 31 + k * 7919) % ${WORDS.length})], ' ') from generate_series(1, 28) k) as narrative,
          (${textArray(['fight', 'vaping', 'theft', 'bullying', 'trespass', 'vandalism', 'drugs', 'threat'])})[1 + g % 8] as category
        from generate_series(${from}::int, ${to}::int) g
      )
      insert into incidents (id, district_id, school_id, number, on_campus, location_code, occurred_at, summary, narrative, status, version,
        has_juvenile, offense_keys, author_id, created_at, updated_at, sealed_at, sealed_reason, search_public, search_all)
      select id, ${districtId}, school_id, year || '-' || lpad(seq::text, 6, '0'), true, '53',
        make_timestamptz(year, 1, 1, 8, 0, 0, 'UTC') + (seq::float8 / ${perYear + 1} * 364 * 86400 + g % 28800) * interval '1 second',
        initcap(category) || ' reported by staff', narrative,
        (array['approved','approved','approved','approved','approved','approved','submitted','draft','returned','approved'])[1 + g % 10]::incident_status,
        1 + g % 4, g % 3 = 0, array['school:' || category], ${authorId}, now(), now(),
        case when g % 100 = 99 then now() end, case when g % 100 = 99 then 'bench' end,
        setweight(to_tsvector('english', year || '-' || lpad(seq::text, 6, '0') || ' ' || first_name || ' ' || last_name), 'A')
          || setweight(to_tsvector('english', initcap(category) || ' reported by staff'), 'B'),
        setweight(to_tsvector('english', year || '-' || lpad(seq::text, 6, '0') || ' ' || first_name || ' ' || last_name), 'A')
          || setweight(to_tsvector('english', initcap(category) || ' reported by staff'), 'B') || setweight(to_tsvector('english', narrative), 'D')
      from src`);
    await db.execute(sql`
      insert into incident_persons (incident_id, position, kind, role, first_name, last_name, juvenile)
      select overlay(overlay(md5(${districtId}::text || g) placing '4' from 13) placing '8' from 17)::uuid, 0, 'visitor', 'suspect', (${textArray(FIRST)})[1 + (g * 7) % ${FIRST.length}],
        (${textArray(SURNAMES)})[1 + (g * 13) % ${SURNAMES.length}], false
      from generate_series(${from}::int, ${to}::int) g`);
    await db.execute(sql`
      insert into incident_offenses (incident_id, position, kind, category)
      select overlay(overlay(md5(${districtId}::text || g) placing '4' from 13) placing '8' from 17)::uuid, 0, 'school', (array['fight','vaping','theft','bullying','trespass','vandalism','drugs','threat'])[1 + g % 8]::school_safety_category
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`insert into record_counters (district_id, kind, year, last_value)
    select ${districtId}, 'incident', y, ${perYear + 10} from generate_series(2021, 2026) y on conflict do nothing`);
  for (const index of indexes) await db.execute(sql.raw(index.ddl));
  await db.execute(sql`analyze incidents`);
  await db.execute(sql`analyze incident_persons`);
}

async function signIn(base: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const health = await fetch(`${base}/api/health`);
  const csrf = health.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_csrf='))!;
  const token = csrf.slice('sro_csrf='.length);
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': token }, body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_session='));
  return { cookie: `${csrf}; ${session}`, csrf: token };
}

/** Median and p95 of sequential GETs of `urls` (round robin), after a short warm-up. */
async function latency(urls: string[], cookie: string) {
  const get = async (url: string) => {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await get(urls[i % urls.length]!);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push(await get(urls[i % urls.length]!));
  times.sort((a, b) => a - b);
  return { medianMs: round(median(times), 2), p95Ms: round(times[Math.floor(times.length * 0.95)]!, 2) };
}

async function measure(engine: Engine) {
  const { database } = engine;
  const n = SIZES[engine.kind];
  const district = await createDistrict(database);
  const schoolRows = rows<{ id: string }>(await database.db.execute(sql`
    insert into schools (district_id, nces_id, name, level, grade_low, grade_high, street, city, state, zip, phone)
    select ${district.id}, 'B' || ${process.pid}::text || lpad(g::text, 4, '0') || ${randomBytes(2).toString('hex')}, 'Bench School ' || g, 'high', 9, 12,
      '1 Main St', 'Austin', 'TX', '78701', '512-555-0100' from generate_series(1, 100) g returning id`));
  const schoolIds = schoolRows.map((r) => r.id);
  const tag = `${process.pid}-${randomBytes(2).toString('hex')}`;
  const supervisor = `sup-${tag}@bench.test`;
  const sroEmail = `sro-${tag}@bench.test`;
  await createUser(database, { email: supervisor, districtId: district.id, grants: [{ role: 'supervisor', schoolId: null }] });
  const sro = await createUser(database, { email: sroEmail, districtId: district.id, grants: [{ role: 'sro', schoolId: schoolIds[0]! }] });
  const started = performance.now();
  await generate(database, district.id, schoolIds, sro.id, n);
  const generateSeconds = round((performance.now() - started) / 1000, 1);
  console.log(`  generated ${n.toLocaleString('en-US')} incidents in ${generateSeconds} s`);

  const app = await buildApp({ config: testConfig({ LOG_LEVEL: process.env.BENCH_LOG ?? 'silent' }), database, logger: Boolean(process.env.BENCH_LOG) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const reader = await signIn(base, supervisor);
    const depth = Math.min(DEEP_PAGES, Math.floor(n / PAGE) - 2);
    const [deepRow] = rows<{ occurred_at: string | Date; id: string }>(await database.db.execute(sql`
      select occurred_at, id from incidents where district_id = ${district.id} and sealed_at is null
      order by occurred_at desc, id desc offset ${depth * PAGE - 1} limit 1`));
    const deepCursor = encodeCursor([new Date(deepRow!.occurred_at).toISOString(), deepRow!.id]);
    const sample = rows<{ id: string }>(await database.db.execute(sql`
      select id from incidents where district_id = ${district.id} and sealed_at is null and (hashtext(id::text) % 97) = 0 limit ${SAMPLES}`));
    const figures = {
      incidents: n, schools: 100, generateSeconds, deepPage: depth,
      filteredFirstPage: await latency(schoolIds.slice(0, 20).map((s) => `${base}/api/incidents?schoolId=${s}&status=approved`), reader.cookie),
      deepPageMs: await latency([`${base}/api/incidents?cursor=${deepCursor}`], reader.cookie),
      search: await latency(['locker', 'garcia', 'knife witness', 'smithley', 'graffiti', 'phone -stairs'].map((q) => `${base}/api/incidents?q=${encodeURIComponent(q)}`), reader.cookie),
      view: await latency(sample.map((r) => `${base}/api/incidents/${r.id}`), reader.cookie),
      create: await createThroughput(database, base, await signIn(base, sroEmail), district.id, schoolIds[0]!, sro.id),
    };
    return figures;
  } finally {
    await app.close();
  }
}

/**
 * POST /api/incidents against a raw insert of the same rows the API stores (counter, incident with its search
 * vectors, offense, person, version snapshot, audit event), one transaction each, with no reads.
 */
async function createThroughput(database: Database, base: string, session: { cookie: string; csrf: string }, districtId: string, schoolId: string, authorId: string) {
  const body = (i: number) => ({
    schoolId, occurredAt: '2026-01-15T10:00:00Z', summary: `Bench incident ${i}`, narrative: `A student reported a stolen phone from locker ${i}.`,
    offenses: [{ kind: 'school', category: 'theft' }], persons: [{ kind: 'visitor', role: 'suspect', firstName: 'Bench', lastName: `Person${i}` }],
  });
  let started = performance.now();
  for (let i = 0; i < CREATES; i++) {
    const res = await fetch(`${base}/api/incidents`, {
      method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body(i)),
    });
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
  const apiPerSecond = CREATES / ((performance.now() - started) / 1000);
  started = performance.now();
  for (let i = 0; i < CREATES; i++) {
    const b = body(i);
    await database.db.transaction(async (tx) => {
      const seq = await nextNumber(tx, districtId, 'incident', 2026);
      const [row] = await tx.insert(incidents).values({
        districtId, schoolId, number: `2026-${String(seq).padStart(6, '0')}`, locationCode: '53', occurredAt: new Date(b.occurredAt), summary: b.summary,
        narrative: b.narrative, offenseKeys: ['school:theft'], authorId,
        searchPublic: sql`setweight(to_tsvector('english', ${`${seq} Bench Person${i}`}), 'A') || setweight(to_tsvector('english', ${b.summary}), 'B')` as never,
        searchAll: sql`setweight(to_tsvector('english', ${`${seq} Bench Person${i}`}), 'A') || setweight(to_tsvector('english', ${b.summary}), 'B') || setweight(to_tsvector('english', ${b.narrative}), 'D')` as never,
      }).returning({ id: incidents.id });
      await tx.insert(incidentOffenses).values({ incidentId: row!.id, position: 0, kind: 'school', category: 'theft' });
      await tx.insert(incidentPersons).values({ incidentId: row!.id, position: 0, kind: 'visitor', role: 'suspect', firstName: 'Bench', lastName: `Person${i}` });
      await tx.insert(incidentVersions).values({ incidentId: row!.id, version: 1, status: 'draft', event: 'created', snapshot: b, savedById: authorId, savedAt: new Date() });
      await tx.insert(auditEvents).values({ districtId, actorUserId: authorId, actorLabel: 'bench', eventType: 'incident.created', schoolId, subjectType: 'incident', subjectId: row!.id, detail: { seq } });
    });
  }
  const rawPerSecond = CREATES / ((performance.now() - started) / 1000);
  return { count: CREATES, apiPerSecond: round(apiPerSecond), rawPerSecond: round(rawPerSecond), ratio: round(apiPerSecond / rawPerSecond, 3) };
}

async function main() {
  console.log(`incidents${quick ? ' (quick)' : ''}: 100 schools; ${SAMPLES} sequential requests per figure; ${CREATES} creates`);
  const results: Record<string, unknown> = {};
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const engines: [string, () => Promise<Engine>][] = [['pglite', pgliteEngine]];
  if (pgUrl) engines.push(['postgres', () => postgresEngine(pgUrl)]);
  else results.postgres = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure it' };
  for (const [name, open] of engines) {
    const engine = await open();
    try {
      console.log(`${engine.label}:`);
      const f = await measure(engine);
      results[name] = f;
      console.log(`  filtered first page ${f.filteredFirstPage.medianMs} ms (p95 ${f.filteredFirstPage.p95Ms}), page ${f.deepPage} deep ${f.deepPageMs.medianMs} ms (p95 ${f.deepPageMs.p95Ms}), ` +
        `search ${f.search.medianMs} ms (p95 ${f.search.p95Ms}), view ${f.view.medianMs} ms (p95 ${f.view.p95Ms})`);
      console.log(`  create: API ${f.create.apiPerSecond}/s, raw insert ${f.create.rawPerSecond}/s, ratio ${f.create.ratio} (goal >= ${round(GOALS.createRatio, 3)})`);
    } finally {
      await engine.dispose();
    }
  }
  const pg = results.postgres as Awaited<ReturnType<typeof measure>> | { skipped: string };
  const met = 'skipped' in pg ? null : {
    list: pg.filteredFirstPage.medianMs < GOALS.listMedianMs && pg.deepPageMs.medianMs < GOALS.listMedianMs,
    search: pg.search.medianMs < GOALS.listMedianMs,
    create: pg.create.ratio >= GOALS.createRatio,
  };
  printFigures({ bench: 'incidents', quick, ...results, goals: { ...GOALS, measuredOn: 'postgres', met } });
}

await main();
