import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * Request budgets for every public route and for sign-in, per client and in total, kept in this process's
 * memory only. A client is known by an HMAC of its address under a random key that lives in memory and is
 * replaced every day (with all counters): the address itself is never kept, logged or written, so the
 * limiter cannot be used to tell who sent an anonymous tip, and yesterday's keys cannot be linked to today's.
 */

/** A budget: at most `limit` requests per `windowSeconds`. */
export interface Budget { limit: number; windowSeconds: number }

/**
 * The budgets of one group of routes: per client and for everyone together. The line-wide budget is taken at
 * the door, or (`lineWide: 'after-work'`) by the route once the tip line's flood gate has had its say: a flood
 * would otherwise spend it in a second and shut every real reporter out until the window ends.
 */
export interface Bucket { perClient: Budget; global: Budget; lineWide?: 'door' | 'after-work' }

/**
 * Groups of routes and their budgets. A tip costs a password hash, so tips get the tightest budget; per client
 * budgets stay loose enough for a school network where many students share one address. Tokens past the
 * line-wide budget are still issued, each asking for the heavy proof of work; the line-wide tip budget counts
 * only tips sent with a free token, because a tip whose work was verified paid for itself
 * (docs/adr/0002-tip-flood.md).
 */
export const BUCKETS = {
  'sign-in': { perClient: { limit: 20, windowSeconds: 60 }, global: { limit: 600, windowSeconds: 60 } },
  'tip-token': { perClient: { limit: 20, windowSeconds: 60 }, global: { limit: 600, windowSeconds: 60 }, lineWide: 'after-work' },
  'tip-submit': { perClient: { limit: 10, windowSeconds: 600 }, global: { limit: 120, windowSeconds: 60 }, lineWide: 'after-work' },
  'tip-write': { perClient: { limit: 10, windowSeconds: 600 }, global: { limit: 120, windowSeconds: 60 } },
  'tip-read': { perClient: { limit: 30, windowSeconds: 600 }, global: { limit: 600, windowSeconds: 60 } },
  public: { perClient: { limit: 120, windowSeconds: 60 }, global: { limit: 3000, windowSeconds: 60 } },
} as const satisfies Record<string, Bucket>;
export type BucketName = keyof typeof BUCKETS;

/** Routes with a bucket of their own; every other public route is in `public`. */
const ROUTE_BUCKETS: Record<string, BucketName> = {
  'POST /api/auth/sign-in': 'sign-in',
  'POST /api/auth/mfa/verify': 'sign-in',
  'GET /api/public/tips/token': 'tip-token',
  'POST /api/public/tips': 'tip-submit',
  'POST /api/public/tips/messages': 'tip-write',
  'POST /api/public/tips/dialogue': 'tip-read',
};

/** Routes that are public but not a door to anything: the health probe, the API description. */
const EXEMPT = new Set(['GET /api/health', 'GET /api/openapi.json']);

interface Window { count: number; resetsAt: number }
const MAX_CLIENTS = 100_000;

/** The counters of one app: fixed windows per (bucket, client) and per bucket. */
export class RateLimiter {
  private key = randomBytes(32);
  private keyDay = -1;
  private readonly clients = new Map<string, Window>();
  private readonly totals = new Map<string, Window>();

  constructor(private readonly scale: number, private readonly now: () => number = Date.now) {}

  /**
   * Counts one request of `client` in `bucket` (and in the line-wide budget, unless the bucket takes that after
   * the flood gate); the seconds to wait when a budget is spent, else 0.
   */
  take(bucketName: BucketName, client: string): number {
    const nowMs = this.now();
    this.rotate(nowMs);
    const bucket: Bucket = BUCKETS[bucketName];
    const id = createHmac('sha256', this.key).update(client).digest('base64url');
    const own = this.count(this.clients, `${bucketName}:${id}`, bucket.perClient, nowMs);
    if (own > 0 || bucket.lineWide === 'after-work') return own;
    return this.count(this.totals, bucketName, bucket.global, nowMs);
  }

  /** Counts one request in the line-wide budget of `bucket` only; the seconds to wait when it is spent, else 0. */
  takeLineWide(bucketName: BucketName): number {
    return this.count(this.totals, bucketName, BUCKETS[bucketName].global, this.now());
  }

  private count(map: Map<string, Window>, key: string, budget: Budget, nowMs: number): number {
    let window = map.get(key);
    if (!window || window.resetsAt <= nowMs) {
      if (map.size >= MAX_CLIENTS) this.prune(map, nowMs);
      window = { count: 0, resetsAt: nowMs + budget.windowSeconds * 1000 };
      map.set(key, window);
    }
    if (window.count >= Math.ceil(budget.limit * this.scale)) return Math.max(1, Math.ceil((window.resetsAt - nowMs) / 1000));
    window.count++;
    return 0;
  }

  private prune(map: Map<string, Window>, nowMs: number): void {
    for (const [key, window] of map) if (window.resetsAt <= nowMs) map.delete(key);
    // Still full: a flood of distinct addresses; forgetting the oldest only lets some of them in again.
    if (map.size >= MAX_CLIENTS) map.clear();
  }

  /** A new key and fresh counters every UTC day, so a client's pseudonym never lasts longer than a day. */
  private rotate(nowMs: number): void {
    const day = Math.floor(nowMs / 86_400_000);
    if (day === this.keyDay) return;
    this.keyDay = day;
    this.key = randomBytes(32);
    this.clients.clear();
  }
}

/** The bucket of a request's route, or null when it is not limited (routes behind a session). */
export function bucketOf(request: FastifyRequest): BucketName | null {
  const url = request.routeOptions.url;
  if (!url?.startsWith('/api/')) return null;
  const key = `${request.method} ${url}`;
  if (ROUTE_BUCKETS[key]) return ROUTE_BUCKETS[key];
  if (EXEMPT.has(key) || url.startsWith('/api/docs')) return null;
  return request.routeOptions.config?.access === 'public' ? 'public' : null;
}

const limiters = new WeakMap<object, RateLimiter>();

/** The limiter of an app, by its deps (shared by every plugin of the app), for budgets taken after the door. */
export function limiterOf(deps: object): RateLimiter {
  const limiter = limiters.get(deps);
  if (!limiter) throw new Error('installRateLimits has not run for this app');
  return limiter;
}

/** The 429 of a spent budget. */
export function rateLimited(wait: number): AppError {
  return new AppError('rate_limited', `Too many requests; try again in ${wait} seconds`, { retryAfterSeconds: wait });
}

/** Installs the limiter: checked first thing, before any database work or body parsing. */
export function installRateLimits(app: FastifyInstance, scale: number): RateLimiter {
  const limiter = new RateLimiter(scale);
  limiters.set(app.deps, limiter);
  app.addHook('onRequest', async (request) => {
    const bucket = bucketOf(request);
    if (!bucket) return;
    const wait = limiter.take(bucket, request.ip);
    if (wait > 0) throw rateLimited(wait);
  });
  return limiter;
}
