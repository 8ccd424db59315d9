import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { HoldKind, RecordType, ReportState } from '../../../common/retention.js';
import { rows, type Db } from '../../db/connection.js';
import { destructionBatches, destructionReports, districts, legalHolds, retentionSchedules, users, type ReportLine } from '../../db/schema/index.js';

/** The district's state (its settings): the retention defaults are that state's. */
export async function districtState(db: Db, districtId: string): Promise<string | null> {
  const [row] = await db.select({ state: districts.state }).from(districts).where(eq(districts.id, districtId));
  return row?.state ?? null;
}

/** The district's own retention periods. */
export function findOverrides(db: Db, districtId: string) {
  return db.select().from(retentionSchedules).where(eq(retentionSchedules.districtId, districtId));
}

/** Sets the district's own period for a type. */
export async function saveOverride(db: Db, row: typeof retentionSchedules.$inferInsert) {
  await db.insert(retentionSchedules).values(row).onConflictDoUpdate({
    target: [retentionSchedules.districtId, retentionSchedules.recordType],
    set: { years: row.years, note: row.note, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
  });
}

/** Goes back to the state default for a type. */
export async function deleteOverride(db: Db, districtId: string, recordType: RecordType) {
  await db.delete(retentionSchedules).where(and(eq(retentionSchedules.districtId, districtId), eq(retentionSchedules.recordType, recordType)));
}

/** The legal holds of the district, active first. */
export function findHolds(db: Db, districtId: string) {
  return db.select({ hold: legalHolds, setByName: users.name }).from(legalHolds).innerJoin(users, eq(users.id, legalHolds.setBy))
    .where(eq(legalHolds.districtId, districtId)).orderBy(sql`${legalHolds.liftedAt} is not null`, desc(legalHolds.setAt)).limit(500);
}

/** One hold, locked for a change. */
export async function findHold(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(legalHolds).where(and(eq(legalHolds.districtId, districtId), eq(legalHolds.id, id))).for('update');
  return row;
}

/** The active hold of a record, if any. */
export async function activeHold(db: Db, districtId: string, kind: HoldKind, recordId: string) {
  const [row] = await db.select().from(legalHolds).where(and(eq(legalHolds.districtId, districtId), eq(legalHolds.recordKind, kind),
    eq(legalHolds.recordId, recordId), isNull(legalHolds.liftedAt)));
  return row;
}

/** Inserts a hold. */
export async function insertHold(db: Db, row: typeof legalHolds.$inferInsert) {
  const [hold] = await db.insert(legalHolds).values(row).returning();
  return hold!;
}

/** Lifts a hold. */
export async function liftHold(db: Db, id: string, by: string, at: Date, reason: string) {
  await db.update(legalHolds).set({ liftedBy: by, liftedAt: at, liftReason: reason }).where(eq(legalHolds.id, id));
}

const HOLD_LOOKUP: Record<HoldKind, { table: string; label: string }> = {
  incident: { table: 'incidents', label: 'number' },
  tip: { table: 'tips', label: 'number' },
  threat_case: { table: 'threat_cases', label: 'number' },
  support_referral: { table: 'support_referrals', label: 'id::text' },
};

/** A record of the district by its number (or id), with its school: what a hold is put on. */
export async function findHoldable(db: Db, districtId: string, kind: HoldKind, record: string) {
  const t = HOLD_LOOKUP[kind];
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(record);
  const [row] = rows<{ id: string; label: string; school_id: string | null }>(await db.execute(sql`
    select r.id, r.${sql.raw(t.label)} as label, r.school_id from ${sql.raw(t.table)} r
    where r.district_id = ${districtId} and (r.${sql.raw(t.label)} = ${record} ${isUuid ? sql`or r.id = ${record}::uuid` : sql``}) limit 1`));
  return row;
}

/** The numbers of held records (for the list), by kind. */
export async function holdLabels(db: Db, kind: HoldKind, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const t = HOLD_LOOKUP[kind];
  const found = rows<{ id: string; label: string }>(await db.execute(sql`
    select r.id, r.${sql.raw(t.label)} as label from ${sql.raw(t.table)} r where r.id = any(${`{${ids.join(',')}}`}::uuid[])`));
  return new Map(found.map((f) => [f.id, f.label]));
}

/** Creates the day's report (none when the district already has one for that day). */
export async function insertReport(db: Db, row: typeof destructionReports.$inferInsert) {
  const [report] = await db.insert(destructionReports).values(row).onConflictDoNothing().returning();
  return report;
}

/** Sets a report's summary lines once its batches are written. */
export async function setLines(db: Db, id: string, lines: ReportLine[]) {
  await db.update(destructionReports).set({ lines }).where(eq(destructionReports.id, id));
}

/** The district's reports, newest first. */
export function findReports(db: Db, districtId: string) {
  return db.select({ report: destructionReports, decidedByName: users.name }).from(destructionReports)
    .leftJoin(users, eq(users.id, destructionReports.decidedBy))
    .where(eq(destructionReports.districtId, districtId)).orderBy(desc(destructionReports.day)).limit(60);
}

/** One report of the district; `forUpdate` locks it for a decision. */
export async function findReport(db: Db, districtId: string, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(destructionReports).where(and(eq(destructionReports.districtId, districtId), eq(destructionReports.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** A report by id alone (the purge runner, which has no caller). */
export async function reportById(db: Db, id: string) {
  const [row] = await db.select().from(destructionReports).where(eq(destructionReports.id, id));
  return row;
}

/** Moves a report on, only from the state it is expected in (a second approval finds nothing). */
export async function moveReport(db: Db, id: string, from: ReportState[], set: Partial<typeof destructionReports.$inferInsert>) {
  const moved = await db.update(destructionReports).set(set).where(and(eq(destructionReports.id, id), inArray(destructionReports.state, from))).returning();
  return moved[0];
}

/** Reports whose purge was approved but not finished (a crash, a failure): the next start finishes them. */
export function findUnfinished(db: Db) {
  return db.select({ id: destructionReports.id }).from(destructionReports).where(inArray(destructionReports.state, ['approved', 'purging']));
}

/** The next batch of a report not purged yet. */
export async function nextBatch(db: Db, reportId: string) {
  const [row] = await db.select().from(destructionBatches)
    .where(and(eq(destructionBatches.reportId, reportId), isNull(destructionBatches.purgedAt)))
    .orderBy(asc(destructionBatches.recordType), asc(destructionBatches.seq)).limit(1).for('update', { skipLocked: true });
  return row;
}

/** Marks a batch purged with how many records went. */
export async function markBatch(db: Db, id: string, purged: number, fileKeys: string[], at: Date) {
  await db.update(destructionBatches).set({ purged, fileKeys, purgedAt: at }).where(eq(destructionBatches.id, id));
}

/** Every file key a report's purge removed (the file step removes their bytes again: idempotent). */
export async function purgedFileKeys(db: Db, reportId: string): Promise<string[]> {
  const found = rows<{ key: string }>(await db.execute(sql`
    select unnest(file_keys) as key from destruction_batches where report_id = ${reportId}`));
  return found.map((f) => f.key);
}

/** Purged counts by type of a report. */
export async function purgedCounts(db: Db, reportId: string) {
  const found = rows<{ t: RecordType; n: string }>(await db.execute(sql`
    select record_type as t, coalesce(sum(purged), 0) as n from destruction_batches where report_id = ${reportId} group by record_type`));
  return Object.fromEntries(found.map((f) => [f.t, Number(f.n)])) as Partial<Record<RecordType, number>>;
}

/** A page of the ids and numbers of one type of a report. */
export async function reportRecords(db: Db, reportId: string, type: RecordType, offset: number, limit: number) {
  const found = rows<{ id: string; label: string }>(await db.execute(sql`
    select u.id, u.label from destruction_batches b, unnest(b.ids, b.labels) with ordinality as u(id, label, n)
    where b.report_id = ${reportId} and b.record_type = ${type} order by b.seq, u.n offset ${offset} limit ${limit}`));
  return found;
}

/** Every district with its time zone (the nightly job walks them). */
export function allDistricts(db: Db) {
  return db.select({ id: districts.id, timeZone: districts.timezone }).from(districts);
}

/** Whether the district already has a report that is not decided or not finished (one at a time). */
export async function openReport(db: Db, districtId: string) {
  const [row] = await db.select({ id: destructionReports.id }).from(destructionReports)
    .where(and(eq(destructionReports.districtId, districtId), inArray(destructionReports.state, ['pending', 'approved', 'purging']))).limit(1);
  return row;
}
