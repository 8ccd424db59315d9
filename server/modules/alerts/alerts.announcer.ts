import type { FastifyBaseLogger } from 'fastify';
import { writeAudit } from '../../audit/audit.js';
import type { Database, Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { Mailer } from '../../lib/mailer.js';
import { smsAddress, type SmsProvider } from '../../lib/sms.js';
import type { WebPushSender } from '../../lib/webpush.js';
import { queuePush } from '../notifications/notifications.service.js';
import { drainDue, queueSms } from '../outbox/outbox.service.js';
import type { LiveHub } from '../live/live.hub.js';
import { appendLiveEvent } from '../live/live.repository.js';
import { alertMail, toAlert } from './alerts.policy.js';
import * as repo from './alerts.repository.js';
import type { Alert } from './alerts.schemas.js';

// Pending alerts whose process died before its timer fired are announced by any process within this time.
const SWEEP_MS = 1000;

/** An alert just announced, and its district. */
export interface Announced {
  alert: Alert;
  districtId: string;
  /** Text and push messages queued. */
  texted?: number;
}

/** What the announcer needs from the app. */
export interface AnnouncerDeps {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  /** Text messages to recipients with a mobile number (queued in the announcing transaction), when configured. */
  sms?: SmsProvider | null;
  /** Web Push to every recipient's subscribed devices (queued in the announcing transaction). */
  push?: WebPushSender | null;
  config: { publicUrl: string };
}

/**
 * Turns pending alerts into announced ones when their cancel window passes: a timer in the raising process,
 * and a sweep in every process (after a crash or restart the alert is still announced). The conditional
 * update from `pending` makes sure exactly one process announces it.
 */
export class Announcer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping = false;
  private readonly mailing = new Set<Promise<void>>();

  constructor(private readonly deps: AnnouncerDeps, private readonly hub: LiveHub, private readonly log: FastifyBaseLogger) {
    hub.onDispatch((event, delivered) => {
      if (event.type !== 'alert.announced' || delivered === 0) return;
      const { alert } = JSON.parse(event.payload) as { alert: Alert };
      void repo.insertTimeline(deps.database.db, [{
        alertId: alert.id, kind: 'delivered', at: deps.clock.now(), detail: { screens: delivered, process: process.pid },
      }]).catch((error: unknown) => this.log.error({ err: error }, 'alerts: recording delivery failed'));
    });
  }

  /** Announces what is already due, then keeps sweeping. */
  async start(): Promise<void> {
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS).unref();
  }

  /** Announces every pending alert whose window has passed. */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const id of await repo.findDuePending(this.deps.database.db, this.deps.clock.now())) await this.announce(id);
    } catch (error) {
      this.log.error({ err: error }, 'alerts: sweeping pending alerts failed; the next sweep retries');
    } finally {
      this.sweeping = false;
    }
  }

  /** Announces the alert after `delayMs` unless it is cancelled first. */
  schedule(id: string, delayMs: number): void {
    this.timers.set(id, setTimeout(() => {
      this.timers.delete(id);
      this.announce(id).catch((error: unknown) => this.log.error({ err: error, alertId: id }, 'alerts: announcing failed; the sweep retries'));
    }, delayMs));
  }

  /** Forgets the timer of a cancelled alert. */
  unschedule(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  /**
   * Announces a pending alert: status, timeline, audit and the live event in one transaction, then the
   * fan-out and (not awaited) the e-mails. False when it was no longer pending (cancelled, or announced
   * by another process).
   */
  async announce(id: string): Promise<boolean> {
    const { db } = this.deps.database;
    const announced = await db.transaction(async (tx) => {
      const locked = await repo.findAlertDistrict(tx, id);
      return locked ? this.announceWithin(tx, id, locked.districtId) : null;
    });
    if (!announced) return false;
    this.afterCommit(announced);
    return true;
  }

  /**
   * The announcement inside the caller's transaction: status, timeline, audit and the live event (last).
   * Null when the alert is no longer pending. The caller calls `afterCommit` once committed.
   */
  async announceWithin(tx: Db, id: string, districtId: string): Promise<Announced | null> {
    const now = this.deps.clock.now();
    if (!(await repo.updateAlert(tx, id, 'pending', { status: 'active', announcedAt: now }))) return null;
    const [row] = await repo.findAlertRows(tx, districtId, [repo.byId(id)]);
    const alert = toAlert(row!);
    const schoolIds = alert.schools.map((s) => s.id);
    const staff = await repo.countExpectedStaff(tx, schoolIds);
    await repo.insertTimeline(tx, [{ alertId: id, kind: 'announced', at: now, detail: { staffExpected: staff } }]);
    await writeAudit(tx, { label: 'system', districtId, at: now }, {
      type: 'alert.announced', subjectType: 'alert', subjectId: id, schoolId: schoolIds.length === 1 ? schoolIds[0] : null,
      detail: { action: alert.action, drill: alert.drill, schoolIds },
    });
    const texted = await this.queueTexts(tx, alert, districtId);
    await appendLiveEvent(tx, { districtId, schoolIds, audience: 'alert.receive', type: 'alert.announced', payload: { alert } });
    return { alert, districtId, texted };
  }

  /**
   * Text messages to every recipient with a mobile number, through the outbox (retried, expired after the urgent
   * time to live, status in GET /outbox): in the announcing transaction, so an announced alert always has them.
   */
  private async queueTexts(tx: Db, alert: Alert, districtId: string): Promise<number> {
    if (!this.deps.sms && !this.deps.push) return 0;
    const recipients = await repo.findRecipients(tx, districtId, alert.schools.map((s) => s.id));
    const { subject } = alertMail(alert, this.deps.config.publicUrl);
    const texted = !this.deps.sms ? 0 : await queueSms(tx, this.deps.clock, recipients.filter((r) => r.mobilePhone).map((r) => ({
      districtId, to: smsAddress(r.mobilePhone!, r.smsGateway), kind: 'alert.sms', body: `${subject} Check in: ${this.deps.config.publicUrl}/alerts/${alert.id}`,
    })));
    const pushed = !this.deps.push ? 0 : await queuePush(tx, this.deps.clock, districtId, recipients.map((r) => r.id), {
      title: subject, body: alert.directive, url: `/alerts/${alert.id}`, kind: 'alert.push', tag: `alert:${alert.id}`,
    });
    return texted + pushed;
  }

  /** After the announcement committed: deliver now, and send the e-mails and text messages without waiting for them. */
  afterCommit(announced: Announced): void {
    // Screens first: the outbox's claims would otherwise queue ahead of the hub's read on PGlite's one connection.
    const screens = this.hub.deliverNow();
    this.track(this.mail(announced.alert, announced.districtId));
    if (announced.texted) this.track(screens.then(() => this.text(announced.alert.id)));
  }

  /** Sends the outbox now, every batch (the alert's text and push messages among what is due), rather than at the next 30 s sweep. */
  private async text(alertId: string): Promise<void> {
    try {
      await drainDue(this.deps.database.db, this.deps.mailer, this.deps.clock, 200, this.deps.sms ?? null, this.deps.push ?? null);
    } catch (error) {
      this.log.error({ err: error, alertId }, 'alerts: sending alert text messages failed');
    }
  }

  private track(work: Promise<void>): void {
    this.mailing.add(work);
    void work.finally(() => this.mailing.delete(work));
  }

  /** The second path: one e-mail per person receiving alerts at the schools. Never holds up the alert. */
  private async mail(alert: Alert, districtId: string): Promise<void> {
    if (!this.deps.mailer.enabled) return;
    try {
      const { db } = this.deps.database;
      const recipients = await repo.findRecipients(db, districtId, alert.schools.map((s) => s.id));
      const message = alertMail(alert, this.deps.config.publicUrl);
      const results = await Promise.allSettled(recipients.map((r) => this.deps.mailer.send({ to: r.email, ...message })));
      const failed = results.filter((r) => r.status === 'rejected').length;
      if (failed > 0) this.log.warn({ alertId: alert.id, failed }, 'alerts: some alert e-mails failed');
      await repo.insertTimeline(db, [{
        alertId: alert.id, kind: 'emailed', at: this.deps.clock.now(), detail: { sent: results.length - failed, failed },
      }]);
    } catch (error) {
      this.log.error({ err: error, alertId: alert.id }, 'alerts: sending alert e-mails failed');
    }
  }

  /** Stops timers and waits for e-mails under way (graceful shutdown; the sweep picks up the rest). */
  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.mailing]);
  }
}

const announcers = new WeakMap<object, Announcer>();

/** The announcer of an app (keyed by its deps object). */
export function announcerOf(deps: object): Announcer {
  const announcer = announcers.get(deps);
  if (!announcer) throw new Error('The alert announcer is not started: register the alerts module first');
  return announcer;
}

/** Creates and starts the announcer of an app. */
export async function startAnnouncer(deps: AnnouncerDeps, hub: LiveHub, log: FastifyBaseLogger): Promise<Announcer> {
  const announcer = new Announcer(deps, hub, log);
  announcers.set(deps, announcer);
  await announcer.start();
  return announcer;
}
