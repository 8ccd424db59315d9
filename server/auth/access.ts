import { grantPermissions, PERSONAL_PERMISSIONS, type Permission } from '../../common/permissions.js';
import type { Role } from '../../common/roles.js';
import { AppError, notFound } from '../lib/errors.js';

/** A role held at one school, or at the whole district when `schoolId` is null. */
export interface Grant {
  role: Role;
  schoolId: string | null;
}

/** The signed-in user as every service sees them. */
export interface Actor {
  userId: string;
  districtId: string;
  name: string;
  email: string;
  grants: Grant[];
  /**
   * The outside organization the account works for (`users.organization_id`), or null for district staff. An
   * outsider's grants carry only OUTSIDER_PERMISSIONS (common/permissions.ts): every check below applies that cut.
   */
  organizationId: string | null;
  /**
   * Permissions given to this person, not to a role (PERSONAL_PERMISSIONS: juvenile records). Held wherever a grant
   * carries the base permission; absent for actors built by jobs and tests that hold none.
   */
  personal?: readonly Permission[];
  /** The district's IANA time zone: every day the user sees or a rule compares is a day there. */
  timeZone: string;
}

/** Where a permission reaches: every school of the district, or a list of schools. */
export type Scope = { all: true } | { all: false; schoolIds: string[] };

/** True when the grant carries the permission for this actor (an outsider's grants carry less). */
export function holds(actor: Actor, grant: Grant, permission: Permission): boolean {
  const base = PERSONAL_PERMISSIONS[permission];
  if (base) return (actor.personal ?? []).includes(permission) && holds(actor, grant, base);
  return grantPermissions(grant.role, actor.organizationId !== null).includes(permission);
}

/** Every permission the actor holds somewhere: what the web app is told it may do. */
export function permissionsOf(actor: Actor): Permission[] {
  const all = new Set<Permission>();
  for (const g of actor.grants) for (const p of grantPermissions(g.role, actor.organizationId !== null)) all.add(p);
  for (const p of actor.personal ?? []) if (can(actor, p)) all.add(p);
  return [...all].sort();
}

/** True when any of the actor's grants carries the permission, wherever. */
export function can(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((g) => holds(actor, g, permission));
}

/** The schools at which the actor holds `permission`. */
export function scopeOf(actor: Actor, permission: Permission): Scope {
  const schoolIds = new Set<string>();
  for (const g of actor.grants) {
    if (!holds(actor, g, permission)) continue;
    if (g.schoolId === null) return { all: true };
    schoolIds.add(g.schoolId);
  }
  return { all: false, schoolIds: [...schoolIds] };
}

/** True when the actor holds `permission` at `schoolId`. */
export function canAtSchool(actor: Actor, permission: Permission, schoolId: string): boolean {
  const scope = scopeOf(actor, permission);
  return scope.all || scope.schoolIds.includes(schoolId);
}

/** Throws 403 when the actor lacks the permission everywhere (the route-level check). */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('forbidden', `You do not have the permission ${permission}`);
  }
}

/** Throws not-found when the record's school is outside the actor's scope: a denied record reads as absent. */
export function requireSchool(actor: Actor, permission: Permission, schoolId: string, what: string): void {
  if (!canAtSchool(actor, permission, schoolId)) throw notFound(what);
}

/** True when a grant of the actor is district-wide for a role carrying `permission`. */
export function isDistrictWide(actor: Actor, permission: Permission): boolean {
  return scopeOf(actor, permission).all;
}
