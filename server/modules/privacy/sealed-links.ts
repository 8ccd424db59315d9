import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { sealedRecords } from '../../db/schema/index.js';

/** The ids among `ids` that are sealed or expunged records: links to them read "a sealed record". */
export async function sealedAmong(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: sealedRecords.incidentId }).from(sealedRecords).where(inArray(sealedRecords.incidentId, ids));
  return new Set(rows.map((r) => r.id));
}
