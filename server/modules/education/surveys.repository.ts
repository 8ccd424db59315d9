import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { educationClasses, educationSurveyResponses, educationSurveys, schools } from '../../db/schema/index.js';

// Feedback survey links of classes and their answers.

/** Inserts a survey link. */
export async function insertSurvey(db: Db, values: typeof educationSurveys.$inferInsert) {
  await db.insert(educationSurveys).values(values);
}

/** Closes the open links of one kind of a class (a teacher link already answered stays as it is). */
export async function closeOpen(db: Db, classId: string, kind: string, at: Date) {
  const closed = await db.update(educationSurveys).set({ closedAt: at })
    .where(and(eq(educationSurveys.classId, classId), eq(educationSurveys.kind, kind), isNull(educationSurveys.closedAt), isNull(educationSurveys.answeredAt)))
    .returning({ id: educationSurveys.id });
  return closed.length;
}

/** The survey links of a class, newest first. */
export async function findSurveys(db: Db, classId: string) {
  return db.select().from(educationSurveys).where(eq(educationSurveys.classId, classId)).orderBy(desc(educationSurveys.sentAt));
}

/** The answers to the surveys of a class, newest first. */
export async function findResponses(db: Db, classId: string) {
  return db.select().from(educationSurveyResponses).where(eq(educationSurveyResponses.classId, classId))
    .orderBy(desc(educationSurveyResponses.createdAt), desc(educationSurveyResponses.id));
}

/** The survey a token hash opens, with its class and school, whatever its state. */
export async function findByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db.select({
    s: educationSurveys, districtId: educationClasses.districtId, schoolId: educationClasses.schoolId, schoolName: schools.name,
    topic: educationClasses.topic, scheduledDate: educationClasses.scheduledDate, attendance: educationClasses.attendance,
  }).from(educationSurveys)
    .innerJoin(educationClasses, eq(educationClasses.id, educationSurveys.classId))
    .innerJoin(schools, eq(schools.id, educationClasses.schoolId))
    .where(eq(educationSurveys.tokenHash, tokenHash));
  return row;
}

/** Marks a teacher link answered unless it already is or was closed: the one answer it allows. Answers whether it did. */
export async function claimAnswer(db: Db, surveyId: string, at: Date): Promise<boolean> {
  const claimed = await db.update(educationSurveys).set({ answeredAt: at })
    .where(and(eq(educationSurveys.id, surveyId), isNull(educationSurveys.answeredAt), isNull(educationSurveys.closedAt)))
    .returning({ id: educationSurveys.id });
  return claimed.length > 0;
}

/** How many answers a class has of a kind. */
export async function countResponses(db: Db, classId: string, kind: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(educationSurveyResponses)
    .where(and(eq(educationSurveyResponses.classId, classId), eq(educationSurveyResponses.kind, kind)));
  return Number(row!.n);
}

/** Locks the class row so concurrent student answers are counted one after the other. */
export async function lockClass(db: Db, classId: string) {
  await db.execute(sql`select 1 from ${educationClasses} where ${educationClasses.id} = ${classId} for update`);
}

/** Inserts an answer. */
export async function insertResponse(db: Db, values: typeof educationSurveyResponses.$inferInsert) {
  await db.insert(educationSurveyResponses).values(values);
}
