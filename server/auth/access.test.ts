import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { can, canAtSchool, requirePermission, requireSchool, scopeOf, type Actor } from './access.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function actor(grants: Actor['grants']): Actor {
  return { userId: 'u', districtId: 'd', name: 'N', email: 'n@x.test', grants, timeZone: 'UTC' };
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
    expect(() => requireSchool(a, 'student.read', B, 'Student')).toThrow(AppError);
    try {
      requireSchool(a, 'student.read', B, 'Student');
    } catch (error) {
      expect((error as AppError).code).toBe('not_found');
    }
    expect(() => requireSchool(a, 'student.read', A, 'Student')).not.toThrow();
    try {
      requirePermission(a, 'audit.read');
    } catch (error) {
      expect((error as AppError).code).toBe('forbidden');
    }
  });

  it('gives a user without grants nothing', () => {
    const a = actor([]);
    expect(can(a, 'school.read')).toBe(false);
    expect(scopeOf(a, 'school.read')).toEqual({ all: false, schoolIds: [] });
  });
});
