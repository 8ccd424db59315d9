import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { incidentSeals } from '../../db/schema/index.js';
import { filesOf } from '../../files/registry.js';
import { loadSealedKey, rewrapFile, type SealedKey } from '../../files/sealed-key.js';
import { advanceSeal, findPendingSeals, updateSeal } from './sealing.repository.js';

const NEXT = { sealing: 'sealed', unsealing: 'unsealed', expunging: 'expunged' } as const;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * The file step of sealing, unsealing and expungement, run after the database step committed: re-wraps the
 * record's evidence keys under the sealed key (or back under the master key), or destroys the files. Every
 * action is idempotent, so a step that failed or whose process died is simply run again: on failure it retries
 * with backoff, and every start finishes the seals left half-way (state `sealing`, `unsealing`, `expunging`).
 */
export class SealFileStep {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(readonly db: Db, readonly dataDir: string, readonly sealed: SealedKey, private readonly onError: (error: unknown, sealId: string) => void) {}

  /** Runs the file step of one seal now; on failure schedules a retry and answers the state it is left in. */
  async finish(sealId: string, delayMs = 1000): Promise<string> {
    try {
      return await this.run(sealId);
    } catch (error) {
      this.onError(error, sealId);
      if (!this.closed) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          void this.finish(sealId, Math.min(delayMs * 2, MAX_DELAY_MS));
        }, delayMs).unref();
        this.timers.add(timer);
      }
      const [row] = await this.db.select({ state: incidentSeals.state }).from(incidentSeals).where(eq(incidentSeals.id, sealId)).catch(() => []);
      return row?.state ?? 'unknown';
    }
  }

  /** Finishes every seal a crash or a failure left half-way. */
  async resume(): Promise<number> {
    const pending = await findPendingSeals(this.db);
    for (const p of pending) await this.finish(p.id);
    return pending.length;
  }

  /** Stops scheduled retries (the next start resumes them). */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async run(sealId: string): Promise<string> {
    const [seal] = await this.db.select().from(incidentSeals).where(eq(incidentSeals.id, sealId));
    if (!seal) return 'unknown';
    if (!(seal.state in NEXT)) return seal.state;
    const store = filesOf(this.db);
    const destroy = seal.state === 'expunging' || (seal.state === 'sealing' && seal.destroyFiles);
    for (const key of seal.fileKeys) {
      if (destroy) await store.remove(key);
      else await rewrapFile(this.db, store.ring, this.sealed, key, seal.state === 'sealing');
    }
    if (destroy) await updateSeal(this.db, sealId, { fileKeys: [] });
    const state = seal.state as keyof typeof NEXT;
    await advanceSeal(this.db, sealId, state, NEXT[state]);
    return NEXT[state];
  }
}

// Per database handle, the sealed key of the app open on it (services other than sealing find it from `ctx.db`).
const sealedKeys = new WeakMap<Db, SealedKey>();

/** The sealed key of the app whose database handle is `db`, if sealing is installed on it. */
export function sealedKeyOf(db: Db): SealedKey | undefined {
  return sealedKeys.get(db);
}

// Per data folder, the file steps of the apps open on it (the newest answers; closing one uncovers the previous).
const steps = new Map<string, SealFileStep[]>();

/** Creates the app's file step and finishes, once the app is ready, every seal left half-way. */
export function installSealing(app: FastifyInstance): void {
  const { config, database } = app.deps;
  const sealed = loadSealedKey({ sealedKey: process.env.SEALED_KEY, dataDir: config.dataDir });
  const step = new SealFileStep(database.db, config.dataDir, sealed, (error, sealId) => app.log.error({ err: error, sealId }, 'sealing file step failed; retrying'));
  steps.set(config.dataDir, [...(steps.get(config.dataDir) ?? []), step]);
  sealedKeys.set(database.db, sealed);
  app.addHook('onReady', async () => {
    await step.resume().catch((error: unknown) => app.log.error({ err: error }, 'resuming sealing failed'));
  });
  app.addHook('onClose', async () => {
    step.close();
    const left = (steps.get(config.dataDir) ?? []).filter((s) => s !== step);
    if (left.length) steps.set(config.dataDir, left);
    else steps.delete(config.dataDir);
  });
}

/** The file step of the app whose data folder is `dataDir`. */
export function sealFileStepFor(dataDir: string): SealFileStep {
  const step = steps.get(dataDir)?.at(-1);
  if (!step) throw new Error(`No sealing file step is installed for ${dataDir}`);
  return step;
}
