import { sql, type SQL } from 'drizzle-orm';
import type { HoldKind, RecordType } from '../../../common/retention.js';
import { rows, type Db } from '../../db/connection.js';

/*
 * Where each record type lives, which date its period runs from, and how it is destroyed with every copy: child
 * rows, version snapshots, links from tips and cases, evidence and attachment files. Search entries are columns of
 * the rows themselves (tsvector), so they go with them. Nothing here takes a value from a request except ids.
 */

interface Source {
  /** `from` clause aliasing the record table as r. */
  table: string;
  /** The instant (or date) the period runs from. */
  at: string;
  /** A date column (compared by day) rather than an instant. */
  isDate?: boolean;
  /** The number users know it by. */
  label: string;
  /** Which of the table's rows are ever destroyed by retention. */
  where: string;
  hold?: HoldKind;
}

const incident = (juvenile: boolean): Source => ({
  table: 'incidents', at: 'r.occurred_at', label: 'r.number', hold: 'incident',
  // A sealed record follows its court order (sealing, expungement), not the schedule.
  where: `r.sealed_at is null and ${juvenile ? '' : 'not '}r.has_juvenile`,
});

export const SOURCES: Record<RecordType, Source> = {
  incident_adult: incident(false),
  incident_juvenile: incident(true),
  // A call with an incident report is kept as long as the report (it is part of it).
  call: { table: 'calls', at: 'r.received_at', label: 'r.number', where: 'not exists (select 1 from incidents i where i.call_id = r.id)' },
  activity_entry: { table: 'activity_entries', at: 'r.started_at', label: 'r.id::text', where: 'true' },
  patrol_entry: { table: 'patrol_entries', at: 'r.started_at', label: 'r.id::text', where: 'true' },
  tip: { table: 'tips', at: 'r.closed_at', label: 'r.number', where: 'r.closed_at is not null', hold: 'tip' },
  threat_case: { table: 'threat_cases', at: 'r.closed_at', label: 'r.number', where: 'r.closed_at is not null', hold: 'threat_case' },
  support_referral: { table: 'support_referrals', at: 'r.closed_at', label: 'r.id::text', where: 'r.closed_at is not null', hold: 'support_referral' },
  alert: { table: 'alerts', at: 'r.raised_at', label: 'r.id::text', where: `r.status in ('cancelled', 'cleared')` },
  drill: { table: 'drills', at: 'r.date', isDate: true, label: 'r.id::text', where: 'true' },
};

/** The records of the type past the cutoff (instant, or day for date columns), as SQL the callers wrap. */
function expired(type: RecordType, districtId: string, cutoff: Date, cutoffDay: string): SQL {
  const s = SOURCES[type];
  const before = s.isDate ? sql`${sql.raw(s.at)} < ${cutoffDay}::date` : sql`${sql.raw(s.at)} < ${cutoff.toISOString()}::timestamptz`;
  return sql`from ${sql.raw(s.table)} r where r.district_id = ${districtId} and ${sql.raw(s.where)} and ${before}`;
}

function heldBy(type: RecordType, districtId: string): SQL {
  const kind = SOURCES[type].hold;
  if (!kind) return sql`false`;
  return sql`exists (select 1 from legal_holds h where h.district_id = ${districtId} and h.record_kind = ${kind} and h.record_id = r.id and h.lifted_at is null)`;
}

/** The day (in the district's zone) of an instant column, or the date column itself, as text. */
function dayOf(type: RecordType, timeZone: string): SQL {
  const s = SOURCES[type];
  return s.isDate ? sql`${sql.raw(s.at)}::text` : sql`to_char(${sql.raw(s.at)} at time zone ${timeZone}, 'YYYY-MM-DD')`;
}

/** Counts, held back and date range of the records of a type past the cutoff. */
export async function expiredSummary(db: Db, districtId: string, type: RecordType, cutoff: Date, cutoffDay: string, timeZone: string) {
  const [row] = rows<{ count: string; held: string; oldest: string | null; newest: string | null }>(await db.execute(sql`
    select count(*) filter (where not ${heldBy(type, districtId)}) as count, count(*) filter (where ${heldBy(type, districtId)}) as held,
      min(${dayOf(type, timeZone)}) filter (where not ${heldBy(type, districtId)}) as oldest,
      max(${dayOf(type, timeZone)}) filter (where not ${heldBy(type, districtId)}) as newest
    ${expired(type, districtId, cutoff, cutoffDay)}`));
  return { count: Number(row!.count), held: Number(row!.held), oldest: row!.oldest, newest: row!.newest };
}

/** Writes the report's batches of ids and numbers for a type (held records left out), `size` per batch. */
export async function insertBatches(db: Db, reportId: string, districtId: string, type: RecordType, cutoff: Date, cutoffDay: string, size: number) {
  const s = SOURCES[type];
  await db.execute(sql`
    insert into destruction_batches (report_id, record_type, seq, ids, labels)
    select ${reportId}, ${type}, b, array_agg(id order by n), array_agg(label order by n)
    from (select r.id, ${sql.raw(s.label)} as label, (row_number() over (order by ${sql.raw(s.at)}, r.id) - 1) as n
          ${expired(type, districtId, cutoff, cutoffDay)} and not ${heldBy(type, districtId)}) x,
         lateral (select (x.n / ${size})::int as b) bb
    group by b`);
}

/** Of the given ids, those under an active legal hold now (a hold set after the report still stops the purge). */
export async function heldAmong(db: Db, districtId: string, type: RecordType, ids: string[]): Promise<Set<string>> {
  const kind = SOURCES[type].hold;
  if (!kind || !ids.length) return new Set();
  const found = rows<{ id: string }>(await db.execute(sql`
    select record_id as id from legal_holds where district_id = ${districtId} and record_kind = ${kind} and lifted_at is null
      and record_id = any(${uuids(ids)}::uuid[])`));
  return new Set(found.map((f) => f.id));
}

const uuids = (ids: string[]) => `{${ids.join(',')}}`;

/** The stored-file keys of the records (evidence, tip attachments): removed with the rows, in their transaction. */
export async function fileKeysOf(db: Db, type: RecordType, ids: string[]): Promise<string[]> {
  const list = uuids(ids);
  let query: SQL | null = null;
  if (type === 'incident_adult' || type === 'incident_juvenile') query = sql`select storage_key as key from incident_attachments where incident_id = any(${list}::uuid[]) and storage_key is not null`;
  if (type === 'tip') query = sql`select file_key as key from tip_attachments where tip_id = any(${list}::uuid[]) and file_key is not null`;
  return query ? rows<{ key: string }>(await db.execute(query)).map((r) => r.key) : [];
}

/** Deletes the records and everything that copies or points at them; answers how many records went. */
export async function purgeRows(db: Db, districtId: string, type: RecordType, ids: string[]): Promise<number> {
  const list = uuids(ids);
  // Fixed statements with the id list bound where `$IDS` stands.
  const exec = async (text: string) => {
    const [before, after] = text.split('$IDS');
    await db.execute(sql.join([sql.raw(before!), sql`${list}::uuid[]`, sql.raw(after ?? '')]));
  };
  switch (type) {
    case 'incident_adult':
    case 'incident_juvenile':
      await exec('delete from incident_versions where incident_id = any($IDS)');
      await exec(`delete from tip_links where kind = 'referral' and target_id in (select id from incident_referrals where incident_id = any($IDS))`);
      for (const t of ['incident_tasks', 'incident_actions', 'incident_referrals', 'incident_attachments', 'incident_reviews', 'incident_supplements', 'incident_persons', 'incident_offenses', 'nibrs_export_items']) {
        await exec(`delete from ${t} where incident_id = any($IDS)`);
      }
      await exec(`delete from tip_links where kind = 'incident' and target_id = any($IDS)`);
      await exec('update threat_cases set incident_id = null where incident_id = any($IDS)');
      await exec('update calls set incident_id = null where incident_id = any($IDS)');
      break;
    case 'tip':
      for (const t of ['tip_messages', 'tip_attachments', 'tip_links']) await exec(`delete from ${t} where tip_id = any($IDS)`);
      await exec('update threat_cases set tip_id = null where tip_id = any($IDS)');
      break;
    case 'threat_case':
      for (const t of ['threat_case_members', 'threat_notes', 'threat_tasks']) await exec(`delete from ${t} where case_id = any($IDS)`);
      await exec(`delete from tip_links where kind = 'threat_case' and target_id = any($IDS)`);
      break;
    case 'support_referral':
      await exec('delete from support_referral_notes where referral_id = any($IDS)');
      break;
    case 'alert':
      await exec('delete from reunification_requests where reunification_id in (select id from reunifications where alert_id = any($IDS))');
      for (const t of ['reunifications', 'alert_check_ins', 'alert_receipts', 'alert_schools', 'alert_timeline']) await exec(`delete from ${t} where alert_id = any($IDS)`);
      await exec('update drills set alert_id = null where alert_id = any($IDS)');
      break;
    default:
      break;
  }
  const s = SOURCES[type];
  const gone = rows<{ id: string }>(await db.execute(sql`
    delete from ${sql.raw(s.table)} r where r.district_id = ${districtId} and r.id = any(${list}::uuid[]) and ${sql.raw(s.where)} returning r.id`));
  return gone.length;
}
