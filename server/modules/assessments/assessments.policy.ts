import {
  RATING_SCORE, type AssessmentLayer, type AssessmentRating, type ComparisonChange, type ComparisonRow, type FindingSeverity,
  type PHOTO_TYPES,
} from '../../../common/assessments.js';
import type { WorkOrderPriority } from '../../../common/work-orders.js';
import { AppError } from '../../lib/errors.js';

// Pure rules of security assessments: the comparison, photo types, work-order priority of a finding.

/** An item as the comparison needs it. */
export interface ComparedItem {
  templateItemId: string | null;
  layer: AssessmentLayer;
  title: string;
  position: number;
  rating: AssessmentRating | null;
}

/** Items match by their template measure, or by layer and title when made without one. */
const keyOf = (i: ComparedItem) => i.templateItemId ?? `${i.layer}|${i.title.toLowerCase()}`;

/** The change of one measure: not comparable when either side is missing, unrated or not applicable. */
export function changeOf(then: AssessmentRating | null, now: AssessmentRating | null): ComparisonChange {
  if (!then || !now || then === 'not_applicable' || now === 'not_applicable') return 'not_comparable';
  const delta = RATING_SCORE[now] - RATING_SCORE[then];
  return delta > 0 ? 'improved' : delta < 0 ? 'declined' : 'same';
}

/** Rows of a comparison: the later assessment's measures in order, then measures only the earlier one had. */
export function compareItems(from: readonly ComparedItem[], to: readonly ComparedItem[], layers: readonly AssessmentLayer[]): ComparisonRow[] {
  const before = new Map(from.map((i) => [keyOf(i), i]));
  const seen = new Set<string>();
  const rows: (ComparisonRow & { position: number })[] = [];
  for (const item of to) {
    const key = keyOf(item);
    seen.add(key);
    const then = before.get(key)?.rating ?? null;
    rows.push({ templateItemId: item.templateItemId, layer: item.layer, title: item.title, then, now: item.rating, change: changeOf(then, item.rating), position: item.position });
  }
  for (const item of from) {
    if (seen.has(keyOf(item))) continue;
    rows.push({ templateItemId: item.templateItemId, layer: item.layer, title: item.title, then: item.rating, now: null, change: 'not_comparable', position: 10_000 + item.position });
  }
  rows.sort((a, b) => layers.indexOf(a.layer) - layers.indexOf(b.layer) || a.position - b.position);
  return rows.map(({ position: _position, ...row }) => row);
}

/** The image type of `bytes` by its first bytes; 415 for anything else. */
export function photoType(bytes: Buffer): (typeof PHOTO_TYPES)[number] {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  throw new AppError('unsupported_media_type', 'The photo must be a JPEG, PNG or WebP image');
}

/** Work-order priority of a finding by its severity. */
export const SEVERITY_PRIORITY: Record<FindingSeverity, WorkOrderPriority> = { low: 'low', moderate: 'normal', high: 'high', critical: 'urgent' };

/** Throws 400 naming `field` when `day` is after today. */
export function notFuture(day: string, today: string, field: string): void {
  if (day > today) throw new AppError('validation_failed', `${field}: is in the future`, { field });
}
