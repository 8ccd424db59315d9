import { ApiError, request } from './api.ts';
import {
  addWrite,
  deleteWrite,
  listWrites,
  putWrite,
  type QueuedKind,
  type QueuedWrite,
} from './offline-store.ts';

// Sending the offline queue: a write that cannot reach the server goes to the queue (offline-store.ts) with an
// Idempotency-Key; the queue is sent in order when the browser says it is back online, when the app starts, and
// on a timer that backs off (2 s doubling to a minute) while the server stays out of reach. The server keeps the
// answer of each key, so a write whose answer was lost on the way is not written twice when it is retried.

/** What a write answered: the server's result, or `queued` when it was kept on this device for later. */
export type Outcome<T> = { queued: false; result: T } | { queued: true };

/** Told after every change of the queue; `sent` names the entry that just reached the server. */
type Listener = (change: { userId: string; sent?: QueuedWrite }) => void;
const listeners = new Set<Listener>();

/** Subscribes to changes of the queue (an entry added, sent, refused, edited or discarded); returns the unsubscribe. */
export function onQueueChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(userId: string, sent?: QueuedWrite) {
  for (const l of listeners) l({ userId, sent });
}

function newKey(): string {
  return `offline-${crypto.randomUUID()}`;
}

/** True when the error means "the server was not reached" (or is not answering), so the write should wait. */
function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.status === 429);
}

/** The queue is sent by one loop at a time per page. */
let flushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let backoffMs = 0;

function scheduleRetry(userId: string) {
  backoffMs = Math.min(backoffMs ? backoffMs * 2 : 2_000, 60_000);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flushQueue(userId), backoffMs);
}

async function sendAll(userId: string): Promise<void> {
  for (const write of await listWrites(userId)) {
    if (write.state !== 'queued') continue;
    try {
      await request('POST', write.path, write.body, undefined, { 'idempotency-key': write.key });
    } catch (error) {
      if (isUnreachable(error)) {
        await putWrite({ ...write, attempts: write.attempts + 1 });
        changed(userId);
        scheduleRetry(userId);
        return;
      }
      const e = error instanceof ApiError ? error : null;
      // A signed-out or two-step session is not the write's fault: it waits for the next sign-in.
      if (e && (e.code === 'unauthenticated' || e.code === 'mfa_required')) return;
      await putWrite({
        ...write,
        state: 'refused',
        attempts: write.attempts + 1,
        refusal: {
          status: e?.status ?? 0,
          code: e?.code ?? 'error',
          message: e?.message ?? String(error),
          ...(e?.field ? { field: e.field } : {}),
        },
      });
      changed(userId);
      continue;
    }
    await deleteWrite(write.seq!);
    changed(userId, write);
  }
  backoffMs = 0;
}

/** Sends the user's queued writes in order; the refused ones stay in the "Not sent" list. One loop at a time. */
export function flushQueue(userId: string): Promise<void> {
  if (flushing) return flushing;
  clearTimeout(retryTimer);
  flushing = sendAll(userId).finally(() => {
    flushing = null;
  });
  return flushing;
}

/**
 * Sends a write now, or keeps it in the queue when the server cannot be reached (offline, a network failure, a
 * 5xx) or older writes are still waiting (the queue keeps the order in which the officer worked). A refusal (4xx)
 * of a write sent now is thrown as usual: the user is at the form to correct it.
 */
export async function sendOrQueue<T>(
  userId: string,
  kind: QueuedKind,
  label: string,
  path: string,
  body: Record<string, unknown>,
): Promise<Outcome<T>> {
  const write: QueuedWrite = {
    key: newKey(),
    userId,
    kind,
    label,
    path,
    body,
    createdAt: new Date().toISOString(),
    state: 'queued',
    attempts: 0,
  };
  const waiting = (await listWrites(userId)).some((w) => w.state === 'queued');
  if (navigator.onLine && !waiting) {
    try {
      return {
        queued: false,
        result: await request<T>('POST', path, body, undefined, { 'idempotency-key': write.key }),
      };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
    }
  }
  await addWrite(write);
  changed(userId);
  if (navigator.onLine) scheduleRetry(userId);
  return { queued: true };
}

/** Puts a refused entry back in the queue (after the user edited it, or to try again) and sends the queue. */
export async function retryWrite(write: QueuedWrite, body = write.body): Promise<void> {
  await putWrite({
    ...write,
    body,
    state: 'queued',
    refusal: undefined,
    key: body === write.body ? write.key : newKey(),
  });
  changed(write.userId);
  await flushQueue(write.userId);
}

/** Removes an entry the user chose to discard. */
export async function discardWrite(write: QueuedWrite): Promise<void> {
  await deleteWrite(write.seq!);
  changed(write.userId);
}

/** Removes all of the user's entries (sign-out, after the user confirmed the warning). */
export async function clearWrites(userId: string): Promise<void> {
  for (const w of await listWrites(userId)) await deleteWrite(w.seq!);
  changed(userId);
}
