import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accountInvitations, users } from '../../db/schema/index.js';

/** The open invitation with this token hash (not used, not expired) and its account, or undefined. */
export async function findOpenInvitation(db: Db, tokenHash: string, now: Date) {
  const [row] = await db.select({ id: accountInvitations.id, userId: accountInvitations.userId, districtId: users.districtId, email: users.email, active: users.active })
    .from(accountInvitations).innerJoin(users, eq(users.id, accountInvitations.userId))
    .where(and(eq(accountInvitations.tokenHash, tokenHash), isNull(accountInvitations.usedAt), gt(accountInvitations.expiresAt, now)));
  return row;
}

/** Marks an invitation used; false when another request used it first (single use). */
export async function useInvitation(tx: Db, id: string, now: Date): Promise<boolean> {
  const rows = await tx.update(accountInvitations).set({ usedAt: now })
    .where(and(eq(accountInvitations.id, id), isNull(accountInvitations.usedAt))).returning({ id: accountInvitations.id });
  return rows.length === 1;
}

/** Sets the account's first password. */
export async function setPassword(tx: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: now }).where(eq(users.id, userId));
}
