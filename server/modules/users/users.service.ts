import type { Permission } from '../../../common/permissions.js';
import type { AppDeps } from '../../lib/deps.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { scopeOf, type Actor } from '../../auth/access.js';
import { hashPassword } from '../../auth/passwords.js';
import { deleteUserSessions, forgetSessions } from '../../auth/sessions.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound, uniqueOr409 } from '../../lib/errors.js';
import type { Mail } from '../../lib/mailer.js';
import {
  canGrantAt, canHoldJuvenileAccess, canManageUser, requireDistrictWideGrant, resetMail, temporaryPassword, welcomeMail,
} from './users.policy.js';
import * as repo from './users.repository.js';
import type { CreateUser, GrantInput, ListUsersQuery, UpdateUser, UserView } from './users.schemas.js';

/** What these services need beyond the request context: the mailer and the sign-in address. */
export type MailDeps = Pick<AppDeps, 'mailer' | 'config'>;

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

type GrantView = UserView['grants'][number];

// Who holds the juvenile-records grant, and who could, is shown to those who give it (district-wide role.grant) only.
function viewOf(actor: Actor, user: UserRow, grants: GrantView[]): UserView {
  const { organizationId, ...rest } = user;
  const administers = scopeOf(actor, 'role.grant').all;
  return {
    ...rest, grants,
    juvenileAccessAt: administers ? user.juvenileAccessAt : null,
    canHoldJuvenileAccess: administers && canHoldJuvenileAccess(grants, organizationId),
  };
}

async function withGrants(db: Db, actor: Actor, rows: UserRow[]): Promise<UserView[]> {
  const grants = await repo.findGrants(db, actor.districtId, rows.map((u) => u.id));
  return rows.map((u) => viewOf(actor, u, grants.filter((g) => g.userId === u.id).map(({ id, role, schoolId, schoolName }) => ({ id, role, schoolId, schoolName }))));
}

// A failing SMTP server must not undo the account: the administrator still has the password to hand over.
async function sendQuietly(deps: MailDeps, mail: Mail): Promise<boolean> {
  try {
    return await deps.mailer.send(mail);
  } catch {
    return false;
  }
}

/** One page of the users the actor may see. */
export async function findUsers(ctx: ServiceContext, filter: ListUsersQuery) {
  const { districtId } = ctx.actor;
  const page = await repo.findUsers(ctx.db, districtId, scopeOf(ctx.actor, 'user.read'), filter);
  return { items: await withGrants(ctx.db, ctx.actor, page.items), total: page.total };
}

/** One user the actor may see (else not found). */
export async function getUser(ctx: ServiceContext, id: string): Promise<UserView> {
  const user = await repo.findUser(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'user.read'), id);
  if (!user) throw notFound('User');
  const [view] = await withGrants(ctx.db, ctx.actor, [user]);
  return view!;
}

/**
 * The user `id` as the actor may act on them with `permission`: visible in that permission's scope, and
 * for account-wide changes (`whole`) working only at schools in that scope. Anything else reads as absent.
 */
async function requireUser(ctx: ServiceContext, db: Db, permission: Permission, id: string, whole: boolean) {
  const user = await repo.findUser(db, ctx.actor.districtId, scopeOf(ctx.actor, permission), id);
  if (!user) throw notFound('User');
  const grants = await repo.findGrants(db, ctx.actor.districtId, [id]);
  if (whole && !canManageUser(ctx.actor, permission, grants)) throw notFound('User');
  return { user, grants };
}

/** Checks that the actor may grant `grant`, and returns the school's name (null when district-wide). */
async function checkGrant(ctx: ServiceContext, permission: Permission, grant: GrantInput, field: string): Promise<string | null> {
  if (grant.schoolId === null) {
    requireDistrictWideGrant(ctx.actor, permission);
    return null;
  }
  const [school] = await repo.findSchools(ctx.db, ctx.actor.districtId, [grant.schoolId]);
  // A school outside the actor's scope reads as absent, like a school that does not exist.
  if (!school || !canGrantAt(ctx.actor, permission, school.id)) {
    throw new AppError('validation_failed', 'No such school in the district', { field });
  }
  return school.name;
}

/** Creates a user with a temporary password and their grants; e-mails the password when SMTP is configured. */
export async function createUser(ctx: ServiceContext, deps: MailDeps, input: CreateUser) {
  const { grants: requested, ...profile } = input;
  const seen = new Set<string>();
  const schoolNames: (string | null)[] = [];
  for (const [index, grant] of requested.entries()) {
    const key = `${grant.role}:${grant.schoolId ?? '*'}`;
    if (seen.has(key)) throw new AppError('validation_failed', 'The same role is listed twice', { field: `grants.${index}` });
    seen.add(key);
    schoolNames.push(await checkGrant(ctx, 'user.manage', grant, `grants.${index}.schoolId`));
  }
  const password = temporaryPassword();
  // argon2 takes a while: hash before the transaction so it holds no locks meanwhile.
  const passwordHash = await hashPassword(password);
  const user = await ctx.db.transaction(async (tx) => {
    const created = await uniqueOr409(() => repo.insertUser(tx, ctx.actor.districtId, { ...profile, passwordHash }), 'email', 'A user with this e-mail exists');
    const who = whoOf(ctx);
    await writeAudit(tx, who, { type: 'user.created', subjectType: 'user', subjectId: created.id, detail: { grants: requested.length } });
    const grants = [];
    for (const [index, grant] of requested.entries()) {
      const row = await repo.insertGrant(tx, created.id, grant, ctx.actor.userId);
      grants.push({ ...row, schoolName: schoolNames[index] ?? null });
      await writeAudit(tx, who, {
        type: 'role.granted', schoolId: row.schoolId, subjectType: 'user', subjectId: created.id, detail: { grantId: row.id, role: row.role },
      });
    }
    return viewOf(ctx.actor, created, grants);
  });
  const emailed = await sendQuietly(deps, welcomeMail(user, password, deps.config.publicUrl));
  return { user, temporaryPassword: password, emailed };
}

/** Refuses a change that would leave the district without an active district-wide system administrator. */
async function keepOneSysadmin(tx: Db, districtId: string, userId: string, grantId: string | null, field?: string) {
  const others = await repo.lockDistrictWideGrants(tx, districtId, 'sysadmin');
  const left = others.filter((g) => (grantId ? g.id !== grantId : g.userId !== userId));
  if (others.some((g) => g.userId === userId) && left.length === 0) {
    throw new AppError('conflict', 'This is the last district-wide system administrator of the district; grant the role to someone else first', { field });
  }
}

/** Changes a user's profile or active flag; deactivation ends all their sessions. */
export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUser): Promise<UserView> {
  if (input.active === false && id === ctx.actor.userId) {
    throw new AppError('conflict', 'You cannot deactivate your own account', { field: 'active' });
  }
  const view = await ctx.db.transaction(async (tx) => {
    const { user: before, grants } = await requireUser(ctx, tx, 'user.manage', id, true);
    const deactivating = input.active === false && before.active;
    if (deactivating) {
      await keepOneSysadmin(tx, ctx.actor.districtId, id, null, 'active');
      await deleteUserSessions(tx, id);
    }
    const user = await repo.updateUser(tx, ctx.actor.districtId, id, input);
    await writeAudit(tx, whoOf(ctx), {
      type: 'user.updated', subjectType: 'user', subjectId: id, detail: { changed: changedFields(before, input) },
    });
    return viewOf(ctx.actor, user!, grants.map(({ id: grantId, role, schoolId, schoolName }) => ({ id: grantId, role, schoolId, schoolName })));
  });
  // Again after commit: a request racing the transaction may have cached the old user meanwhile.
  forgetSessions(id);
  return view;
}

/** Gives a user a new temporary password and ends all their sessions. */
export async function resetPassword(ctx: ServiceContext, deps: MailDeps, id: string) {
  const { user } = await requireUser(ctx, ctx.db, 'user.manage', id, true);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await requireUser(ctx, tx, 'user.manage', id, true);
    await repo.updateUser(tx, ctx.actor.districtId, id, { passwordHash, mustChangePassword: true });
    await deleteUserSessions(tx, id);
    await writeAudit(tx, whoOf(ctx), { type: 'auth.password_reset', subjectType: 'user', subjectId: id });
  });
  forgetSessions(id);
  const emailed = await sendQuietly(deps, resetMail(user, password, deps.config.publicUrl));
  return { temporaryPassword: password, emailed };
}

/** Grants a role to a user at a school of the actor's scope (or district-wide for district-wide actors). */
export async function addGrant(ctx: ServiceContext, id: string, input: GrantInput) {
  await requireUser(ctx, ctx.db, 'role.grant', id, false);
  const schoolName = await checkGrant(ctx, 'role.grant', input, 'schoolId');
  const grant = await ctx.db.transaction(async (tx) => {
    const row = await uniqueOr409(() => repo.insertGrant(tx, id, input, ctx.actor.userId), 'role', 'The user already holds this role there');
    await writeAudit(tx, whoOf(ctx), {
      type: 'role.granted', schoolId: row.schoolId, subjectType: 'user', subjectId: id, detail: { grantId: row.id, role: row.role },
    });
    return { ...row, schoolName };
  });
  forgetSessions(id);
  return grant;
}

/** Revokes a grant; the district's last district-wide system administrator grant stays. */
export async function removeGrant(ctx: ServiceContext, id: string, grantId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await requireUser(ctx, tx, 'role.grant', id, false);
    const grant = await repo.findGrant(tx, ctx.actor.districtId, id, grantId);
    if (!grant) throw notFound('Grant');
    if (grant.schoolId === null) requireDistrictWideGrant(ctx.actor, 'role.grant');
    else if (!canGrantAt(ctx.actor, 'role.grant', grant.schoolId)) throw notFound('Grant');
    if (grant.role === 'sysadmin' && grant.schoolId === null) await keepOneSysadmin(tx, ctx.actor.districtId, id, grantId);
    if (!(await repo.deleteGrant(tx, id, grantId))) throw notFound('Grant');
    await writeAudit(tx, whoOf(ctx), {
      type: 'role.revoked', schoolId: grant.schoolId, subjectType: 'user', subjectId: id, detail: { grantId, role: grant.role },
    });
  });
  forgetSessions(id);
}

/**
 * Gives (`granted`) or takes back the per-person grant to read juvenile law-enforcement records. Only a district-wide
 * administrator (role.grant district-wide) decides; only district staff whose roles read incidents may hold it. The
 * change and its audit event are one transaction; the user's cached sessions are dropped so it applies at once.
 */
export async function setJuvenileAccess(ctx: ServiceContext, id: string, granted: boolean): Promise<UserView> {
  const view = await ctx.db.transaction(async (tx) => {
    const { grants } = await requireUser(ctx, tx, 'role.grant', id, false);
    requireDistrictWideGrant(ctx.actor, 'role.grant');
    const current = await repo.lockUserOrganization(tx, ctx.actor.districtId, id);
    if (!current) throw notFound('User');
    if (granted && !canHoldJuvenileAccess(grants, current.organizationId)) {
      throw new AppError('validation_failed', 'granted: only district staff whose role reads incidents (an SRO, a supervisor, the director) may hold juvenile-records access', { field: 'granted' });
    }
    // PUT sets the state: asking for the state the user is already in changes nothing and writes no audit event.
    const unchanged = granted === (current.juvenileAccessAt !== null);
    const user = unchanged ? await repo.findUser(tx, ctx.actor.districtId, { all: true }, id) : await repo.updateUser(tx, ctx.actor.districtId, id, granted
      ? { juvenileAccessAt: ctx.clock.now(), juvenileAccessBy: ctx.actor.userId }
      : { juvenileAccessAt: null, juvenileAccessBy: null });
    if (!unchanged) await writeAudit(tx, whoOf(ctx), { type: granted ? 'juvenile_access.granted' : 'juvenile_access.revoked', subjectType: 'user', subjectId: id });
    return viewOf(ctx.actor, user!, grants.map(({ id: grantId, role, schoolId, schoolName }) => ({ id: grantId, role, schoolId, schoolName })));
  });
  forgetSessions(id);
  return view;
}
