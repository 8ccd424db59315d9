import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { incidentSeals, incidents, users } from '../../db/schema/index.js';

/**
 * The rows an incident owns, children before parents (the order of deletion; restoring runs it backwards).
 * Every one is moved whole into the sealed package and deleted.
 */
const OWNED = [
  'incident_tasks', 'incident_actions', 'incident_referrals', 'incident_attachments', 'incident_reviews', 'incident_supplements',
  'incident_persons', 'incident_offenses',
] as const;
type Owned = (typeof OWNED)[number];

/** What a sealing takes out of the database: everything that identifies the record. */
export interface PackageContent {
  incident: Record<string, unknown>;
  call: Record<string, unknown> | null;
  owned: Partial<Record<Owned, Record<string, unknown>[]>>;
  versions: { id: string; supplement_id: string | null; snapshot: unknown }[];
  tipLinks: Record<string, unknown>[];
  threatCaseIds: string[];
}

async function json<T>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = rows<{ v: T }>(await db.execute(query));
  return row!.v;
}

/** Reads everything the incident owns and every copy elsewhere that names it. */
export async function readPackage(db: Db, incidentId: string): Promise<PackageContent> {
  const incident = await json<Record<string, unknown>>(db, sql`select row_to_json(i) as v from incidents i where i.id = ${incidentId}`);
  const callId = incident.call_id as string | null;
  const call = callId ? await json<Record<string, unknown>>(db, sql`select row_to_json(c) as v from calls c where c.id = ${callId}`) : null;
  const owned: PackageContent['owned'] = {};
  for (const table of OWNED) {
    owned[table] = await json(db, sql`select coalesce(json_agg(t), '[]'::json) as v from ${sql.identifier(table)} t where t.incident_id = ${incidentId}`);
  }
  const versions = await json<PackageContent['versions']>(db, sql`
    select coalesce(json_agg(json_build_object('id', v.id, 'supplement_id', v.supplement_id, 'snapshot', v.snapshot)), '[]'::json) as v
    from incident_versions v where v.incident_id = ${incidentId}`);
  const referralIds = (owned.incident_referrals ?? []).map((r) => r.id as string);
  const tipLinks = await json<Record<string, unknown>[]>(db, sql`
    select coalesce(json_agg(l), '[]'::json) as v from tip_links l
    where (l.kind = 'incident' and l.target_id = ${incidentId})
       or (l.kind = 'referral' and l.target_id::text = any(${`{${referralIds.join(',')}}`}::text[]))`);
  const threatCaseIds = await json<string[]>(db, sql`select coalesce(json_agg(t.id), '[]'::json) as v from threat_cases t where t.incident_id = ${incidentId}`);
  return { incident, call, owned, versions, tipLinks, threatCaseIds };
}

/**
 * Takes the record apart: owned rows and the call deleted, version snapshots reduced to a stub, tip links replaced
 * by one "sealed" link per tip, threat cases unlinked, search vectors cleared, the incident row left as a shell.
 */
export async function redactIncident(db: Db, p: PackageContent, shell: { number: string; sealedAt: Date; sealedById: string; reason: string }) {
  const id = p.incident.id as string;
  await db.execute(sql`update incident_versions set snapshot = '{"sealed":true}'::jsonb, supplement_id = null where incident_id = ${id}`);
  for (const table of OWNED) await db.execute(sql`delete from ${sql.identifier(table)} where incident_id = ${id}`);
  await db.update(incidents).set({
    number: shell.number, summary: '', narrative: '', locationText: null, property: [], clearance: null, callId: null,
    searchPublic: null, searchAll: null, sealedAt: shell.sealedAt, sealedById: shell.sealedById, sealedReason: shell.reason, updatedAt: shell.sealedAt,
  }).where(eq(incidents.id, id));
  if (p.call) await db.execute(sql`delete from calls where id = ${p.call.id as string}`);
  for (const link of p.tipLinks) {
    await db.execute(sql`delete from tip_links where tip_id = ${link.tip_id as string} and kind = ${link.kind as string} and target_id = ${link.target_id as string}`);
    await db.execute(sql`insert into tip_links (tip_id, kind, target_id, created_by, created_at)
      values (${link.tip_id as string}, 'sealed', ${id}, ${link.created_by as string}, ${link.created_at as string}::timestamptz) on conflict do nothing`);
  }
  if (p.threatCaseIds.length) await db.execute(sql`update threat_cases set incident_id = null where incident_id = ${id}`);
  // Mail and notifications that named the record (report submitted, returned, notification deadlines) keep their
  // row, so delivery and the bell still work, but no longer name it.
  const districtId = p.incident.district_id as string;
  for (const value of [p.incident.number, p.call?.number]) {
    if (typeof value !== 'string' || !value) continue;
    const pattern = `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    await db.execute(sql`update outbox set subject = replace(subject, ${value}, ${SEALED_TEXT}), body = replace(body, ${value}, ${SEALED_TEXT})
      where district_id = ${districtId} and (subject like ${pattern} or body like ${pattern})`);
    await db.execute(sql`update notifications set title = replace(title, ${value}, ${SEALED_TEXT})
      where district_id = ${districtId} and title like ${pattern}`);
  }
}

const SEALED_TEXT = '[sealed record]';

/** Puts a record back exactly as the package holds it (the reverse of `redactIncident`). */
export async function restoreIncident(db: Db, p: PackageContent): Promise<void> {
  const id = p.incident.id as string;
  const record = JSON.stringify(p.incident);
  if (p.call) await db.execute(sql`insert into calls select * from json_populate_record(null::calls, ${JSON.stringify(p.call)}::json)`);
  await db.execute(sql`
    update incidents i set number = r.number, summary = r.summary, narrative = r.narrative, location_text = r.location_text, property = r.property,
      clearance = r.clearance, call_id = r.call_id, search_public = r.search_public, search_all = r.search_all, updated_at = r.updated_at,
      sealed_at = null, sealed_by_id = null, sealed_reason = null
    from json_populate_record(null::incidents, ${record}::json) r where i.id = r.id`);
  for (const table of [...OWNED].reverse()) {
    const list = p.owned[table];
    if (list?.length) await db.execute(sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(list)}::json)`);
  }
  if (p.versions.length) {
    await db.execute(sql`
      update incident_versions v set snapshot = r.snapshot, supplement_id = r.supplement_id
      from json_to_recordset(${JSON.stringify(p.versions)}::json) as r(id uuid, supplement_id uuid, snapshot jsonb) where v.id = r.id`);
  }
  await db.execute(sql`delete from tip_links where kind = 'sealed' and target_id = ${id}`);
  if (p.tipLinks.length) await db.execute(sql`insert into tip_links select * from json_populate_recordset(null::tip_links, ${JSON.stringify(p.tipLinks)}::json) on conflict do nothing`);
  if (p.threatCaseIds.length) await db.execute(sql`update threat_cases set incident_id = ${id} where id::text = any(${`{${p.threatCaseIds.join(',')}}`}::text[])`);
}

/** Replaces the given ids and numbers in the detail of earlier audit events (the sanctioned redaction, migration 0020). */
export async function redactAudit(db: Db, districtId: string, needles: string[]): Promise<number> {
  const list = `{${[...new Set(needles)].join(',')}}`;
  const [row] = rows<{ n: number }>(await db.execute(sql`select audit_redact(${districtId}::uuid, ${list}::text[]) as n`));
  return Number(row!.n);
}

/** Removes what is left of an expunged record: version stubs, NIBRS submission items, sealed links, the shell. */
export async function destroyIncident(db: Db, incidentId: string): Promise<void> {
  await db.execute(sql`delete from incident_versions where incident_id = ${incidentId}`);
  await db.execute(sql`delete from nibrs_export_items where incident_id = ${incidentId}`);
  await db.execute(sql`delete from tip_links where kind = 'sealed' and target_id = ${incidentId}`);
  await db.execute(sql`delete from incidents where id = ${incidentId}`);
}

/** Adds a seal row. */
export async function insertSeal(db: Db, values: typeof incidentSeals.$inferInsert) {
  const [row] = await db.insert(incidentSeals).values(values).returning();
  return row!;
}

/** Changes a seal row. */
export async function updateSeal(db: Db, id: string, values: Partial<typeof incidentSeals.$inferInsert>): Promise<void> {
  await db.update(incidentSeals).set(values).where(eq(incidentSeals.id, id));
}

/** Moves a seal from one state to the next only if it is still in `from` (one process wins). */
export async function advanceSeal(db: Db, id: string, from: string, to: string): Promise<boolean> {
  const done = await db.update(incidentSeals).set({ state: to as never }).where(and(eq(incidentSeals.id, id), eq(incidentSeals.state, from as never))).returning({ id: incidentSeals.id });
  return done.length > 0;
}

/** One seal of the district (not an unsealed one), locked when asked. */
export async function findSeal(db: Db, districtId: string, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(incidentSeals).where(and(eq(incidentSeals.id, id), eq(incidentSeals.districtId, districtId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** The sealed package of an incident's current seal (none once unsealed or expunged). */
export async function findSealedPackage(db: Db, districtId: string, incidentId: string) {
  const [row] = await db.select({ keyId: incidentSeals.keyId, wrappedKey: incidentSeals.wrappedKey, nonce: incidentSeals.nonce, package: incidentSeals.package })
    .from(incidentSeals)
    .where(and(eq(incidentSeals.incidentId, incidentId), eq(incidentSeals.districtId, districtId), inArray(incidentSeals.state, ['sealing', 'sealed'])));
  return row?.package && row.keyId && row.wrappedKey && row.nonce ? { keyId: row.keyId, wrappedKey: row.wrappedKey, nonce: row.nonce, package: row.package } : undefined;
}

/** Seals whose file step has not finished (after a crash or a failed attempt). */
export async function findPendingSeals(db: Db) {
  return db.select({ id: incidentSeals.id, state: incidentSeals.state }).from(incidentSeals)
    .where(inArray(incidentSeals.state, ['sealing', 'unsealing', 'expunging']));
}

/** The district's sealed and expunged records at the given schools (null: every school), newest first. */
export async function findSeals(db: Db, districtId: string, schoolIds: string[] | null, numberMac: string | null) {
  const sealer = sql<string | null>`(select u.name from users u where u.id = ${incidentSeals.sealedById})`;
  return db.select({ s: incidentSeals, sealedByName: sealer, expungedByName: users.name }).from(incidentSeals)
    .leftJoin(users, eq(users.id, incidentSeals.expungedById))
    .where(and(
      eq(incidentSeals.districtId, districtId),
      inArray(incidentSeals.state, ['sealing', 'sealed', 'expunging', 'expunged']),
      schoolIds ? sql`(${incidentSeals.schoolId} is null or ${inArray(incidentSeals.schoolId, schoolIds.length ? schoolIds : ['00000000-0000-0000-0000-000000000000'])})` : undefined,
      numberMac ? eq(incidentSeals.numberMac, numberMac) : undefined,
    ))
    .orderBy(desc(incidentSeals.sealedAt)).limit(500);
}
