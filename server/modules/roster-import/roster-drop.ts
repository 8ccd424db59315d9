import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/connection.js';
import { districts } from '../../db/schema/index.js';
import type { Clock } from '../../lib/clock.js';
import { StructuralError } from './csv-stream.js';
import { zipPackage } from './package-source.js';
import { checkPackage } from './roster-import.check.js';
import * as repo from './roster-import.repository.js';
import { ConfirmationNeeded } from './roster-import.runner.js';
import { runJob } from './roster-import.service.js';

/** Where a dropped package goes once read: the job in the data exchange page says what happened. */
const OUTCOME_DIRS = { succeeded: 'done', needs_confirmation: 'needs-confirmation', failed: 'failed' } as const;
/** A file younger than this may still be being written by the SIS export. */
const SETTLE_MS = 60_000;

export interface DropOptions { dir: string; clock: Clock; publicUrl: string; log: (message: string) => void }

/**
 * Syncs the zips an SIS export dropped in `dir`, oldest first, each as a job of the deployment's one district (with
 * several districts, a zip goes in a sub-folder named by the district id). A sync that needs confirmation is not
 * confirmed here: it waits in needs-confirmation/ for someone to send it again from the page or the command line.
 */
export async function sweepDropDir(db: Db, options: DropOptions): Promise<number> {
  const all = await db.select({ id: districts.id }).from(districts);
  const targets: { folder: string; districtId: string }[] = all.length === 1 ? [{ folder: options.dir, districtId: all[0]!.id }] : [];
  for (const d of all) targets.push({ folder: path.join(options.dir, d.id), districtId: d.id });
  let handled = 0;
  for (const { folder, districtId } of targets) {
    const names = await readdir(folder).catch(() => [] as string[]);
    const zips = [];
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.zip'))) {
      const info = await stat(path.join(folder, name));
      if (info.isFile() && options.clock.now().getTime() - info.mtimeMs >= SETTLE_MS) zips.push({ name, at: info.mtimeMs });
    }
    for (const { name } of zips.sort((a, b) => a.at - b.at)) {
      const outcome = await syncOne(db, path.join(folder, name), districtId, options);
      const target = path.join(folder, OUTCOME_DIRS[outcome]);
      await mkdir(target, { recursive: true });
      await rename(path.join(folder, name), path.join(target, name));
      options.log(`roster drop: ${name} ${outcome.replace('_', ' ')}`);
      handled++;
    }
  }
  return handled;
}

async function syncOne(db: Db, file: string, districtId: string, options: DropOptions): Promise<keyof typeof OUTCOME_DIRS> {
  const name = path.basename(file);
  const who = { label: `roster drop folder (${name})`, districtId };
  let pkg;
  let plan;
  try {
    pkg = zipPackage(name, await readFile(file));
    plan = await checkPackage(pkg);
  } catch (error) {
    if (!(error instanceof StructuralError)) throw error;
    await repo.insertJob(db, {
      districtId, fileName: name, status: 'failed', phase: 'checking', counts: repo.emptyCounts(), startedAt: options.clock.now(),
      finishedAt: options.clock.now(), error: { message: error.message, file: error.file, line: error.line },
    });
    return 'failed';
  }
  const job = await repo.insertJob(db, {
    districtId, fileName: name, status: 'running', phase: 'checking', total: plan.total, counts: repo.emptyCounts(),
    startedAt: options.clock.now(), version: plan.version,
  });
  try {
    await runJob(db, job.id, pkg, plan, { districtId, confirmed: false, publicUrl: options.publicUrl, clock: options.clock, who });
    return 'succeeded';
  } catch (error) {
    return error instanceof ConfirmationNeeded ? 'needs_confirmation' : 'failed';
  }
}

/** The drop folder and its interval from the environment (ROSTER_DROP_DIR, ROSTER_DROP_INTERVAL_MINUTES, default 15). */
export function dropSettings(env: NodeJS.ProcessEnv): { dir: string; everyMs: number } | null {
  const dir = env.ROSTER_DROP_DIR?.trim();
  if (!dir) return null;
  const minutes = Number(env.ROSTER_DROP_INTERVAL_MINUTES ?? 15);
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 1440) throw new Error('ROSTER_DROP_INTERVAL_MINUTES must be a number of minutes from 1 to 1440');
  return { dir, everyMs: minutes * 60_000 };
}
