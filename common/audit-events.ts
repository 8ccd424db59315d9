/**
 * Every audit event type with its one-line meaning. The audit log is append-only; each event is written
 * in the same transaction as the change (or the read) it records.
 */
export const AUDIT_EVENTS = {
  'auth.sign_in': 'A user signed in',
  'auth.sign_in_failed': 'A sign-in attempt failed (wrong password, unknown e-mail or inactive account)',
  'auth.locked_out': 'An account was locked after repeated failed sign-ins',
  'auth.sign_out': 'A user signed out',
  'auth.mfa_failed': 'A wrong one-time code was given at sign-in',
  'auth.mfa_enrolled': 'A user turned on two-step sign-in',
  'auth.mfa_disabled': 'Two-step sign-in was turned off for a user',
  'auth.password_changed': 'A user changed their own password',
  'auth.password_reset': 'An administrator reset a user password',
  'district.updated': 'District settings or security policy changed',
  'school.created': 'A school was added',
  'school.updated': 'A school was changed',
  'school.viewed': 'A school record was read in full',
  'feeder.added': 'A feeder relation was added',
  'feeder.removed': 'A feeder relation was removed',
  'area.created': 'A campus area was added',
  'area.updated': 'A campus area was changed',
  'user.created': 'A user account was created',
  'user.updated': 'A user account was changed or deactivated',
  'role.granted': 'A role was granted to a user',
  'role.revoked': 'A role was revoked from a user',
  'assignment.created': 'An SRO was assigned to a school',
  'assignment.updated': 'An SRO assignment was changed or ended',
  'student.created': 'A student was added to the roster',
  'student.updated': 'A student record was changed',
  'student.viewed': 'A student record (education record) was read',
  'guardian.linked': 'A guardian was added or linked to a student',
  'guardian.updated': 'A guardian or their custody and pick-up permissions changed',
  'audit.exported': 'The audit log was exported',
  'seed.created': 'The demo district was seeded',
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENTS;
