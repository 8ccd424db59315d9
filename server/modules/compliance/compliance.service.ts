import { eq } from 'drizzle-orm';
import type { DrillReminder } from '../../../common/preparedness.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { districts } from '../../db/schema/index.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { queueMail } from '../outbox/outbox.service.js';
import { computeYear, toOverview, toSchoolCompliance } from './compliance.compute.js';
import { complianceCsv, compliancePdf } from './compliance.pdf.js';
import { judgedDay, reminderMail, remindersSince, yearOr } from './compliance.policy.js';
import * as repo from './compliance.repository.js';
import { dayIn, districtTimeZone, endOfDay, todayOf } from '../../lib/district-time.js';
import type { AsOf } from './compliance.compute.js';

/** The day judged and, for a past day, what "as of" means for the drills read (the district's end of that day). */
function judging(ctx: ServiceContext, asOf: string | undefined): { day: string; asOf?: AsOf } {
  const today = todayOf(ctx);
  const day = judgedDay(asOf, today);
  return asOf === undefined ? { day } : { day, asOf: { day, recordedBefore: endOfDay(day, ctx.actor.timeZone) } };
}

/** One school's compliance for a school year (default: the one the judged day falls in), as of today or a past day. */
export async function getSchoolCompliance(ctx: ServiceContext, schoolId: string, query: { schoolYear?: number; asOf?: string }) {
  requireSchool(ctx.actor, 'drill.read', schoolId, 'School');
  const { day, asOf } = judging(ctx, query.asOf);
  const result = await computeYear(ctx.db, ctx.actor.districtId, { all: true }, yearOr(query.schoolYear, day), day, schoolId, asOf);
  const school = result.schools[0];
  if (!school) throw notFound('School');
  return toSchoolCompliance(result, school);
}

/** Every school of the actor's scope for a school year, as of today or a past day. */
export async function getOverview(ctx: ServiceContext, query: { schoolYear?: number; asOf?: string }) {
  const { day, asOf } = judging(ctx, query.asOf);
  return toOverview(await computeYear(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'drill.read'), yearOr(query.schoolYear, day), day, undefined, asOf));
}

/** The compliance report (all schools of the scope, or one) as CSV or PDF; the export is audited. */
export async function exportReport(ctx: ServiceContext, format: 'csv' | 'pdf', query: { schoolYear?: number; schoolId?: string; asOf?: string }) {
  if (query.schoolId) requireSchool(ctx.actor, 'drill.read', query.schoolId, 'School');
  const { day, asOf } = judging(ctx, query.asOf);
  const year = yearOr(query.schoolYear, day);
  const result = await computeYear(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'drill.read'), year, day, query.schoolId, asOf);
  if (query.schoolId && result.schools.length === 0) throw notFound('School');
  await writeAudit(ctx.db, whoOf(ctx), {
    type: 'compliance.exported', schoolId: query.schoolId ?? null, subjectType: 'compliance_report', subjectId: String(year),
    detail: { format, schoolYear: year, schools: result.schools.length, asOf: day },
  });
  const fileName = `drill-compliance-${year}-as-of-${day}.${format}`;
  if (format === 'csv') return { body: complianceCsv(result), year, fileName };
  const [district] = await ctx.db.select({ name: districts.name }).from(districts).where(eq(districts.id, ctx.actor.districtId));
  return { body: await compliancePdf(result, district?.name ?? '', ctx.clock.now()), year, fileName };
}

/** Reminders of the actor's schools still of interest (window closed at most 30 days ago). */
export async function findReminders(ctx: ServiceContext): Promise<DrillReminder[]> {
  const rows = await repo.findReminders(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'drill.read'), remindersSince(todayOf(ctx)));
  return rows.map(({ reminder: r, schoolName }) => ({
    id: r.id, schoolId: r.schoolId, schoolName, ruleId: r.ruleId, ruleTitle: r.ruleTitle, periodKey: r.periodKey, windowEnd: r.windowEnd,
    required: r.required, counted: r.counted, createdAt: r.createdAt.toISOString(), emailed: r.emailed,
  }));
}

/**
 * Makes the reminders of one district: every period at risk (short, window closing within the district's
 * days) gets one reminder, once; each new one is e-mailed through the outbox to the school's SROs and
 * administrators, in the same transaction. Answers how many were new.
 */
export async function makeReminders(db: Db, clock: Clock, districtId: string, publicUrl: string, who: Parameters<typeof writeAudit>[1]) {
  const today = dayIn(await districtTimeZone(db, districtId), clock.now());
  const year = yearOr(undefined, today);
  const result = await computeYear(db, districtId, { all: true }, year, today);
  const due = result.schools.flatMap((s) => s.rules.flatMap((r) => r.periods
    .filter((p) => p.status === 'at_risk')
    .map((p) => ({ school: s.school, rule: r, period: p }))));
  if (due.length === 0) return 0;
  return db.transaction(async (tx) => {
    const recipients = await repo.findRecipients(tx, [...new Set(due.map((d) => d.school.id))], ['sro', 'school_admin']);
    let created = 0;
    for (const { school, rule, period } of due) {
      const row = await repo.insertReminder(tx, {
        districtId, schoolId: school.id, ruleId: rule.ruleId, ruleTitle: rule.title, periodKey: period.key, windowEnd: period.windowEnd,
        required: period.required ?? 0, counted: period.counted,
      });
      if (!row) continue;
      created += 1;
      const mail = reminderMail({ schoolName: school.name, ruleTitle: rule.title, windowEnd: period.windowEnd, required: period.required ?? 0, counted: period.counted, schoolYear: year }, `${publicUrl}/drills`);
      const to = recipients.filter((r) => r.schoolId === school.id);
      await queueMail(tx, clock, to.map((r) => ({ districtId, to: r.email, subject: mail.subject, body: mail.body, kind: 'drill.reminder' })));
      await repo.setEmailed(tx, row.id, to.length);
    }
    if (created > 0) {
      await writeAudit(tx, { ...who, districtId }, { type: 'drill.reminders_sent', subjectType: 'district', subjectId: districtId, detail: { created, schoolYear: year } });
    }
    return created;
  });
}

/** Makes reminders for the actor's district now (the hourly run does the same for every district). */
export async function runReminders(ctx: ServiceContext, publicUrl: string) {
  return { created: await makeReminders(ctx.db, ctx.clock, ctx.actor.districtId, publicUrl, whoOf(ctx)) };
}

/** The hourly run over every district with rules. */
export async function runAllReminders(db: Db, clock: Clock, publicUrl: string): Promise<number> {
  let created = 0;
  for (const districtId of await repo.findDistrictsWithRules(db)) created += await makeReminders(db, clock, districtId, publicUrl, { label: 'system' });
  return created;
}
