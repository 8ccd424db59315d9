import { LABELS, SCHOOL_SAFETY_CATEGORIES, type Crdc, type ListIncidentsQuery } from '../../../common/incidents.js';
import { NIBRS_LOCATIONS, NIBRS_OFFENSES, NIBRS_WEAPON_FORCE, WEAPON_REQUIRED_CODES, nibrsOffense } from '../../../common/nibrs.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { csvLine } from '../audit/audit.csv.js';
import { offenseLabel, readScopes, readsNarrative } from './incidents.policy.js';
import { iso } from './incidents.view.js';
import * as search from './search.repository.js';

const EXPORT_LIMIT = 50_000;
const EXPORT_BATCH = 1_000;
/** Rows per batch of a list download: large enough that round trips do not dominate, small enough to stay flat. */
const STREAM_BATCH = 5_000;

/** The stored offense key of the `offense` filter: a NIBRS code or a school-safety category. */
function offenseKeyOf(offense: string | undefined): string | undefined {
  if (!offense) return undefined;
  const lower = offense.toLowerCase();
  if ((SCHOOL_SAFETY_CATEGORIES as readonly string[]).includes(lower)) return `school:${lower}`;
  if (nibrsOffense(offense.toUpperCase())) return offense.toUpperCase();
  throw new AppError('validation_failed', `offense: ${offense} is neither a NIBRS code nor a school-safety category`, { field: 'offense' });
}

function filterOf(ctx: ServiceContext, query: Omit<ListIncidentsQuery, 'cursor' | 'limit'>) {
  if (query.schoolId) requireSchool(ctx.actor, 'incident.read', query.schoolId, 'School');
  const scopes = readScopes(ctx.actor);
  const filter = { ...query, offenseKey: offenseKeyOf(query.offense) };
  return {
    scopes, where: search.filterConditions(ctx.actor.districtId, scopes, filter),
    whereWithoutText: search.filterConditions(ctx.actor.districtId, scopes, { ...filter, q: undefined }),
    text: query.q ? search.textCondition(scopes, query.q) : null,
  };
}

/** Filters as kept in the audit log: which filters were used, not the searched words. */
function auditedFilters(query: Omit<ListIncidentsQuery, 'cursor' | 'limit'>) {
  return {
    schoolId: query.schoolId ?? null, from: query.from ?? null, to: query.to ?? null, offense: query.offense ?? null,
    status: query.status ?? null, studentId: query.studentId ?? null, person: Boolean(query.person), q: Boolean(query.q), sort: query.sort,
  };
}

/** A list row as the list answers it. */
function itemOf(r: search.ListRow) {
  return {
    id: r.id, number: r.number, schoolId: r.schoolId, schoolName: r.schoolName, occurredAt: iso(r.occurredAt), status: r.status,
    summary: r.summary, offenses: r.offenseKeys.map(offenseLabel), hasJuvenile: r.hasJuvenile, authorName: r.authorName,
    updatedAt: iso(r.updatedAt), supplementSubmitted: r.supplementSubmitted,
  };
}

/**
 * The whole filtered list, as the list answers it, in large batches for a CSV download (server/modules/exports).
 * Filters and permissions are checked before the first row; the reads are not audited one by one: the export
 * writes one `list.exported` event with its row count.
 */
export async function streamIncidents(ctx: ServiceContext, query: Omit<ListIncidentsQuery, 'cursor' | 'limit'>): Promise<AsyncIterable<unknown[]>> {
  requirePermission(ctx.actor, 'incident.read');
  const { where, whereWithoutText, text } = filterOf(ctx, query);
  const prepare = text ? (tx: Parameters<typeof search.planTextSearch>[0]) => search.planTextSearch(tx, whereWithoutText, text, query.sort, null, STREAM_BATCH) : undefined;
  return (async function* batches() {
    for await (const batch of search.incidentBatches(ctx.db, where, query.sort, STREAM_BATCH, prepare)) yield batch.map(itemOf);
  })();
}

/** A page of incidents the actor may see, filtered, searched and sorted, with the cursor of the next page; audited. */
export async function findIncidents(ctx: ServiceContext, query: ListIncidentsQuery) {
  requirePermission(ctx.actor, 'incident.read');
  const { where, whereWithoutText, text } = filterOf(ctx, query);
  let cursor: search.Cursor | null = null;
  if (query.cursor) {
    cursor = search.decodeCursor(query.cursor);
    if (!cursor) throw new AppError('validation_failed', 'cursor: not a cursor of this list', { field: 'cursor' });
  }
  return ctx.db.transaction(async (tx) => {
    if (text) await search.planTextSearch(tx, whereWithoutText, text, query.sort, cursor, query.limit + 1);
    const found = await search.findIncidentPage(tx, where, query.sort, cursor, query.limit + 1);
    const page = found.slice(0, query.limit);
    const last = page.at(-1);
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.searched', schoolId: query.schoolId ?? null,
      detail: { filters: auditedFilters(query), ids: page.map((r) => r.id), page: Boolean(query.cursor) },
    });
    return {
      items: page.map(itemOf),
      nextCursor: found.length > query.limit && last ? search.encodeCursor(search.cursorOf(query.sort, last)) : null,
    };
  });
}

/**
 * The filtered list as CSV (at most 50,000 rows), with the same visibility as the list; narratives only at
 * schools where the actor reads them. The export is audited with its size.
 */
export async function exportIncidents(ctx: ServiceContext, query: Omit<ListIncidentsQuery, 'cursor' | 'limit'>) {
  requirePermission(ctx.actor, 'incident.read');
  const { scopes, where, whereWithoutText, text } = filterOf(ctx, query);
  const withNarrative = !scopes.narrative.all ? scopes.narrative.schoolIds.length > 0 : true;
  const header = ['number', 'occurred_at', 'school', 'status', 'on_campus', 'nibrs_location', 'offenses', 'summary', 'author', ...(withNarrative ? ['narrative'] : [])];
  return ctx.db.transaction(async (tx) => {
    if (text) await search.planTextSearch(tx, whereWithoutText, text, query.sort, null, EXPORT_BATCH);
    const lines = [csvLine(header)];
    let cursor: search.Cursor | null = null;
    let count = 0;
    while (count < EXPORT_LIMIT) {
      const batch = await search.findIncidentPage(tx, where, query.sort, cursor, EXPORT_BATCH, withNarrative);
      for (const r of batch) {
        lines.push(csvLine([
          r.number, iso(r.occurredAt), r.schoolName, LABELS.status[r.status], r.onCampus, r.locationCode, r.offenseKeys.map(offenseLabel).join('; '),
          r.summary, r.authorName, ...(withNarrative ? [readsNarrative(ctx.actor, r.schoolId) ? r.narrative : ''] : []),
        ]));
      }
      count += batch.length;
      const last = batch.at(-1);
      if (batch.length < EXPORT_BATCH || !last) break;
      cursor = search.cursorOf(query.sort, last);
    }
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.exported', schoolId: query.schoolId ?? null, detail: { filters: auditedFilters(query), rows: count },
    });
    return lines.join('');
  });
}

/** CRDC counts of student referrals to law enforcement and arrests at the actor's schools (approved reports only). */
export async function crdcCounts(ctx: ServiceContext, query: { from: string; to: string; schoolId?: string }): Promise<Crdc> {
  if (query.schoolId) requireSchool(ctx.actor, 'report.export', query.schoolId, 'School');
  const rows = await search.crdcCounts(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'report.export'), query);
  const bySchool = new Map<string, Crdc['schools'][number]>();
  for (const r of rows) {
    let school = bySchool.get(r.schoolId);
    if (!school) {
      school = { schoolId: r.schoolId, schoolName: r.schoolName, referrals: { instances: 0, students: 0 }, arrests: { instances: 0, students: 0 }, byGroup: [] };
      bySchool.set(r.schoolId, school);
    }
    if (r.total !== 0) school[r.measure === 'arrest' ? 'arrests' : 'referrals'] = { instances: r.instances, students: r.students };
    else {
      school.byGroup.push({
        measure: r.measure, disability: r.disability!, sex: r.sex!, raceEthnicity: r.raceEthnicity!, englishLearner: r.englishLearner!, students: r.students,
      });
    }
  }
  return { schools: [...bySchool.values()] };
}

/** The NIBRS reference tables the report form offers. */
export function reference() {
  return {
    offenses: NIBRS_OFFENSES.map((o) => ({ ...o, weaponRequired: WEAPON_REQUIRED_CODES.has(o.code) })),
    locations: [...NIBRS_LOCATIONS],
    weaponForce: [...NIBRS_WEAPON_FORCE],
  };
}
