import { eq, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { analyticsSettings } from '../../db/schema/index.js';
import type { Window } from './analytics.repository.js';

// The student counts of the CRDC tables and the equity page. CRDC definitions (../shared/reference/standards.md):
// a referral to law enforcement is any report of a student to a law-enforcement agency or official, citations,
// tickets, court referrals and arrests included; a school-related arrest is one for activity on school grounds,
// at school activities or transport. So a student is "referred" when any of the three actions was taken, and
// "arrested" when an arrest was; each student counts once per school and table, whatever the number of incidents.
// Only approved records count (a draft or a returned report is not a record yet), never a sealed one, and only
// incidents on school grounds (an off-campus community incident is not school-related).

const NONE = '00000000-0000-0000-0000-000000000000';
const inSchools = (column: SQL, ids: string[]) =>
  sql`${column} in (${sql.join((ids.length ? ids : [NONE]).map((id) => sql`${id}::uuid`), sql`, `)})`;
const window = (w: Window) => sql`i.occurred_at >= ((${w.from}::date)::timestamp at time zone ${w.timezone})
  and i.occurred_at < ((${w.to}::date + 1)::timestamp at time zone ${w.timezone})`;
/** Approved, unsealed, school-related incidents of the window. */
const schoolRelated = (w: Window) => sql`i.district_id = ${w.districtId} and i.status = 'approved' and i.sealed_at is null
  and i.on_campus and ${window(w)} and ${inSchools(sql`i.school_id`, w.schoolIds)}`;

/** Per student and school: whether referred (any law-enforcement action), arrested, cited. */
const perStudent = (w: Window) => sql`
  select i.school_id, p.student_id, bool_or(a.kind = 'arrest') as arrested, bool_or(a.kind = 'citation') as cited
  from incident_actions a
  join incident_persons p on p.id = a.person_id and p.student_id is not null
  join incidents i on i.id = a.incident_id
  where ${schoolRelated(w)} and a.kind in ('arrest', 'citation', 'referral_law_enforcement')
  group by i.school_id, p.student_id`;

/** The CRDC cell of a student (alias `s`). */
export const demographics = sql`s.race_ethnicity::text as race, s.sex::text as sex,
  case when s.idea then 'idea' when s.section_504 then 'section504' else 'none' end as disability, s.english_learner as "englishLearner"`;

/** One demographic cell of counted students. */
export interface DemographicCount {
  /** Null when the roster has no demographics for the student (OneRoster makes them optional). */
  race: string | null; sex: string | null; disability: 'none' | 'idea' | 'section504'; englishLearner: boolean;
}

/** Students referred and arrested per school and demographic cell. */
export async function crdcStudents(db: Db, w: Window) {
  return rows<DemographicCount & { schoolId: string; referred: number; arrested: number }>(await db.execute(sql`
    with ps as (${perStudent(w)})
    select ps.school_id as "schoolId", ${demographics}, count(*)::int as referred, count(*) filter (where ps.arrested)::int as arrested
    from ps join students s on s.id = ps.student_id
    group by 1, 2, 3, 4, 5`));
}

/** Students referred, arrested and cited per demographic cell over all the window's schools (a student once). */
export async function equityStudents(db: Db, w: Window) {
  return rows<DemographicCount & { referred: number; arrested: number; cited: number }>(await db.execute(sql`
    with ps as (${perStudent(w)}), st as (
      select student_id, bool_or(arrested) as arrested, bool_or(cited) as cited from ps group by student_id
    )
    select ${demographics}, count(*)::int as referred, count(*) filter (where st.arrested)::int as arrested,
      count(*) filter (where st.cited)::int as cited
    from st join students s on s.id = st.student_id
    group by 1, 2, 3, 4`));
}

/** Active students of the schools per demographic cell: the denominators of the equity rates. */
export async function enrolment(db: Db, w: Window) {
  return rows<DemographicCount & { n: number }>(await db.execute(sql`
    select ${demographics}, count(*)::int as n from students s
    where s.district_id = ${w.districtId} and s.active and ${inSchools(sql`s.school_id`, w.schoolIds)}
    group by 1, 2, 3, 4`));
}

/** Offenses of the window's school-related incidents with their weapon/force codes, for the CRDC offense table. */
export async function crdcOffenses(db: Db, w: Window) {
  return rows<{ schoolId: string; incidentId: string; code: string | null; category: string | null; weapons: string[] }>(await db.execute(sql`
    select i.school_id as "schoolId", i.id as "incidentId", o.nibrs_code as code, o.category::text as category, o.weapon_force as weapons
    from incidents i join incident_offenses o on o.incident_id = i.id where ${schoolRelated(w)}`));
}

/** The district's smallest shown count, or the default when the district never set one. */
export async function findMinimumCount(db: Db, districtId: string, fallback: number): Promise<number> {
  const [row] = await db.select({ n: analyticsSettings.equityMinimumCount }).from(analyticsSettings).where(eq(analyticsSettings.districtId, districtId));
  return row?.n ?? fallback;
}

/** Sets the district's smallest shown count. */
export async function saveMinimumCount(db: Db, districtId: string, n: number, userId: string, now: Date) {
  await db.insert(analyticsSettings).values({ districtId, equityMinimumCount: n, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: analyticsSettings.districtId, set: { equityMinimumCount: n, updatedBy: userId, updatedAt: now } });
}
