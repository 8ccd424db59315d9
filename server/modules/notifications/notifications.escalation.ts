import type { Role } from '../../../common/roles.js';
import { writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import { dueStep } from './notifications.policy.js';
import * as repo from './notifications.repository.js';
import { notify } from './notifications.service.js';

/** The chain after the tip team: the school's principal and SRO supervisor, then the district's directors. */
export const TIP_CHAIN: { level: string; roles: Role[]; districtOnly: boolean }[] = [
  { level: 'school_leadership', roles: ['school_admin', 'supervisor'], districtOnly: false },
  { level: 'director', roles: ['director'], districtOnly: true },
];

/**
 * Takes every escalation step that is due: a life-safety tip unacknowledged for N minutes (the district's
 * setting) goes to the next link of the chain, after 2N to the one after. Each step, once per tip (a unique
 * row, so two processes never both send it), notifies in app and by e-mail through the outbox, is audited and
 * shows on the tip. Driven by the app clock: tests move it instead of waiting. Answers the steps taken.
 */
export async function runEscalations(db: Db, clock: Clock, publicUrl: string): Promise<number> {
  const waiting = await repo.findWaitingLifeSafetyTips(db);
  const settings = new Map<string, { escalationMinutes: number }>();
  let taken = 0;
  for (const tip of waiting) {
    if (!settings.has(tip.districtId)) settings.set(tip.districtId, await repo.findSettings(db, tip.districtId));
    const minutes = settings.get(tip.districtId)!.escalationMinutes;
    const due = dueStep(clock.now().getTime() - tip.createdAt.getTime(), minutes, TIP_CHAIN.length);
    for (let step = Number(tip.steps) + 1; step <= due; step++) {
      const link = TIP_CHAIN[step - 1]!;
      const done = await db.transaction(async (tx) => {
        const people = await repo.findChainPeople(tx, tip.districtId, tip.schoolId, link.roles, link.districtOnly);
        const now = clock.now();
        if (!(await repo.insertStep(tx, {
          districtId: tip.districtId, schoolId: tip.schoolId, subjectType: 'tip', subjectId: tip.id, step, level: link.level, recipients: people.length, at: now,
        }))) return false;
        await notify(tx, clock, publicUrl, {
          districtId: tip.districtId, schoolId: tip.schoolId, kind: 'escalation', link: `/tips/${tip.id}`, subjectType: 'tip', subjectId: tip.id, to: people.map((p) => p.id),
          title: `ESCALATED: life-safety tip ${tip.number} not acknowledged after ${minutes * step} minutes`,
        });
        await writeAudit(tx, { label: 'system', districtId: tip.districtId, at: now }, {
          type: 'tip.escalated', schoolId: tip.schoolId, subjectType: 'tip', subjectId: tip.id, detail: { step, level: link.level, recipients: people.length },
        });
        return true;
      });
      if (done) taken++;
    }
  }
  return taken;
}
