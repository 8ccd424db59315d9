import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import * as repo from './idempotency.repository.js';

/** How long an answer is kept for a retry. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * The Idempotency-Key header of a write, or undefined when it has none. The web app's offline queue sends one per
 * queued write; anything but 8..100 letters, digits and `_.:-` is refused (400 naming the header).
 */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new AppError('validation_failed', 'Idempotency-Key: 8 to 100 letters, digits or _ . : -', { field: 'Idempotency-Key' });
  }
  return value;
}

function hashOf(operation: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, input])).digest('base64url');
}

/**
 * Runs the write `run` at most once per user and key: the key is claimed, the write runs and its answer is stored,
 * all in one transaction (the write's own transaction becomes a savepoint of it), so a failure stores nothing and
 * the retry runs the write again, while a retry after a success (its answer lost on the way) gets the stored
 * answer. The same key with another operation or input is a 409. Without a key the write simply runs.
 */
export async function idempotent<C extends ServiceContext, T>(
  ctx: C, key: string | undefined, operation: string, input: unknown, run: (ctx: C) => Promise<T>, status = 200,
): Promise<T> {
  if (!key) return run(ctx);
  const userId = ctx.actor.userId;
  const requestHash = hashOf(operation, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await repo.deleteOlder(tx, userId, new Date(now.getTime() - KEEP_MS));
    if (!(await repo.claim(tx, { userId, key, districtId: ctx.actor.districtId, operation, requestHash, createdAt: now }))) {
      const done = (await repo.find(tx, userId, key))!;
      if (done.operation !== operation || done.requestHash !== requestHash) {
        throw new AppError('conflict', 'Idempotency-Key: already used for another request', { field: 'Idempotency-Key' });
      }
      return done.response as T;
    }
    const result = await run({ ...ctx, db: tx });
    await repo.saveResponse(tx, userId, key, status, result);
    return result;
  });
}
