import type { Role } from '../../../common/roles.js';
import { writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import { dueStep } from './notifications.policy.js';
import * as repo from './notifications.repository.js';
import { notify } from './notifications.service.js';

/** The chain after the first responders: the school's principal and SRO supervisor, then the district's directors. */
export const TIP_CHAIN: { level: string; roles: Role[]; districtOnly: boolean }[] = [
  { level: 'school_leadership', roles: ['school_admin', 'supervisor'], districtOnly: false },
  { level: 'director', roles: ['director'], districtOnly: true },
];

/** A record waiting for someone: what the sweep needs to take its next steps. */
interface Waiting {
  subjectType: 'tip' | 'check_in';
  id: string;
  districtId: string;
  schoolId: string;
  since: Date;
  steps: number;
  link: string;
  title: (minutes: number) => string;
  /** Writes the step on the record's own timeline and audit, in the step's transaction. */
  record: (tx: Db, step: { step: number; level: string; recipients: number; at: Date }) => Promise<void>;
}

async function waitingRecords(db: Db): Promise<Waiting[]> {
  const [tipsWaiting, help] = await Promise.all([repo.findWaitingLifeSafetyTips(db), repo.findWaitingHelp(db)]);
  return [
    ...tipsWaiting.map((tip): Waiting => ({
      subjectType: 'tip', id: tip.id, districtId: tip.districtId, schoolId: tip.schoolId, since: tip.createdAt, steps: Number(tip.steps),
      link: `/tips/${tip.id}`, title: (m) => `ESCALATED: life-safety tip ${tip.number} not acknowledged after ${m} minutes`,
      record: (tx, s) => writeAudit(tx, { label: 'system', districtId: tip.districtId, at: s.at }, {
        type: 'tip.escalated', schoolId: tip.schoolId, subjectType: 'tip', subjectId: tip.id, detail: { step: s.step, level: s.level, recipients: s.recipients },
      }),
    })),
    ...help.map((c): Waiting => ({
      subjectType: 'check_in', id: c.id, districtId: c.districtId, schoolId: c.schoolId, since: c.since, steps: Number(c.steps),
      link: `/alerts/${c.alertId}`, title: (m) => `ESCALATED: ${c.name} asked for help at ${c.location} ${m} minutes ago`,
      record: async (tx, s) => {
        await repo.insertAlertTimeline(tx, { alertId: c.alertId, schoolId: c.schoolId, kind: 'help_escalated', at: s.at, detail: { checkInId: c.id, step: s.step, level: s.level, recipients: s.recipients } });
        await writeAudit(tx, { label: 'system', districtId: c.districtId, at: s.at }, {
          type: 'alert.help_escalated', schoolId: c.schoolId, subjectType: 'alert', subjectId: c.alertId, detail: { checkInId: c.id, step: s.step, level: s.level },
        });
      },
    })),
  ];
}

/**
 * Takes every escalation step that is due: a life-safety tip unacknowledged, or a "need help" check-in of an
 * alert in force still asking, for N minutes (the district's setting) goes to the next link of the chain,
 * after 2N to the one after. Each step, once per record (a unique row, so two processes never both send it),
 * notifies in app and by e-mail through the outbox and is written on the record's timeline and audit. Driven
 * by the app clock: tests move it instead of waiting. Answers the steps taken.
 */
export async function runEscalations(db: Db, clock: Clock, publicUrl: string): Promise<number> {
  const settings = new Map<string, { escalationMinutes: number }>();
  let taken = 0;
  for (const rec of await waitingRecords(db)) {
    if (!settings.has(rec.districtId)) settings.set(rec.districtId, await repo.findSettings(db, rec.districtId));
    const minutes = settings.get(rec.districtId)!.escalationMinutes;
    const due = dueStep(clock.now().getTime() - rec.since.getTime(), minutes, TIP_CHAIN.length);
    for (let step = rec.steps + 1; step <= due; step++) {
      const link = TIP_CHAIN[step - 1]!;
      const done = await db.transaction(async (tx) => {
        const people = await repo.findChainPeople(tx, rec.districtId, rec.schoolId, link.roles, link.districtOnly);
        const at = clock.now();
        if (!(await repo.insertStep(tx, {
          districtId: rec.districtId, schoolId: rec.schoolId, subjectType: rec.subjectType, subjectId: rec.id, step, level: link.level, recipients: people.length, at,
        }))) return false;
        await notify(tx, clock, publicUrl, {
          districtId: rec.districtId, schoolId: rec.schoolId, kind: 'escalation', link: rec.link, subjectType: rec.subjectType, subjectId: rec.id,
          to: people.map((p) => p.id), title: rec.title(minutes * step),
        });
        await rec.record(tx, { step, level: link.level, recipients: people.length, at });
        return true;
      });
      if (done) taken++;
    }
  }
  return taken;
}
