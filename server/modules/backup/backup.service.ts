import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupOverview, BackupRun, BackupSettings } from '../../../common/backups.js';
import { whoOf, writeAudit } from '../../audit/audit.js';
import type { AppConfig } from '../../config.js';
import type { Database } from '../../db/connection.js';
import type { backupRuns } from '../../db/schema/index.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { queueMail } from '../outbox/outbox.service.js';
import { createBackup } from './backup.create.js';
import { longestScheduleYears } from '../retention/retention.service.js';
import * as repo from './backup.repository.js';
import { dueDay, localParts, nextRunAt } from './backup.schedule.js';
import { sourceOf, verifyArchive } from './backup.verify.js';

/** What background backup work needs from the running app. */
export interface BackupDeps {
  database: Database;
  config: AppConfig;
  clock: Clock;
  log: { error(obj: unknown, msg: string): void; info(obj: unknown, msg: string): void };
}

/** Where the server writes backups and the key it encrypts them with (BACKUP_DIR, BACKUP_KEY). */
export function backupEnv(config: AppConfig, env: NodeJS.ProcessEnv = process.env): { dir: string; key: string | undefined } {
  return { dir: path.resolve(env.BACKUP_DIR || path.join(config.dataDir, 'backups')), key: env.BACKUP_KEY || undefined };
}

// Background jobs of this process; tests wait for them, the scheduler skips a tick while one runs.
const jobs = new Set<Promise<void>>();
/** Resolves when every backup and verification started by this process has finished. */
export async function backupJobsSettled(): Promise<void> {
  while (jobs.size) await Promise.allSettled([...jobs]);
}
function background(work: Promise<void>): void {
  const job = work.finally(() => jobs.delete(job));
  jobs.add(job);
}

function toRun(row: typeof backupRuns.$inferSelect): BackupRun {
  const m = row.manifest as { counts?: Record<string, number>; files?: { count: number }; migration?: { latest: string | null } } | null;
  return {
    id: row.id, kind: row.kind, status: row.status, fileName: row.fileName, bytes: row.bytes, error: row.error,
    startedAt: row.startedAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null,
    tables: m?.counts ? Object.keys(m.counts).length : null,
    rows: m?.counts ? Object.values(m.counts).reduce((a, b) => a + b, 0) : null,
    files: m?.files?.count ?? null, schemaLevel: m?.migration?.latest ?? null,
    verifyStatus: row.verifyStatus, verifiedAt: row.verifiedAt?.toISOString() ?? null, verifyDetail: row.verifyDetail,
    removed: row.deletedAt !== null,
  };
}

/** The Backups page: schedule, key present or not, the next run, the runs. */
export async function overview(ctx: ServiceContext, config: AppConfig): Promise<BackupOverview> {
  const env = backupEnv(config);
  const settings = await repo.findSettings(ctx.db);
  const last = await repo.lastScheduled(ctx.db);
  const now = ctx.clock.now();
  const takenToday = last?.scheduledFor === localParts(now, settings.timeZone).day;
  return {
    settings, keyConfigured: Boolean(env.key), backupDir: env.dir,
    nextRunAt: settings.enabled ? nextRunAt(now, settings, takenToday).toISOString() : null,
    lastScheduledFailed: last?.status === 'failed',
    runs: (await repo.listRuns(ctx.db)).map(toRun),
  };
}

/** Changes the schedule (audited). */
export async function updateSettings(ctx: ServiceContext, settings: BackupSettings): Promise<BackupSettings> {
  await ctx.db.transaction(async (tx) => {
    await repo.saveSettings(tx, settings, ctx.actor.userId, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), { type: 'backup.settings_changed', subjectType: 'backup_settings', subjectId: '1', detail: { ...settings } });
  });
  return settings;
}

function requireKey(config: AppConfig): string {
  const key = backupEnv(config).key;
  if (!key) throw new AppError('conflict', 'BACKUP_KEY is not set on the server: backups cannot be encrypted. Set it in the service environment and restart.', { field: 'BACKUP_KEY' });
  return key;
}

/** "Back up now": starts a backup in the background and answers its run. */
export async function startManual(ctx: ServiceContext, deps: BackupDeps): Promise<BackupRun> {
  requireKey(deps.config);
  const run = await ctx.db.transaction(async (tx) => {
    if (await repo.runningRun(tx)) throw new AppError('conflict', 'A backup is already running.');
    const row = await repo.insertRun(tx, { kind: 'manual', startedAt: ctx.clock.now(), startedBy: ctx.actor.userId });
    if (!row) throw new AppError('conflict', 'A backup is already running.');
    await writeAudit(tx, whoOf(ctx), { type: 'backup.started', subjectType: 'backup_run', subjectId: row.id });
    return row;
  });
  background(takeBackup(deps, run.id));
  return toRun(run);
}

/** Starts the scheduled backup of the local day when it is due and no process took it yet. */
export async function runScheduledIfDue(deps: BackupDeps): Promise<string | null> {
  const db = deps.database.db;
  const settings = await repo.findSettings(db);
  if (!settings.enabled) return null;
  const now = deps.clock.now();
  const day = dueDay(now, settings);
  if (!day) return null;
  const run = await repo.insertRun(db, { kind: 'scheduled', scheduledFor: day, startedAt: now });
  if (!run) return null;
  await takeBackup(deps, run.id);
  return run.id;
}

/** Takes the backup of run `id`; a failure is recorded, audited and e-mailed to the system administrators. */
export async function takeBackup(deps: BackupDeps, id: string): Promise<void> {
  const db = deps.database.db;
  const env = backupEnv(deps.config);
  const run = await repo.findRun(db, id);
  if (!run) return;
  const fileName = `srodesk-${run.kind}-${run.startedAt.toISOString().replace(/[:.]/g, '-')}.srodesk-backup`;
  try {
    if (!env.key) throw new Error('BACKUP_KEY is not set on the server: backups cannot be encrypted.');
    const out = path.join(env.dir, fileName);
    const manifest = await createBackup({ source: sourceOf(deps.database, deps.config.databaseUrl), dataDir: deps.config.dataDir, out, passphrase: env.key, exclude: [env.dir], now: run.startedAt });
    const bytes = (await stat(out)).size;
    await db.transaction(async (tx) => {
      await repo.updateRun(tx, id, { status: 'succeeded', fileName, bytes, manifest: manifest as unknown as Record<string, unknown>, finishedAt: deps.clock.now() });
      await auditEverywhere(tx, { type: 'backup.succeeded', subjectType: 'backup_run', subjectId: id, detail: { kind: run.kind, fileName, bytes } });
    });
    if (run.kind === 'scheduled') await prune(deps, env.dir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.error({ err: error, run: id }, 'backup failed');
    await db.transaction(async (tx) => {
      await repo.updateRun(tx, id, { status: 'failed', error: message.slice(0, 2000), finishedAt: deps.clock.now() });
      await auditEverywhere(tx, { type: 'backup.failed', subjectType: 'backup_run', subjectId: id, detail: { kind: run.kind, error: message.slice(0, 500) } });
      const admins = await repo.systemAdministrators(tx);
      await queueMail(tx, deps.clock, admins.map((a) => ({
        districtId: a.districtId, to: a.email, kind: 'backup.failed',
        subject: `SRO Desk: the ${run.kind} backup failed`,
        body: `The ${run.kind} backup started ${run.startedAt.toISOString()} failed:\n\n${message}\n\nSee the Backups page (System administration) for details.`,
      })));
    });
  }
}

async function auditEverywhere(tx: Database['db'], entry: Parameters<typeof writeAudit>[2]): Promise<void> {
  for (const districtId of await repo.districtIds(tx)) await writeAudit(tx, { label: 'system', districtId }, entry);
}

/**
 * Keeps the newest `keep` scheduled archives; older ones are deleted and marked removed. Any archive older than the
 * longest retention schedule in force expires too: records destroyed on schedule must not live on in a backup.
 */
export async function prune(deps: Pick<BackupDeps, 'database' | 'clock'>, dir: string): Promise<void> {
  const db = deps.database.db;
  const { keep } = await repo.findSettings(db);
  const old = (await repo.keptScheduled(db)).slice(keep);
  const years = await longestScheduleYears(db);
  if (years !== null) {
    const now = deps.clock.now();
    const before = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes()));
    old.push(...(await repo.keptBefore(db, before)).filter((r) => !old.some((o) => o.id === r.id)));
  }
  for (const run of old) {
    if (run.fileName) await rm(path.join(dir, run.fileName), { force: true });
    await repo.updateRun(db, run.id, { deletedAt: deps.clock.now() });
  }
}

/** "Verify": restores a kept archive into a scratch database in the background and compares counts. */
export async function startVerify(ctx: ServiceContext, deps: BackupDeps, id: string): Promise<BackupRun> {
  // An unknown backup reads as absent before any server setting is reported.
  const run = await repo.findRun(ctx.db, id);
  if (!run) throw notFound('Backup');
  const key = requireKey(deps.config);
  const file = run.fileName ? path.join(backupEnv(deps.config).dir, run.fileName) : null;
  if (run.status !== 'succeeded' || run.deletedAt || !file || !existsSync(file)) {
    throw new AppError('conflict', 'This backup has no archive to verify (it failed, is running, or was removed).');
  }
  if (run.verifyStatus === 'running') throw new AppError('conflict', 'This backup is being verified already.');
  await ctx.db.transaction(async (tx) => {
    await repo.updateRun(tx, id, { verifyStatus: 'running', verifyDetail: null });
    await writeAudit(tx, whoOf(ctx), { type: 'backup.verify_started', subjectType: 'backup_run', subjectId: id });
  });
  background((async () => {
    let ok = false;
    let detail: string;
    try {
      const result = await verifyArchive(file, key, sourceOf(deps.database, deps.config.databaseUrl));
      ok = result.ok;
      detail = result.detail;
    } catch (error) {
      detail = error instanceof Error ? error.message : String(error);
    }
    await deps.database.db.transaction(async (tx) => {
      await repo.updateRun(tx, id, { verifyStatus: ok ? 'passed' : 'failed', verifiedAt: deps.clock.now(), verifyDetail: detail.slice(0, 2000) });
      await writeAudit(tx, { label: 'system', districtId: ctx.actor.districtId }, { type: ok ? 'backup.verified' : 'backup.verify_failed', subjectType: 'backup_run', subjectId: id, detail: { detail: detail.slice(0, 500) } });
    });
  })());
  return toRun({ ...run, verifyStatus: 'running', verifyDetail: null });
}

/** Whether the latest scheduled backup failed: the system administrator's home shows it. */
export async function scheduledBackupFailed(ctx: ServiceContext): Promise<{ failed: boolean; at: string | null; error: string | null }> {
  const last = await repo.lastScheduled(ctx.db);
  return { failed: last?.status === 'failed', at: last?.startedAt.toISOString() ?? null, error: last?.status === 'failed' ? last.error : null };
}
