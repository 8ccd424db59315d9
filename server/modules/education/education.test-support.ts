import { sql } from 'drizzle-orm';
import { rows as dbRows } from '../../db/connection.js';
import { createUser } from '../../test/fixtures.js';
import { startWorld, type World } from '../drills/drills.test-support.js';

// The world of the mentoring and education tests: the preparedness world (clock 2025-11-10 15:00 UTC) with a second
// SRO and a second teacher at North, and roster students at North and East.

/** The world with students by first name. */
export interface SupportWorld extends World {
  students: Record<string, string>;
}

/** Builds the app, the district, its people and students. */
export async function startSupportWorld(options: { smtpUrl?: string } = {}): Promise<SupportWorld> {
  const w = await startWorld(options);
  for (const [name, role] of [['sro2.north', 'sro'], ['teacher2.north', 'staff']] as const) {
    w.ids[name] = (await createUser(w.t.db, { email: `${name}@prep.test`, name, districtId: w.districtId, grants: [{ role, schoolId: w.north.id }] })).id;
  }
  const roster = [
    ['Riley', 'Novak', w.north.id, 10], ['Jordan', 'Reyes', w.north.id, 11], ['Avery', 'Okafor', w.north.id, 9], ['Emma', 'Stone', w.east.id, 4],
  ] as const;
  // Plain SQL names only the columns students always had, so the fixture does not depend on roster-import columns.
  const rows: { id: string; first_name: string }[] = [];
  for (const [i, [firstName, lastName, schoolId, grade]] of roster.entries()) {
    const result = await w.t.db.execute(sql`insert into students (district_id, school_id, student_number, first_name, last_name, grade, date_of_birth, sex, race_ethnicity)
      values (${w.districtId}, ${schoolId}, ${`T${i}`}, ${firstName}, ${lastName}, ${grade}, '2010-05-01', 'female', 'white') returning id, first_name`);
    rows.push(...dbRows<{ id: string; first_name: string }>(result));
  }
  return { ...w, students: Object.fromEntries(rows.map((r) => [r.first_name, r.id])) };
}
