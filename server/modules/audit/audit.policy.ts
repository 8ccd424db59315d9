import { requireSchool, scopeOf, type Actor, type Scope } from '../../auth/access.js';

/**
 * Where the actor may read the audit log: the whole district for district-wide readers, else the events
 * of their schools. A school filter outside that reads as a missing school.
 */
export function auditScope(actor: Actor, schoolId: string | undefined): Scope {
  if (schoolId) requireSchool(actor, 'audit.read', schoolId, 'School');
  return scopeOf(actor, 'audit.read');
}
