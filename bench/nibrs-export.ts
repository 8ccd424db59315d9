// NIBRS submission at agency scale: one month of a 1,000-officer agency (20,000 approved incidents with offense,
// victim, offender, arrestee and property segments; --quick: 1,000), generated in SQL. Measures the month's
// export as the route builds it (one query, the edit table on every incident, the XML, the structure check)
// against a raw SELECT of the same rows with their children, in the same run, interleaved.
// Goal: under 10 s and within 5x of the raw SELECT on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPglite, openPostgres, rows, type Database } from '../server/db/connection.js';
import { nibrsIssues } from '../server/modules/incidents/nibrs.edits.js';
import { findMonth } from '../server/modules/nibrs/nibrs.repository.js';
import { checkSubmission } from '../server/modules/nibrs/nibrs.structure.js';
import { incidentXml, reportOfRow, submissionXml } from '../server/modules/nibrs/nibrs.xml.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createSchool, createUser } from '../server/test/fixtures.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const INCIDENTS = quick ? 1_000 : 20_000;
const ROUNDS = quick ? 3 : 5;
const GOAL_MS = 10_000;
const GOAL_RATIO = 5;
const FROM = '2026-10-01T05:00:00Z';
const TO = '2026-11-01T05:00:00Z';

interface Engine { database: Database; label: string; dispose(): Promise<void> }

async function pgliteEngine(): Promise<Engine> {
  const dir = path.join(TEST_TMP, `bench-nibrs-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const database = await openPglite({ dataDir: dir });
  await database.migrate();
  return { database, label: 'PGlite (data folder on disk)', dispose: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function postgresEngine(url: string): Promise<Engine> {
  const name = `srodesk_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  await database.migrate();
  return {
    database, label: `PostgreSQL (${target.host})`,
    dispose: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** The agency's month: incidents spread over the month, each a complete juvenile arrest for simple assault. */
async function build(database: Database) {
  const district = await createDistrict(database, { name: `Bench ISD ${process.pid}` });
  const school = await createSchool(database, { districtId: district.id, name: 'Bench High' });
  const author = await createUser(database, { email: `bench.${process.pid}@isd.test`, name: 'Bench SRO', districtId: district.id, grants: [{ role: 'sro', schoolId: school.id }] });
  const db = database.db;
  await db.execute(sql`
    insert into incidents (id, district_id, school_id, number, location_code, occurred_at, summary, narrative, status, version, author_id,
      property, approved_at)
    select gen_random_uuid(), ${district.id}, ${school.id}, '2026-' || lpad(g::text, 6, '0'), '53',
      ${FROM}::timestamptz + (g * interval '2 minutes'), 'Fight', 'Narrative', 'approved', 3, ${author.id},
      '[{"lossType":"4","description":"26","value":120,"recoveredOn":null,"text":"Phone screen","drug":null}]'::jsonb, ${FROM}::timestamptz
    from generate_series(1, ${INCIDENTS}) g`);
  await db.execute(sql`
    insert into incident_offenses (incident_id, position, kind, nibrs_code, attempted, weapon_force, nibrs)
    select id, 0, 'nibrs', '13B', false, '{40}', '{"offenderUsing":["N"],"bias":["88"],"criminalActivity":["N"]}'::jsonb
    from incidents where district_id = ${district.id}`);
  await db.execute(sql`
    insert into incident_persons (id, incident_id, position, kind, role, first_name, last_name, juvenile, nibrs)
    select gen_random_uuid(), id, 1, 'visitor', 'suspect', 'Sam', 'Suspect', true,
      '{"age":"16","sex":"M","race":"W","ethnicity":"N","injuries":[],"relationships":[],"offenses":[]}'::jsonb
    from incidents where district_id = ${district.id}`);
  await db.execute(sql`
    insert into incident_persons (id, incident_id, position, kind, role, first_name, last_name, juvenile, nibrs)
    select gen_random_uuid(), i.id, 0, 'visitor', 'victim', 'Val', 'Victim', true,
      json_build_object('victimType', 'I', 'age', '15', 'sex', 'F', 'race', 'B', 'ethnicity', 'N', 'resident', 'R', 'injuries', json_build_array('M'),
        'relationships', json_build_array(json_build_object('offenderId', s.id, 'code', 'AQ')), 'offenses', json_build_array(0))::jsonb
    from incidents i join incident_persons s on s.incident_id = i.id and s.role = 'suspect' where i.district_id = ${district.id}`);
  await db.execute(sql`
    insert into incident_actions (incident_id, person_id, kind, at, implied, arrest)
    select s.incident_id, s.id, 'arrest', i.occurred_at, false,
      '{"type":"T","offenseCode":"13B","armedWith":["01"],"multiple":"N","juvenileDisposition":"H"}'::jsonb
    from incident_persons s join incidents i on i.id = s.incident_id where s.role = 'suspect' and i.district_id = ${district.id}`);
  await db.execute(sql`analyze`);
  return district.id;
}

/** The month exported as the route does it (without the recording of the file), answering its size and the count of reports. */
async function exportMonth(database: Database, districtId: string) {
  const month = await findMonth(database.db, districtId, { all: true }, FROM, TO);
  const reports: string[] = [];
  for (const row of month) {
    const report = reportOfRow(row, 'America/Chicago');
    if (nibrsIssues(report).length) continue;
    reports.push(incidentXml(row, report, 'I', '2026-10', 'TX1234500', 'America/Chicago'));
  }
  const xml = submissionXml(reports, 'TX1234500', 'bench', new Date());
  const problems = checkSubmission(xml);
  if (problems.length) throw new Error(`structure check failed: ${problems[0]}`);
  return { reports: reports.length, bytes: xml.length };
}

/** The same rows and children read raw, nothing built. */
async function rawSelect(database: Database, districtId: string) {
  const result = await database.db.execute(sql`
    select i.*, (select json_agg(o) from incident_offenses o where o.incident_id = i.id) as offenses,
      (select json_agg(p) from incident_persons p where p.incident_id = i.id) as persons,
      (select json_agg(a) from incident_actions a where a.incident_id = i.id) as actions
    from incidents i where i.district_id = ${districtId} and i.status = 'approved' and i.sealed_at is null
      and i.occurred_at >= ${FROM}::timestamptz and i.occurred_at < ${TO}::timestamptz`);
  return rows(result).length;
}

async function measure(engine: Engine) {
  const districtId = await build(engine.database);
  const figures = { export: [] as number[], raw: [] as number[], ratios: [] as number[] };
  let last = { reports: 0, bytes: 0 };
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    const t0 = performance.now();
    const n = await rawSelect(engine.database, districtId);
    const t1 = performance.now();
    last = await exportMonth(engine.database, districtId);
    const t2 = performance.now();
    if (n !== INCIDENTS || last.reports !== INCIDENTS) throw new Error(`expected ${INCIDENTS} incidents, raw ${n}, exported ${last.reports}`);
    figures.raw.push(t1 - t0);
    figures.export.push(t2 - t1);
    figures.ratios.push((t2 - t1) / (t1 - t0));
  }
  const result = {
    incidents: INCIDENTS, reports: last.reports, megabytes: round(last.bytes / 1e6, 1),
    exportMedianMs: round(median(figures.export), 1), rawSelectMedianMs: round(median(figures.raw), 1), ratio: round(median(figures.ratios), 2),
  };
  console.log(`  export ${result.exportMedianMs} ms (${result.megabytes} MB), raw select ${result.rawSelectMedianMs} ms, ratio ${result.ratio} (median of ${ROUNDS} rounds)`);
  return result;
}

async function main(): Promise<void> {
  console.log(`nibrs-export${quick ? ' (quick)' : ''}: one month of ${INCIDENTS} incidents exported and validated vs a raw SELECT of the same rows`);
  const results: Record<string, unknown> = {};
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const engines: [string, () => Promise<Engine>][] = [['pglite', pgliteEngine]];
  if (pgUrl) engines.push(['postgres', () => postgresEngine(pgUrl)]);
  else results.postgres = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure it' };
  for (const [name, open] of engines) {
    const engine = await open();
    try {
      console.log(`${engine.label}:`);
      results[name] = await measure(engine);
    } finally {
      await engine.dispose();
    }
  }
  const measured = Object.values(results).filter((r): r is { exportMedianMs: number; ratio: number } => 'ratio' in (r as object));
  printFigures({
    bench: 'nibrs-export', quick, rounds: ROUNDS, ...results,
    goal: { exportMs: GOAL_MS, ratio: GOAL_RATIO, met: measured.every((r) => r.exportMedianMs < GOAL_MS && r.ratio <= GOAL_RATIO) },
  });
}

await main();
