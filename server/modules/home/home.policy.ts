import { NEED_PRIORITIES, type NeedItem } from '../../../common/home.js';
import type { Role } from '../../../common/roles.js';
import { can, type Actor } from '../../auth/access.js';
import type { NeedsProvider } from './home.providers.js';

// Pure rules of the home: which providers speak to a user, and the order of what they found.

/** Providers whose permission the actor holds somewhere (and, when the provider names roles, with one of them). */
export function providersFor(actor: Actor, providers: readonly NeedsProvider[]): NeedsProvider[] {
  const roles = new Set<Role>(actor.grants.map((g) => g.role));
  return providers.filter((p) => can(actor, p.permission) && (!p.roles || p.roles.some((r) => roles.has(r))));
}

/** Most urgent first; within a priority the earliest due (or longest waiting) first; undated last. */
export function orderNeeds(items: NeedItem[]): NeedItem[] {
  const rank = (p: NeedItem['priority']) => NEED_PRIORITIES.indexOf(p);
  return [...items].sort((a, b) => rank(a.priority) - rank(b.priority)
    || (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.key.localeCompare(b.key));
}
