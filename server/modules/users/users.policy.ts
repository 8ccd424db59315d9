import { randomInt } from 'node:crypto';
import { grantPermissions, PERSONAL_PERMISSIONS, type Permission } from '../../../common/permissions.js';
import type { Role } from '../../../common/roles.js';
import { scopeOf, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';

// No 0/O, 1/l/I, 5/S or 2/Z: the password is read off a screen or a letter and typed in.
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRTUVWXY346789';

/** A one-time password: 4 groups of 4 readable characters (about 90 bits), e.g. `k7Qm-xR4p-...`. */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

/**
 * True when the actor may hand out (or take back) a role at `schoolId`: a district-wide role only with a
 * district-wide `permission`, a school role only at a school of the actor's `permission` scope.
 */
export function canGrantAt(actor: Actor, permission: Permission, schoolId: string | null): boolean {
  const scope = scopeOf(actor, permission);
  return scope.all || (schoolId !== null && scope.schoolIds.includes(schoolId));
}

/** Refuses district-wide grants by an actor whose `permission` stops at their schools. */
export function requireDistrictWideGrant(actor: Actor, permission: Permission): void {
  if (!scopeOf(actor, permission).all) {
    throw new AppError('forbidden', 'Only district-wide administrators grant or revoke district-wide roles');
  }
}

/**
 * Account-wide changes (deactivation, password reset, profile) reach every school the user works at, so
 * a school-scoped administrator may make them only for users who work solely at schools in their scope.
 */
export function canManageUser(actor: Actor, permission: Permission, grants: { schoolId: string | null }[]): boolean {
  const scope = scopeOf(actor, permission);
  if (scope.all) return true;
  return grants.length > 0 && grants.every((g) => g.schoolId !== null && scope.schoolIds.includes(g.schoolId));
}

/** The welcome message of a new account. */
export function welcomeMail(user: { email: string; name: string }, password: string, publicUrl: string) {
  return {
    to: user.email,
    subject: 'Your SRO Desk account',
    text: [
      `Hello ${user.name},`, '', 'An SRO Desk account was created for you.', '',
      `Sign in at: ${publicUrl}`, `E-mail: ${user.email}`, `Temporary password: ${password}`, '',
      'You will choose your own password when you first sign in.',
      'If you did not expect this message, tell your district system administrator.',
    ].join('\n'),
  };
}

/** The message telling a user an administrator reset their password. */
export function resetMail(user: { email: string; name: string }, password: string, publicUrl: string) {
  return {
    to: user.email,
    subject: 'Your SRO Desk password was reset',
    text: [
      `Hello ${user.name},`, '', 'An administrator reset your SRO Desk password and signed you out everywhere.', '',
      `Sign in at: ${publicUrl}`, `Temporary password: ${password}`, '',
      'You will choose a new password when you sign in.',
      'If you did not ask for this, tell your district system administrator.',
    ].join('\n'),
  };
}

/**
 * True when a user with these role grants may hold the juvenile-records grant: district staff (never an outside
 * organization's account) whose roles read incidents somewhere; to anyone else the grant would give nothing.
 */
export function canHoldJuvenileAccess(grants: { role: Role }[], organizationId: string | null): boolean {
  const base = PERSONAL_PERMISSIONS['incident.juvenile.read']!;
  return organizationId === null && grants.some((g) => grantPermissions(g.role, false).includes(base));
}
