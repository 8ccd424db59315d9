import { PATROL_KIND_LABELS, type PatrolKind } from '../../../common/patrols.js';
import { AppError } from '../../lib/errors.js';

/** How far ahead of the server clock a start may be (phones with a drifting clock). */
const FUTURE_SLACK_MS = 5 * 60_000;

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}: ${message}`, { field });
}

/** The start of a logged activity: the one given (not in the future), else now minus its duration. */
export function startOf(startedAt: string | undefined, durationMinutes: number, now: Date): Date {
  if (startedAt === undefined) return new Date(now.getTime() - durationMinutes * 60_000);
  const start = new Date(startedAt);
  if (start.getTime() > now.getTime() + FUTURE_SLACK_MS) throw invalid('startedAt', 'must not be in the future');
  return start;
}

/** The activity-log title of a patrol entry, e.g. "Patrol: Bus loop (Main lot)". */
export function patrolTitle(kind: PatrolKind, areaName: string | null): string {
  const label = PATROL_KIND_LABELS[kind];
  const title = kind.startsWith('visibility_') || kind === 'traffic_control' ? label : `Patrol: ${label}`;
  return areaName ? `${title} (${areaName})` : title;
}

/** One result of a run as submitted. */
export interface ResultInput { itemId: string; passed: boolean; note?: string | null }

/**
 * Checks a run covers every current item of its list exactly once and that every failed item says why.
 * 400 names `results.N.itemId` (unknown or repeated item), `results.N.note` or `results` (an item left out).
 */
export function checkResults(itemIds: readonly string[], results: readonly ResultInput[]): void {
  const known = new Set(itemIds);
  const seen = new Set<string>();
  results.forEach((r, i) => {
    if (!known.has(r.itemId)) throw invalid(`results.${i}.itemId`, 'not a current item of this check list');
    if (seen.has(r.itemId)) throw invalid(`results.${i}.itemId`, 'item given twice');
    seen.add(r.itemId);
    if (!r.passed && !r.note?.trim()) throw invalid(`results.${i}.note`, 'say what failed');
  });
  const missing = itemIds.filter((id) => !seen.has(id)).length;
  if (missing) throw invalid('results', `${missing} item(s) of the check list have no result`);
}

/** Checks the item ids of a list edit: each known to the list and given once. */
export function checkItemIds(items: readonly { id?: string }[], ownIds: ReadonlySet<string>): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!item.id) return;
    if (!ownIds.has(item.id) || seen.has(item.id)) throw invalid(`items.${i}.id`, 'not an item of this check list');
    seen.add(item.id);
  });
}

/** The first area id (by position) that is not in `known`, as a 400 naming its field; areas are optional. */
export function checkAreaIds(areaIds: readonly (string | null | undefined)[], known: ReadonlySet<string>, field: (i: number) => string): void {
  const bad = areaIds.findIndex((a) => a && !known.has(a));
  if (bad >= 0) throw invalid(field(bad), 'not a campus area of the school');
}
