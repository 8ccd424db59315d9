import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rows, type Db } from '../db/connection.js';
import type { AuditEntry, AuditWho } from './audit.js';

/**
 * Reads at most one row of `table` matching `where` and appends the audit event of that read in the
 * same statement (a data-modifying CTE is one atomic statement: one round trip instead of four for
 * BEGIN, SELECT, INSERT, COMMIT). The event is written only when the row exists.
 */
export async function readOneAudited<T extends PgTable>(
  db: Db, table: T, where: SQL, who: AuditWho, entry: AuditEntry,
): Promise<T['$inferSelect'] | undefined> {
  const at = who.at ?? new Date();
  const result = await db.execute(sql`
    with subject as (select * from ${table} where ${where} limit 1),
    logged as (
      insert into audit_events (at, district_id, actor_user_id, actor_label, event_type, school_id, subject_type, subject_id, request_id, detail)
      select ${at.toISOString()}::timestamptz, ${who.actor?.districtId ?? who.districtId ?? null}::uuid, ${who.actor?.userId ?? null}::uuid,
        ${who.actor?.email ?? who.label ?? 'system'}, ${entry.type}, ${entry.schoolId ?? null}::uuid, ${entry.subjectType ?? null},
        ${entry.subjectId ?? null}, ${who.requestId ?? null}, ${JSON.stringify(entry.detail ?? {})}::jsonb
      where exists (select 1 from subject)
    )
    select * from subject`);
  const [raw] = rows<Record<string, unknown>>(result);
  if (!raw) return undefined;
  const record: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    record[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return record as T['$inferSelect'];
}
