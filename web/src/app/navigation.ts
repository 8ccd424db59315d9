import { NAVIGATION, type NavItem } from '@common/navigation.ts';
import type { Permission } from '@common/permissions.ts';
import type { Role } from '@common/roles.ts';

/** The navigation groups in display order, each with the entries this user may open. */
export interface NavGroup {
  name: NavItem['group'];
  items: NavItem[];
}

const GROUP_ORDER: NavItem['group'][] = ['Work', 'Preparedness', 'Campus', 'Insight', 'Administration'];

/**
 * Built capabilities the user holds the permission for (or whose `alsoForRoles` names one of the user's
 * roles), grouped; capabilities not built yet never show.
 */
export function visibleNavigation(
  can: (permission: Permission) => boolean,
  roles: readonly Role[] = [],
): NavGroup[] {
  const items = NAVIGATION.filter(
    (item) =>
      item.built && (can(item.permission) || (item.alsoForRoles ?? []).some((r) => roles.includes(r))),
  );
  return GROUP_ORDER.map((name) => ({ name, items: items.filter((i) => i.group === name) })).filter(
    (g) => g.items.length > 0,
  );
}
