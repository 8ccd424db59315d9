import { isNull, type SQL } from 'drizzle-orm';
import { OUTSIDER_PERMISSIONS, type Permission } from '../../common/permissions.js';
import { users } from '../db/schema/index.js';

/**
 * The condition a query for "users whose role holds `permission`" adds (joined to `users`): an outside organization's
 * staff hold only OUTSIDER_PERMISSIONS whatever their role, so e-mail to a school's tip team or a threat-team pick list
 * must leave them out exactly as `can` does. Undefined when outsiders keep the permission.
 */
export function outsiderCut(permission: Permission): SQL | undefined {
  return OUTSIDER_PERMISSIONS.includes(permission) ? undefined : isNull(users.organizationId);
}
