import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import type { Db } from '../../db/connection.js';
import { AppError, notFound, uniqueOr409 } from '../../lib/errors.js';
import { changedFields } from '../../lib/changes.js';
import { requireDistrictSchoolManager } from './schools.policy.js';
import * as repo from './schools.repository.js';
import type { CreateArea, CreateSchool, UpdateArea, UpdateSchool } from './schools.schemas.js';

/** Schools the actor may see, filtered. */
export async function findSchools(ctx: ServiceContext, filter: { q?: string; level?: CreateSchool['level']; includeInactive?: boolean }) {
  return repo.findSchools(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'school.read'), filter);
}

/** One school the actor may see (else not found); the full read is audited. */
export async function getSchool(ctx: ServiceContext, id: string) {
  requireSchool(ctx.actor, 'school.read', id, 'School');
  const school = await repo.readSchoolAudited(ctx.db, ctx.actor.districtId, id, whoOf(ctx), {
    type: 'school.viewed', schoolId: id, subjectType: 'school', subjectId: id,
  });
  if (!school) throw notFound('School');
  return school;
}

/** Adds a school to the district (district-wide `school.manage` only). */
export async function createSchool(ctx: ServiceContext, input: CreateSchool) {
  requireDistrictSchoolManager(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const school = await uniqueOr409(() => repo.insertSchool(tx, ctx.actor.districtId, input), 'ncesId', 'A school with this NCES id exists');
    await writeAudit(tx, whoOf(ctx), { type: 'school.created', schoolId: school.id, subjectType: 'school', subjectId: school.id, detail: { name: school.name } });
    return school;
  });
}

/** Changes a school. */
export async function updateSchool(ctx: ServiceContext, id: string, input: UpdateSchool) {
  requireSchool(ctx.actor, 'school.manage', id, 'School');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findSchool(tx, ctx.actor.districtId, id);
    if (!before) throw notFound('School');
    const low = input.gradeLow ?? before.gradeLow;
    const high = input.gradeHigh ?? before.gradeHigh;
    if (low > high) throw new AppError('validation_failed', 'gradeLow must not be above gradeHigh', { field: 'gradeLow' });
    const school = await uniqueOr409(() => repo.updateSchool(tx, ctx.actor.districtId, id, input), 'ncesId', 'A school with this NCES id exists');
    await writeAudit(tx, whoOf(ctx), {
      type: 'school.updated', schoolId: id, subjectType: 'school', subjectId: id, detail: { changed: changedFields(before, input) },
    });
    return school!;
  });
}

/** Feeder relations of a school the actor may see. */
export async function findFeeders(ctx: ServiceContext, schoolId: string) {
  requireSchool(ctx.actor, 'school.read', schoolId, 'School');
  if (!(await repo.findSchool(ctx.db, ctx.actor.districtId, schoolId))) throw notFound('School');
  return repo.findFeeders(ctx.db, schoolId);
}

/** Records that `feederSchoolId` feeds `schoolId`; both must be schools of the district. */
export async function addFeeder(ctx: ServiceContext, schoolId: string, feederSchoolId: string) {
  requireSchool(ctx.actor, 'school.manage', schoolId, 'School');
  if (schoolId === feederSchoolId) throw new AppError('validation_failed', 'A school cannot feed itself', { field: 'feederSchoolId' });
  return ctx.db.transaction(async (tx) => {
    const [school, feeder] = await Promise.all([
      repo.findSchool(tx, ctx.actor.districtId, schoolId), repo.findSchool(tx, ctx.actor.districtId, feederSchoolId),
    ]);
    if (!school) throw notFound('School');
    if (!feeder) throw new AppError('validation_failed', 'No such school in the district', { field: 'feederSchoolId' });
    const { feedsInto } = await repo.findFeeders(tx, schoolId);
    if (feedsInto.some((s) => s.id === feederSchoolId)) {
      throw new AppError('conflict', `${school.name} already feeds ${feeder.name}`, { field: 'feederSchoolId' });
    }
    if (await repo.insertFeeder(tx, schoolId, feederSchoolId)) {
      await writeAudit(tx, whoOf(ctx), { type: 'feeder.added', schoolId, subjectType: 'school', subjectId: schoolId, detail: { feederSchoolId } });
    }
    return repo.findFeeders(tx, schoolId);
  });
}

/** Removes a feeder relation. */
export async function removeFeeder(ctx: ServiceContext, schoolId: string, feederSchoolId: string) {
  requireSchool(ctx.actor, 'school.manage', schoolId, 'School');
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.findSchool(tx, ctx.actor.districtId, schoolId))) throw notFound('School');
    if (!(await repo.deleteFeeder(tx, schoolId, feederSchoolId))) throw notFound('Feeder relation');
    await writeAudit(tx, whoOf(ctx), { type: 'feeder.removed', schoolId, subjectType: 'school', subjectId: schoolId, detail: { feederSchoolId } });
    return repo.findFeeders(tx, schoolId);
  });
}

/** Campus areas of a school the actor may see. */
export async function findAreas(ctx: ServiceContext, schoolId: string) {
  requireSchool(ctx.actor, 'area.read', schoolId, 'School');
  if (!(await repo.findSchool(ctx.db, ctx.actor.districtId, schoolId))) throw notFound('School');
  return repo.findAreas(ctx.db, schoolId);
}

async function checkParent(ctx: ServiceContext, schoolId: string, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  const parent = await repo.findArea(ctx.db, parentId);
  if (!parent || parent.schoolId !== schoolId || parent.id === selfId) {
    throw new AppError('validation_failed', 'The parent area must be another area of the same school', { field: 'parentId' });
  }
  // An area cannot sit inside one of its own descendants: the hierarchy would become a loop.
  if (!selfId) return;
  const seen = new Set<string>([parent.id]);
  for (let up = parent.parentId; up && !seen.has(up); ) {
    if (up === selfId) {
      throw new AppError('validation_failed', 'The parent area cannot be an area inside this one', { field: 'parentId' });
    }
    seen.add(up);
    up = (await repo.findArea(ctx.db, up))?.parentId ?? null;
  }
}

/** Adds a campus area. */
export async function createArea(ctx: ServiceContext, schoolId: string, input: CreateArea) {
  requireSchool(ctx.actor, 'area.manage', schoolId, 'School');
  if (!(await repo.findSchool(ctx.db, ctx.actor.districtId, schoolId))) throw notFound('School');
  await checkParent(ctx, schoolId, input.parentId);
  return ctx.db.transaction(async (tx) => {
    const area = await uniqueOr409(() => repo.insertArea(tx, schoolId, input), 'name', 'The school has an area with this name');
    await writeAudit(tx, whoOf(ctx), { type: 'area.created', schoolId, subjectType: 'campus_area', subjectId: area.id, detail: { name: area.name } });
    return area;
  });
}

/** Changes a campus area (found through its school, so out-of-scope areas read as absent). */
export async function updateArea(ctx: ServiceContext, id: string, input: UpdateArea) {
  requirePermission(ctx.actor, 'area.manage');
  const existing = await repo.findArea(ctx.db, id);
  if (!existing) throw notFound('Campus area');
  requireSchool(ctx.actor, 'area.manage', existing.schoolId, 'Campus area');
  if (!(await repo.findSchool(ctx.db, ctx.actor.districtId, existing.schoolId))) throw notFound('Campus area');
  await checkParent(ctx, existing.schoolId, input.parentId, id);
  return ctx.db.transaction(async (tx) => {
    const area = await uniqueOr409(() => repo.updateArea(tx, existing.schoolId, id, input), 'name', 'The school has an area with this name');
    await writeAudit(tx, whoOf(ctx), {
      type: 'area.updated', schoolId: existing.schoolId, subjectType: 'campus_area', subjectId: id, detail: { changed: Object.keys(input) },
    });
    return area!;
  });
}

/**
 * A campus area of `schoolId` that another module records a location in (a work order, a patrol, an item of
 * equipment): unknown or of another school is 400 naming `field`. The caller has checked the school itself.
 */
export async function requireCampusArea(db: Db, schoolId: string, areaId: string, field = 'areaId') {
  const area = await repo.findArea(db, areaId);
  if (!area || area.schoolId !== schoolId) throw new AppError('validation_failed', `${field}: not a campus area of the school`, { field });
  return { id: area.id, name: area.name, kind: area.kind };
}
