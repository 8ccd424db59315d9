import { and, eq, isNull } from 'drizzle-orm';
import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { isDistrictWide, requirePermission } from '../../auth/access.js';
import { forgetSessions } from '../../auth/sessions.js';
import { whoOf, writeAudit } from '../../audit/audit.js';
import { juvenileAccessGrants, roleGrants, users } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field });

function requireDistrictAdministrator(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'juvenile.grant');
  // Per-person access to juvenile records is given for the whole district, by a district-wide holder only.
  if (!isDistrictWide(ctx.actor, 'juvenile.grant')) throw new AppError('forbidden', 'Only a district-wide administrator gives juvenile-record access');
}

/** The people who hold juvenile-record access now (audited read). */
export async function listJuvenileAccess(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'juvenile.grant');
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ g: juvenileAccessGrants, name: users.name, email: users.email }).from(juvenileAccessGrants)
      .innerJoin(users, eq(users.id, juvenileAccessGrants.userId))
      .where(and(eq(juvenileAccessGrants.districtId, ctx.actor.districtId), isNull(juvenileAccessGrants.revokedAt)))
      .orderBy(users.name);
    await writeAudit(tx, whoOf(ctx), { type: 'juvenile_access.listed', detail: { count: rows.length } });
    return {
      items: rows.map(({ g, name, email }) => ({
        id: g.id, user: { id: g.userId, name, email }, reason: g.reason, grantedAt: g.grantedAt.toISOString(),
      })),
    };
  });
}

/** Gives a person of the district, whose role makes them eligible (SRO, supervisor), access to juvenile records. */
export async function grantJuvenileAccess(ctx: ServiceContext, input: { userId: string; reason: string }) {
  requireDistrictAdministrator(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, input.userId), eq(users.districtId, ctx.actor.districtId)));
    if (!user?.active) throw invalid('userId', 'no active user of your district');
    if (user.organizationId) throw invalid('userId', 'people of an outside organization never read juvenile law-enforcement records');
    const grants = await tx.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, user.id));
    if (!grants.some((g) => ROLE_PERMISSIONS[g.role].includes('incident.juvenile.read'))) {
      throw invalid('userId', 'holds no role that may read juvenile law-enforcement records (SRO or SRO supervisor)');
    }
    const [existing] = await tx.select().from(juvenileAccessGrants)
      .where(and(eq(juvenileAccessGrants.userId, user.id), isNull(juvenileAccessGrants.revokedAt)));
    if (existing) throw new AppError('conflict', 'This person already holds juvenile-record access');
    const now = ctx.clock.now();
    const [row] = await tx.insert(juvenileAccessGrants).values({
      districtId: ctx.actor.districtId, userId: user.id, reason: input.reason, grantedById: ctx.actor.userId, grantedAt: now,
    }).returning();
    await writeAudit(tx, whoOf(ctx), {
      type: 'juvenile_access.granted', subjectType: 'user', subjectId: user.id, detail: { grantId: row!.id, reason: input.reason },
    });
    return { id: row!.id, user: { id: user.id, name: user.name, email: user.email }, reason: row!.reason, grantedAt: now.toISOString() };
  });
  forgetSessions(input.userId);
  return result;
}

/** Revokes a grant; the person's open sessions lose the access at once. */
export async function revokeJuvenileAccess(ctx: ServiceContext, id: string) {
  requireDistrictAdministrator(ctx);
  const userId = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(juvenileAccessGrants)
      .where(and(eq(juvenileAccessGrants.id, id), eq(juvenileAccessGrants.districtId, ctx.actor.districtId), isNull(juvenileAccessGrants.revokedAt)));
    if (!row) throw notFound('Grant');
    await tx.update(juvenileAccessGrants).set({ revokedAt: ctx.clock.now(), revokedById: ctx.actor.userId }).where(eq(juvenileAccessGrants.id, id));
    await writeAudit(tx, whoOf(ctx), { type: 'juvenile_access.revoked', subjectType: 'user', subjectId: row.userId, detail: { grantId: id } });
    return row.userId;
  });
  forgetSessions(userId);
}
