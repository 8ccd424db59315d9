import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { IncidentStatus } from '../../../common/incidents.js';
import type { Scope } from '../../auth/access.js';
import { rows, type Db } from '../../db/connection.js';
import {
  calls, campusAreas, districts, incidentActions, incidentOffenses, incidentPersons, incidents, incidentVersions, schools, students, users,
} from '../../db/schema/index.js';
import { inScope } from '../schools/schools.repository.js';

export { findSchool } from '../schools/schools.repository.js';

export { nextNumber } from '../../db/counters.js';

/** A school of the district with the district's time zone (numbers follow the local calendar year), or undefined. */
export async function findSchoolZone(db: Db, districtId: string, schoolId: string) {
  const [row] = await db.select({ id: schools.id, timezone: districts.timezone }).from(schools)
    .innerJoin(districts, eq(districts.id, schools.districtId))
    .where(and(eq(schools.id, schoolId), eq(schools.districtId, districtId)));
  return row;
}

/** One campus area of a school, or undefined. */
export async function findArea(db: Db, schoolId: string, areaId: string) {
  const [row] = await db.select({ id: campusAreas.id }).from(campusAreas)
    .where(and(eq(campusAreas.id, areaId), eq(campusAreas.schoolId, schoolId)));
  return row;
}

/** Roster students of the district by id: names and date of birth only (demographics stay in the roster). */
export async function findRosterStudents(db: Db, districtId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({
    id: students.id, firstName: students.firstName, lastName: students.lastName, preferredName: students.preferredName,
    dateOfBirth: students.dateOfBirth, sex: students.sex, raceEthnicity: students.raceEthnicity,
  }).from(students).where(and(eq(students.districtId, districtId), inArray(students.id, ids)));
}

/** Active students of schools in `scope` matching every word of `q` (names) or whose number starts with it. */
export async function lookupStudents(db: Db, districtId: string, scope: Scope, q: string, schoolId?: string) {
  const conditions = [eq(students.districtId, districtId), eq(students.active, true), inScope(students.schoolId, scope)];
  if (schoolId) conditions.push(eq(students.schoolId, schoolId));
  for (const word of q.split(/[\s,]+/).filter(Boolean)) {
    const safe = word.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(or(ilike(students.firstName, `${safe}%`), ilike(students.lastName, `${safe}%`),
      ilike(students.preferredName, `${safe}%`), ilike(students.studentNumber, `${safe}%`)));
  }
  return db.select({
    id: students.id, firstName: students.firstName, lastName: students.lastName, preferredName: students.preferredName,
    studentNumber: students.studentNumber, grade: students.grade, schoolId: students.schoolId, schoolName: schools.name,
  }).from(students).innerJoin(schools, eq(schools.id, students.schoolId)).where(and(...conditions))
    .orderBy(asc(students.lastName), asc(students.firstName)).limit(20);
}

/** The incident row of the district (sealed or not), optionally locked for the rest of the transaction. */
export async function findIncidentRow(db: Db, districtId: string, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(incidents).where(and(eq(incidents.id, id), eq(incidents.districtId, districtId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** An incident row as stored. */
export type IncidentRow = typeof incidents.$inferSelect;
export type NewIncident = Omit<typeof incidents.$inferInsert, 'id' | 'searchPublic' | 'searchAll'>;

/**
 * Inserts an incident with its search vectors (`names`: the person names) and returns its id. Computing the
 * vectors here saves the update of a fresh row, which would write every index of the table a second time.
 */
export async function insertIncident(db: Db, values: NewIncident, names: string) {
  const publicVector = sql`setweight(to_tsvector('english', ${`${values.number} ${names}`}), 'A') || setweight(to_tsvector('english', ${values.summary ?? ''}), 'B')`;
  const [row] = await db.insert(incidents).values({
    ...values,
    searchPublic: publicVector as unknown as string,
    searchAll: sql`${publicVector} || setweight(to_tsvector('english', ${values.narrative ?? ''}), 'D')` as unknown as string,
  }).returning({ id: incidents.id });
  return row!.id;
}

/** Changes an incident's own columns. */
export async function updateIncident(db: Db, id: string, values: Partial<NewIncident>) {
  await db.update(incidents).set(values).where(eq(incidents.id, id));
}

/** The offenses, persons and actions of a save, each set replacing the stored one. */
export interface Children {
  offenses?: Omit<typeof incidentOffenses.$inferInsert, 'incidentId'>[];
  persons?: (Omit<typeof incidentPersons.$inferInsert, 'incidentId'> & { id: string })[];
  actions?: Omit<typeof incidentActions.$inferInsert, 'incidentId'>[];
}

/** Replaces the given child sets of an incident (actions first: they point at persons); a new incident has none to delete. */
export async function replaceChildren(db: Db, incidentId: string, children: Children, options: { fresh?: boolean } = {}) {
  const fresh = options.fresh ?? false;
  if (!fresh && (children.actions || children.persons)) await db.delete(incidentActions).where(eq(incidentActions.incidentId, incidentId));
  if (children.offenses) {
    if (!fresh) await db.delete(incidentOffenses).where(eq(incidentOffenses.incidentId, incidentId));
    if (children.offenses.length) await db.insert(incidentOffenses).values(children.offenses.map((o) => ({ ...o, incidentId })));
  }
  if (children.persons) {
    if (!fresh) await db.delete(incidentPersons).where(eq(incidentPersons.incidentId, incidentId));
    if (children.persons.length) await db.insert(incidentPersons).values(children.persons.map((p) => ({ ...p, incidentId })));
  }
  if (children.actions?.length) await db.insert(incidentActions).values(children.actions.map((a) => ({ ...a, incidentId })));
}

/**
 * Rebuilds the two search vectors of one incident, or of every incident of a district (the demo seed):
 * names, number and summary (weights A, B) and, in `search_all` only, the narratives (D).
 */
export async function refreshSearch(db: Db, target: { id: string } | { districtId: string }) {
  const names = sql`coalesce((select string_agg(p.first_name || ' ' || p.last_name, ' ') from incident_persons p where p.incident_id = i.id), '')`;
  const supplements = sql`coalesce((select string_agg(s.narrative, ' ') from incident_supplements s where s.incident_id = i.id), '')`;
  const publicVector = sql`setweight(to_tsvector('english', i.number || ' ' || ${names}), 'A') || setweight(to_tsvector('english', i.summary), 'B')`;
  const where = 'id' in target ? sql`i.id = ${target.id}` : sql`i.district_id = ${target.districtId}`;
  await db.execute(sql`
    update incidents i set search_public = ${publicVector},
      search_all = ${publicVector} || setweight(to_tsvector('english', i.narrative || ' ' || ${supplements}), 'D')
    where ${where}`);
}

/** Offenses, persons (with roster grade and number) and actions of an incident, in their order. */
export async function findChildren(db: Db, id: string) {
  const [offenses, persons, actions] = [
    await db.select().from(incidentOffenses).where(eq(incidentOffenses.incidentId, id)).orderBy(asc(incidentOffenses.position)),
    await db.select({ person: incidentPersons, grade: students.grade, studentNumber: students.studentNumber })
      .from(incidentPersons).leftJoin(students, eq(students.id, incidentPersons.studentId))
      .where(eq(incidentPersons.incidentId, id)).orderBy(asc(incidentPersons.position)),
    await db.select().from(incidentActions).where(eq(incidentActions.incidentId, id)).orderBy(asc(incidentActions.at), asc(incidentActions.kind)),
  ];
  return { offenses, persons, actions };
}

/** Appends a version snapshot. */
export async function insertVersion(db: Db, values: typeof incidentVersions.$inferInsert) {
  await db.insert(incidentVersions).values(values);
}

/** The most recent version row of the report itself, or of one supplement when `supplementId` is given; undefined when none. */
export async function findLatestVersion(db: Db, incidentId: string, supplementId?: string) {
  const [row] = await db.select({
    id: incidentVersions.id, event: incidentVersions.event, editSession: incidentVersions.editSession, savedById: incidentVersions.savedById,
  }).from(incidentVersions).where(and(eq(incidentVersions.incidentId, incidentId),
    supplementId ? eq(incidentVersions.supplementId, supplementId) : isNull(incidentVersions.supplementId)))
    .orderBy(desc(incidentVersions.seq)).limit(1);
  return row;
}

/** Replaces the snapshot of a version row (a later autosave of the same editing session). */
export async function updateVersion(db: Db, id: string, values: Pick<typeof incidentVersions.$inferInsert, 'version' | 'status' | 'snapshot' | 'savedAt'>) {
  await db.update(incidentVersions).set(values).where(eq(incidentVersions.id, id));
}

/** Every version of an incident and its supplements, oldest first, without snapshots. */
export async function findVersions(db: Db, incidentId: string) {
  const result = await db.execute(sql`
    select v.id, v.supplement_id as "supplementId", s.number as "supplementNumber", v.version, v.status, v.event,
      v.saved_at as "savedAt", u.name as "savedByName"
    from incident_versions v join users u on u.id = v.saved_by_id left join incident_supplements s on s.id = v.supplement_id
    where v.incident_id = ${incidentId} order by v.seq`);
  return rows<{
    id: string; supplementId: string | null; supplementNumber: number | null; version: number; status: IncidentStatus;
    event: 'created' | 'saved' | 'submitted' | 'returned' | 'approved'; savedAt: string | Date; savedByName: string;
  }>(result);
}

/** One version with its snapshot, or undefined. */
export async function findVersion(db: Db, incidentId: string, versionId: string) {
  const [row] = await db.select().from(incidentVersions)
    .where(and(eq(incidentVersions.id, versionId), eq(incidentVersions.incidentId, incidentId)));
  return row;
}

/** Names of users of the district by id, for owners and reviewers. */
export async function findUser(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ id: users.id, name: users.name, active: users.active }).from(users)
    .where(and(eq(users.id, id), eq(users.districtId, districtId)));
  return row;
}

/** The call a new incident comes from, locked so two reports cannot claim it. */
export async function findCallForIncident(db: Db, districtId: string, callId: string) {
  const [row] = await db.select({ id: calls.id, schoolId: calls.schoolId, incidentId: calls.incidentId }).from(calls)
    .where(and(eq(calls.id, callId), eq(calls.districtId, districtId))).for('update');
  return row;
}

/** Links a call to the incident it became. */
export async function linkCall(db: Db, callId: string, incidentId: string, at: Date) {
  await db.update(calls).set({ incidentId, updatedAt: at }).where(eq(calls.id, callId));
}

/** JSON rows of a child set, as PostgreSQL answers them (timestamps as text). */
type JsonRows = Record<string, unknown>[];

/**
 * The incident with names and its offenses, persons (with roster grade and number) and actions, in one
 * round trip: the report view and every save read it.
 */
export async function findCoreWithChildren(db: Db, id: string) {
  const [row] = rows<Record<string, unknown> & { offenses: JsonRows; persons: JsonRows; actions: JsonRows }>(await db.execute(sql`
    select i.*, s.name as school_name, d.timezone as district_timezone, a.name as area_name, au.name as author_name, ap.name as approved_by_name,
      coalesce((select json_agg(json_build_object('id', o.id, 'kind', o.kind, 'code', o.nibrs_code, 'category', o.category,
        'attempted', o.attempted, 'weaponForce', o.weapon_force, 'nibrs', o.nibrs) order by o.position) from incident_offenses o where o.incident_id = i.id), '[]') as offenses,
      coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind, 'role', p.role, 'studentId', p.student_id, 'firstName', p.first_name,
        'lastName', p.last_name, 'juvenile', p.juvenile, 'grade', st.grade, 'studentNumber', st.student_number, 'phone', p.phone,
        'description', p.description, 'nibrs', p.nibrs, 'rosterDob', st.date_of_birth, 'rosterSex', st.sex,
        'rosterRace', st.race_ethnicity) order by p.position) from incident_persons p left join students st on st.id = p.student_id
        where p.incident_id = i.id), '[]') as persons,
      coalesce((select json_agg(json_build_object('id', x.id, 'personId', x.person_id, 'kind', x.kind, 'at', x.at, 'note', x.note,
        'implied', x.implied, 'arrest', x.arrest) order by x.at, x.kind) from incident_actions x where x.incident_id = i.id), '[]') as actions
    from incidents i join schools s on s.id = i.school_id join districts d on d.id = i.district_id join users au on au.id = i.author_id
      left join campus_areas a on a.id = i.area_id left join users ap on ap.id = i.approved_by_id
    where i.id = ${id}`));
  return row;
}
