// One 50 MB evidence file through the API (`npm run bench -- evidence [--quick]`): uploaded and downloaded through a
// server process (type sniffed, AES-256-GCM per file under a wrapped key, stored through the file store, the read
// audited) vs a plain file copy of the same bytes on the same disk (write the source once; per round copy it and read
// the copy back). Goal: throughput ratio (copy seconds / API seconds, medians) >= 0.5. Setup as bench/files.ts.
// Full run: 7 rounds; --quick: 3.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { openPostgres } from '../server/db/connection.js';
import { freePort, killAll, ProcessClient, startServer, waitFor } from '../server/ops/test-process.js';
import { createDistrict, createSchool, createUser, TEST_PASSWORD } from '../server/test/fixtures.js';
import { scratchPostgres } from './support/scratch-postgres.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const ROUNDS = quick ? 3 : 7;
const FILE_BYTES = 50 * 1000 * 1000;
const GOAL = { ratio: 0.5 };

const scratch = scratchPostgres('evidence');
const { name, url: dbUrl } = scratch;
const work = `${process.cwd()}/.test-tmp/bench-evidence-${process.pid}`;
const log = (line: string) => process.stdout.write(`${line}\n`);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A 50 MB MP4-looking file (the server sniffs the type from the first bytes), random so nothing compresses. */
function video(): Buffer {
  const bytes = randomBytes(FILE_BYTES);
  Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0', 'latin1').copy(bytes);
  return bytes;
}

async function main(): Promise<void> {
  await scratch.create();
  const database = openPostgres(dbUrl, { max: 2 });
  await database.migrate();
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id });
  await createUser(database, { email: 'sro@evidence.bench', districtId: district.id, grants: [{ role: 'sro', schoolId: school.id }] });
  await database.close();

  const port = await freePort();
  startServer({
    DATABASE_URL: dbUrl, SESSION_SECRET: 'evidence-bench-secret-0123456789abcdefgh', MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'error', RATE_LIMIT_SCALE: '1000', PORT: String(port), DATA_DIR: `${work}/data`,
  });
  await waitFor(port);
  const api = new ProcessClient(port);
  await api.signIn('sro@evidence.bench', TEST_PASSWORD);
  // An adult-only report (no juvenile): its evidence opens without a stated reason.
  const incident = await api.request('POST', '/api/incidents', {
    schoolId: school.id, onCampus: true, occurredAt: '2026-11-02T10:15:00Z', summary: 'Benchmark', narrative: 'Evidence for the benchmark.',
    offenses: [{ kind: 'school', category: 'fight' }], persons: [{ kind: 'visitor', role: 'witness', firstName: 'Vera', lastName: 'Visitor' }], actions: [],
  });
  if (incident.status !== 201) throw new Error(`incident: ${incident.status} ${incident.bytes.toString()}`);
  const incidentId = String(incident.json().id);
  const file = video();
  log(`${ROUNDS} rounds of one ${FILE_BYTES / 1e6} MB file; PostgreSQL ${name}`);

  // Baseline: the plain copy of the same bytes (source written once, like a file already on the officer's disk).
  await mkdir(`${work}/plain`, { recursive: true });
  await writeFile(`${work}/plain/source.mp4`, file);
  const plain: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = process.hrtime.bigint();
    await copyFile(`${work}/plain/source.mp4`, `${work}/plain/copy-${i}.mp4`);
    const back = await readFile(`${work}/plain/copy-${i}.mp4`);
    plain.push(ms(t));
    if (back.length !== FILE_BYTES) throw new Error('plain copy short');
  }

  const upload: number[] = [];
  const download: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let t = process.hrtime.bigint();
    const up = await api.request('POST', `/api/incidents/${incidentId}/attachments?fileName=video-${i}.mp4`, file, 'application/octet-stream');
    if (up.status !== 201) throw new Error(`upload ${i}: ${up.status} ${up.bytes.toString()}`);
    upload.push(ms(t));
    t = process.hrtime.bigint();
    const down = await api.request('GET', `/api/incident-attachments/${String(up.json().id)}/content`);
    if (down.status !== 200 || !down.bytes.equals(file)) throw new Error(`download ${i}: ${down.status}`);
    download.push(ms(t));
    total.push(upload.at(-1)! + download.at(-1)!);
  }
  const ratio = median(plain) / median(total);
  log(`plain copy + read back: median ${round(median(plain))} ms (${round(FILE_BYTES / 1e3 / median(plain))} MB/s)`);
  log(`API upload + download (encrypted): median ${round(median(total))} ms (upload ${round(median(upload))} ms, download ${round(median(download))} ms); ratio ${round(ratio, 3)}`);
  const met = ratio >= GOAL.ratio;
  log(`goal ratio >= ${GOAL.ratio}: ${met ? 'met' : 'NOT met'}`);
  printFigures({
    bench: 'evidence', quick, rounds: ROUNDS, fileMb: FILE_BYTES / 1e6,
    plain: { medianMs: round(median(plain)) },
    ours: { medianMs: round(median(total)), medianUploadMs: round(median(upload)), medianDownloadMs: round(median(download)) },
    ratio: round(ratio, 3), goal: GOAL, met,
  });
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    killAll();
    await new Promise((r) => setTimeout(r, 500));
    await rm(work, { recursive: true, force: true });
    await scratch.drop();
  });
