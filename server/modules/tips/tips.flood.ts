import { and, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { FLOOD_FACTOR, FLOOD_MIN_TIPS, type TipFlood } from '../../../common/tip-queue.js';
import { AppError } from '../../lib/errors.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { tips } from '../../db/schema/index.js';

const HOUR_MS = 3600 * 1000;
/** A life-safety tip at a school pages its team once in this time while an earlier page is unacknowledged. */
export const PAGE_ONCE_MS = 15 * 60 * 1000;

/**
 * True when a life-safety tip of `schoolId` other than `tipId`, still unacknowledged, came in the last 15
 * minutes: it already paged the team, so a burst (a flood, or many callers about one event) pages once.
 */
export async function alreadyPaged(tx: Db, schoolId: string, now: Date, tipId: string): Promise<boolean> {
  const since = new Date(now.getTime() - PAGE_ONCE_MS);
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(tips).where(and(
    eq(tips.schoolId, schoolId), eq(tips.lifeSafety, true), sql`${tips.acknowledgedAt} is null`,
    gte(tips.createdAt, since), ne(tips.id, tipId),
  ));
  return Number(row?.n ?? 0) > 0;
}

function scoped(districtId: string, scope: Scope): SQL[] {
  const where = [eq(tips.districtId, districtId)];
  if (!scope.all) where.push(scope.schoolIds.length ? inArray(tips.schoolId, scope.schoolIds) : sql`false`);
  return where;
}

/** The line's last hour against its average hour of the 28 days before (schools in scope). */
export async function floodStatus(db: Db, districtId: string, scope: Scope, now: Date): Promise<TipFlood> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const monthAgo = new Date(hourAgo.getTime() - 28 * 24 * HOUR_MS);
  const [row] = await db.select({
    lastHour: sql<number>`count(*) filter (where ${tips.createdAt} >= ${hourAgo.toISOString()}::timestamptz)::int`,
    before: sql<number>`count(*) filter (where ${tips.createdAt} < ${hourAgo.toISOString()}::timestamptz)::int`,
  }).from(tips).where(and(...scoped(districtId, scope), gte(tips.createdAt, monthAgo), lt(tips.createdAt, new Date(now.getTime() + 1000))));
  const lastHour = Number(row?.lastHour ?? 0);
  const normalPerHour = Math.round((Number(row?.before ?? 0) / (28 * 24)) * 100) / 100;
  return { possible: lastHour >= FLOOD_MIN_TIPS && lastHour >= FLOOD_FACTOR * normalPerHour, lastHour, normalPerHour };
}

/** Where a queue page ends: the sort key of its last tip (priority, received, id). */
export interface QueueCursor { urgent: boolean; createdAt: string; id: string }

/** The opaque cursor of a tip row. */
export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.urgent ? 1 : 0, cursor.createdAt, cursor.id])).toString('base64url');
}

/** Reads a cursor back; a malformed one is a 400 on `cursor`. */
export function decodeCursor(text: string): QueueCursor {
  try {
    const [urgent, createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [number, string, string];
    if ((urgent === 0 || urgent === 1) && !Number.isNaN(Date.parse(createdAt)) && /^[0-9a-f-]{36}$/i.test(id)) {
      return { urgent: urgent === 1, createdAt: new Date(createdAt).toISOString(), id };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('validation_failed', 'cursor: not a cursor of this list', { field: 'cursor' });
}

/** The keyset condition "after this cursor" in the queue's order (urgent first, newest first, id). */
export function afterCursor(cursor: QueueCursor): SQL {
  return sql`((${tips.lifeSafety} and ${tips.acknowledgedAt} is null), ${tips.createdAt}, ${tips.id})
    < (${cursor.urgent}::boolean, ${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
}
