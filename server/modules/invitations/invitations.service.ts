import { writeAudit } from '../../audit/audit.js';
import { hashPassword } from '../../auth/passwords.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { tokenHash } from '../roster-import/roster-import.staff.js';
import * as repo from './invitations.repository.js';

/**
 * Sets the first password of an account from its invitation link. Unknown, used, expired tokens and deactivated
 * accounts answer alike (404), so the route tells nothing about which tokens exist. Single use: the invitation is
 * marked used in the transaction that sets the password, which is audited.
 */
export async function acceptInvitation(db: Db, clock: Clock, input: { token: string; password: string }, requestId: string): Promise<void> {
  const now = clock.now();
  const found = await repo.findOpenInvitation(db, tokenHash(input.token), now);
  if (!found || !found.active) throw notFound('Invitation');
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    if (!(await repo.useInvitation(tx, found.id, now))) throw notFound('Invitation');
    await repo.setPassword(tx, found.userId, passwordHash, now);
    await writeAudit(tx, { label: found.email, districtId: found.districtId, requestId }, {
      type: 'account.invitation_accepted', subjectType: 'user', subjectId: found.userId,
    });
  });
}
