import { z } from 'zod';

/*
 * The API contract of the OneRoster 1.1 CSV roster import (capability 23).
 *
 * | method | path                 | permission | what it does |
 * |--------|----------------------|------------|--------------|
 * | POST   | /roster-imports      | import.run | Body: the package as a zip (Content-Type application/zip, at most ROSTER_LIMITS.maxZipBytes). The files' headers and the manifest are checked at once: 400 validation_failed with `field` = "<file>:<header>" (e.g. "users.csv:givenName") and a message naming both. Otherwise 202 RosterImportJob (status running); the import goes on in the background → poll GET /roster-imports/:id. 409 conflict while another import of the district runs |
 * | GET  | /roster-imports      | import.run | Recent imports of my district, newest first → { items: RosterImportJob[] } |
 * | GET  | /roster-imports/:id  | import.run | One import with progress, counts and the rejected rows → RosterImportReport |
 *
 * Separate CSV files: the web page packs the files the user picked into a zip (fflate `zipSync`, level 0) and sends
 * that; the command line (`npm run import:roster -- <zip | folder | files...>`) reads a zip, a folder or files.
 *
 * Package: manifest.csv (propertyName,value; oneroster.version 1.1, file.<name> = bulk | delta | absent), orgs.csv and
 * users.csv required; enrollments.csv and demographics.csv optional. Headers are matched by name in any order;
 * unknown headers are ignored. A structural problem (missing file or required header, unreadable zip, broken CSV
 * quoting, wrong manifest) fails the whole import: nothing is written. A bad row (unknown org, missing name, grade
 * outside the school's span, duplicate...) is rejected with its file and line and the import goes on.
 *
 * Students: users with role student. Matched to the roster by sourcedId, else by student number (users.identifier);
 * a re-import updates, never duplicates. With users.csv `bulk`, students of the district absent from the file are
 * marked inactive (never deleted); with `delta`, status `tobedeleted` marks one inactive. Orgs of type school map to
 * schools by NCES id (org identifier, or sourcedId). Demographics fill birth date, sex and race/ethnicity (CRDC
 * rules: Hispanic/Latino first, then two or more races); a new student without them is rejected. Enrollments of
 * students are kept per class (replaced by a bulk enrollments.csv). Progress on a running job: processed/total in
 * bytes of CSV read (on the embedded database the poll answers once the import's transaction ends).
 */

export const ROSTER_LIMITS = {
  /** Largest zip accepted by the upload. */
  maxZipBytes: 200 * 1024 * 1024,
  /** Rejected rows kept in the report (the count is always exact). */
  maxRejectionsKept: 5000,
} as const;

export const ROSTER_FILES = ['manifest.csv', 'orgs.csv', 'users.csv', 'enrollments.csv', 'demographics.csv'] as const;
export type RosterFile = (typeof ROSTER_FILES)[number];
/** Headers each file must have (others are optional or ignored). */
export const ROSTER_REQUIRED_HEADERS: Record<RosterFile, readonly string[]> = {
  'manifest.csv': ['propertyName', 'value'],
  'orgs.csv': ['sourcedId', 'name', 'type'],
  'users.csv': ['sourcedId', 'role', 'givenName', 'familyName', 'orgSourcedIds'],
  'enrollments.csv': ['sourcedId', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role'],
  'demographics.csv': ['sourcedId', 'birthDate', 'sex'],
};

export const ROSTER_JOB_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RosterJobStatus = (typeof ROSTER_JOB_STATUSES)[number];
export const ROSTER_PHASES = ['checking', 'orgs', 'demographics', 'users', 'enrollments', 'finishing', 'done'] as const;
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
});
export type RosterCounts = z.infer<typeof rosterCountsSchema>;

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
