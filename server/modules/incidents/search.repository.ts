import { and, asc, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { IncidentSort, IncidentStatus } from '../../../common/incidents.js';
import type { Scope } from '../../auth/access.js';
import { cursorBatches, isServerDb, rows, type Db } from '../../db/connection.js';
import { incidents, schools, users } from '../../db/schema/index.js';
import type { ReadScopes } from './incidents.policy.js';
import { inScope } from '../schools/schools.repository.js';

function scoped(scope: Scope): SQL {
  return inScope(incidents.schoolId, scope) ?? sql`true`;
}

/** Incidents the scopes may see: their schools, not sealed, juvenile records only where juvenile access is held. */
export function visibilityCondition(scopes: ReadScopes): SQL {
  const juvenile = scopes.juvenile.all ? undefined : or(eq(incidents.hasJuvenile, false), scoped(scopes.juvenile));
  return and(isNull(incidents.sealedAt), scoped(scopes.read), juvenile)!;
}

function covers(outer: Scope, inner: Scope): boolean {
  if (outer.all) return true;
  return !inner.all && inner.schoolIds.every((id) => outer.schoolIds.includes(id));
}

/** Full-text match: narratives count only at schools where the scopes read narratives. */
export function textCondition(scopes: ReadScopes, q: string): SQL {
  const query = sql`websearch_to_tsquery('english', ${q})`;
  if (covers(scopes.narrative, scopes.read)) return sql`${incidents.searchAll} @@ ${query}`;
  return or(sql`${incidents.searchPublic} @@ ${query}`, and(sql`${incidents.searchAll} @@ ${query}`, scoped(scopes.narrative)))!;
}

/** The filters of the incident list, already validated. */
export interface IncidentFilter {
  q?: string;
  schoolId?: string;
  from?: string;
  to?: string;
  offenseKey?: string;
  status?: IncidentStatus;
  studentId?: string;
  person?: string;
  awaitingReview?: 'true' | 'false';
  sort: IncidentSort;
}

/** A position in a sorted list: the sort value and the id of the last row shown. */
export type Cursor = [string, string];

/** The opaque cursor of a row, for `nextCursor`. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor a client sent back, or null when it is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as Cursor;
  } catch {
    // not ours
  }
  return null;
}

const supplementSubmitted = sql<boolean>`exists (select 1 from incident_supplements s where s.incident_id = ${incidents.id} and s.status = 'submitted')`;

/** Every condition of a filtered list. */
export function filterConditions(districtId: string, scopes: ReadScopes, f: IncidentFilter): SQL {
  const personLike = f.person ? `${f.person.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(incidents.districtId, districtId), visibilityCondition(scopes),
    f.schoolId ? eq(incidents.schoolId, f.schoolId) : undefined,
    f.from ? gte(incidents.occurredAt, new Date(f.from)) : undefined,
    f.to ? lt(incidents.occurredAt, new Date(f.to)) : undefined,
    f.status ? eq(incidents.status, f.status) : undefined,
    f.awaitingReview === 'true' ? or(eq(incidents.status, 'submitted'), supplementSubmitted) : undefined,
    f.offenseKey ? sql`${incidents.offenseKeys} @> array[${f.offenseKey}]::text[]` : undefined,
    f.studentId ? sql`exists (select 1 from incident_persons p where p.incident_id = ${incidents.id} and p.student_id = ${f.studentId})` : undefined,
    personLike ? sql`exists (select 1 from incident_persons p where p.incident_id = ${incidents.id}
      and (lower(p.last_name) like ${personLike} or lower(p.first_name) like ${personLike}))` : undefined,
    f.q ? textCondition(scopes, f.q) : undefined,
  )!;
}

function keyset(sort: IncidentSort, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const [value, id] = cursor;
  switch (sort) {
    case 'occurred_desc': return sql`(${incidents.occurredAt}, ${incidents.id}) < (${value}::timestamptz, ${id}::uuid)`;
    case 'occurred_asc': return sql`(${incidents.occurredAt}, ${incidents.id}) > (${value}::timestamptz, ${id}::uuid)`;
    case 'number_desc': return lt(incidents.number, value);
    case 'number_asc': return sql`${incidents.number} > ${value}`;
  }
}

function ordering(sort: IncidentSort): SQL[] {
  switch (sort) {
    case 'occurred_desc': return [desc(incidents.occurredAt), desc(incidents.id)];
    case 'occurred_asc': return [asc(incidents.occurredAt), asc(incidents.id)];
    case 'number_desc': return [desc(incidents.number)];
    case 'number_asc': return [asc(incidents.number)];
  }
}

/** The cursor value of a row under a sort. */
export function cursorOf(sort: IncidentSort, row: { id: string; number: string; occurredAt: Date }): Cursor {
  return sort.startsWith('occurred') ? [row.occurredAt.toISOString(), row.id] : [row.number, row.id];
}

/** One page of the filtered list after `cursor`; one row more than `limit` tells whether a next page exists. */
export async function findIncidentPage(db: Db, where: SQL, sort: IncidentSort, cursor: Cursor | null, limit: number, withNarrative = false) {
  return db.select({
    id: incidents.id, number: incidents.number, schoolId: incidents.schoolId, schoolName: schools.name, occurredAt: incidents.occurredAt,
    status: incidents.status, summary: incidents.summary, offenseKeys: incidents.offenseKeys, hasJuvenile: incidents.hasJuvenile,
    authorName: users.name, updatedAt: incidents.updatedAt, onCampus: incidents.onCampus, locationCode: incidents.locationCode,
    narrative: withNarrative ? incidents.narrative : sql<string>`''`, supplementSubmitted,
  }).from(incidents)
    .innerJoin(schools, eq(schools.id, incidents.schoolId))
    .innerJoin(users, eq(users.id, incidents.authorId))
    .where(and(where, keyset(sort, cursor)))
    .orderBy(...ordering(sort))
    .limit(limit);
}

/** A row of the incident list as the cursor answers it (timestamps may be strings on PostgreSQL). */
export interface ListRow {
  id: string; number: string; schoolId: string; schoolName: string; occurredAt: Date | string; status: IncidentStatus; summary: string;
  offenseKeys: string[]; hasJuvenile: boolean; authorName: string; updatedAt: Date | string; onCampus: boolean; locationCode: string; supplementSubmitted: boolean;
}

/**
 * Every row of the filtered list in order, in batches of `size`, for an export: a server-side cursor in one
 * snapshot on PostgreSQL; keyset pages on PGlite, whose single connection must not be held by one download.
 */
export async function* incidentBatches(db: Db, where: SQL, sort: IncidentSort, size: number, prepare?: (tx: Db) => Promise<unknown>): AsyncGenerator<ListRow[]> {
  if (isServerDb(db)) {
    yield* cursorBatches<ListRow>(db, sql`select ${incidents.id} as id, ${incidents.number} as number, ${incidents.schoolId} as "schoolId",
      ${schools.name} as "schoolName", ${incidents.occurredAt} as "occurredAt", ${incidents.status} as status, ${incidents.summary} as summary,
      ${incidents.offenseKeys} as "offenseKeys", ${incidents.hasJuvenile} as "hasJuvenile", ${users.name} as "authorName",
      ${incidents.updatedAt} as "updatedAt", ${incidents.onCampus} as "onCampus", ${incidents.locationCode} as "locationCode",
      ${supplementSubmitted} as "supplementSubmitted"
      from ${incidents} join ${schools} on ${schools.id} = ${incidents.schoolId} join ${users} on ${users.id} = ${incidents.authorId}
      where ${where} order by ${sql.join(ordering(sort), sql`, `)}`, size, prepare);
    return;
  }
  let cursor: Cursor | null = null;
  for (;;) {
    const page = await db.transaction(async (tx) => {
      if (prepare) await prepare(tx);
      return findIncidentPage(tx, where, sort, cursor, size);
    });
    if (page.length) yield page;
    const last = page.at(-1);
    if (page.length < size || !last) return;
    cursor = cursorOf(sort, last);
  }
}

/**
 * CRDC counts per school: students referred to law enforcement (arrests included, every arrest being a
 * referral) and arrested, by instance (student per incident) and by student, with roster demographics.
 */
export async function crdcCounts(db: Db, districtId: string, scope: Scope, range: { from: string; to: string; schoolId?: string }) {
  const school = range.schoolId ? sql`and i.school_id = ${range.schoolId}` : sql``;
  const inScopeSql = scope.all ? sql`` : sql`and ${inScope(sql`i.school_id`, scope)!}`;
  const result = await db.execute(sql`
    with acts as (
      select i.school_id, case when a.kind = 'arrest' then 'arrest' else 'referral' end as measure, a.incident_id, p.student_id
      from incident_actions a
      join incident_persons p on p.id = a.person_id and p.student_id is not null
      join incidents i on i.id = a.incident_id
      where i.district_id = ${districtId} and i.sealed_at is null and i.status = 'approved'
        and a.kind in ('arrest', 'referral_law_enforcement')
        and i.occurred_at >= ${range.from}::timestamptz and i.occurred_at < ${range.to}::timestamptz ${school} ${inScopeSql}
    )
    select acts.school_id as "schoolId", sc.name as "schoolName", acts.measure,
      case when s.idea then 'idea' when s.section_504 then 'section504' else 'none' end as disability,
      s.sex::text as sex, s.race_ethnicity::text as "raceEthnicity", s.english_learner as "englishLearner",
      count(distinct (acts.incident_id, acts.student_id))::int as instances, count(distinct acts.student_id)::int as students,
      grouping(s.idea, s.section_504, s.sex, s.race_ethnicity, s.english_learner)::int as total
    from acts join students s on s.id = acts.student_id join schools sc on sc.id = acts.school_id
    group by grouping sets ((acts.school_id, sc.name, acts.measure),
      (acts.school_id, sc.name, acts.measure, s.idea, s.section_504, s.sex, s.race_ethnicity, s.english_learner))
    order by sc.name, acts.measure`);
  return rows<{
    schoolId: string; schoolName: string; measure: 'arrest' | 'referral'; disability: 'none' | 'idea' | 'section504' | null;
    sex: string | null; raceEthnicity: string | null; englishLearner: boolean | null; instances: number; students: number; total: number;
  }>(result);
}

/**
 * Chooses how a full-text page is read. The planner walks the (occurred_at, id) index and filters, which is fast
 * when matches are dense and hopeless when they are rare or only old (it may read the whole district to find
 * none). So the next `window` rows of the list without the text condition are read in order and their matches
 * counted: enough for a page means the walk stops early ("ordered"); fewer means matches are sparse, and the page
 * is read through the GIN index alone and sorted in memory ("gin": plain index and sequential scans are switched
 * off for the rest of the transaction).
 */
export async function planTextSearch(
  db: Db, whereWithoutText: SQL, text: SQL, sort: IncidentSort, cursor: Cursor | null, needed: number, window = 2_000,
): Promise<'gin' | 'ordered'> {
  // The window is aliased "incidents" so that the text condition, written against the table, reads its columns.
  // Counting stops at `needed`: dense matches are recognised after a few rows, only sparse ones read the whole window.
  const [row] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from (select 1 from (
    select ${incidents.searchAll}, ${incidents.searchPublic}, ${incidents.schoolId} from ${incidents}
    where ${and(whereWithoutText, keyset(sort, cursor))} order by ${sql.join(ordering(sort), sql`, `)} limit ${window}) as incidents
    where ${text} limit ${needed}) as hits`));
  if ((row?.n ?? 0) >= needed) return 'ordered';
  await db.execute(sql`select set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)`);
  return 'gin';
}
