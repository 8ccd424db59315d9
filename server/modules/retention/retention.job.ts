import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { RECORD_TYPES, type RecordType } from '../../../common/retention.js';
import { writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { ReportLine } from '../../db/schema/index.js';
import { filesOf, transactionWithFiles } from '../../files/registry.js';
import type { Clock } from '../../lib/clock.js';
import { dayIn, startOfDay, wallOf } from '../../lib/district-time.js';
import { effectiveSchedules, yearsBefore } from './retention.policy.js';
import * as purge from './retention.purge.repository.js';
import * as repo from './retention.repository.js';

/** Records per batch: one transaction each during a purge. */
export const BATCH_SIZE = 2000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * The nightly job for one district: lists every record past its retention period by the district's day (held records
 * counted apart, never listed) in a destruction report awaiting approval. One report per district day, and none while
 * an earlier one is undecided or still purging. Answers the report id, or null when nothing is past retention.
 */
export async function buildReport(db: Db, clock: Clock, district: { id: string; timeZone: string }, batchSize = BATCH_SIZE): Promise<string | null> {
  if (await repo.openReport(db, district.id)) return null;
  const now = clock.now();
  const today = dayIn(district.timeZone, now);
  const schedules = effectiveSchedules(await repo.districtState(db, district.id), await repo.findOverrides(db, district.id));
  return db.transaction(async (tx) => {
    const lines: ReportLine[] = [];
    for (const type of RECORD_TYPES) {
      const years = schedules[type].years;
      if (years === null) continue;
      const cutoffDay = yearsBefore(today, years);
      const summary = await purge.expiredSummary(tx, district.id, type, startOfDay(cutoffDay, district.timeZone), cutoffDay, district.timeZone);
      if (summary.count > 0 || summary.held > 0) lines.push({ recordType: type, years, cutoffDay, ...summary });
    }
    if (!lines.some((l) => l.count > 0)) return null;
    const report = await repo.insertReport(tx, { districtId: district.id, day: today, state: 'pending', lines, createdAt: now });
    if (!report) return null;
    for (const line of lines) {
      if (line.count > 0) await purge.insertBatches(tx, report.id, district.id, line.recordType, startOfDay(line.cutoffDay, district.timeZone), line.cutoffDay, batchSize);
    }
    await writeAudit(tx, { label: 'system', districtId: district.id, at: now }, {
      type: 'retention.report_created', subjectType: 'destruction_report', subjectId: report.id,
      detail: { day: today, counts: Object.fromEntries(lines.map((l) => [l.recordType, l.count])), held: Object.fromEntries(lines.map((l) => [l.recordType, l.held])) },
    });
    return report.id;
  });
}

/** Runs the job for every district (the scheduler calls it; so do tests with a hand-moved clock). */
export async function runNightly(db: Db, clock: Clock): Promise<string[]> {
  const made: string[] = [];
  for (const district of await repo.allDistricts(db)) {
    const id = await buildReport(db, clock, district);
    if (id) made.push(id);
  }
  return made;
}

/**
 * The purge of approved reports: one transaction per batch (rows, child rows, versions, links and the files' keys
 * go together, so a removed file can no longer be decrypted once the batch commits), then the file step removes
 * the files' bytes from the data folder again (idempotent) and closes the report. A failure retries with backoff;
 * every start finishes the reports a crash left `approved` or `purging`.
 */
export class PurgeRunner {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private resuming: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(readonly db: Db, readonly clock: Clock, private readonly onError: (error: unknown, reportId: string) => void) {}

  /** Purges the report to the end (a second call while one runs joins it). */
  finish(reportId: string, delayMs = 1000): Promise<void> {
    const current = this.running.get(reportId);
    if (current) return current;
    const work = this.run(reportId).catch((error: unknown) => {
      this.onError(error, reportId);
      if (this.closed) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.finish(reportId, Math.min(delayMs * 2, MAX_DELAY_MS));
      }, delayMs).unref();
      this.timers.add(timer);
    }).finally(() => this.running.delete(reportId));
    this.running.set(reportId, work);
    return work;
  }

  /** Resolves when no purge of this runner is in progress (tests and the benchmark wait on it). */
  async settled(): Promise<void> {
    await this.resuming.catch(() => undefined);
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  /** Finishes every purge a crash or a failure left half-way. */
  resume(): Promise<number> {
    const work = (async () => {
      const pending = await repo.findUnfinished(this.db);
      for (const p of pending) await this.finish(p.id);
      return pending.length;
    })();
    this.resuming = work;
    return work;
  }

  /** Stops scheduled retries (the next start resumes them). */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async run(reportId: string): Promise<void> {
    await repo.moveReport(this.db, reportId, ['approved'], { state: 'purging' });
    while (await this.batch(reportId)) { /* next batch */ }
    const store = filesOf(this.db);
    for (const key of await repo.purgedFileKeys(this.db, reportId)) await rm(store.pathOf(key), { force: true });
    await this.db.transaction(async (tx) => {
      const counts = await repo.purgedCounts(tx, reportId);
      const done = await repo.moveReport(tx, reportId, ['purging'], { state: 'purged', purgedAt: this.clock.now(), purgedCounts: counts });
      if (done) {
        await writeAudit(tx, { label: 'system', districtId: done.districtId, at: this.clock.now() }, {
          type: 'retention.purge_finished', subjectType: 'destruction_report', subjectId: reportId, detail: { counts },
        });
      }
    });
  }

  private batch(reportId: string): Promise<boolean> {
    return transactionWithFiles(this.db, async (tx, files) => {
      const batch = await repo.nextBatch(tx, reportId);
      if (!batch) return false;
      const report = await repo.reportById(tx, reportId);
      const type = batch.recordType as RecordType;
      const held = await purge.heldAmong(tx, report!.districtId, type, batch.ids);
      const ids = batch.ids.filter((id) => !held.has(id));
      const keys = ids.length ? await purge.fileKeysOf(tx, type, ids) : [];
      const count = ids.length ? await purge.purgeRows(tx, report!.districtId, type, ids) : 0;
      for (const key of keys) await files.remove(key);
      await repo.markBatch(tx, batch.id, count, keys, this.clock.now());
      await writeAudit(tx, { label: 'system', districtId: report!.districtId, at: this.clock.now() }, {
        type: 'retention.purged', subjectType: 'destruction_report', subjectId: reportId,
        detail: { recordType: type, batch: batch.seq, count, held: held.size, files: keys.length },
      });
      return true;
    });
  }
}

// Per database handle, the purge runner of the app open on it (the service finds it from `ctx.db`).
const runners = new WeakMap<Db, PurgeRunner>();

/** The purge runner of the app whose database handle is `db`. */
export function purgeRunnerOf(db: Db): PurgeRunner {
  const runner = runners.get(db);
  if (!runner) throw new Error('No retention purge runner is installed for this database');
  return runner;
}

/** Creates the app's purge runner and finishes, once the app is ready, every purge a crash left half-way. */
export function installRetention(app: FastifyInstance): void {
  const { database, clock } = app.deps;
  const runner = new PurgeRunner(database.db, clock, (error, reportId) => app.log.error({ err: error, reportId }, 'retention purge failed; retrying'));
  runners.set(database.db, runner);
  app.addHook('onReady', async () => {
    void runner.resume().catch((error: unknown) => app.log.error({ err: error }, 'resuming retention purges failed'));
  });
  app.addHook('onClose', async () => {
    runner.close();
    await runner.settled();
  });
}

const EVERY_MS = 15 * 60_000;
/** The nightly job runs once the district's day is this far in (quiet hours), once per district day. */
const FROM_HOUR = 1;

/**
 * Runs the retention job from the running server: every 15 minutes, each district whose local time is past 01:00
 * and that has no report for its day yet is checked (one report per district day, so several processes are safe).
 * Answers the function that stops it.
 */
export function startRetentionScheduler(app: FastifyInstance): () => void {
  const { database, clock } = app.deps;
  const checked = new Map<string, string>();
  let busy = false;
  // The first run, at start, skips the quiet-hours gate: a start is an operator's choice of time, and the cut-off
  // is by district day either way (so a start at 00:30 lists what a 01:00 run would).
  const tick = async (atStart = false) => {
    if (busy) return;
    busy = true;
    try {
      for (const district of await repo.allDistricts(database.db)) {
        const now = clock.now();
        const day = dayIn(district.timeZone, now);
        if (checked.get(district.id) === day || (!atStart && wallOf(now, district.timeZone).hour < FROM_HOUR)) continue;
        await buildReport(database.db, clock, district);
        checked.set(district.id, day);
      }
    } catch (error) {
      app.log.error({ err: error }, 'retention job failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), EVERY_MS);
  timer.unref();
  void tick(true);
  return () => clearInterval(timer);
}
