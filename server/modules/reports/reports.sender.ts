import type { ReportFormat, ReportKind } from '../../../common/reports.js';
import type { Actor } from '../../auth/access.js';
import { writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { queueMail } from '../outbox/outbox.service.js';
import { nextDueAfter, periodOf, type Schedule } from './reports.policy.js';
import { renderReport } from './reports.render.js';
import * as repo from './reports.repository.js';

/** What a sweep did. */
export interface SweepResult { sent: number; skipped: number }

/**
 * Sends every due subscription once: for each, in one transaction, the period is claimed (next send moved on
 * only if no other sender moved it first), the recipient's grants of this moment are read, the report rendered
 * with them and queued by e-mail with the file attached. A recipient who may no longer read the report at that
 * scope (grant revoked, school out of scope, account inactive) gets nothing: the skip and its reason are recorded
 * on the subscription and audited. Periods missed while the server was down collapse into one send.
 */
export async function runDueReports(db: Db, clock: Clock, publicUrl: string, limit = 20): Promise<SweepResult> {
  const result: SweepResult = { sent: 0, skipped: 0 };
  const now = clock.now();
  let failure: unknown;
  for (const row of await repo.findDue(db, now, limit)) {
    try {
      const outcome = await sendOne(db, clock, publicUrl, row, now);
      if (outcome === 'sent') result.sent += 1;
      if (outcome === 'skipped') result.skipped += 1;
    } catch (error) {
      // Rolled back: the period stays due and is tried at the next sweep; the others go on.
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return result;
}

async function sendOne(db: Db, clock: Clock, publicUrl: string, row: repo.SubscriptionRow, now: Date): Promise<'sent' | 'skipped' | 'taken'> {
  const recipient = await repo.findRecipient(db, row.userId);
  const timeZone = recipient?.timeZone ?? await repo.findTimeZone(db, row.districtId);
  const schedule: Schedule = { cadence: row.cadence as Schedule['cadence'], dayOfWeek: row.dayOfWeek, dayOfMonth: row.dayOfMonth, timeOfDay: row.timeOfDay };
  const period = periodOf(schedule.cadence, row.nextDueAt, timeZone);
  const periodText = `${period.from}..${period.to}`;
  const next = nextDueAfter(schedule, new Date(Math.max(now.getTime(), row.nextDueAt.getTime())), timeZone);
  return db.transaction(async (tx) => {
    if (!(await repo.claimPeriod(tx, row.id, row.nextDueAt, next, { lastPeriod: periodText, updatedAt: now }))) return 'taken';
    const who = { label: 'system', districtId: row.districtId, requestId: `report-subscription:${row.id}` };
    const skip = async (reason: string) => {
      await repo.updateSubscription(tx, row.districtId, row.id, { lastSkippedAt: now, lastSkipReason: reason });
      await writeAudit(tx, who, { type: 'report_subscription.skipped', subjectType: 'report_subscription', subjectId: row.id, detail: { recipient: row.userId, period: periodText, reason } });
      return 'skipped' as const;
    };
    if (!recipient || !recipient.active || recipient.districtId !== row.districtId) return skip('The recipient\'s account is inactive');
    const actor: Actor = {
      userId: recipient.userId, districtId: recipient.districtId, organizationId: recipient.organizationId, name: recipient.name, email: recipient.email, grants: recipient.grants, timeZone,
    };
    const ctx = { db: tx, actor, requestId: who.requestId, clock, publicUrl };
    const request = { report: row.report as ReportKind, schoolIds: row.schoolIds, level: row.level, officerId: row.officerId };
    let file;
    try {
      file = await renderReport(ctx, request, row.format as ReportFormat, period);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'forbidden' || error.code === 'not_found')) {
        return skip(`The recipient may no longer read this report at this scope (${error.message})`);
      }
      throw error;
    }
    const cadence = row.cadence === 'weekly' ? 'weekly' : 'monthly';
    await queueMail(tx, clock, [{
      districtId: row.districtId, to: recipient.email, kind: 'report.scheduled', subject: `Your ${cadence} report: ${file.title}`,
      body: [
        `Hello ${recipient.name},`, '',
        `Your ${cadence} report "${file.title}" is attached as ${row.format.toUpperCase()} (${file.fileName}).`,
        row.automatic ? 'It was set up for you by your SRO program\'s supervisor or director.' : 'You subscribed to it in SRO Desk.',
        '', `To pause or stop it: ${publicUrl.replace(/\/$/, '')}/profile#report-subscriptions`,
      ].join('\n'),
      attachments: [{ fileName: file.fileName, contentType: file.contentType, content: file.content }],
    }]);
    await repo.updateSubscription(tx, row.districtId, row.id, { lastSentAt: now, lastSkippedAt: null, lastSkipReason: null });
    await writeAudit(tx, who, {
      type: 'report_subscription.sent', subjectType: 'report_subscription', subjectId: row.id,
      detail: { recipient: row.userId, report: row.report, period: periodText, format: row.format, bytes: file.content.length },
    });
    return 'sent';
  });
}
