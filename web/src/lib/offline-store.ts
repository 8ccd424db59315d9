// The offline queue's storage: writes made without signal, kept in the browser's IndexedDB (like the autosave
// drafts of draft-store.ts) until the server has them. Every entry names the user who made it and every read
// filters by that user, so another account on a shared device never sees or sends them.

const DB_NAME = 'srodesk-offline';
const STORE = 'writes';

/** The writes an officer can make without signal. */
export type QueuedKind = 'patrol' | 'check' | 'incident' | 'checkin';

/** Why the server refused a queued write (a 4xx answer), as shown in the "Not sent" list. */
export interface QueuedRefusal {
  status: number;
  code: string;
  message: string;
  field?: string;
}

/** One write waiting on this device. `seq` orders the queue; `key` is its Idempotency-Key. */
export interface QueuedWrite {
  seq?: number;
  key: string;
  userId: string;
  kind: QueuedKind;
  /** What the user did, in words ("Patrol: Parking, 30 min"). */
  label: string;
  path: string;
  body: Record<string, unknown>;
  createdAt: string;
  /** `queued`: waiting for the network; `refused`: the server said no, the user decides (retry, edit, discard). */
  state: 'queued' | 'refused';
  refusal?: QueuedRefusal;
  attempts: number;
}

let opened: Promise<IDBDatabase | null> | null = null;

function database(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
        store.createIndex('userId', 'userId');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

/** Runs one request in its own transaction and resolves when it commits; rejects when storage fails. */
async function run<R>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<R>): Promise<R> {
  const db = await database();
  if (!db)
    throw new Error('This browser keeps no offline copies (private window?): the write could not be kept.');
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = make(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? new Error('The offline copy could not be written'));
    tx.onabort = () => reject(tx.error ?? new Error('The offline copy could not be written'));
  });
}

/** The user's queued writes, oldest first (the order they are sent in). */
export async function listWrites(userId: string): Promise<QueuedWrite[]> {
  const db = await database();
  if (!db) return [];
  const rows = await run(
    'readonly',
    (store) => store.index('userId').getAll(IDBKeyRange.only(userId)) as IDBRequest<QueuedWrite[]>,
  );
  return rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** Adds a write at the end of the queue. */
export async function addWrite(write: QueuedWrite): Promise<void> {
  await run('readwrite', (store) => store.add(write));
}

/** Rewrites a queued entry (its state, refusal, attempts or an edited body). */
export async function putWrite(write: QueuedWrite): Promise<void> {
  await run('readwrite', (store) => store.put(write));
}

/** Forgets a queued entry (sent, or discarded by the user). */
export async function deleteWrite(seq: number): Promise<void> {
  await run('readwrite', (store) => store.delete(seq));
}
