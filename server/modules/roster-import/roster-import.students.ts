import { randomUUID } from 'node:crypto';
import type { RosterCounts } from '../../../common/roster-import.js';
import type { CsvRecord } from './csv-stream.js';
import { parseGrade, type Columns, type FileMode, type RaceEthnicity, type StudentSex } from './roster-import.policy.js';
import type { RosterStudent, StudentRow } from './roster-import.repository.js';

/** What the users phase knows about the students already on the roster and those read so far. */
/** What demographics.csv says of one student (each part optional in OneRoster 1.1). */
export interface Demographics { dateOfBirth: string | null; sex: StudentSex | null; race: RaceEthnicity | null }

export interface UserMatch {
  bySourcedId: Map<string, RosterStudent>;
  byNumber: Map<string, RosterStudent>;
  /** Existing students the file mentions (a bulk file marks the others inactive). */
  seen: Set<string>;
  sourcedLines: Map<string, number>;
  numberLines: Map<string, number>;
  /** Existing students a delta file marks `tobedeleted`. */
  inactivate: RosterStudent[];
}

/** A user's role and orgs: users.csv role and orgSourcedIds (1.1) or the user's rows of roles.csv (1.2). */
export interface UserRoles { role: string; orgIds: string[] }

export interface UserRowContext {
  districtId: string;
  rolesOf(sourcedId: string, fields: string[]): UserRoles;
  /** Keeps the previous values of an existing student this row changes (null: the row creates the student). */
  changed(studentId: string, before: RosterStudent | null): void;
  now: Date;
  mode: FileMode;
  cols: Columns;
  match: UserMatch;
  demo: Map<string, Demographics>;
  counts: RosterCounts;
  schoolOf(orgSourcedId: string): { id: string; gradeLow: number; gradeHigh: number } | undefined;
  reject(line: number, sourcedId: string, reason: string): null;
}

const COMPARED = [
  'sourcedId', 'studentNumber', 'schoolId', 'firstName', 'middleName', 'lastName', 'preferredName', 'grade', 'dateOfBirth', 'sex',
  'raceEthnicity',
] as const;

function gradeName(grade: number): string {
  return grade === -1 ? 'PK' : grade === 0 ? 'KG' : String(grade);
}

/** The existing student a row stands for: by sourcedId, else by student number (identifier). */
function matchOf(ctx: UserRowContext, sourcedId: string, number: string): RosterStudent | undefined | 'other' {
  const bySourced = ctx.match.bySourcedId.get(sourcedId);
  if (bySourced) return bySourced;
  const byNumber = number ? ctx.match.byNumber.get(number) : undefined;
  // A roster student already tied to another sourcedId is another person holding this number.
  if (byNumber?.sourcedId && byNumber.sourcedId !== sourcedId) return 'other';
  return byNumber;
}

/**
 * The student row a users.csv record writes, or null when the record is not a student, is unchanged, or is
 * rejected (then counted and reported with its line). Updates keep what OneRoster does not carry (IDEA, 504,
 * English learner) and what a row leaves empty that the roster already knows (grade, demographics).
 */
export function studentRowOf(ctx: UserRowContext, { line, fields }: CsvRecord): StudentRow | null {
  const get = (name: string) => ctx.cols.get(fields, name);
  const sourcedId = get('sourcedId');
  const { role, orgIds } = ctx.rolesOf(sourcedId, fields);
  if (role !== 'student') { ctx.counts.skipped++; return null; }
  if (!sourcedId) return ctx.reject(line, '', 'sourcedId is empty');
  const earlier = ctx.match.sourcedLines.get(sourcedId);
  if (earlier) return ctx.reject(line, sourcedId, `sourcedId is already on line ${earlier}`);
  ctx.match.sourcedLines.set(sourcedId, line);
  // 1.2 userMasterIdentifier (the state id) stands in for an empty local identifier.
  const identifier = get('identifier') || get('userMasterIdentifier');
  const found = matchOf(ctx, sourcedId, identifier);
  if (found === 'other') return ctx.reject(line, sourcedId, `student number ${identifier} (identifier) belongs to another student`);
  if (get('status').toLowerCase() === 'tobedeleted') {
    if (ctx.mode === 'delta' && found?.active) ctx.match.inactivate.push(found);
    else ctx.counts.skipped++;
    return null;
  }
  if (found) {
    if (ctx.match.seen.has(found.id)) return ctx.reject(line, sourcedId, `student number ${identifier} is already on line ${ctx.match.numberLines.get(identifier)}`);
    ctx.match.seen.add(found.id);
  }
  // OneRoster makes identifier optional: the sourcedId, unique in the package, then stands for the student number.
  const studentNumber = identifier || found?.studentNumber || sourcedId;
  const holder = ctx.match.byNumber.get(studentNumber);
  const numberLine = ctx.match.numberLines.get(studentNumber);
  if (numberLine) return ctx.reject(line, sourcedId, `student number ${studentNumber} is already on line ${numberLine}`);
  if (holder && holder.id !== found?.id) return ctx.reject(line, sourcedId, `student number ${studentNumber} belongs to another student`);
  ctx.match.numberLines.set(studentNumber, line);

  const firstName = get('givenName');
  const lastName = get('familyName');
  if (!firstName || !lastName) return ctx.reject(line, sourcedId, 'givenName and familyName are required');
  const school = orgIds.map((id) => ctx.schoolOf(id)).find((s) => s !== undefined);
  if (!school) return ctx.reject(line, sourcedId, `orgSourcedIds ${orgIds.join(',') || '(empty)'} names no school of the district`);
  const rawGrade = get('grades');
  const grade = (rawGrade ? parseGrade(rawGrade) : null) ?? found?.grade ?? null;
  if (grade !== null && (grade < school.gradeLow || grade > school.gradeHigh)) {
    return ctx.reject(line, sourcedId, `grade ${gradeName(grade)} is outside the school's grades ${gradeName(school.gradeLow)} to ${gradeName(school.gradeHigh)}`);
  }
  const demo = ctx.demo.get(sourcedId);
  const dateOfBirth = demo?.dateOfBirth ?? found?.dateOfBirth ?? null;
  const sex = demo?.sex ?? found?.sex ?? null;
  const raceEthnicity = demo?.race ?? found?.raceEthnicity ?? null;
  const preferredName = get('preferredGivenName') || get('preferredFirstName') || found?.preferredName || null;

  const row: StudentRow = {
    id: found?.id ?? randomUUID(), districtId: ctx.districtId, schoolId: school.id, sourcedId, studentNumber, firstName,
    middleName: get('middleName') || null, lastName, preferredName, grade, dateOfBirth, sex, raceEthnicity, active: true,
    createdAt: ctx.now, updatedAt: ctx.now,
  };
  if (!identifier && studentNumber === sourcedId) ctx.counts.studentsWithoutNumber++;
  if (grade === null) ctx.counts.studentsWithoutGrade++;
  if (!dateOfBirth || !sex || !raceEthnicity) ctx.counts.studentsWithoutDemographics++;
  if (found) {
    if (found.active && COMPARED.every((key) => found[key] === row[key])) { ctx.counts.studentsUnchanged++; return null; }
    ctx.counts.studentsUpdated++;
  } else {
    ctx.counts.studentsCreated++;
  }
  ctx.changed(row.id, found ?? null);
  return row;
}
