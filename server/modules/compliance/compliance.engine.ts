import type {
  ComplianceStatus, DateRange, DrillType, ObserverKind, PeriodResult, RulePeriod, RuleResult, RuleStatus, RuleWindow, SchoolLevel,
} from '../../../common/preparedness.js';
import { addDays, dayOf, daysBetween, InstructionalDays, lastOfMonth, maxDay, minDay } from '../calendars/calendars.days.js';

/*
 * The compliance engine: a pure function of a rule, a school's calendar, its completed drills and today.
 * No database, no clock: the service gathers the inputs, the tests hand-work them.
 */

/** What the engine needs of a calendar. */
export interface EngineCalendar {
  firstDay: string;
  lastDay: string;
  semesters: DateRange[];
  summerSession: { start: string; end: string } | null;
  closedDays: DateRange[];
}

/** What the engine needs of a rule. */
export interface EngineRule {
  id: string;
  title: string;
  drillTypes: DrillType[];
  minCount: number | null;
  period: RulePeriod;
  window: RuleWindow | null;
  minInstructionalDays: number | null;
  requiresObserver: ObserverKind | null;
  requiresSecondaryEgress: boolean;
  schoolId?: string | null;
  schoolLevels?: SchoolLevel[] | null;
}

/** A completed drill as the engine counts it. */
export interface EngineDrill {
  id: string;
  type: DrillType;
  date: string;
  observerKinds: ObserverKind[];
  secondaryEgress: boolean;
}

/** A calendar with its instructional days worked out once (share it across rules and schools). */
export interface PreparedCalendar extends EngineCalendar {
  days: InstructionalDays;
}

/** Works out a calendar's instructional days once, for every rule evaluated against it. */
export function prepareCalendar(calendar: EngineCalendar): PreparedCalendar {
  return { ...calendar, days: new InstructionalDays(calendar) };
}

interface Period { key: string; label: string; start: string; end: string }

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The periods of a rule in a school year: months with enough instructional days, semesters, the year or the summer. */
function periodsOf(rule: EngineRule, cal: PreparedCalendar): Period[] {
  switch (rule.period) {
    case 'school_year':
      return [{ key: 'year', label: 'School year', start: cal.firstDay, end: cal.lastDay }];
    case 'semester':
      return cal.semesters.map((s, i) => ({ key: `S${i + 1}`, label: s.name ?? `Semester ${i + 1}`, start: s.start, end: s.end }));
    case 'summer_session':
      return cal.summerSession ? [{ key: 'summer', label: 'Summer session', ...cal.summerSession }] : [];
    case 'month': {
      const needed = rule.minInstructionalDays ?? 1;
      const periods: Period[] = [];
      let y = Number(cal.firstDay.slice(0, 4));
      let m = Number(cal.firstDay.slice(5, 7));
      for (;;) {
        const key = `${y}-${String(m).padStart(2, '0')}`;
        if (key > cal.lastDay.slice(0, 7)) break;
        if ((cal.days.byMonth.get(key) ?? 0) >= Math.max(needed, 1)) {
          periods.push({
            key, label: `${MONTH_NAMES[m - 1]} ${y}`,
            start: maxDay(`${key}-01`, cal.firstDay), end: minDay(lastOfMonth(y, m), cal.lastDay),
          });
        }
        m += 1;
        if (m === 13) { m = 1; y += 1; }
      }
      return periods;
    }
  }
}

/** The first occurrence of month/day in the twelve months starting with the month `from` falls in. */
function occurrence(month: number, dayOfMonth: number, from: string): string {
  const y = Number(from.slice(0, 4));
  const candidate = dayOf(y, month, dayOfMonth);
  return candidate.slice(0, 7) < from.slice(0, 7) ? dayOf(y + 1, month, dayOfMonth) : candidate;
}

/** A period narrowed by the rule's window; null when nothing of the period is left. */
function windowed(period: Period, window: RuleWindow | null): Period | null {
  let { start, end } = period;
  if (window?.kind === 'dates') {
    if (window.from) start = maxDay(start, occurrence(Number(window.from.slice(0, 2)), Number(window.from.slice(3, 5)), period.start));
    if (window.to) end = minDay(end, occurrence(Number(window.to.slice(0, 2)), Number(window.to.slice(3, 5)), period.start));
  } else if (window?.kind === 'after_date') {
    start = maxDay(start, addDays(occurrence(Number(window.after.slice(0, 2)), Number(window.after.slice(3, 5)), period.start), 1));
  } else if (window?.kind === 'days_from_start') {
    // "within the first N days": the first day is day 1, so day N is N - 1 days after it.
    end = minDay(end, addDays(period.start, window.days - 1));
  } else if (window?.kind === 'days_after_start') {
    // "no later than N days after the first day": the first day is day 0, day N is still in.
    end = minDay(end, addDays(period.start, window.days));
  } else if (window?.kind === 'month') {
    const first = occurrence(window.month, 1, period.start);
    start = maxDay(start, first);
    end = minDay(end, lastOfMonth(Number(first.slice(0, 4)), window.month));
  }
  return start <= end ? { ...period, start, end } : null;
}

/** True when a drill counts for the rule (type, observer and exit conditions; the dates are checked by the caller). */
function qualifies(rule: EngineRule, drill: EngineDrill): boolean {
  return rule.drillTypes.includes(drill.type)
    && (rule.requiresObserver === null || drill.observerKinds.includes(rule.requiresObserver))
    && (!rule.requiresSecondaryEgress || drill.secondaryEgress);
}

/** The status of one period: met, missed once closed, at risk within `atRiskDays` of its end, else on track. */
export function periodStatus(required: number, counted: number, windowEnd: string, today: string, atRiskDays: number): ComplianceStatus {
  if (counted >= required) return 'met';
  if (today > windowEnd) return 'missed';
  return daysBetween(today, windowEnd) <= atRiskDays ? 'at_risk' : 'on_track';
}

const SEVERITY: Record<RuleStatus, number> = { missed: 5, at_risk: 4, on_track: 3, met: 2, no_minimum: 1, not_applicable: 0 };

/** The worst of several statuses (missed > at_risk > on_track > met > no_minimum > not_applicable). */
export function worstStatus(statuses: Iterable<RuleStatus>): RuleStatus {
  let worst: RuleStatus = 'not_applicable';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

// The windows of a rule depend on the calendar only, and a district's schools share calendars: work them
// out once per (calendar, rule). A school's drills are indexed by type once, sorted by date.
const windowCache = new WeakMap<PreparedCalendar, WeakMap<EngineRule, Period[]>>();
const drillIndex = new WeakMap<readonly EngineDrill[], Map<DrillType, EngineDrill[]>>();

function windowsOf(rule: EngineRule, calendar: PreparedCalendar): Period[] {
  let byRule = windowCache.get(calendar);
  if (!byRule) windowCache.set(calendar, (byRule = new WeakMap()));
  let windows = byRule.get(rule);
  if (!windows) {
    windows = periodsOf(rule, calendar).flatMap((p) => windowed(p, rule.window) ?? []);
    byRule.set(rule, windows);
  }
  return windows;
}

function byType(drills: readonly EngineDrill[]): Map<DrillType, EngineDrill[]> {
  let index = drillIndex.get(drills);
  if (!index) {
    index = new Map();
    for (const d of drills) {
      const list = index.get(d.type);
      if (list) list.push(d);
      else index.set(d.type, [d]);
    }
    for (const list of index.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    drillIndex.set(drills, index);
  }
  return index;
}

/** Drills of the rule's types meeting its conditions, oldest first. */
function matchingDrills(rule: EngineRule, drills: readonly EngineDrill[]): EngineDrill[] {
  const index = byType(drills);
  let found: EngineDrill[] = [];
  for (const type of rule.drillTypes) {
    const list = index.get(type);
    if (list) found = found.length ? [...found, ...list] : list;
  }
  if (rule.drillTypes.length > 1) found = [...found].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return rule.requiresObserver !== null || rule.requiresSecondaryEgress ? found.filter((d) => qualifies(rule, d)) : found;
}

/**
 * Evaluates one rule for a school year: each period (narrowed by the window) with the qualifying drills
 * dated inside it, its status, and the rule's status (the worst of its periods). `drills` are the
 * school's completed drills, in any order; the same array may be passed for every rule of the school.
 */
export function evaluateRule(
  rule: EngineRule, calendar: PreparedCalendar, drills: readonly EngineDrill[], today: string, atRiskDays: number,
): RuleResult {
  const matching = matchingDrills(rule, drills);
  const periods: PeriodResult[] = [];
  for (const p of windowsOf(rule, calendar)) {
    const counted: string[] = [];
    for (const d of matching) {
      if (d.date > p.end) break;
      if (d.date >= p.start) counted.push(d.id);
    }
    periods.push({
      key: p.key, label: p.label, windowStart: p.start, windowEnd: p.end,
      required: rule.minCount, counted: counted.length, drillIds: counted,
      status: rule.minCount === null ? null : periodStatus(rule.minCount, counted.length, p.end, today, atRiskDays),
      daysLeft: today > p.end ? null : daysBetween(today, p.end),
    });
  }
  let status: RuleStatus;
  if (periods.length === 0) status = 'not_applicable';
  else if (rule.minCount === null) status = 'no_minimum';
  else status = worstStatus(periods.map((p) => p.status!));
  return { ruleId: rule.id, title: rule.title, drillTypes: rule.drillTypes, period: rule.period, status, periods };
}

/** True when a rule applies to a school: a district rule for its level, or a rule of that very school. */
export function ruleApplies(rule: EngineRule, school: { id: string; level: SchoolLevel }): boolean {
  if (rule.schoolId && rule.schoolId !== school.id) return false;
  return !rule.schoolLevels || rule.schoolLevels.includes(school.level);
}

/** Completed drills dated outside first..last day and outside the summer session (they count for nothing). */
export function drillsOutsideYear(calendar: EngineCalendar, drills: readonly EngineDrill[]): number {
  const summer = calendar.summerSession;
  return drills.filter((d) => (d.date < calendar.firstDay || d.date > calendar.lastDay)
    && !(summer && d.date >= summer.start && d.date <= summer.end)).length;
}

/** Status counts of rule results, every status present. */
export function countStatuses(results: readonly { status: RuleStatus }[]): Record<RuleStatus, number> {
  const counts: Record<RuleStatus, number> = { met: 0, on_track: 0, at_risk: 0, missed: 0, no_minimum: 0, not_applicable: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}
