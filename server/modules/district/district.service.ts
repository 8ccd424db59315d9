import { ROLES, type Role } from '../../../common/roles.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { forgetSessions } from '../../auth/sessions.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { changedFields } from '../../lib/changes.js';
import { requireDistrictManager, sameRoles } from './district.policy.js';
import * as repo from './district.repository.js';
import type { UpdateDistrict } from './district.schemas.js';

type DistrictRow = NonNullable<Awaited<ReturnType<typeof repo.findDistrict>>>;

async function view(db: Db, district: DistrictRow) {
  return {
    id: district.id,
    name: district.name,
    ncesId: district.ncesId,
    state: district.state,
    timezone: district.timezone,
    lawEnforcementAgency: district.lawEnforcementAgency,
    nibrsOri: district.nibrsOri,
    // A role name an older release stored but this one no longer knows is not shown as policy.
    mfaRequiredRoles: district.mfaRequiredRoles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    isDemo: district.isDemo,
    counts: await repo.countDistrict(db, district.id),
  };
}

/** The actor's district with its settings, two-step sign-in policy and sizes. */
export async function getDistrict(ctx: ServiceContext) {
  const district = await repo.findDistrict(ctx.db, ctx.actor.districtId);
  if (!district) throw notFound('District');
  return view(ctx.db, district);
}

/**
 * Changes district settings (district-wide `district.manage` only). A change of `mfaRequiredRoles` is a
 * security policy change: the audit event keeps the old and new lists, and open sessions pick it up at
 * their next request.
 */
export async function updateDistrict(ctx: ServiceContext, input: UpdateDistrict) {
  requireDistrictManager(ctx.actor);
  const { district, policyChanged, zoneChanged } = await ctx.db.transaction(async (tx) => {
    const before = await repo.findDistrict(tx, ctx.actor.districtId, { forUpdate: true });
    if (!before) throw notFound('District');
    const { mfaRequiredRoles, ...settings } = input;
    const policyChanged = mfaRequiredRoles !== undefined && !sameRoles(before.mfaRequiredRoles, mfaRequiredRoles);
    const changed = [...changedFields(before, settings), ...(policyChanged ? ['mfaRequiredRoles'] : [])];
    if (changed.length === 0) return { district: before, policyChanged, zoneChanged: false };
    const district = await repo.updateDistrict(tx, ctx.actor.districtId, input);
    await writeAudit(tx, whoOf(ctx), {
      type: 'district.updated', subjectType: 'district', subjectId: before.id,
      detail: { changed, ...(policyChanged ? { mfaRequiredRoles: { from: before.mfaRequiredRoles, to: mfaRequiredRoles } } : {}) },
    });
    return { district: district!, policyChanged, zoneChanged: changed.includes('timezone') };
  });
  // After commit: cached sessions hold the old policy (and time zone) for a few seconds otherwise.
  if (policyChanged || zoneChanged) forgetSessions();
  return view(ctx.db, district);
}
