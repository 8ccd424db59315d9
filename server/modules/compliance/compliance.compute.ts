import {
  schoolYearOf, type ComplianceOverview, type RuleResult, type SchoolCompliance, type SchoolLevel,
} from '../../../common/preparedness.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { drillRules, schoolCalendars } from '../../db/schema/index.js';
import { toCalendar } from '../calendars/calendars.service.js';
import * as rulesRepo from '../drill-rules/drill-rules.repository.js';
import {
  countStatuses, drillsOutsideYear, evaluateRule, prepareCalendar, ruleApplies, worstStatus, type EngineDrill, type PreparedCalendar,
} from './compliance.engine.js';
import * as repo from './compliance.repository.js';

/*
 * Gathers the engine's inputs for many schools in four queries (schools, rules, calendars, drills) whatever
 * their number, and evaluates every applicable rule of every school in memory.
 */

type CalendarRow = typeof schoolCalendars.$inferSelect;
type RuleRow = typeof drillRules.$inferSelect;

/** One school's evaluated compliance (the engine's answer plus what the views show). */
export interface SchoolResult {
  school: { id: string; name: string; level: SchoolLevel };
  calendar: CalendarRow | null;
  rules: RuleResult[];
  completedDrills: number;
  outside: number;
}

/** Everything evaluated for a school year. */
export interface YearResult {
  schoolYear: number;
  /** The day judged (asOf when asked). */
  today: string;
  /** The day asked for, null when judged as of today. */
  asOf: string | null;
  rules: RuleRow[];
  schools: SchoolResult[];
}

function engineCalendar(row: CalendarRow): PreparedCalendar {
  return prepareCalendar({
    firstDay: row.firstDay, lastDay: row.lastDay, semesters: row.semesters, closedDays: row.closedDays,
    summerSession: row.summerStart && row.summerEnd ? { start: row.summerStart, end: row.summerEnd } : null,
  });
}

/** A past day to judge as of: drills dated after `day` or recorded at or after `recordedBefore` do not count. */
export interface AsOf { day: string; recordedBefore: Date }

/** Evaluates the school year for the scope's schools (or one school) of a district, as of today or a past day. */
export async function computeYear(
  db: Db, districtId: string, scope: Scope, schoolYear: number, today: string, schoolId?: string, asOf?: AsOf,
): Promise<YearResult> {
  const [schoolRows, rules, settings, calendars] = await Promise.all([
    repo.findSchools(db, districtId, scope, schoolId),
    rulesRepo.findRules(db, districtId, { all: true }),
    rulesRepo.getSettings(db, districtId),
    repo.findYearCalendars(db, districtId, schoolYear, schoolId),
  ]);
  // Summer sessions run past June 30: read drills up to the end of August of the year after.
  const needs = {
    ids: schoolId !== undefined,
    observers: [...new Set(rules.flatMap((r) => (r.requiresObserver ? [r.requiresObserver] : [])))],
    egress: rules.some((r) => r.requiresSecondaryEgress),
  };
  const to = asOf && asOf.day < `${schoolYear + 1}-08-31` ? asOf.day : `${schoolYear + 1}-08-31`;
  const bySchool: Map<string, EngineDrill[]> = await repo.findCompletedDrills(
    db, districtId, `${schoolYear}-07-01`, to, schoolId ? [schoolId] : scope.all ? null : scope.schoolIds, needs, asOf?.recordedBefore ?? null,
  );
  const districtDefault = calendars.find((c) => c.schoolId === null) ?? null;
  const own = new Map(calendars.filter((c) => c.schoolId !== null).map((c) => [c.schoolId!, c]));
  const prepared = new Map<string, PreparedCalendar>();
  const schools = schoolRows.map((school): SchoolResult => {
    const calendar = own.get(school.id) ?? districtDefault;
    const drills = bySchool.get(school.id) ?? [];
    const inYear = drills.filter((d) => schoolYearOf(d.date) === schoolYear);
    if (!calendar) return { school, calendar: null, rules: [], completedDrills: inYear.length, outside: 0 };
    let cal = prepared.get(calendar.id);
    if (!cal) prepared.set(calendar.id, (cal = engineCalendar(calendar)));
    const applicable = rules.filter((r) => ruleApplies(r, school));
    return {
      school, calendar,
      rules: applicable.map((r) => evaluateRule(r, cal, drills, today, settings.atRiskDays)),
      completedDrills: inYear.length,
      outside: drillsOutsideYear(cal, inYear),
    };
  });
  return { schoolYear, today, asOf: asOf?.day ?? null, rules, schools };
}

/** One school's compliance as the API shows it. */
export function toSchoolCompliance(result: YearResult, s: SchoolResult): SchoolCompliance {
  const counts = countStatuses(s.rules);
  return {
    schoolId: s.school.id, schoolName: s.school.name, schoolLevel: s.school.level, schoolYear: result.schoolYear, today: result.today, asOf: result.asOf,
    hasCalendar: s.calendar !== null, calendar: s.calendar ? toCalendar({ ...s.calendar, schoolName: null }) : null,
    status: worstStatus(s.rules.map((r) => r.status)), counts, rules: s.rules, drillsOutsideYear: s.outside,
  };
}

/** The district overview as the API shows it. */
export function toOverview(result: YearResult): ComplianceOverview {
  const schools = result.schools.map((s) => ({
    schoolId: s.school.id, schoolName: s.school.name, schoolLevel: s.school.level, hasCalendar: s.calendar !== null,
    status: worstStatus(s.rules.map((r) => r.status)), counts: countStatuses(s.rules), completedDrills: s.completedDrills,
    rules: s.rules.map((r) => ({
      ruleId: r.ruleId, status: r.status,
      counted: r.periods.reduce((n, p) => n + p.counted, 0),
      required: r.periods.some((p) => p.required === null) ? null : r.periods.reduce((n, p) => n + (p.required ?? 0), 0),
    })),
  }));
  const totals = countStatuses(schools.flatMap((s) => s.rules));
  return {
    schoolYear: result.schoolYear, today: result.today, asOf: result.asOf, totals, schools,
    rules: result.rules.filter((r) => r.schoolId === null || schools.some((s) => s.schoolId === r.schoolId))
      .map((r) => ({ ruleId: r.id, title: r.title, period: r.period, schoolId: r.schoolId })),
  };
}
