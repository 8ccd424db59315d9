import { and, desc, eq, sql } from 'drizzle-orm';
import type { ArrestInput, ClearanceInput, OffenseNibrs, PropertyInput } from '../../../common/incidents.js';
import type { Scope } from '../../auth/access.js';
import { rows, type Db } from '../../db/connection.js';
import { districts, nibrsExportItems, nibrsExports, users, type StoredPersonNibrs } from '../../db/schema/index.js';

/** One incident of a month as the submission reads it: everything in one row. */
export interface SubmissionRow {
  id: string;
  number: string;
  version: number;
  occurred_at: string | Date;
  location_code: string;
  property: PropertyInput[];
  clearance: ClearanceInput | null;
  last_action: string | null;
  offenses: { id: string; kind: 'nibrs' | 'school'; code: string | null; attempted: boolean; weaponForce: string[]; nibrs: OffenseNibrs }[];
  persons: { id: string; kind: string; role: 'victim' | 'suspect' | 'witness' | 'reporting_party'; nibrs: StoredPersonNibrs | null; dob: string | null; sex: string | null; race: string | null }[];
  actions: { personId: string | null; kind: string; at: string; implied: boolean; arrest: ArrestInput | null }[];
}

const scopeSql = (scope: Scope) => (scope.all ? sql`true` : scope.schoolIds.length
  ? sql`incidents.school_id in (${sql.join(scope.schoolIds.map((s) => sql`${s}::uuid`), sql`, `)})` : sql`false`);

const lastAction = sql`(select x.action from nibrs_export_items x join nibrs_exports e on e.id = x.export_id
  where x.incident_id = incidents.id order by e.created_at desc, x.version desc limit 1)`;

/**
 * Approved, unsealed incidents that occurred in [from, to) at schools of `scope`, whose call was not unfounded,
 * with their offenses, persons (roster facts of students) and actions: one query for the whole month.
 */
export async function findMonth(db: Db, districtId: string, scope: Scope, from: string, to: string): Promise<SubmissionRow[]> {
  return rows<SubmissionRow>(await db.execute(sql`
    select incidents.id, incidents.number, incidents.version, incidents.occurred_at, incidents.location_code, incidents.property,
      incidents.clearance, ${lastAction} as last_action,
      coalesce((select json_agg(json_build_object('id', o.id, 'kind', o.kind, 'code', o.nibrs_code, 'attempted', o.attempted,
        'weaponForce', o.weapon_force, 'nibrs', o.nibrs) order by o.position) from incident_offenses o where o.incident_id = incidents.id), '[]') as offenses,
      coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind, 'role', p.role, 'nibrs', p.nibrs, 'dob', st.date_of_birth,
        'sex', st.sex, 'race', st.race_ethnicity) order by p.position) from incident_persons p left join students st on st.id = p.student_id
        where p.incident_id = incidents.id), '[]') as persons,
      coalesce((select json_agg(json_build_object('personId', x.person_id, 'kind', x.kind, 'at', x.at, 'implied', x.implied, 'arrest', x.arrest)
        order by x.at, x.kind) from incident_actions x where x.incident_id = incidents.id), '[]') as actions
    from incidents left join calls on calls.id = incidents.call_id
    where incidents.district_id = ${districtId} and ${scopeSql(scope)} and incidents.status = 'approved' and incidents.sealed_at is null
      and incidents.occurred_at >= ${from}::timestamptz and incidents.occurred_at < ${to}::timestamptz
      and (calls.disposition is null or calls.disposition <> 'unfounded')
    order by incidents.occurred_at, incidents.id`));
}

/** Incidents sent before (last action I or R) that have since been sealed or found unfounded: to delete. */
export async function findDeletes(db: Db, districtId: string, scope: Scope) {
  return rows<{ id: string; number: string; version: number; occurred_at: string | Date; sealed: boolean }>(await db.execute(sql`
    select incidents.id, incidents.number, incidents.version, incidents.occurred_at, incidents.sealed_at is not null as sealed
    from incidents left join calls on calls.id = incidents.call_id
    where incidents.district_id = ${districtId} and ${scopeSql(scope)} and ${lastAction} in ('I', 'R')
      and (incidents.sealed_at is not null or calls.disposition = 'unfounded')
    order by incidents.number`));
}

/** The district's time zone. */
export async function findTimezone(db: Db, districtId: string): Promise<string> {
  const [row] = await db.select({ timezone: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  return row!.timezone;
}

/** The district's ORI, or null when not set. */
export async function findOri(db: Db, districtId: string): Promise<string | null> {
  const [row] = await db.select({ ori: districts.nibrsOri }).from(districts).where(eq(districts.id, districtId));
  return row?.ori ?? null;
}

/** Records a generated file and what it carried. */
export async function insertExport(db: Db, values: typeof nibrsExports.$inferInsert, items: { incidentId: string; action: string; version: number }[]) {
  const [row] = await db.insert(nibrsExports).values(values).returning({ id: nibrsExports.id });
  if (items.length) {
    for (let i = 0; i < items.length; i += 1000) {
      await db.insert(nibrsExportItems).values(items.slice(i, i + 1000).map((x) => ({ ...x, exportId: row!.id })));
    }
  }
  return row!.id;
}

/** The files generated for the district, newest first. */
export async function findExports(db: Db, districtId: string) {
  return db.select({
    id: nibrsExports.id, month: nibrsExports.month, ori: nibrsExports.ori, createdAt: nibrsExports.createdAt, createdByName: users.name, counts: nibrsExports.counts,
  }).from(nibrsExports).innerJoin(users, eq(users.id, nibrsExports.createdById))
    .where(and(eq(nibrsExports.districtId, districtId))).orderBy(desc(nibrsExports.createdAt)).limit(100);
}
