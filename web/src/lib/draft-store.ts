// Unsent typing kept in the browser's IndexedDB until the server confirms it. IndexedDB rather than
// localStorage: it survives a crash or a closed tab the same way, holds large narratives without the 5 MB
// limit, and its writes do not block the page while the user types.

const DB_NAME = 'srodesk-drafts';
const STORE = 'drafts';

/** A draft copy as kept on this device. */
export interface StoredDraft<T> {
  value: T;
  /** The server version the copy was last known to be based on. */
  version: number;
  /** When the copy was last written (ISO). */
  updatedAt: string;
  /** Whatever else the editor needs to resume (the report form keeps the server ids of rows it saved). */
  extra?: unknown;
}

let opened: Promise<IDBDatabase | null> | null = null;

function database(): Promise<IDBDatabase | null> {
  opened ??= new Promise((resolve) => {
    // Private windows and old browsers may have no IndexedDB: the server save still runs, only the copy is missing.
    if (typeof indexedDB === 'undefined') return resolve(null);
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opened;
}

/** Runs one request in its own transaction; resolves when the transaction commits (undefined when storage is unavailable). */
async function run<R>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<R>): Promise<R | undefined> {
  const db = await database();
  if (!db) return undefined;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const request = make(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => resolve(undefined);
      tx.onabort = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

/** The key of an editor's copy: per record and per user, so a shared device never offers one user's text to another. */
export function draftKey(kind: string, recordId: string, userId: string | undefined): string {
  return `${kind}:${recordId}:${userId ?? 'anonymous'}`;
}

/** Reads the copy kept under `key` (undefined when none or storage is unavailable). */
export async function readDraft<T>(key: string): Promise<StoredDraft<T> | undefined> {
  const found = await run('readonly', (store) => store.get(key) as IDBRequest<StoredDraft<T> | undefined>);
  return found && typeof found === 'object' && 'value' in found ? found : undefined;
}

/** Keeps `draft` under `key`; transactions of one page commit in the order they were started, so the last write wins. */
export async function writeDraft<T>(key: string, draft: StoredDraft<T>): Promise<void> {
  await run('readwrite', (store) => store.put(draft, key));
}

/** Forgets the copy under `key` (the server has all of it). */
export async function deleteDraft(key: string): Promise<void> {
  await run('readwrite', (store) => store.delete(key));
}
