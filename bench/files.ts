// The file store through two server processes on one PostgreSQL database (`npm run bench -- files [--quick]`).
// 1. N evidence files of 1 MB: each uploaded through process A and downloaded through process B (encrypted,
//    chunked, in the attachment's transaction) vs a raw INSERT and SELECT of the same bytes into a bytea column
//    from this process, same concurrency. Goal: throughput ratio >= 0.5.
// 2. A 200 MB evidence video streamed up through A and down through B: resident memory growth of each server
//    while it streams. Goal: < 50 MB.
// 3. Both again through two more processes with FILE_STORE=s3://... (the test S3 server of server/test): its
//    ratio against the same raw baseline (reported), and the 200 MB memory growth (goal < 50 MB too).
// Full run: 1,000 files; --quick: 100.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { openPostgres } from '../server/db/connection.js';
import { freePort, killAll, ProcessClient, startServer, waitFor } from '../server/ops/test-process.js';
import { createDistrict, createSchool, createUser, TEST_PASSWORD } from '../server/test/fixtures.js';
import { startS3Server } from '../server/test/s3-server.js';
import { scratchPostgres } from './support/scratch-postgres.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const FILES = quick ? 100 : 1000;
const FILE_BYTES = 1024 * 1024;
const BIG_BYTES = 200 * 1000 * 1000;
const CONCURRENCY = 4;
const GOAL = { ratio: 0.5, rssGrowthMb: 50 };

const scratch = scratchPostgres('files');
const { name, url: dbUrl } = scratch;
const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024;
}

/** Runs `work(i)` for i < count with `CONCURRENCY` in flight; answers each call's milliseconds. */
async function pool(count: number, work: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const i = next++;
      const t = process.hrtime.bigint();
      await work(i);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }));
  return times;
}

/** A 1 MB PNG-looking file (the type is sniffed from the first bytes), distinct per index. */
function image(i: number): Buffer {
  const body = randomBytes(FILE_BYTES - 16);
  body.writeUInt32BE(i, 0);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(8), body]);
}

/** A 200 MB MP4-looking stream generated on the fly (never held in memory). */
function video(): ReadableStream<Uint8Array> {
  let sent = 0;
  const block = randomBytes(1024 * 1024);
  return new ReadableStream({
    pull(controller) {
      if (sent >= BIG_BYTES) return controller.close();
      const size = Math.min(block.length, BIG_BYTES - sent);
      const piece = Buffer.from(block.subarray(0, size));
      if (sent === 0) Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0', 'latin1').copy(piece);
      sent += size;
      controller.enqueue(piece);
    },
  });
}

/** Samples a process's resident memory every 50 ms while `work` runs; answers the growth over the start in MB. */
async function rssGrowth(pid: number, work: () => Promise<void>): Promise<number> {
  const start = rssMb(pid);
  let peak = start;
  const timer = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, 50);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return peak - start;
}

async function main(): Promise<void> {
  await scratch.create();
  const database = openPostgres(dbUrl, { max: 2 });
  await database.migrate();
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id });
  await createUser(database, { email: 'sro@files.bench', districtId: district.id, grants: [{ role: 'sro', schoolId: school.id }] });
  await database.close();

  const shared = { DATABASE_URL: dbUrl, SESSION_SECRET: 'files-bench-secret-0123456789abcdefghij', MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'error', RATE_LIMIT_SCALE: '1000' };
  const [pa, pb] = [await freePort(), await freePort()];
  const a = startServer({ ...shared, PORT: String(pa), DATA_DIR: `${process.cwd()}/.test-tmp/bench-files-a-${process.pid}` });
  const b = startServer({ ...shared, PORT: String(pb), DATA_DIR: `${process.cwd()}/.test-tmp/bench-files-b-${process.pid}` });
  await Promise.all([waitFor(pa), waitFor(pb)]);
  const [viaA, viaB] = [new ProcessClient(pa), new ProcessClient(pb)];
  await viaA.signIn('sro@files.bench', TEST_PASSWORD);
  await viaB.signIn('sro@files.bench', TEST_PASSWORD);
  const incident = await viaA.request('POST', '/api/incidents', {
    schoolId: school.id, onCampus: true, occurredAt: '2026-11-02T10:15:00Z', summary: 'Benchmark', narrative: 'Files for the file store benchmark.',
    offenses: [{ kind: 'school', category: 'fight' }], persons: [{ kind: 'visitor', role: 'witness', firstName: 'Vera', lastName: 'Visitor' }], actions: [],
  });
  if (incident.status !== 201) throw new Error(`incident: ${incident.status} ${incident.bytes.toString()}`);
  const incidentId = String(incident.json().id);
  const files = Array.from({ length: FILES }, (_, i) => image(i));
  log(`${FILES} files of 1 MB, ${CONCURRENCY} at a time; PostgreSQL ${name}`);

  // Baseline: the same bytes into and out of a bytea column, raw.
  const raw = postgres(dbUrl, { max: CONCURRENCY, onnotice: () => undefined });
  await raw.unsafe('create table bench_raw_files (id integer primary key, bytes bytea not null)');
  const t = process.hrtime.bigint();
  const rawUp = await pool(FILES, async (i) => { await raw`insert into bench_raw_files ${raw({ id: i, bytes: files[i]! })}`; });
  const rawDown = await pool(FILES, async (i) => {
    const [row] = await raw<{ bytes: Buffer }[]>`select bytes from bench_raw_files where id = ${i}`;
    if (row!.bytes.length !== FILE_BYTES) throw new Error('raw read short');
  });
  const rawS = seconds(t);
  await raw.end();
  log(`raw INSERT + SELECT: ${round(rawS, 2)} s (${round((2 * FILES) / rawS)} files/s); median insert ${round(median(rawUp))} ms, select ${round(median(rawDown))} ms`);

  const db = await throughTwo(viaA, viaB, a.child.pid!, b.child.pid!, incidentId, files);
  const ratio = rawS / db.seconds;
  log(`ours (A uploads, B downloads): ${round(db.seconds, 2)} s (${round((2 * FILES) / db.seconds)} files/s); median upload ${round(median(db.up))} ms, download ${round(median(db.down))} ms; ratio ${round(ratio, 2)}`);
  log(`200 MB video: server RSS growth upload ${round(db.upGrowth)} MB (process A), download ${round(db.downGrowth)} MB (process B)`);

  // The same through two more processes whose files go to an S3-compatible bucket (the SigV4-checking test
  // server, in this process, on the local disk): the object store's share of the cost, and its memory.
  const s3 = await startS3Server();
  const [pc, pd] = [await freePort(), await freePort()];
  const c = startServer({ ...shared, ...s3.env('bench'), PORT: String(pc), DATA_DIR: `${process.cwd()}/.test-tmp/bench-files-c-${process.pid}` });
  const d = startServer({ ...shared, ...s3.env('bench'), PORT: String(pd), DATA_DIR: `${process.cwd()}/.test-tmp/bench-files-d-${process.pid}` });
  await Promise.all([waitFor(pc), waitFor(pd)]);
  const [viaC, viaD] = [new ProcessClient(pc), new ProcessClient(pd)];
  await viaC.signIn('sro@files.bench', TEST_PASSWORD);
  await viaD.signIn('sro@files.bench', TEST_PASSWORD);
  const s3Run = await throughTwo(viaC, viaD, c.child.pid!, d.child.pid!, incidentId, files);
  await s3.close();
  const s3Ratio = rawS / s3Run.seconds;
  log(`s3 store (C uploads, D downloads): ${round(s3Run.seconds, 2)} s; median upload ${round(median(s3Run.up))} ms, download ${round(median(s3Run.down))} ms; ratio ${round(s3Ratio, 2)}`);
  log(`200 MB video through the s3 store: RSS growth upload ${round(s3Run.upGrowth)} MB (C), download ${round(s3Run.downGrowth)} MB (D)`);

  const flat = (r: Run) => r.upGrowth < GOAL.rssGrowthMb && r.downGrowth < GOAL.rssGrowthMb;
  const met = ratio >= GOAL.ratio && flat(db) && flat(s3Run);
  log(`goal ratio >= ${GOAL.ratio} (database store) and growth < ${GOAL.rssGrowthMb} MB (both stores): ${met ? 'met' : 'NOT met'}`);
  printFigures({
    bench: 'files', quick, files: FILES, fileMb: 1, concurrency: CONCURRENCY,
    raw: { seconds: round(rawS, 2), medianInsertMs: round(median(rawUp)), medianSelectMs: round(median(rawDown)) },
    ours: { seconds: round(db.seconds, 2), medianUploadMs: round(median(db.up)), medianDownloadMs: round(median(db.down)) },
    ratio: round(ratio, 2), bigFileMb: BIG_BYTES / 1e6, rssGrowthMb: { upload: round(db.upGrowth), download: round(db.downGrowth) },
    s3: {
      seconds: round(s3Run.seconds, 2), medianUploadMs: round(median(s3Run.up)), medianDownloadMs: round(median(s3Run.down)), ratio: round(s3Ratio, 2),
      rssGrowthMb: { upload: round(s3Run.upGrowth), download: round(s3Run.downGrowth) },
    },
    goal: GOAL, met,
  });
}

/** What one pair of processes measured: the small files' round trip and the 200 MB video's memory growth. */
interface Run { seconds: number; up: number[]; down: number[]; upGrowth: number; downGrowth: number }

/** Uploads every file through `up`, downloads each through `down`, then streams the 200 MB video the same way. */
async function throughTwo(up: ProcessClient, down: ProcessClient, upPid: number, downPid: number, incidentId: string, files: Buffer[]): Promise<Run> {
  const ids: string[] = [];
  const t = process.hrtime.bigint();
  const upTimes = await pool(FILES, async (i) => {
    const res = await up.request('POST', `/api/incidents/${incidentId}/attachments?fileName=photo-${i}.png`, files[i]!, 'application/octet-stream');
    if (res.status !== 201) throw new Error(`upload ${i}: ${res.status} ${res.bytes.toString()}`);
    ids[i] = String(res.json().id);
  });
  const downTimes = await pool(FILES, async (i) => {
    const res = await down.request('GET', `/api/incident-attachments/${ids[i]}/content`);
    if (res.status !== 200 || !res.bytes.equals(files[i]!)) throw new Error(`download ${i}: ${res.status}`);
  });
  const secondsTaken = seconds(t);
  let bigId = '';
  const upGrowth = await rssGrowth(upPid, async () => {
    const res = await up.send('POST', `/api/incidents/${incidentId}/attachments?fileName=video.mp4`, video(), 'application/octet-stream');
    const body = await res.json() as { id: string };
    if (res.status !== 201) throw new Error(`big upload: ${res.status} ${JSON.stringify(body)}`);
    bigId = body.id;
  });
  let received = 0;
  const downGrowth = await rssGrowth(downPid, async () => {
    const res = await down.send('GET', `/api/incident-attachments/${bigId}/content`);
    for await (const piece of res.body!) received += piece.length;
  });
  if (received !== BIG_BYTES) throw new Error(`big download: ${received} bytes`);
  return { seconds: secondsTaken, up: upTimes, down: downTimes, upGrowth, downGrowth };
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    killAll();
    await new Promise((r) => setTimeout(r, 500));
    await scratch.drop();
  });
