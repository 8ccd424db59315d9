import type { FastifyBaseLogger } from 'fastify';
import { TIP_CATEGORY_LABELS, type TipCategory, type TipLiveEvent } from '../../../common/tips.js';
import type { Db } from '../../db/connection.js';
import type { Mailer } from '../../lib/mailer.js';
import { appendLiveEvent } from '../live/live.repository.js';
import type { Database } from '../../db/connection.js';
import { findTipTeam } from './tips.repository.js';

/** What a life-safety notice needs to know about the tip. */
export interface LifeSafetyTip {
  id: string; number: string; districtId: string; schoolId: string; schoolName: string; category: TipCategory; createdAt: Date;
}

/**
 * Stores the live `tip.life_safety` event inside the caller's transaction (audience: tip.read at the tip's
 * school). It carries no tip text: the notice links to the tip, whose read is audited.
 */
export async function storeLifeSafetyEvent(tx: Db, tip: LifeSafetyTip, reason: 'category' | 'staff' | 'lexicon'): Promise<void> {
  const payload: TipLiveEvent = {
    tipId: tip.id, number: tip.number, schoolId: tip.schoolId, schoolName: tip.schoolName, category: tip.category,
    createdAt: tip.createdAt.toISOString(), reason,
  };
  await appendLiveEvent(tx, { districtId: tip.districtId, schoolIds: [tip.schoolId], audience: 'tip.read', type: 'tip.life_safety', payload });
}

/**
 * Stores the live `tip.acknowledged` event of a life-safety tip inside the caller's transaction, so every dashboard
 * showing its notice takes it down (same audience and payload as the notice).
 */
export async function storeAcknowledgedEvent(tx: Db, tip: LifeSafetyTip & { lifeSafetyBy: 'category' | 'staff' | 'lexicon' | null }): Promise<void> {
  const payload: TipLiveEvent = {
    tipId: tip.id, number: tip.number, schoolId: tip.schoolId, schoolName: tip.schoolName, category: tip.category,
    createdAt: tip.createdAt.toISOString(), reason: tip.lifeSafetyBy ?? 'category',
  };
  await appendLiveEvent(tx, { districtId: tip.districtId, schoolIds: [tip.schoolId], audience: 'tip.read', type: 'tip.acknowledged', payload });
}

/** After commit: pokes this process's live hub and e-mails the school's tip team (never awaited by the reporter). */
export function announceLifeSafety(deps: { database: Database; mailer: Mailer; config: { publicUrl: string }; hub: { poke(): void } }, log: FastifyBaseLogger, tip: LifeSafetyTip): void {
  deps.hub.poke();
  void (async () => {
    const team = await findTipTeam(deps.database.db, tip.districtId, tip.schoolId);
    const link = `${deps.config.publicUrl.replace(/\/$/, '')}/tips/${tip.id}`;
    const message = {
      subject: `LIFE SAFETY tip ${tip.number} at ${tip.schoolName}`,
      text: `A life-safety tip (${TIP_CATEGORY_LABELS[tip.category]}) was received at ${tip.schoolName}.\n`
        + `Open it and acknowledge it now: ${link}\n\nThe tip's text is not sent by e-mail.`,
    };
    const results = await Promise.allSettled(team.map((u) => deps.mailer.send({ to: u.email, ...message })));
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed) log.warn({ failed, tip: tip.id }, 'tips: some life-safety e-mails failed');
  })().catch((error: unknown) => log.error({ err: error }, 'tips: life-safety e-mail failed'));
}
