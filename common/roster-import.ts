import { z } from 'zod';

/*
 * The API contract of the OneRoster 1.1 and 1.2 CSV roster import (capability 23).
 *
 * | method | path                 | permission | what it does |
 * |--------|----------------------|------------|--------------|
 * | POST   | /roster-imports      | import.run | Body: the package as a zip (Content-Type application/zip, at most ROSTER_LIMITS.maxZipBytes). The files' headers and the manifest are checked at once: 400 validation_failed with `field` = "<file>:<header>" (e.g. "users.csv:givenName") and a message naming both. Otherwise 202 RosterImportJob (status running); the import goes on in the background → poll GET /roster-imports/:id. 409 conflict while another import of the district runs. `?confirm=true` accepts the numbers a previous attempt stopped on (status needs_confirmation) |
 * | POST   | /roster-imports/:id/undo | import.run | Puts back what the sync changed (students, enrollments): only the district's latest sync that is not undone, within ROSTER_LIMITS.undoDays → RosterImportJob (undoneAt set). 409 conflict otherwise |
 * | GET    | /roster-imports/settings | import.run | The district's sync settings → RosterSettings |
 * | PATCH  | /roster-imports/settings | import.run | Changes them (audited) → RosterSettings |
 * | GET  | /roster-imports      | import.run | Recent imports of my district, newest first → { items: RosterImportJob[] } |
 * | GET  | /roster-imports/:id  | import.run | One import with progress, counts and the rejected rows → RosterImportReport |
 *
 * Separate CSV files: the web page packs the files the user picked into a zip (fflate `zipSync`, level 0) and sends
 * that; the command line (`npm run import:roster -- <zip | folder | files...>`) reads a zip, a folder or files.
 *
 * Package: manifest.csv (propertyName,value; oneroster.version 1.1 or 1.2, file.<name> = bulk | delta | absent), orgs.csv
 * and users.csv required (1.2: roles.csv too, which carries each user's role and orgs instead of users.csv role and
 * orgSourcedIds); enrollments.csv and demographics.csv optional. Headers are matched by name in any order;
 * unknown headers are ignored. A structural problem (missing file or required header, unreadable zip, broken CSV
 * quoting, wrong manifest) fails the whole import: nothing is written. A bad row (unknown org, missing name, grade
 * outside the school's span, duplicate...) is rejected with its file and line and the import goes on.
 *
 * Students: users with role student (1.2: a primary or secondary role `student` in roles.csv). Matched to the roster by
 * sourcedId, else by student number (users.identifier; 1.2 userMasterIdentifier when identifier is empty); a re-import
 * updates, never duplicates. What OneRoster makes optional never loses a student: without identifier the sourcedId is
 * the student number, without grades or demographics the student is imported with them empty (kept from the roster
 * when already known) and the counts say how many miss what. 1.2 preferredGivenName (or preferredFirstName) fills the
 * preferred name. With users.csv `bulk`, students of the district absent from the file are
 * marked inactive (never deleted); with `delta`, status `tobedeleted` marks one inactive. Orgs of type school map to
 * schools by NCES id (org identifier, or sourcedId). Demographics fill birth date, sex and race/ethnicity (CRDC
 * rules: Hispanic/Latino first, then two or more races); 1.2 sex `unspecified` leaves sex empty. Enrollments of
 * students are kept per class (replaced by a bulk enrollments.csv). Progress on a running job: processed/total in
 * bytes of CSV read (on the embedded database the poll answers once the import's transaction ends).
 *
 * A bad package never wipes a district: a sync whose orgs matched no school of the district, or that would mark
 * inactive more than the district's threshold (RosterSettings.deactivateThresholdPct of the active students, default
 * 5%), stops before anything is written: the job ends `needs_confirmation` with the numbers in `confirmation`; the
 * same package sent again with `?confirm=true` goes through. Every sync stores what it changed (the previous values
 * of updated and inactivated students, the enrollments it replaced or removed) so it can be undone for 30 days.
 */

export const ROSTER_LIMITS = {
  /** Largest zip accepted by the upload. */
  maxZipBytes: 200 * 1024 * 1024,
  /** Rejected rows kept in the report (the count is always exact). */
  maxRejectionsKept: 5000,
  /** Days during which a sync can be undone. */
  undoDays: 30,
  /** Default share of active students a sync may mark inactive without confirmation. */
  deactivateThresholdPct: 5,
} as const;

export const ONEROSTER_VERSIONS = ['1.1', '1.2'] as const;
export type OneRosterVersion = (typeof ONEROSTER_VERSIONS)[number];

export const ROSTER_FILES = [
  'manifest.csv', 'orgs.csv', 'users.csv', 'roles.csv', 'classes.csv', 'enrollments.csv', 'demographics.csv',
] as const;
export type RosterFile = (typeof ROSTER_FILES)[number];
/** Headers each file must have in OneRoster 1.1 (others are optional or ignored). */
export const ROSTER_REQUIRED_HEADERS: Record<RosterFile, readonly string[]> = {
  'manifest.csv': ['propertyName', 'value'],
  'orgs.csv': ['sourcedId', 'name', 'type'],
  'users.csv': ['sourcedId', 'role', 'givenName', 'familyName', 'orgSourcedIds'],
  'roles.csv': ['userSourcedId', 'roleType', 'role', 'orgSourcedId'],
  'classes.csv': ['sourcedId', 'title', 'schoolSourcedId'],
  'enrollments.csv': ['sourcedId', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role'],
  'demographics.csv': ['sourcedId'],
};
/** OneRoster 1.2 moves users.csv role and orgSourcedIds to roles.csv. */
export const ROSTER_REQUIRED_HEADERS_12: Record<RosterFile, readonly string[]> = {
  ...ROSTER_REQUIRED_HEADERS,
  'users.csv': ['sourcedId', 'givenName', 'familyName'],
};

export const ROSTER_JOB_STATUSES = ['running', 'succeeded', 'failed', 'needs_confirmation'] as const;
export type RosterJobStatus = (typeof ROSTER_JOB_STATUSES)[number];
export const ROSTER_PHASES = ['checking', 'orgs', 'roles', 'classes', 'demographics', 'users', 'enrollments', 'finishing', 'done'] as const;
export type RosterPhase = (typeof ROSTER_PHASES)[number];

export const rosterCountsSchema = z.object({
  schoolsMatched: z.number().int(),
  studentsCreated: z.number().int(),
  studentsUpdated: z.number().int(),
  studentsUnchanged: z.number().int(),
  studentsInactivated: z.number().int(),
  enrollments: z.number().int(),
  skipped: z.number().int().describe('Rows not about students (teachers, parents...) left aside on purpose'),
  rejected: z.number().int(),
  studentsWithoutNumber: z.number().int().describe('Imported without identifier: the sourcedId is their student number'),
  studentsWithoutGrade: z.number().int().describe('Imported without a grade (grades empty or not PK to 12)'),
  studentsWithoutDemographics: z.number().int().describe('Imported without birth date, sex or race/ethnicity'),
  enrollmentsRemoved: z.number().int(),
  staffCreated: z.number().int(),
  staffUpdated: z.number().int(),
  staffInactivated: z.number().int(),
  invitationsQueued: z.number().int().describe('Set-password invitations e-mailed to accounts the sync created'),
  classes: z.number().int(),
  teacherAssignments: z.number().int().describe('Teachers of classes (enrollments.csv role teacher)'),
  guardiansCreated: z.number().int(),
  guardiansUpdated: z.number().int(),
  guardianLinks: z.number().int().describe('New student-guardian ties from agentSourcedIds'),
});
export type RosterCounts = z.infer<typeof rosterCountsSchema>;

export const rosterConfirmationSchema = z.object({
  reasons: z.array(z.enum(['no_school_matched', 'too_many_inactivated'])),
  schoolsMatched: z.number().int(),
  activeStudents: z.number().int().describe('Active students of the district before the sync'),
  studentsToInactivate: z.number().int(),
  activeStaff: z.number().int().describe('Active staff accounts the sync keeps, before the sync'),
  staffToInactivate: z.number().int(),
  thresholdPct: z.number(),
});
export type RosterConfirmation = z.infer<typeof rosterConfirmationSchema>;

/** OneRoster roles that make staff accounts (1.1 and 1.2 names). */
export const ONEROSTER_STAFF_ROLES = [
  'teacher', 'administrator', 'aide', 'proctor', 'principal', 'siteAdministrator', 'districtAdministrator', 'counselor',
] as const;
export type OneRosterStaffRole = (typeof ONEROSTER_STAFF_ROLES)[number];
/** SRO Desk roles an imported account may get (police and district roles are never granted from a SIS file). */
export const IMPORTABLE_ROLES = ['staff', 'school_admin', 'counselor', 'security'] as const;
export type ImportableRole = (typeof IMPORTABLE_ROLES)[number];
/** The mapping a district starts with: null leaves the role out of the sync. */
export const DEFAULT_ROLE_MAP: Record<OneRosterStaffRole, ImportableRole | null> = {
  teacher: 'staff', aide: 'staff', proctor: 'staff', administrator: 'school_admin', principal: 'school_admin',
  siteAdministrator: 'school_admin', districtAdministrator: null, counselor: 'counselor',
};

export const rosterSettingsSchema = z.object({
  deactivateThresholdPct: z.number().min(0).max(100)
    .describe('A sync marking inactive more than this share of active students (or staff) stops for confirmation'),
  roleMap: z.record(z.enum(ONEROSTER_STAFF_ROLES), z.enum(IMPORTABLE_ROLES).nullable())
    .describe('OneRoster role → SRO Desk role granted at the user\'s schools; null: accounts of that role are not imported'),
});
export type RosterSettings = z.infer<typeof rosterSettingsSchema>;

/*
 * Invitations (public, no session):
 * | POST | /auth/invitations/accept | public | { token, password } → 204: sets the first password of an account the roster
 *   sync created. The token is single use and good for 7 days; unknown, used or expired → 404 not_found (alike) |
 */
export const INVITATION_DAYS = 7;

/*
 * The teacher's class list at an alert (the check-in starts "students with me" from it):
 * | GET | /alerts/:id/my-classes | alert.receive | My active classes at the alert's schools where I receive alerts, each with
 *   its active students, ordered by period → { items: TeacherClass[] }; an alert I cannot see → 404 |
 */
export const teacherClassSchema = z.object({
  sourcedId: z.string(),
  schoolId: z.uuid(),
  title: z.string(),
  classCode: z.string().nullable(),
  periods: z.string().nullable().describe('As the SIS writes them (e.g. "1", "2-3")'),
  students: z.array(z.object({ id: z.uuid(), name: z.string(), grade: z.number().int().nullable() })),
});
export type TeacherClass = z.infer<typeof teacherClassSchema>;

export const rosterImportJobSchema = z.object({
  id: z.uuid(),
  status: z.enum(ROSTER_JOB_STATUSES),
  phase: z.enum(ROSTER_PHASES),
  fileName: z.string(),
  startedBy: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('null when run from the command line'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  processed: z.number().int().describe('Bytes of CSV read so far'),
  total: z.number().int().describe('Bytes of CSV in the package'),
  rows: z.number().int().describe('CSV rows read so far'),
  counts: rosterCountsSchema,
  error: z.object({ message: z.string(), file: z.string().nullable(), line: z.number().int().nullable() }).nullable()
    .describe('Why a failed import wrote nothing'),
  version: z.enum(ONEROSTER_VERSIONS).nullable().describe('OneRoster version read from manifest.csv'),
  confirmation: rosterConfirmationSchema.nullable().describe('Why the sync stopped before writing (status needs_confirmation)'),
  undoneAt: z.string().nullable(),
  undoableUntil: z.string().nullable().describe('Until when POST /roster-imports/:id/undo is allowed (succeeded syncs)'),
});
export type RosterImportJob = z.infer<typeof rosterImportJobSchema>;

export const rosterRejectionSchema = z.object({
  file: z.enum(ROSTER_FILES),
  line: z.number().int().describe('1 is the header line'),
  sourcedId: z.string().nullable(),
  reason: z.string(),
});
export type RosterRejection = z.infer<typeof rosterRejectionSchema>;

export const rosterImportReportSchema = rosterImportJobSchema.extend({
  rejections: z.array(rosterRejectionSchema).describe('In file order; at most ROSTER_LIMITS.maxRejectionsKept'),
});
export type RosterImportReport = z.infer<typeof rosterImportReportSchema>;
