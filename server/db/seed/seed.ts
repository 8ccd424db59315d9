import type { Db } from '../connection.js';

/** Seeds the demo district when the database has no district yet. Returns true when it seeded. */
export async function seedDemoIfEmpty(_db: Db, _log: (line: string) => void): Promise<boolean> {
  return false;
}
