import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, maySee, NEED_TO_KNOW, PERMISSION_CATEGORY, reachOf, VIEWERS, type DataCategory } from './need-to-know.js';
import { OUTSIDER_PERMISSIONS, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './permissions.js';
import { ROLES } from './roles.js';

const CATEGORIES = Object.keys(DATA_CATEGORIES) as DataCategory[];

describe('the need-to-know table', () => {
  it('lets every role see the category of every permission it holds (a permission the table refuses would be dead)', () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(reachOf(role, PERMISSION_CATEGORY[p]), `${role}: ${p}`).not.toBeNull();
    }
    for (const p of OUTSIDER_PERMISSIONS) expect(reachOf('outsider', PERMISSION_CATEGORY[p]), `outsider: ${p}`).not.toBeNull();
  });

  it('names no reach the permissions do not back (every entry is a real need)', () => {
    for (const category of CATEGORIES.filter((c) => c !== 'self' && c !== 'public')) {
      for (const viewer of VIEWERS.filter((v) => reachOf(v, category) !== null)) {
        const held: readonly Permission[] = viewer === 'outsider' ? OUTSIDER_PERMISSIONS : ROLE_PERMISSIONS[viewer];
        expect(held.some((p) => PERMISSION_CATEGORY[p] === category), `${viewer} sees ${category}`).toBe(true);
      }
    }
  });

  it('gives every permission of the catalogue a category', () => {
    expect(Object.keys(PERMISSION_CATEGORY).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it('keeps tips, the audit log, education records and police records from outside organizations', () => {
    for (const c of ['tip_content', 'audit', 'education', 'law_enforcement', 'administration'] as const) {
      expect(maySee(['director'], true, c), c).toBe(false);
      expect(NEED_TO_KNOW[c].reach.outsider, c).toBeUndefined();
    }
    expect(maySee(['counselor'], true, 'health_counseling')).toBe(true);
    expect(reachOf('outsider', 'health_counseling')).toBe('involved');
  });

  it('keeps tips from security, staff and the system administrator, and the roster from SROs beyond their cases', () => {
    for (const role of ['security', 'staff', 'sysadmin'] as const) expect(maySee([role], false, 'tip_content'), role).toBe(false);
    expect(reachOf('sro', 'education')).toBe('involved');
    expect(maySee([], false, 'self')).toBe(true);
  });
});
