import { describe, expect, it } from 'vitest';
import { can, canAtSchool, permissionsOf, requirePermission, requireSchool, scopeOf, type Actor } from './access.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function actor(grants: Actor['grants']): Actor {
  return { userId: 'u', districtId: 'd', name: 'N', email: 'n@x.test', grants, timeZone: 'UTC', organizationId: null };
}

describe('access', () => {
  it('scopes a permission to the schools of the grants whose role holds it', () => {
    const a = actor([{ role: 'counselor', schoolId: A }, { role: 'staff', schoolId: B }]);
    expect(scopeOf(a, 'student.read')).toEqual({ all: false, schoolIds: [A] });
    expect(scopeOf(a, 'plan.read')).toEqual({ all: false, schoolIds: [A, B] });
  });

  it('makes a district-wide grant reach every school', () => {
    const a = actor([{ role: 'staff', schoolId: A }, { role: 'director', schoolId: null }]);
    expect(scopeOf(a, 'school.read')).toEqual({ all: true });
    expect(canAtSchool(a, 'school.read', B)).toBe(true);
  });

  it('answers a record outside the scope as not found, and a permission held nowhere as forbidden', () => {
    const a = actor([{ role: 'school_admin', schoolId: A }]);
    expect(() => requireSchool(a, 'student.read', B, 'Student')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => requireSchool(a, 'student.read', A, 'Student')).not.toThrow();
    expect(() => requirePermission(a, 'audit.read')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => requirePermission(a, 'student.read')).not.toThrow();
  });

  it('gives a user without grants nothing', () => {
    const a = actor([]);
    expect(can(a, 'school.read')).toBe(false);
    expect(scopeOf(a, 'school.read')).toEqual({ all: false, schoolIds: [] });
  });

  it('cuts an outside organization\'s grants to the outsider permissions, whatever the role', () => {
    const outsider: Actor = { ...actor([{ role: 'counselor', schoolId: A }]), organizationId: 'org' };
    expect(can(outsider, 'referral.manage')).toBe(true);
    expect(can(outsider, 'alert.receive')).toBe(true);
    for (const p of ['student.read', 'tip.read', 'support.log', 'threat.read', 'counseling.receive'] as const) {
      expect(can(outsider, p), p).toBe(false);
      expect(scopeOf(outsider, p), p).toEqual({ all: false, schoolIds: [] });
    }
    expect(permissionsOf(outsider)).not.toContain('student.read');
    const director: Actor = { ...actor([{ role: 'director', schoolId: null }]), organizationId: 'org' };
    expect(scopeOf(director, 'audit.read')).toEqual({ all: false, schoolIds: [] });
  });
});
