import type { DrillType, ObserverKind } from '../../../common/preparedness.js';
import { prepareCalendar, type EngineDrill, type EngineRule } from './compliance.engine.js';

/*
 * The hand-worked calendar of these tests, school year 2025-26:
 *   first day Tue 2025-08-19, last day Fri 2026-05-29; closed: Labor Day 09-01, Thanksgiving week 11-24..28,
 *   winter break 12-22..01-05, spring break 03-16..20, Memorial Day 05-25.
 *   Instructional days by month (counted by hand from a wall calendar): Aug 9 (19-22, 25-29), Sep 21,
 *   Oct 23, Nov 15, Dec 15, Jan 19 (6-9, 12-30), Feb 20, Mar 17, Apr 22, May 20; 181 in all.
 *   Semesters: S1 08-19..12-19, S2 01-06..05-29. Summer session Mon 2026-06-15..07-24.
 */
export const CALENDAR = {
  firstDay: '2025-08-19', lastDay: '2026-05-29',
  semesters: [{ start: '2025-08-19', end: '2025-12-19' }, { start: '2026-01-06', end: '2026-05-29' }],
  summerSession: { start: '2026-06-15', end: '2026-07-24' },
  closedDays: [
    { start: '2025-09-01', end: '2025-09-01', name: 'Labor Day' }, { start: '2025-11-24', end: '2025-11-28' },
    { start: '2025-12-22', end: '2026-01-05' }, { start: '2026-03-16', end: '2026-03-20' }, { start: '2026-05-25', end: '2026-05-25' },
  ],
};
export const cal = prepareCalendar(CALENDAR);

let n = 0;
/** A completed drill. */
export function drill(type: DrillType, date: string, extra: { observers?: ObserverKind[]; egress?: boolean } = {}): EngineDrill {
  n += 1;
  return { id: `d${n}-${date}`, type, date, observerKinds: extra.observers ?? [], secondaryEgress: extra.egress ?? false };
}

/** A rule with defaults. */
export function rule(r: Partial<EngineRule> & Pick<EngineRule, 'drillTypes' | 'minCount' | 'period'>): EngineRule {
  return { id: 'r1', title: 't', window: null, minInstructionalDays: null, requiresObserver: null, requiresSecondaryEgress: false, ...r };
}
