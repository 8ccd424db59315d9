import { asc, eq } from 'drizzle-orm';
import type { AnalyticsQuery, Dashboard, Figure, Panel } from '../../../common/analytics.js';
import { LABELS } from '../../../common/incidents.js';
import { NIBRS_LOCATIONS } from '../../../common/nibrs.js';
import type { Permission } from '../../../common/permissions.js';
import { schoolYearOf } from '../../../common/preparedness.js';
import { SRP_ACTIONS } from '../../../common/srp.js';
import { TIP_CATEGORY_LABELS, type TipCategory } from '../../../common/tip-constants.js';
import { TRIAD_ROLE_LABELS, TRIAD_ROLES, type TriadRole } from '../../../common/activity.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { can, canAtSchool, scopeOf } from '../../auth/access.js';
import { districts, schools } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { dayIn } from '../../lib/district-time.js';
import { AppError } from '../../lib/errors.js';
import { RECEIVING_ROLES } from '../alerts/alerts.repository.js';
import { computeYear } from '../compliance/compliance.compute.js';
import { countStatuses } from '../compliance/compliance.engine.js';
import { monthsBetween, panel, shiftYear } from './analytics.panels.js';
import { offenseGroup } from './analytics.policy.js';
import * as repo from './analytics.repository.js';
import * as rollups from './rollup.repository.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The window of a request: the district's time zone and the schools counted, which are the schools of the
 * user's scope for `permission`, narrowed by the filters. A filter naming a school outside the scope answers
 * 404, as a record outside the scope does.
 */
export async function windowOf(ctx: ServiceContext, query: AnalyticsQuery, permission: Permission) {
  const scope = scopeOf(ctx.actor, permission);
  const [district] = await ctx.db.select({ timezone: districts.timezone, name: districts.name }).from(districts).where(eq(districts.id, ctx.actor.districtId));
  const every = await ctx.db.select({ id: schools.id, name: schools.name, level: schools.level, ncesId: schools.ncesId, active: schools.active }).from(schools)
    .where(eq(schools.districtId, ctx.actor.districtId)).orderBy(asc(schools.name));
  const inScope = every.filter((s) => s.active && (scope.all || scope.schoolIds.includes(s.id)))
    .map(({ active: _active, ...s }) => s);
  for (const id of query.schoolIds ?? []) {
    if (!inScope.some((s) => s.id === id)) throw new AppError('not_found', 'School not found', { field: 'schoolIds' });
  }
  const chosen = inScope.filter((s) => (!query.schoolIds?.length || query.schoolIds.includes(s.id)) && (!query.level || s.level === query.level));
  const window: repo.Window = {
    districtId: ctx.actor.districtId, timezone: district!.timezone, from: query.from, to: query.to, schoolIds: chosen.map((s) => s.id),
    otherSchoolIds: every.filter((s) => !chosen.some((c) => c.id === s.id)).map((s) => s.id),
  };
  return { window, schools: chosen, districtName: district!.name };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const medianOf = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (v: number | null, digits = 1) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** Where the incident and activity panels come from: the summary tables, or (as a reference) the raw aggregates. */
export type IncidentSource = Pick<typeof rollups, 'incidentsBySchool' | 'incidentsByOffense' | 'incidentsByPlace' | 'incidentsByHour' | 'incidentsByMonth' | 'enforcementByMonth' | 'activityMinutes'>;

/** The district dashboard for the filtered schools and days; the view is audited (aggregates only, no records). */
export async function getDashboard(ctx: ServiceContext, query: AnalyticsQuery, source: IncidentSource = rollups): Promise<Dashboard> {
  const { window: w, schools: chosen } = await windowOf(ctx, query, 'analytics.read');
  const lastYear = { ...w, from: shiftYear(w.from, -1), to: shiftYear(w.to, -1) };
  const today = dayIn(w.timezone, ctx.clock.now());
  const [bySchool, byOffense, byPlace, byHour, byMonth, byMonthBefore, enforcement, calls, activity, tips, alerts, referrals, upkeep, compliance] = await Promise.all([
    source.incidentsBySchool(ctx.db, w), source.incidentsByOffense(ctx.db, w), source.incidentsByPlace(ctx.db, w), source.incidentsByHour(ctx.db, w),
    source.incidentsByMonth(ctx.db, w), source.incidentsByMonth(ctx.db, lastYear), source.enforcementByMonth(ctx.db, w), repo.callsByKind(ctx.db, w),
    source.activityMinutes(ctx.db, w), repo.tipsByCategory(ctx.db, w), repo.alertsWithAccountability(ctx.db, w, RECEIVING_ROLES),
    repo.referralsBySchool(ctx.db, w), repo.upkeepBySchool(ctx.db, w, today),
    computeYear(ctx.db, ctx.actor.districtId, { all: false, schoolIds: w.schoolIds }, schoolYearOf(w.to), today),
  ]);
  const name = new Map(chosen.map((s) => [s.id, s.name]));
  const range = `from=${w.from}&to=${w.to}`;
  const panels: Panel[] = [];

  // Incidents
  const schoolCounts = new Map(bySchool.map((r) => [r.schoolId, r.n]));
  panels.push(panel('incidents-by-school', 'Incidents by school', 'Reported incidents (not drafts, not sealed) by school.', 'bar',
    [['school', 'School', 'label'], ['incidents', 'Incidents', 'count']],
    chosen.map((s) => ({ row: { school: s.name, incidents: schoolCounts.get(s.id) ?? 0 }, link: canAtSchool(ctx.actor, 'incident.read', s.id) ? `/incidents?schoolId=${s.id}&${range}` : null }))
      .sort((a, b) => Number(b.row.incidents) - Number(a.row.incidents))));
  const groups = new Map<string, number>();
  for (const r of byOffense) groups.set(offenseGroup(r.code, r.category), (groups.get(offenseGroup(r.code, r.category)) ?? 0) + r.n);
  panels.push(panel('incidents-by-offense', 'Incidents by offense group', 'NIBRS offense categories and school-safety categories; an incident with offenses in two groups counts in both.', 'bar',
    [['group', 'Offense group', 'label'], ['incidents', 'Incidents', 'count']],
    [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([group, n]) => ({ row: { group, incidents: n }, link: null }))));
  const locations = new Map(NIBRS_LOCATIONS.map((l) => [l.code, l.name]));
  const places = new Map<string, number>();
  for (const r of byPlace) {
    const place = r.areaName ?? (r.onCampus ? `On campus: ${locations.get(r.locationCode) ?? r.locationCode}` : `Off campus: ${locations.get(r.locationCode) ?? r.locationCode}`);
    places.set(place, (places.get(place) ?? 0) + r.n);
  }
  panels.push(panel('incidents-by-place', 'Incidents by place', 'Campus area where one was recorded, otherwise the NIBRS location.', 'bar',
    [['place', 'Place', 'label'], ['incidents', 'Incidents', 'count']],
    [...places].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15).map(([place, n]) => ({ row: { place, incidents: n }, link: null }))));
  const heat = new Map(byHour.map((r) => [`${r.dow}:${r.hour}`, r.n]));
  panels.push(panel('incidents-by-hour', 'Incidents by hour and weekday', `Local time of the district (${w.timezone}).`, 'heatmap',
    [['day', 'Day', 'label'], ...Array.from({ length: 24 }, (_, h) => [`h${h}`, `${String(h).padStart(2, '0')}:00`, 'count'] as [string, string, 'count'])],
    DAYS.map((day, i) => ({ row: { day, ...Object.fromEntries(Array.from({ length: 24 }, (_, h) => [`h${h}`, heat.get(`${i + 1}:${h}`) ?? 0])) }, link: null }))));
  const months = new Map(byMonth.map((r) => [r.month, r.n]));
  const monthsBefore = new Map(byMonthBefore.map((r) => [r.month, r.n]));
  panels.push(panel('incidents-by-month', 'Incidents by month, with the same months a year earlier', 'Trend of reported incidents.', 'line',
    [['month', 'Month', 'label'], ['incidents', 'Incidents', 'count'], ['yearBefore', 'A year earlier', 'count']],
    monthsBetween(w.from, w.to).map((m) => ({ row: { month: m, incidents: months.get(m) ?? 0, yearBefore: monthsBefore.get(shiftYear(`${m}-01`, -1).slice(0, 7)) ?? 0 }, link: null }))));

  // Arrests and referrals to law enforcement
  const enf = new Map(enforcement.map((r) => [`${r.month}:${r.kind}`, r.n]));
  panels.push(panel('enforcement-by-month', 'Arrests, citations and referrals to law enforcement', 'Persons per incident, by month; sealed records are left out.', 'stacked_bar',
    [['month', 'Month', 'label'], ['arrest', 'Arrests', 'count'], ['citation', 'Citations', 'count'], ['referral_law_enforcement', 'Referrals', 'count']],
    monthsBetween(w.from, w.to).map((m) => ({ row: { month: m, arrest: enf.get(`${m}:arrest`) ?? 0, citation: enf.get(`${m}:citation`) ?? 0, referral_law_enforcement: enf.get(`${m}:referral_law_enforcement`) ?? 0 }, link: null }))));

  // Calls for service
  panels.push(panel('calls-by-kind', 'Calls for service and response time', 'Minutes from received to the officer on scene.', 'bar',
    [['kind', 'Source and priority', 'label'], ['calls', 'Calls', 'count'], ['medianMinutes', 'Median response', 'minutes'], ['p90Minutes', '90th percentile', 'minutes']],
    calls.sort((a, b) => b.n - a.n || `${a.source}:${a.priority}`.localeCompare(`${b.source}:${b.priority}`)).map((r) => ({ row: { kind: `${LABELS.source[r.source as keyof typeof LABELS.source] ?? r.source}, ${LABELS.priority[r.priority as keyof typeof LABELS.priority] ?? r.priority}`, calls: r.n, medianMinutes: round(r.medianMinutes), p90Minutes: round(r.p90Minutes) }, link: null }))));

  // SRO time by triad role
  const officers = new Map<string, Record<TriadRole, number>>();
  const bySchoolRole = new Map<string, Record<TriadRole, number>>();
  for (const r of activity) {
    const role = r.triadRole as TriadRole;
    for (const [map, key] of [[officers, r.officer], [bySchoolRole, name.get(r.schoolId) ?? '']] as const) {
      if (!map.has(key)) map.set(key, { law_enforcement: 0, mentoring: 0, education: 0 });
      // Whole minutes are added and turned into hours once, so the figures do not depend on the order of the rows.
      if (role in map.get(key)!) map.get(key)![role] += r.minutes;
    }
  }
  const triadColumns = TRIAD_ROLES.map((t) => [t, TRIAD_ROLE_LABELS[t], 'hours'] as [string, string, 'hours']);
  const triadRows = (map: Map<string, Record<TriadRole, number>>, key: string) => [...map].sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, v]) => ({ row: { [key]: k, ...Object.fromEntries(TRIAD_ROLES.map((t) => [t, round(v[t] / 60)])) }, link: null }));
  panels.push(panel('sro-time-by-officer', 'SRO time by triad role, per officer', 'Hours in the activity log.', 'stacked_bar', [['officer', 'Officer', 'label'], ...triadColumns], triadRows(officers, 'officer')));
  panels.push(panel('sro-time-by-school', 'SRO time by triad role, per school', 'Hours in the activity log.', 'stacked_bar', [['school', 'School', 'label'], ...triadColumns], triadRows(bySchoolRole, 'school')));

  // Tips
  panels.push(panel('tips-by-category', 'Anonymous tips by category', 'Median minutes to acknowledge and hours to close.', 'bar',
    [['category', 'Category', 'label'], ['tips', 'Tips', 'count'], ['lifeSafety', 'Life-safety', 'count'], ['ackMinutes', 'Median to acknowledge', 'minutes'], ['closeHours', 'Median hours to close', 'hours'], ['open', 'Still open', 'count']],
    tips.sort((a, b) => b.n - a.n || a.category.localeCompare(b.category)).map((r) => ({ row: { category: TIP_CATEGORY_LABELS[r.category as TipCategory] ?? r.category, tips: r.n, lifeSafety: r.lifeSafety, ackMinutes: round(r.ackMinutes), closeHours: round(r.closeHours), open: r.open }, link: can(ctx.actor, 'tip.read') ? `/tips?category=${r.category}` : null }))));

  // Alerts
  const alertRows = SRP_ACTIONS.flatMap((action) => [true, false].map((drill) => {
    const list = alerts.filter((a) => a.action === action && a.drill === drill);
    const announced = list.filter((a) => a.status !== 'cancelled' && a.status !== 'pending');
    const withStaff = announced.filter((a) => a.expected > 0);
    return {
      row: {
        alert: `${action[0]!.toUpperCase()}${action.slice(1)} (${drill ? 'drill' : 'real'})`, alerts: list.length,
        cancelled: list.filter((a) => a.status === 'cancelled').length,
        clearMinutes: round(medianOf(announced.flatMap((a) => (a.clearMinutes === null ? [] : [a.clearMinutes])))),
        checkedIn: withStaff.length ? round(sum(withStaff.map((a) => Math.min(1, a.checkedIn / a.expected))) / withStaff.length, 3) : null,
        to90Minutes: round(medianOf(withStaff.flatMap((a) => (a.to90Minutes === null ? [] : [a.to90Minutes])))),
      },
      link: null,
    };
  })).filter((r) => Number(r.row.alerts) > 0);
  panels.push(panel('alerts-by-type', 'Alerts by type, drills and real', 'Cancelled: withdrawn within the cancel window (raised in error). Staff checked in: share of the schools\' staff; time to 90% from the announcement.', 'bar',
    [['alert', 'Alert', 'label'], ['alerts', 'Alerts', 'count'], ['cancelled', 'Cancelled in the window', 'count'], ['clearMinutes', 'Median to All Clear', 'minutes'], ['checkedIn', 'Staff checked in', 'percent'], ['to90Minutes', 'Median to 90% checked in', 'minutes']],
    alertRows));

  // Drill compliance
  panels.push(panel('drill-compliance', 'Drill compliance by school', `School year ${compliance.schoolYear}-${String((compliance.schoolYear + 1) % 100).padStart(2, '0')}, as of ${today}: rules by status.`, 'stacked_bar',
    [['school', 'School', 'label'], ['met', 'Met', 'count'], ['on_track', 'On track', 'count'], ['at_risk', 'At risk', 'count'], ['missed', 'Missed', 'count']],
    compliance.schools.map((s) => {
      const c = countStatuses(s.rules);
      return { row: { school: s.school.name, met: c.met ?? 0, on_track: c.on_track ?? 0, at_risk: c.at_risk ?? 0, missed: c.missed ?? 0 }, link: canAtSchool(ctx.actor, 'drill.read', s.school.id) ? `/drills?schoolId=${s.school.id}` : null };
    })));

  // Upkeep
  panels.push(panel('upkeep-overdue', 'Equipment and work orders overdue', `As of ${today}.`, 'stacked_bar',
    [['school', 'School', 'label'], ['workOrdersOverdue', 'Work orders overdue', 'count'], ['inspectionsOverdue', 'Inspections overdue', 'count'], ['expired', 'Parts expired', 'count']],
    upkeep.map((r) => ({ row: { school: name.get(r.schoolId) ?? '', workOrdersOverdue: r.workOrdersOverdue, inspectionsOverdue: r.inspectionsOverdue, expired: r.expired }, link: canAtSchool(ctx.actor, 'work_order.read', r.schoolId) ? `/work-orders?schoolId=${r.schoolId}` : null }))
      .sort((a, b) => String(a.row.school).localeCompare(String(b.row.school)))));

  // Support referrals
  panels.push(panel('referrals-by-school', 'Student support referrals', 'Referrals made in the period, how many have closed and the median days to close.', 'bar',
    [['school', 'School', 'label'], ['opened', 'Opened', 'count'], ['closed', 'Closed', 'count'], ['closeDays', 'Median days to close', 'days']],
    referrals.map((r) => ({ row: { school: name.get(r.schoolId) ?? '', opened: r.opened, closed: r.closed, closeDays: round(r.closeDays) }, link: null }))
      .sort((a, b) => String(a.row.school).localeCompare(String(b.row.school)))));

  const allTips = sum(tips.map((t) => t.n));
  const real = alerts.filter((a) => !a.drill);
  const figures: Figure[] = [
    { key: 'incidents', label: 'Incidents', value: sum(bySchool.map((r) => r.n)), kind: 'count' },
    { key: 'arrests', label: 'Arrests', value: sum(enforcement.filter((r) => r.kind === 'arrest').map((r) => r.n)), kind: 'count' },
    { key: 'referrals', label: 'Referrals to law enforcement (incl. citations, arrests)', value: sum(enforcement.map((r) => r.n)), kind: 'count' },
    { key: 'callResponse', label: 'Median call response', value: round(medianOf(calls.flatMap((c) => (c.medianMinutes === null ? [] : [c.medianMinutes])))), kind: 'minutes' },
    { key: 'tips', label: 'Tips', value: allTips, kind: 'count' },
    { key: 'lifeSafetyShare', label: 'Life-safety share of tips', value: allTips ? round(sum(tips.map((t) => t.lifeSafety)) / allTips, 3) : null, kind: 'percent' },
    { key: 'realAlerts', label: 'Real alerts', value: real.length, kind: 'count' },
    { key: 'cancelledAlerts', label: 'Alerts cancelled in the window', value: alerts.filter((a) => a.status === 'cancelled').length, kind: 'count' },
  ];
  await writeAudit(ctx.db, whoOf(ctx), {
    type: 'analytics.viewed', schoolId: null, subjectType: 'analytics', subjectId: 'dashboard',
    detail: { page: 'dashboard', from: w.from, to: w.to, schools: w.schoolIds.length },
  });
  return { from: w.from, to: w.to, timezone: w.timezone, schools: chosen.map((s) => ({ id: s.id, name: s.name })), figures, panels };
}
