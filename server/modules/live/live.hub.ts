import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from 'postgres';
import { scopeOf, type Actor, type Scope } from '../../auth/access.js';
import type { Database } from '../../db/connection.js';
import {
  findLiveEventsAfter, latestLiveEventId, LIVE_CHANNEL, type LiveAudience, type StoredLiveEvent,
} from './live.repository.js';

/** Missed events replayed on reconnect; beyond this the client gets a fresh snapshot instead. */
export const MAX_REPLAY = 500;
const FETCH_BATCH = 1000;
// A safety net only: NOTIFY (PostgreSQL) or the local poke (both engines) normally trigger delivery at once.
const POLL_MS = 2000;
const PING_MS = 20_000;
// A client that reads nothing while this much piles up is cut off; EventSource reconnects and replays.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** One open live connection: who is listening and how to write to them. */
export interface LiveSubscriber {
  districtId: string;
  scopes: Record<LiveAudience, Scope>;
  /** Highest event id this subscriber has been given. */
  cursor: number;
  ready: boolean;
  queue: { id: number; text: string }[];
  write(text: string): boolean;
  buffered(): number;
  end(): void;
}

/** Called after an event went out in this process, with the number of connections it was written to. */
export type DispatchListener = (event: StoredLiveEvent, delivered: number) => void;

/** The SSE frame of an event, built once and written to every connection that may see it. */
export function frameOf(id: number, type: string, payloadJson: string): string {
  return `id: ${id}\nevent: ${type}\ndata: ${payloadJson}\n\n`;
}

function sees(sub: LiveSubscriber, event: StoredLiveEvent): boolean {
  if (sub.districtId !== event.districtId) return false;
  const scope = sub.scopes[event.audience];
  if (!scope) return false;
  if (scope.all) return true;
  return event.schoolIds.some((id) => scope.schoolIds.includes(id));
}

/**
 * The live fan-out of one process. The database is the source of truth: a poke (a local commit, a NOTIFY
 * from another process, or the safety poll) reads the events after the last one delivered, serializes each
 * once and writes it to every connection allowed to see it. A connection that reconnects replays from the
 * database what it missed.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private readonly listeners: DispatchListener[] = [];
  private lastId = 0;
  private draining = false;
  private again = false;
  private running: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private unlisten: (() => Promise<void>) | null = null;
  private closed = false;
  private notified = 0;

  constructor(private readonly database: Database, private readonly log: FastifyBaseLogger) {}

  /** Starts following the event log: from its current end, with LISTEN on PostgreSQL. */
  async start(): Promise<void> {
    this.lastId = await latestLiveEventId(this.database.db);
    if (this.database.kind === 'postgres') {
      const client = (this.database.db as unknown as { $client: Sql }).$client;
      // onlisten also fires after postgres.js re-establishes a dropped LISTEN connection: catch up then.
      const { unlisten } = await client.listen(LIVE_CHANNEL, () => {
        this.notified++;
        this.poke();
      }, () => this.poke());
      this.unlisten = unlisten;
    }
    this.timers.push(setInterval(() => this.poke(), POLL_MS).unref());
    this.timers.push(setInterval(() => this.ping(), PING_MS).unref());
  }

  /** Number of open connections in this process. */
  get size(): number {
    return this.subscribers.size;
  }

  /** NOTIFY messages received from the database since start (PostgreSQL only). */
  get notifications(): number {
    return this.notified;
  }

  /** Registers a listener told about each event after it went out. */
  onDispatch(listener: DispatchListener): void {
    this.listeners.push(listener);
  }

  /** Reads and delivers new events now; concurrent pokes coalesce into one more read. */
  poke(): void {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    this.running = this.drain();
  }

  /**
   * Delivers the committed events now and resolves once they are written to the connections: for a change whose
   * screens must come before its slower follow-up work (on PGlite, one connection, that work would queue the read).
   */
  async deliverNow(): Promise<void> {
    this.poke();
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        const events = await findLiveEventsAfter(this.database.db, this.lastId, FETCH_BATCH);
        for (const event of events) this.dispatch(event);
        if (events.length === FETCH_BATCH) this.again = true;
      } while (this.again && !this.closed);
    } catch (error) {
      if (!this.closed) this.log.error({ err: error }, 'live: reading events failed; the next poke retries');
    } finally {
      this.draining = false;
    }
  }

  private dispatch(event: StoredLiveEvent): void {
    if (event.id <= this.lastId) return;
    this.lastId = event.id;
    const text = frameOf(event.id, event.type, event.payload);
    let delivered = 0;
    for (const sub of this.subscribers) {
      if (event.id <= sub.cursor || !sees(sub, event)) continue;
      delivered++;
      if (!sub.ready) sub.queue.push({ id: event.id, text });
      else this.send(sub, event.id, text);
    }
    for (const listener of this.listeners) listener(event, delivered);
  }

  private send(sub: LiveSubscriber, id: number, text: string): void {
    sub.cursor = id;
    sub.write(text);
    if (sub.buffered() > MAX_BUFFERED_BYTES) {
      this.log.warn('live: a client stopped reading; closing its connection so it reconnects and replays');
      this.detach(sub);
      sub.end();
    }
  }

  /**
   * Adds a connection. With `lastEventId` it first replays the events it missed; without one (or when it
   * missed too many) it gets `snapshot()` as an event carrying the id of the latest event, then what follows.
   * Live events arriving meanwhile are queued, so nothing falls between replay and live delivery.
   */
  async attach(sub: LiveSubscriber, lastEventId: number | null, snapshot: () => Promise<Record<string, unknown>>): Promise<void> {
    sub.ready = false;
    sub.cursor = -1;
    this.subscribers.add(sub);
    try {
      let from = lastEventId;
      let missed = from === null ? [] : await findLiveEventsAfter(this.database.db, from, MAX_REPLAY + 1, sub.districtId);
      if (from === null || missed.length > MAX_REPLAY) {
        from = await latestLiveEventId(this.database.db);
        sub.write(frameOf(from, 'snapshot', JSON.stringify(await snapshot())));
        missed = await findLiveEventsAfter(this.database.db, from, MAX_REPLAY + 1, sub.districtId);
      }
      let cursor = from;
      for (const event of missed) {
        if (sees(sub, event)) sub.write(frameOf(event.id, event.type, event.payload));
        cursor = event.id;
      }
      sub.cursor = cursor;
      for (const queued of sub.queue) if (queued.id > sub.cursor) this.send(sub, queued.id, queued.text);
      sub.queue = [];
      sub.ready = true;
    } catch (error) {
      this.detach(sub);
      throw error;
    }
  }

  /** Removes a connection (it closed or is being closed). */
  detach(sub: LiveSubscriber): void {
    this.subscribers.delete(sub);
  }

  private ping(): void {
    for (const sub of this.subscribers) if (sub.ready) sub.write(': ping\n\n');
  }

  /** Ends every connection and stops following the log (before the HTTP server closes). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    for (const sub of this.subscribers) sub.end();
    this.subscribers.clear();
    await this.unlisten?.().catch(() => undefined);
  }
}

/** The permission scopes of an actor that decide which live events reach them. */
export function liveScopesOf(actor: Actor): Record<LiveAudience, Scope> {
  return {
    'alert.receive': scopeOf(actor, 'alert.receive'),
    'alert.manage': scopeOf(actor, 'alert.manage'),
    'reunification.manage': scopeOf(actor, 'reunification.manage'),
    'tip.read': scopeOf(actor, 'tip.read'),
    'notice.read': scopeOf(actor, 'notice.read'),
  };
}

const hubs = new WeakMap<object, LiveHub>();

/** The hub of an app (keyed by its deps object, shared by every plugin context). */
export function liveHubOf(deps: { database: Database }): LiveHub {
  const hub = hubs.get(deps);
  if (!hub) throw new Error('The live hub is not started: register the live module first');
  return hub;
}

/** Creates and starts the hub of an app. */
export async function startLiveHub(deps: { database: Database }, log: FastifyBaseLogger): Promise<LiveHub> {
  const hub = new LiveHub(deps.database, log);
  await hub.start();
  hubs.set(deps, hub);
  return hub;
}
