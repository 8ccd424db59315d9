import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  schools, students, supportTeamActionItems, supportTeamCases, supportTeamMeetings, supportTeamMembers, supportTeams, users,
} from '../../db/schema/index.js';
import { studentName } from '../support-referrals/support.people.js';

const counts = (today: string) => ({
  memberCount: sql<number>`(select count(*)::int from ${supportTeamMembers} m where m.team_id = ${supportTeams.id})`,
  openCases: sql<number>`(select count(*)::int from ${supportTeamCases} c where c.team_id = ${supportTeams.id} and c.status <> 'closed')`,
  openActionItems: sql<number>`(select count(*)::int from ${supportTeamActionItems} a where a.team_id = ${supportTeams.id} and a.status in ('open', 'in_progress'))`,
  overdueActionItems: sql<number>`(select count(*)::int from ${supportTeamActionItems} a where a.team_id = ${supportTeams.id} and a.status in ('open', 'in_progress') and a.due_on < ${today})`,
});

function joined(db: Db, today: string) {
  return db.select({ team: supportTeams, schoolName: schools.name, ...counts(today) }).from(supportTeams)
    .innerJoin(schools, eq(schools.id, supportTeams.schoolId));
}
export type TeamRow = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

/** One team of the district, or undefined; with `forUpdate` the team row is locked until the transaction ends. */
export async function findTeam(db: Db, districtId: string, id: string, today: string, options: { forUpdate?: boolean } = {}) {
  const where = and(eq(supportTeams.districtId, districtId), eq(supportTeams.id, id));
  if (options.forUpdate) await db.select({ id: supportTeams.id }).from(supportTeams).where(where).for('update');
  const [row] = await joined(db, today).where(where);
  return row;
}

/** Teams the user is on, or at schools of the oversight scope. */
export function findTeams(db: Db, districtId: string, userId: string, oversee: Scope, filter: { schoolId?: string; focus?: string }, today: string) {
  const member = exists(db.select().from(supportTeamMembers).where(and(eq(supportTeamMembers.teamId, supportTeams.id), eq(supportTeamMembers.userId, userId))));
  const arms: SQL[] = [member];
  if (oversee.all) arms.push(sql`true`);
  else if (oversee.schoolIds.length > 0) arms.push(inArray(supportTeams.schoolId, oversee.schoolIds));
  return joined(db, today).where(and(
    eq(supportTeams.districtId, districtId), or(...arms),
    filter.schoolId ? eq(supportTeams.schoolId, filter.schoolId) : undefined,
    filter.focus ? eq(supportTeams.focus, filter.focus as 'truancy') : undefined,
  )).orderBy(asc(schools.name), asc(supportTeams.name)).limit(500);
}

/** Member ids of teams. */
export async function findMemberIds(db: Db, teamIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (teamIds.length === 0) return out;
  for (const m of await db.select().from(supportTeamMembers).where(inArray(supportTeamMembers.teamId, teamIds))) {
    out.set(m.teamId, [...(out.get(m.teamId) ?? []), m.userId]);
  }
  return out;
}

/** Names of users by id. */
export async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Replaces the members of a team. */
export async function setMembers(tx: Db, teamId: string, userIds: string[]): Promise<void> {
  await tx.delete(supportTeamMembers).where(eq(supportTeamMembers.teamId, teamId));
  if (userIds.length > 0) await tx.insert(supportTeamMembers).values(userIds.map((userId) => ({ teamId, userId })));
}

/** Creates a team. */
export async function insertTeam(tx: Db, values: typeof supportTeams.$inferInsert): Promise<string> {
  const [row] = await tx.insert(supportTeams).values(values).returning({ id: supportTeams.id });
  return row!.id;
}

/** Changes a team. */
export async function updateTeam(tx: Db, id: string, values: Partial<typeof supportTeams.$inferInsert>): Promise<void> {
  await tx.update(supportTeams).set(values).where(eq(supportTeams.id, id));
}

/** Meetings of a team, newest first. */
export function findMeetings(db: Db, teamId: string) {
  return db.select().from(supportTeamMeetings).where(eq(supportTeamMeetings.teamId, teamId)).orderBy(desc(supportTeamMeetings.heldAt));
}

/** Records a meeting. */
export async function insertMeeting(tx: Db, values: typeof supportTeamMeetings.$inferInsert): Promise<string> {
  const [row] = await tx.insert(supportTeamMeetings).values(values).returning({ id: supportTeamMeetings.id });
  return row!.id;
}

/** Cases of a team with their students, open first. */
export function findCases(db: Db, teamId: string) {
  return db.select({ c: supportTeamCases, studentName, grade: students.grade, studentNumber: students.studentNumber })
    .from(supportTeamCases).innerJoin(students, eq(students.id, supportTeamCases.studentId))
    .where(eq(supportTeamCases.teamId, teamId))
    .orderBy(sql`${supportTeamCases.status} = 'closed'`, desc(supportTeamCases.openedOn));
}

/** Opens a case. */
export async function insertCase(tx: Db, values: typeof supportTeamCases.$inferInsert): Promise<string> {
  const [row] = await tx.insert(supportTeamCases).values(values).returning({ id: supportTeamCases.id });
  return row!.id;
}

/** Changes a case of the team; false when the team has no such case. */
export async function updateCase(tx: Db, teamId: string, caseId: string, values: Partial<typeof supportTeamCases.$inferInsert>): Promise<boolean> {
  const rows = await tx.update(supportTeamCases).set(values).where(and(eq(supportTeamCases.teamId, teamId), eq(supportTeamCases.id, caseId)))
    .returning({ id: supportTeamCases.id });
  return rows.length > 0;
}

/** Action items of a team, open first by due date. */
export function findActionItems(db: Db, teamId: string) {
  return db.select({ a: supportTeamActionItems, ownerName: users.name }).from(supportTeamActionItems)
    .innerJoin(users, eq(users.id, supportTeamActionItems.ownerId))
    .where(eq(supportTeamActionItems.teamId, teamId))
    .orderBy(sql`${supportTeamActionItems.status} in ('done', 'cancelled')`, asc(supportTeamActionItems.dueOn));
}

/** Adds an action item. */
export async function insertActionItem(tx: Db, values: typeof supportTeamActionItems.$inferInsert): Promise<void> {
  await tx.insert(supportTeamActionItems).values(values);
}

/** Changes an action item of the team; false when the team has no such item. */
export async function updateActionItem(tx: Db, teamId: string, itemId: string, values: Partial<typeof supportTeamActionItems.$inferInsert>): Promise<boolean> {
  const rows = await tx.update(supportTeamActionItems).set(values)
    .where(and(eq(supportTeamActionItems.teamId, teamId), eq(supportTeamActionItems.id, itemId))).returning({ id: supportTeamActionItems.id });
  return rows.length > 0;
}
