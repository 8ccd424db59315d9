import { recordOwnerLines } from '../exports/exports.service.js';
import type { MinutesByRole, MonthlyReport, TeamReport } from '../../../common/activity-log.js';
import { LABELS } from '../../../common/incidents.js';
import { nibrsOffense } from '../../../common/nibrs.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { addMinutes, emptyMinutes, monthRange, totalOf } from './activity.policy.js';
import * as repo from './activity.repository.js';
import { requireOfficer, visibleOfficers } from './activity.service.js';
import { monthlyReportPdf } from './report.pdf.js';
import { countRecords, sumActivity } from './report.repository.js';

type Person = { id: string; name: string };

function offenseLabel(key: string): string {
  if (key === 'none') return 'No offense recorded';
  if (key.startsWith('school:')) return LABELS.category[key.slice(7) as keyof typeof LABELS.category] ?? key.slice(7);
  return `${key} ${nibrsOffense(key)?.name ?? ''}`.trim();
}

function emptyReport(officer: Person, month: string, from: string, to: string): MonthlyReport {
  return {
    officer, month, from, to, minutesByRole: emptyMinutes(), totalMinutes: 0, schools: [],
    calls: { total: 0, bySource: [] }, incidents: { total: 0, byType: [] }, arrests: 0, citations: 0,
    referrals: { lawEnforcement: 0, administration: 0, counseling: 0 },
    classesTaught: 0, studentsReached: 0, mentoringContacts: 0, eventsCovered: 0, drillsAttended: 0,
  };
}

/** The monthly reports of several SROs from two aggregate queries, in the order given. */
export async function buildReports(ctx: ServiceContext, officers: Person[], month: string): Promise<MonthlyReport[]> {
  const { from, to, next } = monthRange(month);
  const timeZone = await repo.findTimeZone(ctx.db, ctx.actor.districtId);
  const range = { districtId: ctx.actor.districtId, userIds: officers.map((o) => o.id), from, next, timeZone };
  const [activity, records] = [await sumActivity(ctx.db, range), await countRecords(ctx.db, range)];
  const reports = new Map(officers.map((o) => [o.id, emptyReport(o, month, from, to)]));
  const schools = new Map<string, Map<string | null, { name: string | null; m: MinutesByRole }>>();
  for (const a of activity) {
    const r = reports.get(a.user_id)!;
    addMinutes(r.minutesByRole, a.triad_role, a.minutes);
    r.classesTaught += a.classes;
    r.studentsReached += a.students;
    r.mentoringContacts += a.mentoring;
    r.eventsCovered += a.events;
    const mine = schools.get(a.user_id) ?? new Map<string | null, { name: string | null; m: MinutesByRole }>();
    const s = mine.get(a.school_id) ?? { name: a.school_name, m: emptyMinutes() };
    addMinutes(s.m, a.triad_role, a.minutes);
    mine.set(a.school_id, s);
    schools.set(a.user_id, mine);
  }
  for (const x of records) {
    const r = reports.get(x.user_id)!;
    if (x.section === 'call') {
      r.calls.total += x.n;
      r.calls.bySource.push({ key: x.key!, label: LABELS.source[x.key as keyof typeof LABELS.source] ?? x.key!, count: x.n });
    } else if (x.section === 'incident') {
      if (x.key === null) r.incidents.total = x.n;
      else r.incidents.byType.push({ key: x.key, label: offenseLabel(x.key), count: x.n });
    } else if (x.section === 'drill') {
      r.drillsAttended = x.n;
    } else if (x.key === 'arrest') r.arrests = x.n;
    else if (x.key === 'citation') r.citations = x.n;
    else if (x.key === 'referral_law_enforcement') r.referrals.lawEnforcement = x.n;
    else if (x.key === 'referral_administration') r.referrals.administration = x.n;
    else if (x.key === 'referral_counseling') r.referrals.counseling = x.n;
  }
  const byCount = (a: { count: number; label: string }, b: { count: number; label: string }) => b.count - a.count || a.label.localeCompare(b.label);
  for (const r of reports.values()) {
    r.totalMinutes = totalOf(r.minutesByRole);
    r.schools = [...(schools.get(r.officer.id) ?? new Map()).entries()]
      .map(([id, s]) => ({ school: id ? { id, name: s.name ?? '' } : null, minutesByRole: s.m, totalMinutes: totalOf(s.m) }))
      .sort((a, b) => b.totalMinutes - a.totalMinutes);
    r.calls.bySource.sort(byCount);
    r.incidents.byType.sort(byCount);
  }
  return officers.map((o) => reports.get(o.id)!);
}

/** One SRO's monthly activity report (default: mine). */
export async function monthlyReport(ctx: ServiceContext, q: { userId?: string; month: string }): Promise<MonthlyReport> {
  const officer = await requireOfficer(ctx, q.userId);
  return (await buildReports(ctx, [officer], q.month))[0]!;
}

/** Every SRO the actor sees (a supervisor: their SROs), side by side for a month. */
export async function teamReport(ctx: ServiceContext, q: { month: string }): Promise<TeamReport> {
  const officers = (await visibleOfficers(ctx)).map((o) => ({ id: o.id, name: o.name }));
  return { month: q.month, officers: await buildReports(ctx, officers, q.month) };
}

/** The monthly report as a PDF, audited as an export. */
export async function monthlyReportFile(ctx: ServiceContext, q: { userId?: string; month: string }): Promise<Buffer> {
  const report = await monthlyReport(ctx, q);
  await writeAudit(ctx.db, whoOf(ctx), { type: 'activity_report.exported', subjectType: 'user', subjectId: report.officer.id, detail: { month: q.month } });
  // The officer's activity log is the agency's record (like its CSV): the PDF says so on every page.
  return monthlyReportPdf(report, ctx.clock.now(), await recordOwnerLines(ctx, 'activity_report'));
}
