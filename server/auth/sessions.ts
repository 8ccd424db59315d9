import { and, eq, lt, sql } from 'drizzle-orm';
import type { Role } from '../../common/roles.js';
import type { Db } from '../db/connection.js';
import { districts, sessions, users } from '../db/schema/index.js';
import { hashToken, randomToken } from '../lib/ids.js';
import type { Actor, Grant } from './access.js';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
// last_seen_at is written at most once a minute, so reads do not each cost a write.
const TOUCH_EVERY_MS = 60 * 1000;
/**
 * Sessions loaded from the database are reused for a few seconds so a page's burst of requests costs one
 * lookup. Changes made by this process (sign-out, password, grants, deactivation) drop the entries at
 * once; another process sharing a PostgreSQL database sees such a change within this time.
 */
export const SESSION_CACHE_MS = 5 * 1000;

interface CachedSession {
  session: LoadedSession;
  userId: string;
  cachedAt: number;
  lastSeenAt: number;
  expiresAt: number;
}
const cache = new Map<string, CachedSession>();
// Bumped by every invalidation, so a lookup that raced with one does not put a stale entry back.
let generation = 0;

/** Drops cached sessions of a user (or all when no user is given) after a change to them. */
export function forgetSessions(userId?: string): void {
  generation++;
  if (!userId) return cache.clear();
  for (const [key, entry] of cache) if (entry.userId === userId) cache.delete(key);
}

/** The NOTIFY channel on which processes sharing PostgreSQL tell each other of ended sessions. */
export const SESSION_CHANNEL = 'sro_sessions';

/**
 * Tells every process (at commit, never for a rolled-back change) that sessions ended: `t:<token hash>` for
 * one session, `u:<user id>` for all of a user's. Each process drops them from its cache on hearing it.
 */
export async function announceRevocation(db: Db, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${SESSION_CHANNEL}, ${payload})`);
}

/** Applies a revocation heard on SESSION_CHANNEL (or sent by this process): the cached entries go at once. */
export function applyRevocation(payload: string): void {
  generation++;
  if (payload.startsWith('t:')) cache.delete(payload.slice(2));
  else if (payload.startsWith('u:')) forgetSessions(payload.slice(2));
  else forgetSessions();
}

/** A session as loaded for a request. */
export interface LoadedSession {
  tokenHash: string;
  actor: Actor;
  mfaPending: boolean;
  mfaEnabled: boolean;
  /** True when district policy requires two-step sign-in for a role the user holds. */
  mfaRequiredByPolicy: boolean;
  mustChangePassword: boolean;
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(db: Db, userId: string, mfaPending: boolean, now: Date): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    mfaPending,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
  });
  return token;
}

/** Loads a live session with its user and grants in one query; expired or idle sessions are removed. */
export async function loadSession(db: Db, token: string, now: Date): Promise<LoadedSession | null> {
  const tokenHash = hashToken(token);
  const cached = cache.get(tokenHash);
  if (cached && now.getTime() - cached.cachedAt < SESSION_CACHE_MS && now.getTime() >= cached.cachedAt) {
    const idle = now.getTime() - cached.lastSeenAt > SESSION_IDLE_MS;
    if (!idle && cached.expiresAt > now.getTime()) {
      if (now.getTime() - cached.lastSeenAt > TOUCH_EVERY_MS) {
        await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
        cached.lastSeenAt = now.getTime();
      }
      return cached.session;
    }
  }
  cache.delete(tokenHash);
  const startGeneration = generation;
  const [row] = await db
    .select({
      userId: users.id,
      districtId: users.districtId,
      name: users.name,
      email: users.email,
      organizationId: users.organizationId,
      juvenileAccessAt: users.juvenileAccessAt,
      active: users.active,
      mfaEnabled: users.mfaEnabled,
      mustChangePassword: users.mustChangePassword,
      mfaPending: sessions.mfaPending,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      mfaRequiredRoles: districts.mfaRequiredRoles,
      timeZone: districts.timezone,
      grants: sql<Grant[]>`(select coalesce(json_agg(json_build_object('role', g.role, 'schoolId', g.school_id)), '[]'::json) from role_grants g where g.user_id = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(districts, eq(districts.id, users.districtId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const idle = now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (!row.active || idle || row.expiresAt.getTime() <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  let lastSeenAt = row.lastSeenAt.getTime();
  if (now.getTime() - lastSeenAt > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    lastSeenAt = now.getTime();
  }
  const grants = typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants;
  const required = new Set(row.mfaRequiredRoles);
  const session: LoadedSession = {
    tokenHash,
    actor: { userId: row.userId, districtId: row.districtId, name: row.name, email: row.email, grants, timeZone: row.timeZone, organizationId: row.organizationId,
      personal: row.juvenileAccessAt ? ['incident.juvenile.read'] : [] },
    mfaPending: row.mfaPending,
    mfaEnabled: row.mfaEnabled,
    mfaRequiredByPolicy: grants.some((g: { role: Role }) => required.has(g.role)),
    mustChangePassword: row.mustChangePassword,
  };
  if (generation === startGeneration) {
    cache.set(tokenHash, { session, userId: row.userId, cachedAt: now.getTime(), lastSeenAt, expiresAt: row.expiresAt.getTime() });
  }
  return session;
}

/** True when the session must enrol in two-step sign-in before anything else. */
export function mustEnrolMfa(session: LoadedSession): boolean {
  return !session.mfaEnabled && session.mfaRequiredByPolicy;
}

/** Marks the second step passed and renews the token (so a token seen before MFA is useless after). */
export async function completeMfa(db: Db, tokenHash: string, userId: string, now: Date): Promise<string> {
  forgetSessions(userId);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  return createSession(db, userId, false, now);
}

/** Ends one session. */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  cache.delete(tokenHash);
  generation++;
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  await announceRevocation(db, `t:${tokenHash}`);
}

/** Ends every session of a user except, optionally, one (after a password change or reset). */
export async function deleteUserSessions(db: Db, userId: string, keepTokenHash?: string): Promise<void> {
  forgetSessions(userId);
  await db
    .delete(sessions)
    .where(
      keepTokenHash
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keepTokenHash}`)
        : eq(sessions.userId, userId),
    );
  await announceRevocation(db, `u:${userId}`);
}

/** Removes sessions past their absolute expiry (housekeeping). */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
