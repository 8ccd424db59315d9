import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { rosterGuardians } from '../../db/schema/index.js';

/** The guardians the sync keeps for a district, with what a re-sync compares (plain rows: there may be tens of thousands). */
export async function findRosterGuardians(db: Db, districtId: string) {
  const result = await db.execute(sql`
    select r.sourced_id as "sourcedId", g.id::text as id, g.first_name as "firstName", g.last_name as "lastName", g.email, g.phone
    from roster_guardians r join guardians g on g.id = r.guardian_id where r.district_id = ${districtId}::uuid`);
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as {
    sourcedId: string; id: string; firstName: string; lastName: string; email: string | null; phone: string | null;
  }[];
}

export interface GuardianRow { id: string; districtId: string; firstName: string; lastName: string; email: string | null; phone: string | null; at: string }

/** Creates or updates guardians (ids chosen by the sync). */
export async function upsertGuardians(tx: Db, rows: GuardianRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into guardians (id, district_id, first_name, last_name, email, phone, created_at, updated_at)
    select x.id, x."districtId", x."firstName", x."lastName", x.email, x.phone, x.at, x.at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, "districtId" uuid, "firstName" text, "lastName" text,
      email text, phone text, at timestamptz)
    on conflict (id) do update set first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
      phone = excluded.phone, updated_at = excluded.updated_at`);
}

/** Links guardians to their users.csv sourcedId. */
export async function insertRosterGuardians(tx: Db, rows: (typeof rosterGuardians.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) await tx.insert(rosterGuardians).values(rows.slice(i, i + 5000)).onConflictDoNothing();
}

/** Ties students to guardians; a tie that exists stays as staff set it (custody, pick-up). Answers the ties made. */
export async function insertLinks(
  tx: Db, rows: { studentId: string; guardianId: string; relationship: string; hasCustody: boolean; mayPickUp: boolean }[],
): Promise<{ studentId: string; guardianId: string }[]> {
  const made: { studentId: string; guardianId: string }[] = [];
  for (let i = 0; i < rows.length; i += 5000) {
    const result = await tx.execute(sql`
      insert into student_guardians (student_id, guardian_id, relationship, has_custody, may_pick_up)
      select x."studentId", x."guardianId", x.relationship, x."hasCustody", x."mayPickUp"
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb) as x("studentId" uuid, "guardianId" uuid,
        relationship text, "hasCustody" boolean, "mayPickUp" boolean)
      on conflict do nothing
      returning student_id, guardian_id`);
    const list = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
    for (const r of list as { student_id: string; guardian_id: string }[]) made.push({ studentId: r.student_id, guardianId: r.guardian_id });
  }
  return made;
}

/** "studentId:guardianId" of the ties the district's synced guardians hold (a re-sync writes only new ones). */
export async function findSyncedLinks(db: Db, districtId: string): Promise<Set<string>> {
  const result = await db.execute(sql`
    select sg.student_id::text || ':' || sg.guardian_id::text as ref from student_guardians sg
    join roster_guardians rg on rg.guardian_id = sg.guardian_id where rg.district_id = ${districtId}::uuid`);
  const list = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as { ref: string }[];
  return new Set(list.map((r) => r.ref));
}

/** Removes ties a sync made (undo). */
export async function deleteLinks(tx: Db, refs: string[]): Promise<void> {
  if (refs.length === 0) return;
  await tx.execute(sql`
    delete from student_guardians where (student_id::text || ':' || guardian_id::text)
      in (select value from jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb))`);
}
