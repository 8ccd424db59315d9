import type { HomePage } from '../../../common/home.js';
import { scopeOf } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { timeOf } from '../../lib/district-time.js';
import { orderNeeds, providersFor } from './home.policy.js';
import { HOME_PROVIDERS } from './home.roles.js';

/**
 * What needs the signed-in user today: every provider the user's roles reach, each scoped by its permission's
 * schools exactly like the module's own list, ordered by priority and due time. Counts only, no case data,
 * so nothing here is audited as a read.
 */
export async function findNeeds(ctx: ServiceContext): Promise<HomePage> {
  const time = timeOf(ctx);
  const today = time.today();
  const found = await Promise.all(providersFor(ctx.actor, HOME_PROVIDERS).map((p) =>
    p.find({ db: ctx.db, actor: ctx.actor, scope: scopeOf(ctx.actor, p.permission), time, today })));
  return { today, timeZone: time.timeZone, items: orderNeeds(found.flat()) };
}
