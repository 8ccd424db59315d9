import { navigationFor, type NavItem } from '@common/navigation.ts';
import type { Permission } from '@common/permissions.ts';
import type { Role } from '@common/roles.ts';

/** The navigation groups in display order, each with the entries this user may open. */
export interface NavGroup {
  name: NavItem['group'];
  items: NavItem[];
}

const GROUP_ORDER: NavItem['group'][] = ['Work', 'Preparedness', 'Campus', 'Insight', 'Administration'];

/**
 * The entries the user may open (`navigationFor`: permission, role extras, the need-to-know table), grouped;
 * capabilities not built yet never show.
 */
export function visibleNavigation(
  can: (permission: Permission) => boolean,
  roles: readonly Role[] = [],
  outsider = false,
): NavGroup[] {
  const items = navigationFor(can, roles, outsider);
  return GROUP_ORDER.map((name) => ({ name, items: items.filter((i) => i.group === name) })).filter(
    (g) => g.items.length > 0,
  );
}
