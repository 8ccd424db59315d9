import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { recordCounters } from './schema/index.js';

/** The numbered record kinds: each has its own sequence per district and year. */
export type CounterKind = 'incident' | 'call' | 'tip' | 'threat' | 'work_order';

/**
 * The next number of `kind` for the district and year. The upsert locks the counter row until the
 * transaction ends, so concurrent creators wait and numbers stay gap-free (a rollback returns the number).
 */
export async function nextNumber(db: Db, districtId: string, kind: CounterKind, year: number): Promise<number> {
  const [row] = await db.insert(recordCounters).values({ districtId, kind, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [recordCounters.districtId, recordCounters.kind, recordCounters.year],
      set: { lastValue: sql`${recordCounters.lastValue} + 1` },
    })
    .returning({ value: recordCounters.lastValue });
  return row!.value;
}
