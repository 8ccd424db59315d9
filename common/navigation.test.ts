import { describe, expect, it } from 'vitest';
import { maySee, PERMISSION_CATEGORY } from './need-to-know.js';
import { navigationFor } from './navigation.js';
import { grantPermissions } from './permissions.js';
import { ROLES } from './roles.js';

// The web navigation never shows what the server refuses: every entry's permission is held (or its role extra applies)
// and its data category is one the need-to-know table lets the user see.
describe('navigation and need to know', () => {
  const cases = [...ROLES.map((role) => [role, false] as const), ...ROLES.map((role) => [role, true] as const)];

  it.each(cases)('%s (outsider: %s) sees only pages of categories it may see', (role, outsider) => {
    const held = grantPermissions(role, outsider);
    for (const item of navigationFor((p) => held.includes(p), [role], outsider)) {
      expect(maySee([role], outsider, PERMISSION_CATEGORY[item.permission]), item.path).toBe(true);
      expect(held.includes(item.permission) || (!outsider && item.alsoForRoles?.includes(role)), item.path).toBe(true);
    }
  });

  it('shows an outside organization\'s clinician its referrals, alerts, training, schools and partners only', () => {
    const held = grantPermissions('counselor', true);
    const paths = navigationFor((p) => held.includes(p), ['counselor'], true).map((i) => i.path).sort();
    expect(paths).toEqual(['/alerts', '/directory', '/schools', '/support', '/training']);
  });
});
