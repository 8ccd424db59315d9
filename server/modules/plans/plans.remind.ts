import { writeAudit, whoOf } from '../../audit/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { formatDateTime } from '../../lib/district-time.js';
import { AppError } from '../../lib/errors.js';
import { findSettings } from '../notifications/notifications.repository.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './plans.repository.js';
import { acknowledgementStatus } from './plans.service.js';

/**
 * Reminds everyone expected to read a plan who has not acknowledged its current version (in app and by e-mail
 * through the outbox), at most once per the district's reminder interval (default 24 hours; sooner: 409).
 * Audited with the number reminded. Only a plan manager of the plan's school (or the district's).
 */
export async function remindPlanReaders(ctx: ServiceContext, planId: string, publicUrl: string) {
  const status = await acknowledgementStatus(ctx, planId);
  return ctx.db.transaction(async (tx) => {
    const plan = await repo.lockPlan(tx, ctx.actor.districtId, planId);
    const now = ctx.clock.now();
    const { reminderHours } = await findSettings(tx, ctx.actor.districtId);
    const last = await repo.findLastReminder(tx, planId);
    if (last && now.getTime() - last.getTime() < reminderHours * 3_600_000) {
      const next = new Date(last.getTime() + reminderHours * 3_600_000);
      throw new AppError('conflict', `Readers were reminded at ${formatDateTime(last, ctx.actor.timeZone)}; the next reminder is possible from ${formatDateTime(next, ctx.actor.timeZone)}`);
    }
    if (status.pending.length === 0) throw new AppError('conflict', 'Everyone has acknowledged the current version');
    const reminded = await notify(tx, ctx.clock, publicUrl, {
      districtId: ctx.actor.districtId, schoolId: plan!.schoolId, kind: 'plan_reminder', link: `/plans/${planId}`, subjectType: 'safety_plan', subjectId: planId,
      title: `Please read and acknowledge ${plan!.title} (version ${status.version})`, to: status.pending.map((p) => p.id),
    });
    await repo.insertReminder(tx, { districtId: ctx.actor.districtId, planId, versionId: status.versionId, sentBy: ctx.actor.userId, recipients: reminded, sentAt: now });
    await writeAudit(tx, whoOf(ctx), {
      type: 'plan.reminded', schoolId: plan!.schoolId, subjectType: 'safety_plan', subjectId: planId, detail: { versionId: status.versionId, reminded },
    });
    return { reminded, remindedAt: now.toISOString() };
  });
}
