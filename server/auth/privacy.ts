import { CATEGORY_LABELS, PERMISSION_CATEGORY, reachOfRole, type DataCategory, type Reach } from '../../common/privacy.js';
import type { Permission } from '../../common/permissions.js';
import { AppError } from '../lib/errors.js';
import type { Actor } from './access.js';

const RANK: Record<Reach, number> = { none: 0, organization: 1, involved: 2, grant: 3 };

/** The category a route returns: its declared `config.category`, else its permission's category. */
export function routeCategory(config: { category?: DataCategory; permission?: Permission }): DataCategory | undefined {
  return config.category ?? (config.permission ? PERMISSION_CATEGORY[config.permission] : undefined);
}

/** How far the actor reaches into a category: the widest of their grants, capped for an outside organization. */
export function reachOf(actor: Actor, category: DataCategory): Reach {
  let best: Reach = 'none';
  for (const g of actor.grants) {
    const reach = reachOfRole(g.role, category, Boolean(actor.organizationId));
    if (RANK[reach] > RANK[best]) best = reach;
  }
  return best;
}

/**
 * The route-level need-to-know check (one place for every route): 403 when the actor's roles do not reach the
 * route's category, or reach it only for their organization and the route does not filter by organization.
 */
export function requireCategory(actor: Actor, category: DataCategory, organizationScoped: boolean): void {
  const reach = reachOf(actor, category);
  if (reach === 'none' || (reach === 'organization' && !organizationScoped)) {
    throw new AppError('forbidden', `Your role does not need to know ${CATEGORY_LABELS[category].label.toLowerCase()} of this kind`);
  }
}
