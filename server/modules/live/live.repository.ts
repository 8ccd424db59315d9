import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { liveEvents } from '../../db/schema/index.js';

/** The permission that, held at one of an event's schools, lets a connection see it. */
export type LiveAudience = 'alert.receive' | 'alert.manage' | 'reunification.manage' | 'tip.read' | 'notice.read';

/** A live event to store. */
export interface NewLiveEvent {
  districtId: string;
  schoolIds: string[];
  audience: LiveAudience;
  type: string;
  payload: Record<string, unknown>;
}

/** A stored live event; `payload` is the JSON text as stored, written to the wire unchanged. */
export interface StoredLiveEvent {
  id: number;
  districtId: string;
  schoolIds: string[];
  audience: LiveAudience;
  type: string;
  payload: string;
}

/** The NOTIFY channel between app processes on one PostgreSQL database. */
export const LIVE_CHANNEL = 'sro_live';
// Any constant: it only has to be the same in every process writing live events to one database.
const LIVE_LOCK_KEY = 0x11_7e_e7_01;

/**
 * Stores a live event inside the caller's transaction, as its last statement. The advisory lock is held
 * until commit, so events commit in id order and a reader that has seen id n has seen everything below n.
 * The NOTIFY is sent by PostgreSQL at commit (and never for a rolled-back change).
 */
export async function appendLiveEvent(tx: Db, event: NewLiveEvent): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LIVE_LOCK_KEY})`);
  const [row] = await tx.insert(liveEvents).values(event).returning({ id: liveEvents.id });
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${String(row!.id)})`);
  return row!.id;
}

interface RawEvent { id: string | number; district_id: string; school_ids: string; audience: LiveAudience; type: string; payload: string }

function toEvent(r: RawEvent): StoredLiveEvent {
  return {
    id: Number(r.id), districtId: r.district_id, schoolIds: JSON.parse(r.school_ids) as string[], audience: r.audience,
    type: r.type, payload: r.payload,
  };
}

/** Events after `afterId` (of one district when given), oldest first, at most `limit`. */
export async function findLiveEventsAfter(db: Db, afterId: number, limit: number, districtId?: string): Promise<StoredLiveEvent[]> {
  const inDistrict = districtId ? sql`and district_id = ${districtId}` : sql``;
  const result = await db.execute(sql`
    select id, district_id, to_json(school_ids)::text as school_ids, audience, type, payload::text as payload
    from live_events where id > ${afterId} ${inDistrict} order by id limit ${limit}`);
  return rows<RawEvent>(result).map(toEvent);
}

/** The id of the latest live event, 0 when there is none. */
export async function latestLiveEventId(db: Db): Promise<number> {
  const result = await db.execute(sql`select coalesce(max(id), 0) as id from live_events`);
  return Number(rows<{ id: string | number }>(result)[0]?.id ?? 0);
}
