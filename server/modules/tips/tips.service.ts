import type { FastifyBaseLogger } from 'fastify';
import {
  CANNED_REPLIES, type StaffReplyBody, type Tip, type TipLinkBody, type TipSummary, type UpdateTipBody,
} from '../../../common/tips.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { readStoredFile } from '../../files/registry.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { announceLifeSafety, storeAcknowledgedEvent, storeLifeSafetyEvent } from './tips.notify.js';
import * as repo from './tips.repository.js';
import { findSteps } from '../notifications/notifications.repository.js';
import { findLinkTarget } from './tips.links.js';
import { toMinute } from './tips.anonymity.js';
import type { PublicTipDeps } from './tips.public.js';
import { decodeCursor, encodeCursor, floodStatus } from './tips.flood.js';

type Row = { tip: repo.TipRow; schoolName: string };

/** Staff see every time of a tip to the minute (never seconds: they would help identify the reporter). */
const minute = (at: Date) => toMinute(at).toISOString();

function summaryOf(row: Row, extra: { lastMessageAt: string | null; unread: number }): TipSummary {
  const t = row.tip;
  return {
    id: t.id, number: t.number, schoolId: t.schoolId, schoolName: row.schoolName, category: t.category,
    excerpt: t.description.slice(0, 140), status: t.status, outcome: t.outcome, lifeSafety: t.lifeSafety, hoax: t.hoax,
    createdAt: minute(t.createdAt), acknowledgedAt: t.acknowledgedAt ? minute(t.acknowledgedAt) : null,
    unreadFromReporter: extra.unread, lastMessageAt: extra.lastMessageAt ? minute(new Date(extra.lastMessageAt)) : null,
  };
}

async function fullTip(db: Db, row: Row, unread: number): Promise<Tip> {
  const t = row.tip;
  const [messages, links, attachment, steps] = await Promise.all([
    repo.findMessages(db, t.id), repo.findLinks(db, t.id), repo.findAttachmentInfo(db, t.id), findSteps(db, 'tip', t.id)]);
  const ackBy = t.acknowledgedBy ? (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, t.acknowledgedBy!), columns: { name: true } }))?.name ?? null : null;
  const last = messages.at(-1)?.message.createdAt ?? null;
  return {
    ...summaryOf(row, { lastMessageAt: last ? minute(last) : null, unread }),
    description: t.description, when: t.whenText, where: t.whereText, who: t.whoText, language: t.language,
    attachment: attachment ? { ...attachment, fileName: null } : null, acknowledgedByName: ackBy,
    closedAt: t.closedAt ? minute(t.closedAt) : null, lifeSafetyFlaggedBy: t.lifeSafetyBy, lifeSafetySignals: t.lifeSafetySignals ?? [],
    escalations: steps.map((e) => ({ step: e.step, level: e.level, recipients: e.recipients, at: minute(e.at) })),
    messages: messages.map(({ message: m, staffName }) => ({ id: m.id, author: m.author, body: m.body, at: minute(m.createdAt), staffName })),
    links: links.map((l) => (l.kind === 'sealed'
      ? { kind: 'sealed' as const, targetId: null, label: 'a sealed record', createdAt: minute(l.createdAt) }
      : { kind: l.kind, targetId: l.targetId, label: l.kind, createdAt: minute(l.createdAt) })),
  };
}

/** A tip the actor may see with `permission`, or 404 (outside the team reads as missing). */
async function loadTip(db: Db, ctx: ServiceContext, id: string, permission: 'tip.read' | 'tip.triage', forUpdate = false): Promise<Row> {
  const row = await repo.findTip(db, ctx.actor.districtId, id, { forUpdate });
  if (!row || !canAtSchool(ctx.actor, 'tip.read', row.tip.schoolId)) throw notFound('Tip');
  requireSchool(ctx.actor, permission, row.tip.schoolId, 'Tip');
  return row;
}

/** The tip queue of the actor's schools (audited with the ids shown). */
export async function findTips(
  ctx: ServiceContext, query: { schoolId?: string; status?: TipSummary['status']; lifeSafety?: boolean; limit: number; cursor?: string },
) {
  if (query.schoolId) requireSchool(ctx.actor, 'tip.read', query.schoolId, 'School');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const scope = scopeOf(ctx.actor, 'tip.read');
  return ctx.db.transaction(async (tx) => {
    // One more than the page: whether a next page exists, without counting.
    const found = await repo.findTips(tx, ctx.actor.districtId, scope, { ...query, limit: query.limit + 1, after });
    const rows = found.slice(0, query.limit);
    const last = found.length > query.limit ? rows.at(-1)!.tip : null;
    await writeAudit(tx, whoOf(ctx), { type: 'tip.listed', schoolId: query.schoolId ?? null, detail: { ids: rows.map((r) => r.tip.id) } });
    return {
      items: rows.map((r) => summaryOf(r, { lastMessageAt: r.lastMessageAt, unread: Number(r.unread) })),
      nextCursor: last ? encodeCursor({ urgent: last.lifeSafety && !last.acknowledgedAt, createdAt: last.createdAt.toISOString(), id: last.id }) : null,
      flood: await floodStatus(tx, ctx.actor.districtId, query.schoolId ? { all: false, schoolIds: [query.schoolId] } : scope, ctx.clock.now()),
    };
  });
}

/** One tip in full (audited); reading it marks the reporter's messages read. */
export async function getTip(ctx: ServiceContext, id: string): Promise<Tip> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadTip(tx, ctx, id, 'tip.read');
    await writeAudit(tx, whoOf(ctx), { type: 'tip.viewed', schoolId: row.tip.schoolId, subjectType: 'tip', subjectId: id });
    await repo.updateTip(tx, id, { staffReadAt: ctx.clock.now() });
    return fullTip(tx, row, 0);
  });
}

/** The attachment bytes (audited). */
export async function getAttachment(ctx: ServiceContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadTip(tx, ctx, id, 'tip.read');
    const file = await repo.findAttachment(tx, id);
    if (!file) throw notFound('Attachment');
    const content = await readStoredFile(ctx.db, file.fileKey, file.legacyContent, tx);
    if (!content) throw notFound('Attachment');
    await writeAudit(tx, whoOf(ctx), { type: 'tip.attachment_viewed', schoolId: row.tip.schoolId, subjectType: 'tip', subjectId: id });
    return { mediaType: file.mediaType, content };
  });
}

/** Acknowledges a tip: stops its timer; a new tip becomes acknowledged. Repeating it changes nothing. */
export async function acknowledge(ctx: ServiceContext, hub: { poke(): void }, id: string): Promise<Tip> {
  let announced = false;
  const tip = await ctx.db.transaction(async (tx) => {
    const row = await loadTip(tx, ctx, id, 'tip.triage', true);
    if (!row.tip.acknowledgedAt) {
      if (row.tip.lifeSafety) {
        await storeAcknowledgedEvent(tx, { ...row.tip, schoolName: row.schoolName });
        announced = true;
      }
      const now = ctx.clock.now();
      const values = { acknowledgedAt: now, acknowledgedBy: ctx.actor.userId, status: row.tip.status === 'new' ? 'acknowledged' as const : row.tip.status, updatedAt: now };
      await repo.updateTip(tx, id, values);
      Object.assign(row.tip, values);
      await writeAudit(tx, whoOf(ctx), {
        type: 'tip.acknowledged', schoolId: row.tip.schoolId, subjectType: 'tip', subjectId: id,
        detail: { secondsToAcknowledge: Math.round((now.getTime() - row.tip.createdAt.getTime()) / 1000) },
      });
    }
    return fullTip(tx, row, 0);
  });
  if (announced) hub.poke();
  return tip;
}

/** Status, outcome, life-safety and hoax flags. Closing needs an outcome; a hoax closes with outcome hoax. */
export async function updateTip(ctx: ServiceContext, deps: PublicTipDeps, log: FastifyBaseLogger, id: string, input: UpdateTipBody): Promise<Tip> {
  let raised: Parameters<typeof announceLifeSafety>[2] | null = null;
  let acknowledged = false;
  const tip = await ctx.db.transaction(async (tx) => {
    const row = await loadTip(tx, ctx, id, 'tip.triage', true);
    const t = row.tip;
    const now = ctx.clock.now();
    const status = input.hoax ? 'closed' : input.status ?? t.status;
    const outcome = input.hoax ? 'hoax' : status === 'closed' ? input.outcome ?? t.outcome : null;
    if (status === 'closed' && !outcome) throw new AppError('validation_failed', 'outcome: give an outcome to close the tip', { field: 'outcome' });
    const values: Partial<repo.TipRow> = {
      status, outcome, hoax: input.hoax ?? t.hoax, updatedAt: now,
      closedAt: status === 'closed' ? t.closedAt ?? now : null,
    };
    if (status !== 'new' && !t.acknowledgedAt) {
      Object.assign(values, { acknowledgedAt: now, acknowledgedBy: ctx.actor.userId });
      if (t.lifeSafety) {
        await storeAcknowledgedEvent(tx, { ...t, schoolName: row.schoolName });
        acknowledged = true;
      }
    }
    if (input.lifeSafety !== undefined && input.lifeSafety !== t.lifeSafety) {
      Object.assign(values, { lifeSafety: input.lifeSafety, lifeSafetyBy: input.lifeSafety ? 'staff' : null });
      if (input.lifeSafety && !t.acknowledgedAt && !values.acknowledgedAt) {
        raised = { ...t, schoolName: row.schoolName };
        await storeLifeSafetyEvent(tx, raised, 'staff');
      }
    }
    if (values.lifeSafety !== undefined) {
      await writeAudit(tx, whoOf(ctx), {
        type: 'tip.reclassified', schoolId: t.schoolId, subjectType: 'tip', subjectId: id,
        detail: { lifeSafety: values.lifeSafety, before: { lifeSafety: t.lifeSafety, by: t.lifeSafetyBy, signals: t.lifeSafetySignals ?? [] } },
      });
    }
    await repo.updateTip(tx, id, values);
    Object.assign(t, values);
    await writeAudit(tx, whoOf(ctx), { type: 'tip.updated', schoolId: t.schoolId, subjectType: 'tip', subjectId: id, detail: { changed: Object.keys(input), status, outcome } });
    return fullTip(tx, row, 0);
  });
  if (raised) announceLifeSafety(deps, log, raised);
  else if (acknowledged) deps.hub.poke();
  return tip;
}

/** A staff reply to the reporter (a canned reply's text when no body is given). */
export async function reply(ctx: ServiceContext, id: string, input: StaffReplyBody): Promise<Tip> {
  const body = input.body ?? CANNED_REPLIES.find((r) => r.id === input.cannedReplyId)?.text;
  if (!body) throw new AppError('validation_failed', 'body: write a reply or choose a canned reply', { field: 'body' });
  return ctx.db.transaction(async (tx) => {
    const row = await loadTip(tx, ctx, id, 'tip.triage', true);
    const now = ctx.clock.now();
    await repo.insertMessage(tx, { tipId: id, author: 'staff', staffUserId: ctx.actor.userId, body, createdAt: now });
    const values: Partial<repo.TipRow> = { updatedAt: now, staffReadAt: now };
    if (!row.tip.acknowledgedAt) Object.assign(values, { acknowledgedAt: now, acknowledgedBy: ctx.actor.userId, status: row.tip.status === 'new' ? 'acknowledged' : row.tip.status });
    await repo.updateTip(tx, id, values);
    Object.assign(row.tip, values);
    await writeAudit(tx, whoOf(ctx), { type: 'tip.replied', schoolId: row.tip.schoolId, subjectType: 'tip', subjectId: id, detail: { canned: input.cannedReplyId ?? null } });
    return fullTip(tx, row, 0);
  });
}

/** Links a tip to an incident, a threat case or a referral the actor can see at the tip's school. */
export async function link(ctx: ServiceContext, id: string, input: TipLinkBody): Promise<Tip> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadTip(tx, ctx, id, 'tip.triage', true);
    if (!(await findLinkTarget(tx, ctx, row.tip.schoolId, input))) {
      throw new AppError('validation_failed', `targetId: no such ${input.kind.replace('_', ' ')} at the tip's school`, { field: 'targetId' });
    }
    await repo.insertLink(tx, { tipId: id, kind: input.kind, targetId: input.targetId, createdBy: ctx.actor.userId, createdAt: ctx.clock.now() });
    await writeAudit(tx, whoOf(ctx), { type: 'tip.linked', schoolId: row.tip.schoolId, subjectType: 'tip', subjectId: id, detail: input });
    return fullTip(tx, row, 0);
  });
}
