import { createHash, randomBytes } from 'node:crypto';
import type { EventFeed, EventFeedBody } from '../../../common/events.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, type Actor } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { findDistrictSchool } from '../drills/drills.scope.js';
import { writeCalendar, type IcsEvent } from './ical.js';
import * as repo from './events.repository.js';

/** How far back a feed reaches: calendar apps keep what they already fetched. */
const PAST_DAYS = 90;

/** The SHA-256 of a feed token, as stored: the token itself is never kept. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/ical/${token}.ics`;
}

function toFeed(row: Awaited<ReturnType<typeof repo.findFeeds>>[number], url: string | null): EventFeed {
  const f = row.f;
  return {
    id: f.id, scope: f.scope, schoolId: f.schoolId, schoolName: row.schoolName ?? null, url, createdAt: f.createdAt.toISOString(),
    rotatedAt: f.rotatedAt?.toISOString() ?? null, lastFetchedAt: f.lastFetchedAt?.toISOString() ?? null,
  };
}

/** The actor's feeds (URLs are not shown again: only their hashes are kept). */
export async function findFeeds(ctx: ServiceContext): Promise<EventFeed[]> {
  return (await repo.findFeeds(ctx.db, ctx.actor.userId)).map((r) => toFeed(r, null));
}

/** A new feed of the actor: a school's events (event.read there) or the events the actor covers. Audited. */
export async function createFeed(ctx: ServiceContext, publicUrl: string, input: EventFeedBody): Promise<EventFeed> {
  if (input.scope === 'school' && !input.schoolId) throw new AppError('validation_failed', 'schoolId: a school feed needs a school', { field: 'schoolId' });
  if (input.scope === 'sro' && input.schoolId) throw new AppError('validation_failed', 'schoolId: a feed of my coverage has no school', { field: 'schoolId' });
  if (input.scope === 'sro' && !ctx.actor.grants.some((g) => g.role === 'sro')) {
    throw new AppError('validation_failed', 'scope: only an SRO covers events; subscribe to a school instead', { field: 'scope' });
  }
  return ctx.db.transaction(async (tx) => {
    if (input.schoolId) {
      requireSchool(ctx.actor, 'event.read', input.schoolId, 'School');
      if (!(await findDistrictSchool(tx, ctx.actor.districtId, input.schoolId))) throw notFound('School');
    }
    const token = newToken();
    const id = await repo.insertFeed(tx, {
      districtId: ctx.actor.districtId, userId: ctx.actor.userId, scope: input.scope, schoolId: input.schoolId ?? null,
      tokenHash: hashToken(token), createdAt: ctx.clock.now(),
    });
    await writeAudit(tx, whoOf(ctx), { type: 'event_feed.created', schoolId: input.schoolId ?? null, subjectType: 'event_feed', subjectId: id, detail: { scope: input.scope } });
    return toFeed((await repo.findFeeds(tx, ctx.actor.userId, id))[0]!, feedUrl(publicUrl, token));
  });
}

async function ownFeed(ctx: ServiceContext, db: Db, id: string) {
  const [row] = await repo.findFeeds(db, ctx.actor.userId, id);
  if (!row) throw notFound('Feed');
  return row;
}

/** A new secret for one of the actor's feeds; the old URL stops working. Audited. */
export async function rotateFeed(ctx: ServiceContext, publicUrl: string, id: string): Promise<EventFeed> {
  return ctx.db.transaction(async (tx) => {
    const row = await ownFeed(ctx, tx, id);
    const token = newToken();
    await repo.updateFeed(tx, id, { tokenHash: hashToken(token), rotatedAt: ctx.clock.now() });
    await writeAudit(tx, whoOf(ctx), { type: 'event_feed.rotated', schoolId: row.f.schoolId, subjectType: 'event_feed', subjectId: id });
    return toFeed((await repo.findFeeds(tx, ctx.actor.userId, id))[0]!, feedUrl(publicUrl, token));
  });
}

/** Revokes one of the actor's feeds. Audited. */
export async function revokeFeed(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await ownFeed(ctx, tx, id);
    await repo.updateFeed(tx, id, { revokedAt: ctx.clock.now() });
    await writeAudit(tx, whoOf(ctx), { type: 'event_feed.revoked', schoolId: row.f.schoolId, subjectType: 'event_feed', subjectId: id });
  });
}

/**
 * The calendar of a feed token, or null (unknown, revoked, owner deactivated, or the owner no longer reads
 * events at the feed's school): the route answers all of these 404 alike.
 */
export async function feedCalendar(db: Db, clock: Clock, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const feed = await repo.findFeedByHash(db, hashToken(token));
  if (!feed || !feed.ownerActive) return null;
  // The owner's organization matters: an outsider's grants carry fewer permissions than their roles.
  const owner: Pick<Actor, 'grants' | 'organizationId'> = { grants: await repo.findGrants(db, feed.f.userId), organizationId: feed.ownerOrganizationId };
  if (feed.f.scope === 'school' && !canAtSchool(owner as Actor, 'event.read', feed.f.schoolId!)) return null;
  const now = clock.now();
  const since = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const events = await repo.findFeedEvents(db, feed.f, since);
  await repo.updateFeed(db, feed.f.id, { lastFetchedAt: now });
  const items: IcsEvent[] = events.map(({ e, schoolName }) => ({
    uid: `${e.id}@srodesk`, stamp: now, start: e.startsAt, end: e.endsAt, lastModified: e.updatedAt,
    summary: feed.f.scope === 'sro' ? `${e.title} (${schoolName})` : e.title,
    location: [e.place, schoolName].filter(Boolean).join(', '),
    description: e.description, cancelled: e.cancelled,
  }));
  const name = feed.f.scope === 'school' ? `${feed.schoolName ?? 'School'} events` : `Events covered by ${feed.ownerName}`;
  return writeCalendar({ prodId: '-//SRO Desk//Event coverage//EN', name, events: items });
}
