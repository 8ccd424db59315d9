import { AUDIT_EVENTS } from '../../../common/audit-events.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { csvLine } from './audit.csv.js';
import { auditScope } from './audit.policy.js';
import * as repo from './audit.repository.js';
import { MAX_EXPORT_ROWS, type AuditFilterQuery, type ListAuditQuery } from './audit.schemas.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CSV_HEADER = ['at', 'actor', 'event type', 'meaning', 'school', 'subject type', 'subject id', 'request id', 'detail JSON'];

function meaningOf(type: string): string | null {
  return (AUDIT_EVENTS as Record<string, string>)[type] ?? null;
}

/** The calendar day (YYYY-MM-DD) and wall-clock offset from UTC of `instant` in `timezone`. */
function zoned(instant: Date, timezone: string): { day: string; offsetMs: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const day = `${String(get('year')).padStart(4, '0')}-${String(get('month')).padStart(2, '0')}-${String(get('day')).padStart(2, '0')}`;
  return { day, offsetMs: wall - Math.floor(instant.getTime() / 1000) * 1000 };
}

/** Midnight at the start of `day` in `timezone`; the second pass corrects a guess made across a DST change. */
function startOfDay(day: string, timezone: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const guess = utc - zoned(new Date(utc), timezone).offsetMs;
  return new Date(utc - zoned(new Date(guess), timezone).offsetMs);
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The scope and filters of a request, with days resolved in the district's time zone. */
async function resolve(ctx: ServiceContext, query: AuditFilterQuery) {
  const scope = auditScope(ctx.actor, query.schoolId);
  const timezone = await repo.findDistrictTimezone(ctx.db, ctx.actor.districtId);
  if (!timezone) throw notFound('District');
  const filter: repo.AuditFilter = { actorId: query.actorId, schoolId: query.schoolId, eventType: query.eventType, q: query.q };
  if (query.from) filter.from = isDay(query.from) ? startOfDay(query.from, timezone) : new Date(query.from);
  if (query.to) {
    filter.to = isDay(query.to)
      ? { at: startOfDay(new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10), timezone), inclusive: false }
      : { at: new Date(query.to), inclusive: true };
  }
  if (filter.from && filter.to && (filter.to.inclusive ? filter.from > filter.to.at : filter.from >= filter.to.at)) {
    throw new AppError('validation_failed', 'from must not be after to', { field: 'from' });
  }
  return { scope, filter, timezone };
}

/**
 * A page of the audit log the actor may read, newest first; `nextCursor` continues with older events. The log names
 * every record of every category, so reading it is audited too (filters, page and row count) in the read's transaction;
 * the event is written after the read, so a page never shows its own reading.
 */
export async function listEvents(ctx: ServiceContext, query: ListAuditQuery) {
  const { scope, filter } = await resolve(ctx, query);
  const before = query.cursor === undefined ? undefined : Number(query.cursor);
  // One row more than asked tells whether an older page exists, so the last page says so.
  const rows = await ctx.db.transaction(async (tx) => {
    const found = await repo.findEvents(tx, ctx.actor.districtId, scope, filter, { before, limit: query.limit + 1 });
    await writeAudit(tx, whoOf(ctx), {
      type: 'audit.viewed', schoolId: query.schoolId ?? null, subjectType: 'audit_log',
      detail: { filters: query, rows: Math.min(found.length, query.limit) },
    });
    return found;
  });
  const items = rows.slice(0, query.limit).map((row) => ({ ...row, meaning: meaningOf(row.eventType) }));
  return { items, nextCursor: rows.length > query.limit ? String(items.at(-1)!.id) : null };
}

/**
 * The audit log as CSV (at most MAX_EXPORT_ROWS, newest first). The export is itself audited, with its
 * filters and row count, in the same transaction as the read.
 */
export async function exportEvents(ctx: ServiceContext, query: AuditFilterQuery) {
  const { scope, filter, timezone } = await resolve(ctx, query);
  const rows = await ctx.db.transaction(async (tx) => {
    const found = await repo.findEvents(tx, ctx.actor.districtId, scope, filter, { limit: MAX_EXPORT_ROWS + 1 });
    const kept = found.slice(0, MAX_EXPORT_ROWS);
    await writeAudit(tx, whoOf(ctx), {
      type: 'audit.exported', schoolId: query.schoolId ?? null, subjectType: 'audit_log',
      detail: { filters: query, rows: kept.length, truncated: found.length > MAX_EXPORT_ROWS },
    });
    return kept;
  });
  const lines = [csvLine(CSV_HEADER)];
  for (const r of rows) {
    lines.push(csvLine([
      r.at.toISOString(), r.actorLabel, r.eventType, meaningOf(r.eventType), r.schoolName, r.subjectType, r.subjectId, r.requestId,
      JSON.stringify(r.detail),
    ]));
  }
  return { filename: `audit-${zoned(ctx.clock.now(), timezone).day}.csv`, csv: lines.join(''), rows: rows.length };
}

/** Every audit event type with its meaning, for the filter of the audit page. */
export function eventTypes() {
  return { items: Object.entries(AUDIT_EVENTS).map(([type, meaning]) => ({ type, meaning })) };
}
