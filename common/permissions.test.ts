import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS } from './audit-events.js';
import { NAVIGATION } from './navigation.js';
import { PERMISSIONS, PERSONAL_PERMISSIONS, ROLE_PERMISSIONS, roleHas, type Permission } from './permissions.js';
import { CASE_DATA_ROLES, ROLES } from './roles.js';

describe('permission catalogue', () => {
  it('gives every role only permissions that exist in the catalogue', () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS, `${role}: ${p}`).toHaveProperty([p]);
    }
  });

  it('has no permission that no role (or, for a personal permission, no person) holds', () => {
    const held = new Set([...ROLES.flatMap((r) => ROLE_PERMISSIONS[r]), ...Object.keys(PERSONAL_PERMISSIONS)]);
    const orphans = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !held.has(p));
    expect(orphans).toEqual([]);
  });

  it('names permissions as dotted lower-case names', () => {
    for (const p of Object.keys(PERMISSIONS)) expect(p).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });

  it('keeps the roster away from SROs, security and staff (education record, need to know)', () => {
    for (const role of ['sro', 'security', 'staff', 'supervisor'] as const) {
      expect(roleHas(role, 'student.read'), role).toBe(false);
    }
    expect(roleHas('counselor', 'student.demographics.read')).toBe(false);
  });

  it('lets only the SRO supervisor, the director and the system administrator read the audit log', () => {
    expect(ROLES.filter((r) => roleHas(r, 'audit.read')).sort()).toEqual(['director', 'supervisor', 'sysadmin']);
  });

  it('lets only the SRO supervisor approve reports: not school roles, not the district director, not SROs', () => {
    expect(ROLES.filter((r) => roleHas(r, 'incident.approve'))).toEqual(['supervisor']);
  });

  it('keeps investigative records from school roles and juvenile records from the district director', () => {
    for (const role of ['school_admin', 'counselor', 'staff', 'security'] as const) {
      expect(roleHas(role, 'incident.read'), role).toBe(false);
      expect(roleHas(role, 'incident.narrative.read'), role).toBe(false);
    }
    expect(ROLES.filter((r) => roleHas(r, 'discipline.receive')).sort()).toEqual(['director', 'school_admin']);
    expect(ROLES.filter((r) => roleHas(r, 'incident.juvenile.read'))).toEqual([]);
  });

  it('gives juvenile records per person, never by role: no role map names a personal permission', () => {
    for (const permission of Object.keys(PERSONAL_PERMISSIONS) as Permission[]) {
      expect(ROLES.filter((r) => roleHas(r, permission)), permission).toEqual([]);
    }
    expect(PERSONAL_PERMISSIONS['incident.juvenile.read']).toBe('incident.read');
  });

  it('shows security assessments to administrators, SROs, security staff and the district only', () => {
    expect(ROLES.filter((r) => roleHas(r, 'assessment.read')).sort()).toEqual(['director', 'school_admin', 'security', 'sro', 'supervisor']);
  });

  it('lets every role that manages security systems, and staff, report an outage', () => {
    for (const role of ROLES.filter((r) => roleHas(r, 'security_system.manage'))) expect(roleHas(role, 'security_system.report'), role).toBe(true);
    expect(roleHas('staff', 'security_system.report')).toBe(true);
    expect(roleHas('staff', 'security_system.manage')).toBe(false);
  });

  it('lists case-data roles that really read case data', () => {
    for (const role of CASE_DATA_ROLES) {
      const reads = ['incident.read', 'threat.read', 'referral.read', 'tip.read'].some((p) => roleHas(role, p as Permission));
      expect(reads, role).toBe(true);
    }
  });
});

describe('navigation', () => {
  it('covers all 23 capabilities of the brief', () => {
    const covered = new Set(NAVIGATION.map((n) => n.capability));
    for (let c = 1; c <= 23; c++) {
      // 3 (investigations) lives inside calls & incidents
      if (c === 3) continue;
      expect(covered.has(c), `capability ${c}`).toBe(true);
    }
  });

  it('guards every entry with a catalogued permission and gives unique paths', () => {
    for (const item of NAVIGATION) expect(PERMISSIONS).toHaveProperty([item.permission]);
    expect(new Set(NAVIGATION.map((n) => n.path)).size).toBe(NAVIGATION.length);
  });
});

describe('audit events', () => {
  it('gives every event type a one-line meaning', () => {
    for (const [type, meaning] of Object.entries(AUDIT_EVENTS)) {
      expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(meaning.length).toBeGreaterThan(10);
      expect(meaning).not.toContain('\n');
    }
  });
});
