import { and, asc, desc, eq, isNull, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ReferralKind } from '../../../common/incidents.js';
import type { Scope } from '../../auth/access.js';
import { rows, type Db } from '../../db/connection.js';
import {
  incidentAttachments, incidentReferrals, incidentReviews, incidents, incidentSupplements, incidentTasks, schools, users,
} from '../../db/schema/index.js';
import { inScope } from '../schools/schools.repository.js';

const approver = alias(users, 'approver');
const doneBy = alias(users, 'done_by');
const handler = alias(users, 'handler');

/** The supplements of an incident with author and approver names, by number. */
export async function findSupplements(db: Db, incidentId: string) {
  return db.select({ supplement: incidentSupplements, authorName: users.name, approvedByName: approver.name })
    .from(incidentSupplements).innerJoin(users, eq(users.id, incidentSupplements.authorId))
    .leftJoin(approver, eq(approver.id, incidentSupplements.approvedById))
    .where(eq(incidentSupplements.incidentId, incidentId)).orderBy(asc(incidentSupplements.number));
}

/** One supplement of an incident, optionally locked for the transaction. */
export async function findSupplement(db: Db, incidentId: string, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(incidentSupplements).where(and(eq(incidentSupplements.id, id), eq(incidentSupplements.incidentId, incidentId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Inserts the next supplement of an incident (the incident row is locked by the caller, so numbers do not collide). */
export async function insertSupplement(db: Db, values: Omit<typeof incidentSupplements.$inferInsert, 'number'>) {
  const [row] = await db.insert(incidentSupplements).values({
    ...values,
    number: sql`(select coalesce(max(number), 0) + 1 from incident_supplements where incident_id = ${values.incidentId})`,
  }).returning();
  return row!;
}

/** Changes a supplement. */
export async function updateSupplement(db: Db, id: string, values: Partial<typeof incidentSupplements.$inferInsert>) {
  await db.update(incidentSupplements).set(values).where(eq(incidentSupplements.id, id));
}

/** Appends a review step. */
export async function insertReview(db: Db, values: typeof incidentReviews.$inferInsert) {
  await db.insert(incidentReviews).values(values);
}

/** Inserts an attachment's record (its bytes are already stored). */
export async function insertAttachment(db: Db, values: typeof incidentAttachments.$inferInsert) {
  const [row] = await db.insert(incidentAttachments).values(values).returning();
  return row!;
}

/** One attachment of the district with its incident's access facts. */
export async function findAttachment(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ attachment: incidentAttachments, incident: incidents }).from(incidentAttachments)
    .innerJoin(incidents, eq(incidents.id, incidentAttachments.incidentId))
    .where(and(eq(incidentAttachments.id, id), eq(incidents.districtId, districtId)));
  return row;
}

const taskColumns = {
  task: incidentTasks, incidentNumber: incidents.number, ownerName: users.name, doneByName: doneBy.name,
};

/** Tasks matching `where`, due first. */
export async function findTasks(db: Db, where: SQL | undefined) {
  return db.select(taskColumns).from(incidentTasks)
    .innerJoin(incidents, eq(incidents.id, incidentTasks.incidentId))
    .innerJoin(users, eq(users.id, incidentTasks.ownerId))
    .leftJoin(doneBy, eq(doneBy.id, incidentTasks.doneById))
    .where(where).orderBy(asc(incidentTasks.dueAt), asc(incidentTasks.id)).limit(500);
}

/** The open or done tasks of incidents the caller may see (visibility conditions come from the service). */
export function taskFilter(
  districtId: string, visible: SQL, filter: { ownerId?: string; status: 'open' | 'done' | 'all'; kind?: 'follow_up' | 'notification'; overdueAt?: Date },
) {
  return and(
    eq(incidents.districtId, districtId), visible,
    filter.ownerId ? eq(incidentTasks.ownerId, filter.ownerId) : undefined,
    filter.kind ? eq(incidentTasks.kind, filter.kind) : undefined,
    filter.overdueAt ? and(isNull(incidentTasks.doneAt), lt(incidentTasks.dueAt, filter.overdueAt)) : undefined,
    filter.status === 'open' ? isNull(incidentTasks.doneAt) : filter.status === 'done' ? isNotNull(incidentTasks.doneAt) : undefined,
  );
}

/** One task of the district with its incident. */
export async function findTask(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ task: incidentTasks, incident: incidents }).from(incidentTasks)
    .innerJoin(incidents, eq(incidents.id, incidentTasks.incidentId))
    .where(and(eq(incidentTasks.id, id), eq(incidents.districtId, districtId))).for('update', { of: incidentTasks });
  return row;
}

/** Inserts a task; a notification task already made for the same person and rule is left alone. */
export async function insertTask(db: Db, values: typeof incidentTasks.$inferInsert) {
  const [row] = await db.insert(incidentTasks).values(values).onConflictDoNothing().returning({ id: incidentTasks.id });
  return row?.id;
}

/** Changes a task. */
export async function updateTask(db: Db, id: string, values: Partial<typeof incidentTasks.$inferInsert>) {
  await db.update(incidentTasks).set(values).where(eq(incidentTasks.id, id));
}

const referralColumns = {
  referral: incidentReferrals, incidentNumber: incidents.number, occurredAt: incidents.occurredAt, schoolName: schools.name,
  referredByName: users.name, handledByName: handler.name,
};

function referralQuery(db: Db) {
  return db.select(referralColumns).from(incidentReferrals)
    .innerJoin(incidents, eq(incidents.id, incidentReferrals.incidentId))
    .innerJoin(schools, eq(schools.id, incidentReferrals.schoolId))
    .innerJoin(users, eq(users.id, incidentReferrals.referredById))
    .leftJoin(handler, eq(handler.id, incidentReferrals.handledById));
}

/** Referrals of a kind to schools in `scope`, newest first; those of sealed incidents are gone. */
export async function findReferrals(
  db: Db, districtId: string, kind: ReferralKind, scope: Scope, filter: { status: string; schoolId?: string },
) {
  return referralQuery(db).where(and(
    eq(incidentReferrals.districtId, districtId), eq(incidentReferrals.kind, kind), inScope(incidentReferrals.schoolId, scope),
    isNull(incidents.sealedAt),
    filter.status === 'all' ? undefined : eq(incidentReferrals.status, filter.status as 'open'),
    filter.schoolId ? eq(incidentReferrals.schoolId, filter.schoolId) : undefined,
  )).orderBy(desc(incidentReferrals.referredAt)).limit(500);
}

/** One referral of a kind in `scope`, locked, or undefined (sealed incidents' referrals are gone). */
export async function findReferral(db: Db, districtId: string, kind: ReferralKind, scope: Scope, id: string) {
  const [row] = await db.select({ referral: incidentReferrals }).from(incidentReferrals)
    .innerJoin(incidents, eq(incidents.id, incidentReferrals.incidentId))
    .where(and(eq(incidentReferrals.id, id), eq(incidentReferrals.districtId, districtId), eq(incidentReferrals.kind, kind),
      inScope(incidentReferrals.schoolId, scope), isNull(incidents.sealedAt)))
    .for('update', { of: incidentReferrals });
  return row;
}

/** One referral with names, by id. */
export async function findReferralView(db: Db, id: string) {
  const [row] = await referralQuery(db).where(eq(incidentReferrals.id, id));
  return row;
}

/** Inserts a referral. */
export async function insertReferral(db: Db, values: typeof incidentReferrals.$inferInsert) {
  const [row] = await db.insert(incidentReferrals).values(values).returning({ id: incidentReferrals.id });
  return row!.id;
}

/** Changes a referral's status and note. */
export async function updateReferral(db: Db, id: string, values: Partial<typeof incidentReferrals.$inferInsert>) {
  await db.update(incidentReferrals).set(values).where(eq(incidentReferrals.id, id));
}

/** One task with names, by id. */
export async function findTaskView(db: Db, id: string) {
  return findTasks(db, eq(incidentTasks.id, id));
}

/** Supplements, reviews, attachments, tasks and referrals of an incident as JSON, in one round trip. */
export async function findExtras(db: Db, incidentId: string) {
  const [row] = rows<Record<'supplements' | 'reviews' | 'attachments' | 'tasks' | 'referrals', Record<string, unknown>[]>>(await db.execute(sql`
    select
      coalesce((select json_agg(json_build_object('id', s.id, 'number', s.number, 'status', s.status, 'version', s.version, 'narrative', s.narrative,
        'authorId', s.author_id, 'authorName', u.name, 'createdAt', s.created_at, 'updatedAt', s.updated_at, 'submittedAt', s.submitted_at,
        'approvedAt', s.approved_at, 'approvedByName', ap.name) order by s.number)
        from incident_supplements s join users u on u.id = s.author_id left join users ap on ap.id = s.approved_by_id
        where s.incident_id = ${incidentId}), '[]') as supplements,
      coalesce((select json_agg(json_build_object('id', r.id, 'supplementId', r.supplement_id, 'event', r.event, 'comment', r.comment,
        'byId', r.by_id, 'byName', u.name, 'at', r.at, 'version', r.version) order by r.seq)
        from incident_reviews r join users u on u.id = r.by_id where r.incident_id = ${incidentId}), '[]') as reviews,
      coalesce((select json_agg(json_build_object('id', a.id, 'supplementId', a.supplement_id, 'fileName', a.file_name, 'kind', a.kind,
        'mediaType', a.media_type, 'size', a.size, 'sha256', a.sha256, 'uploadedByName', u.name, 'uploadedAt', a.uploaded_at) order by a.uploaded_at)
        from incident_attachments a join users u on u.id = a.uploaded_by_id where a.incident_id = ${incidentId}), '[]') as attachments,
      coalesce((select json_agg(json_build_object('id', t.id, 'incidentId', t.incident_id, 'kind', t.kind, 'rule', t.rule, 'title', t.title,
        'ownerId', t.owner_id, 'ownerName', u.name, 'dueAt', t.due_at, 'doneAt', t.done_at, 'doneByName', d.name) order by t.due_at, t.id)
        from incident_tasks t join users u on u.id = t.owner_id left join users d on d.id = t.done_by_id where t.incident_id = ${incidentId}), '[]') as tasks,
      coalesce((select json_agg(json_build_object('id', f.id, 'kind', f.kind, 'status', f.status, 'incidentId', f.incident_id, 'schoolId', f.school_id,
        'summary', f.summary, 'persons', f.persons, 'offenses', f.offenses, 'referredByName', u.name, 'referredAt', f.referred_at,
        'handledByName', h.name, 'handledAt', f.handled_at, 'note', f.note) order by f.referred_at)
        from incident_referrals f join users u on u.id = f.referred_by_id left join users h on h.id = f.handled_by_id
        where f.incident_id = ${incidentId}), '[]') as referrals`));
  return row!;
}
