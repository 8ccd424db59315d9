import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AssessmentStatus } from '../../../common/assessments.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  assessmentFindings, assessmentItems, assessmentPhotos, assessmentTemplateItems, schools, securityAssessments, users,
} from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';
import { DEFAULT_TEMPLATE } from './assessments.defaults.js';

// ───────────────────────── template ─────────────────────────

/** The district's template items by layer and position. */
export async function findTemplate(db: Db, districtId: string, active: 'true' | 'false' | 'all') {
  return db.select().from(assessmentTemplateItems)
    .where(and(eq(assessmentTemplateItems.districtId, districtId), active === 'all' ? undefined : eq(assessmentTemplateItems.active, active === 'true')))
    .orderBy(asc(assessmentTemplateItems.layer), asc(assessmentTemplateItems.position), asc(assessmentTemplateItems.id));
}

/**
 * Gives a district without a template the default one; answers how many items were added. A transaction-scoped
 * lock on the district keeps two first requests from both adding it.
 */
export async function ensureTemplate(tx: Db, districtId: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`assessment-template:${districtId}`}))`);
  const [any] = await tx.select({ id: assessmentTemplateItems.id }).from(assessmentTemplateItems).where(eq(assessmentTemplateItems.districtId, districtId)).limit(1);
  if (any) return 0;
  const positions = new Map<string, number>();
  await tx.insert(assessmentTemplateItems).values(DEFAULT_TEMPLATE.map((d) => {
    const position = (positions.get(d.layer) ?? 0) + 1;
    positions.set(d.layer, position);
    return { districtId, layer: d.layer, title: d.title, guidance: d.guidance, position: position * 10 };
  }));
  return DEFAULT_TEMPLATE.length;
}

/** One template item of the district. */
export async function findTemplateItem(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(assessmentTemplateItems).where(and(eq(assessmentTemplateItems.id, id), eq(assessmentTemplateItems.districtId, districtId)));
  return row;
}

/** The next free position at the end of a layer. */
export async function nextTemplatePosition(db: Db, districtId: string, layer: string) {
  const [row] = await db.select({ max: sql<number | null>`max(${assessmentTemplateItems.position})` }).from(assessmentTemplateItems)
    .where(and(eq(assessmentTemplateItems.districtId, districtId), eq(assessmentTemplateItems.layer, layer as never)));
  return Number(row?.max ?? 0) + 10;
}

/** Inserts a template item; answers it. */
export async function insertTemplateItem(db: Db, values: typeof assessmentTemplateItems.$inferInsert) {
  const [row] = await db.insert(assessmentTemplateItems).values(values).returning();
  return row!;
}

/** Changes a template item; answers it. */
export async function updateTemplateItem(db: Db, id: string, values: Partial<typeof assessmentTemplateItems.$inferInsert>, now: Date) {
  const [row] = await db.update(assessmentTemplateItems).set({ ...values, updatedAt: now }).where(eq(assessmentTemplateItems.id, id)).returning();
  return row!;
}

// ───────────────────────── assessments ─────────────────────────

const a = securityAssessments;
const countOf = (condition: ReturnType<typeof sql>) => sql<number>`(select count(*)::int from ${assessmentItems} i where i.assessment_id = ${a.id} and ${condition})`;
const summary = {
  a: getTableColumns(securityAssessments),
  schoolName: schools.name,
  leadName: users.name,
  itemCount: countOf(sql`true`),
  ratedCount: countOf(sql`i.rating is not null`),
  inPlace: countOf(sql`i.rating = 'in_place'`),
  partial: countOf(sql`i.rating = 'partial'`),
  absent: countOf(sql`i.rating = 'absent'`),
  notApplicable: countOf(sql`i.rating = 'not_applicable'`),
  openFindings: sql<number>`(select count(*)::int from ${assessmentFindings} f where f.assessment_id = ${a.id} and f.status in ('open', 'in_progress'))`,
};
/** An assessment with its school, lead and counts. */
export type AssessmentRow = Awaited<ReturnType<typeof findAssessment>> & {};

function selectAssessments(db: Db) {
  return db.select(summary).from(a).innerJoin(schools, eq(schools.id, a.schoolId)).innerJoin(users, eq(users.id, a.leadId));
}

/** Assessments of the scope's schools, newest first. */
export async function findAssessments(db: Db, districtId: string, scope: Scope, f: { schoolId?: string; status?: AssessmentStatus }) {
  return selectAssessments(db).where(and(
    eq(a.districtId, districtId), inScope(a.schoolId, scope), f.schoolId ? eq(a.schoolId, f.schoolId) : undefined, f.status ? eq(a.status, f.status) : undefined,
  )).orderBy(desc(a.startedOn), desc(a.createdAt)).limit(500);
}

/** One assessment of the district. */
export async function findAssessment(db: Db, districtId: string, id: string) {
  const [row] = await selectAssessments(db).where(and(eq(a.id, id), eq(a.districtId, districtId)));
  return row;
}

/** Inserts an assessment and copies the district's active template items into it; answers its id. */
export async function insertAssessment(db: Db, values: typeof securityAssessments.$inferInsert) {
  const [row] = await db.insert(securityAssessments).values(values).returning({ id: securityAssessments.id });
  const id = row!.id;
  await db.execute(sql`insert into ${assessmentItems} (assessment_id, template_item_id, layer, title, guidance, position)
    select ${id}, t.id, t.layer, t.title, t.guidance, t.position from ${assessmentTemplateItems} t
    where t.district_id = ${values.districtId} and t.active`);
  return id;
}

/** Changes an assessment. */
export async function updateAssessment(db: Db, id: string, values: Partial<typeof securityAssessments.$inferInsert>, now: Date) {
  await db.update(securityAssessments).set({ ...values, updatedAt: now }).where(eq(securityAssessments.id, id));
}

// ───────────────────────── items and photos ─────────────────────────

/** The items of an assessment by layer and position. */
export async function findItems(db: Db, assessmentId: string) {
  return db.select().from(assessmentItems).where(eq(assessmentItems.assessmentId, assessmentId))
    .orderBy(asc(assessmentItems.layer), asc(assessmentItems.position), asc(assessmentItems.id));
}

/** One item of an assessment. */
export async function findItem(db: Db, assessmentId: string, itemId: string) {
  const [row] = await db.select().from(assessmentItems).where(and(eq(assessmentItems.id, itemId), eq(assessmentItems.assessmentId, assessmentId)));
  return row;
}

/** Changes an item; answers it. */
export async function updateItem(db: Db, id: string, values: Partial<typeof assessmentItems.$inferInsert>) {
  const [row] = await db.update(assessmentItems).set(values).where(eq(assessmentItems.id, id)).returning();
  return row!;
}

const { legacyBytes: _bytes, ...photoMeta } = getTableColumns(assessmentPhotos);

/** Photo metadata of an assessment (no bytes), oldest first, with the uploader's name. */
export async function findPhotos(db: Db, assessmentId: string) {
  return db.select({ p: photoMeta, uploaderName: users.name }).from(assessmentPhotos).innerJoin(users, eq(users.id, assessmentPhotos.uploadedBy))
    .where(eq(assessmentPhotos.assessmentId, assessmentId)).orderBy(asc(assessmentPhotos.createdAt), asc(assessmentPhotos.id));
}

/** Inserts a photo; answers its id. */
export async function insertPhoto(db: Db, values: typeof assessmentPhotos.$inferInsert) {
  const [row] = await db.insert(assessmentPhotos).values(values).returning({ id: assessmentPhotos.id });
  return row!.id;
}

/** A photo of the district with its bytes and the school and status of its assessment. */
export async function findPhoto(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ p: assessmentPhotos, schoolId: a.schoolId, status: a.status }).from(assessmentPhotos)
    .innerJoin(a, eq(a.id, assessmentPhotos.assessmentId)).where(and(eq(assessmentPhotos.id, id), eq(a.districtId, districtId)));
  return row;
}

/** Deletes a photo. */
export async function deletePhoto(db: Db, id: string) {
  await db.delete(assessmentPhotos).where(eq(assessmentPhotos.id, id));
}
