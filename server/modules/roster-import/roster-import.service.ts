import {
  DEFAULT_ROLE_MAP, ROSTER_LIMITS, type RosterImportJob, type RosterImportReport,
} from '../../../common/roster-import.js';
import { writeAudit, whoOf, type AuditWho } from '../../audit/audit.js';
import { requirePermission } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { StructuralError } from './csv-stream.js';
import { zipPackage, type RosterPackage } from './package-source.js';
import { checkPackage, type PackagePlan } from './roster-import.check.js';
import * as repo from './roster-import.repository.js';
import { ConfirmationNeeded, importRoster, type ImportProgress, type ImportResult } from './roster-import.runner.js';
import { findSettings } from './roster-undo.repository.js';

/** Progress of the imports running in this process (the job row is written only when they end). */
const live = new Map<string, ImportProgress>();
/** Imports of this process not yet settled, so a caller (a test, a shutdown) can wait for them. */
const pending = new Map<string, Promise<unknown>>();

/** A running job older than this is taken for one a crash interrupted. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** A structural problem as the 400 answer of the upload: the field is "<file>:<header>" or the file. */
export function asValidationError(error: StructuralError): AppError {
  const field = error.header ? `${error.file}:${error.header}` : (error.file ?? 'file');
  return new AppError('validation_failed', error.message, { field });
}

/** Checks the package's manifest and headers; a structural problem answers 400 naming the file and header. */
export async function checkOr400(pkg: () => RosterPackage): Promise<{ pkg: RosterPackage; plan: PackagePlan }> {
  try {
    const opened = pkg();
    return { pkg: opened, plan: await checkPackage(opened) };
  } catch (error) {
    if (error instanceof StructuralError) throw asValidationError(error);
    throw error;
  }
}

export interface RunJobOptions {
  districtId: string;
  /** The user accepted the numbers a previous attempt stopped on. */
  confirmed: boolean;
  /** Base of set-password links (the configured PUBLIC_URL). */
  publicUrl: string;
  clock: Clock;
  who: AuditWho;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Runs a started job to its end: the import in one transaction that also marks the job succeeded, writes the
 * rejected rows and the audit event; on failure nothing of the import stays and the job records why. A sync that
 * needs confirmation ends `needs_confirmation` with its numbers (nothing written) and throws ConfirmationNeeded.
 */
export async function runJob(db: Db, jobId: string, pkg: RosterPackage, plan: PackagePlan, options: RunJobOptions): Promise<ImportResult> {
  const { clock, who } = options;
  const settings = await findSettings(db, options.districtId);
  try {
    return await importRoster(db, pkg, plan, {
      districtId: options.districtId,
      jobId,
      confirmed: options.confirmed,
      thresholdPct: settings?.deactivateThresholdPct ?? ROSTER_LIMITS.deactivateThresholdPct,
      roleMap: { ...DEFAULT_ROLE_MAP, ...settings?.roleMap },
      publicUrl: options.publicUrl,
      now: clock.now(),
      onProgress: (progress) => { live.set(jobId, progress); options.onProgress?.(progress); },
      onWritten: async (tx, result) => {
        await repo.insertRejections(tx, jobId, result.rejections);
        await repo.updateJob(tx, jobId, {
          status: 'succeeded', phase: 'done', processed: result.processed, total: plan.total, rows: result.rows, counts: result.counts,
          finishedAt: clock.now(),
        });
        await writeAudit(tx, who, {
          type: 'roster.imported', subjectType: 'roster_import', subjectId: jobId,
          detail: { fileName: pkg.name, version: plan.version, confirmed: options.confirmed, counts: result.counts },
        });
      },
    });
  } catch (error) {
    if (error instanceof ConfirmationNeeded) {
      await db.transaction(async (tx) => {
        await repo.updateJob(tx, jobId, {
          status: 'needs_confirmation', phase: 'users', counts: error.counts, confirmation: error.confirmation, finishedAt: clock.now(),
        });
        await writeAudit(tx, who, {
          type: 'roster.import_stopped', subjectType: 'roster_import', subjectId: jobId,
          detail: { fileName: pkg.name, confirmation: error.confirmation },
        });
      });
      throw error;
    }
    const structural = error instanceof StructuralError;
    const failure = structural
      ? { message: error.message, file: error.file, line: error.line }
      : { message: `The import stopped on an unexpected error and wrote nothing: ${(error as Error).message}`, file: null, line: null };
    const progress = live.get(jobId);
    await db.transaction(async (tx) => {
      await repo.updateJob(tx, jobId, {
        status: 'failed', phase: progress?.phase ?? 'checking', processed: progress?.processed ?? 0, rows: progress?.rows ?? 0,
        error: failure, finishedAt: clock.now(),
      });
      await writeAudit(tx, who, { type: 'roster.import_failed', subjectType: 'roster_import', subjectId: jobId, detail: { fileName: pkg.name, error: failure } });
    });
    throw error;
  } finally {
    live.delete(jobId);
  }
}

/** Fails the district's running jobs that no process has advanced for an hour; answers whether one still runs. */
async function anotherImportRuns(db: Db, districtId: string, clock: Clock): Promise<boolean> {
  let running = false;
  for (const { id } of await repo.findRunningJobs(db, districtId)) {
    const found = await repo.findJob(db, districtId, id);
    if (!found) continue;
    if (live.has(id) || pending.has(id) || clock.now().getTime() - found.job.startedAt.getTime() < STALE_AFTER_MS) {
      running = true;
    } else {
      await repo.updateJob(db, id, { status: 'failed', error: { message: 'The import was interrupted (the server stopped); nothing was written', file: null, line: null }, finishedAt: clock.now() });
    }
  }
  return running;
}

/**
 * Starts an import of an uploaded zip: the manifest and headers are checked at once (400 naming the file and header),
 * then the import runs in the background; the answer is the job to poll.
 */
export async function startImport(
  ctx: ServiceContext, publicUrl: string, fileName: string, zip: Uint8Array, confirmed = false,
): Promise<RosterImportJob> {
  requirePermission(ctx.actor, 'import.run');
  if (!isZip(zip)) {
    throw new AppError('unsupported_media_type', 'The package is not a zip file: send the OneRoster CSV package as one zip (manifest.csv, orgs.csv, users.csv...)');
  }
  const { pkg, plan } = await checkOr400(() => zipPackage(fileName, zip));
  const { districtId } = ctx.actor;
  if (await anotherImportRuns(ctx.db, districtId, ctx.clock)) {
    throw new AppError('conflict', 'Another roster import of the district is running; wait for it to finish');
  }
  const job = await repo.insertJob(ctx.db, {
    districtId, startedBy: ctx.actor.userId, fileName, status: 'running', phase: 'checking', total: plan.total,
    counts: repo.emptyCounts(), startedAt: ctx.clock.now(), version: plan.version,
  });
  const options = { districtId, confirmed, publicUrl, clock: ctx.clock, who: whoOf(ctx) };
  // The failure is on record in the job row; the upload's answer has long gone.
  const run = runJob(ctx.db, job.id, pkg, plan, options).catch(() => undefined).finally(() => pending.delete(job.id));
  pending.set(job.id, run);
  return jobView({ job, starterName: ctx.actor.name });
}

/** A zip starts with a local file header, or is an empty archive (its end record alone): a PDF or CSV sent as zip is not. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Waits until the imports started in this process have ended (tests, shutdown). */
export async function settleImports(): Promise<void> {
  await Promise.all(pending.values());
}

/** A job as the API shows it (counts stored before a field existed read as 0). */
export function jobView({ job, starterName }: { job: repo.JobRow; starterName: string | null }): RosterImportJob {
  const progress = job.status === 'running' ? live.get(job.id) : undefined;
  const undoableUntil = job.status === 'succeeded' && !job.undoneAt && job.finishedAt
    ? new Date(job.finishedAt.getTime() + ROSTER_LIMITS.undoDays * 86_400_000).toISOString() : null;
  return {
    id: job.id, status: job.status, phase: progress?.phase ?? job.phase, fileName: job.fileName,
    startedBy: job.startedBy ? { id: job.startedBy, name: starterName ?? '' } : null,
    startedAt: job.startedAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null,
    processed: progress?.processed ?? job.processed, total: progress?.total ?? job.total, rows: progress?.rows ?? job.rows,
    counts: { ...repo.emptyCounts(), ...(progress?.counts ?? job.counts) }, error: job.error ?? null,
    version: job.version ?? null, confirmation: job.confirmation ?? null, undoneAt: job.undoneAt?.toISOString() ?? null, undoableUntil,
  };
}

/** Recent imports of the actor's district. */
export async function findImports(ctx: ServiceContext): Promise<{ items: RosterImportJob[] }> {
  requirePermission(ctx.actor, 'import.run');
  return { items: (await repo.findJobs(ctx.db, ctx.actor.districtId, 50)).map(jobView) };
}

/** One import with its progress and rejected rows. */
export async function getImport(ctx: ServiceContext, id: string): Promise<RosterImportReport> {
  requirePermission(ctx.actor, 'import.run');
  const found = await repo.findJob(ctx.db, ctx.actor.districtId, id);
  if (!found) throw notFound('Roster import');
  return { ...jobView(found), rejections: await repo.findRejections(ctx.db, id) };
}
