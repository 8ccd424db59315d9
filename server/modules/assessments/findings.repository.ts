import { aliasedTable, and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FindingSeverity, FindingStatus } from '../../../common/assessments.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { assessmentFindings, assessmentItems, schools, users, workOrders } from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

const f = assessmentFindings;
const owners = aliasedTable(users, 'owner');
const columns = {
  f, schoolName: schools.name, ownerName: owners.name,
  // A subquery: Drizzle types a select joining users and an alias of users as never.
  creatorName: sql<string>`(select u.name from ${users} u where u.id = ${f.createdBy})`,
  itemTitle: assessmentItems.title, itemLayer: assessmentItems.layer, workOrderNumber: workOrders.number, workOrderStatus: workOrders.status,
};
/** A finding with the names it shows. */
export type FindingRow = Awaited<ReturnType<typeof findFindings>>[number];

function selectFindings(db: Db) {
  return db.select(columns).from(f).innerJoin(schools, eq(schools.id, f.schoolId))
    .leftJoin(owners, eq(owners.id, f.ownerId)).leftJoin(assessmentItems, eq(assessmentItems.id, f.itemId))
    .leftJoin(workOrders, eq(workOrders.id, f.workOrderId));
}

/** Filters of the findings list. */
export interface FindingFilter {
  schoolId?: string; assessmentId?: string; status?: FindingStatus | 'unresolved'; severity?: FindingSeverity; overdue?: 'true' | 'false';
}

const SEVERITY_ORDER = sql`case ${f.severity} when 'critical' then 0 when 'high' then 1 when 'moderate' then 2 else 3 end`;

/** Findings of the scope's schools, most severe and soonest due first. */
export async function findFindings(db: Db, districtId: string, scope: Scope, q: FindingFilter, today: string) {
  const unresolved = inArray(f.status, ['open', 'in_progress']);
  return selectFindings(db).where(and(
    eq(f.districtId, districtId), inScope(f.schoolId, scope), q.schoolId ? eq(f.schoolId, q.schoolId) : undefined,
    q.assessmentId ? eq(f.assessmentId, q.assessmentId) : undefined, q.severity ? eq(f.severity, q.severity) : undefined,
    q.status === 'unresolved' ? unresolved : q.status ? eq(f.status, q.status) : undefined,
    q.overdue === 'true' ? and(unresolved, lt(f.dueOn, today)) : undefined,
  )).orderBy(SEVERITY_ORDER, sql`${f.dueOn} asc nulls last`, asc(f.createdAt)).limit(1000);
}

/** One finding of the district. */
export async function findFinding(db: Db, districtId: string, id: string) {
  const [row] = await selectFindings(db).where(and(eq(f.id, id), eq(f.districtId, districtId)));
  return row;
}

/** Inserts a finding; answers its id. */
export async function insertFinding(db: Db, values: typeof assessmentFindings.$inferInsert) {
  const [row] = await db.insert(assessmentFindings).values(values).returning({ id: assessmentFindings.id });
  return row!.id;
}

/** Changes a finding. */
export async function updateFinding(db: Db, id: string, values: Partial<typeof assessmentFindings.$inferInsert>, now: Date) {
  await db.update(assessmentFindings).set({ ...values, updatedAt: now }).where(eq(assessmentFindings.id, id));
}
