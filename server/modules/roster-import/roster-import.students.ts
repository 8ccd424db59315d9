import { randomUUID } from 'node:crypto';
import type { RosterCounts } from '../../../common/roster-import.js';
import type { CsvRecord } from './csv-stream.js';
import { parseGrade, type Columns, type FileMode } from './roster-import.policy.js';
import type { RosterStudent, StudentRow } from './roster-import.repository.js';
import type { Demographics } from './roster-import.runner.js';

/** What the users phase knows about the students already on the roster and those read so far. */
export interface UserMatch {
  bySourcedId: Map<string, RosterStudent>;
  byNumber: Map<string, RosterStudent>;
  /** Existing students the file mentions (a bulk file marks the others inactive). */
  seen: Set<string>;
  sourcedLines: Map<string, number>;
  numberLines: Map<string, number>;
  /** Existing students a delta file marks `tobedeleted`. */
  inactivate: string[];
}

export interface UserRowContext {
  districtId: string;
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
  'sourcedId', 'studentNumber', 'schoolId', 'firstName', 'middleName', 'lastName', 'grade', 'dateOfBirth', 'sex', 'raceEthnicity',
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
 * rejected (then counted and reported with its line). Updates keep what OneRoster 1.1 does not carry (preferred
 * name, IDEA, 504, English learner).
 */
export function studentRowOf(ctx: UserRowContext, { line, fields }: CsvRecord): StudentRow | null {
  const get = (name: string) => ctx.cols.get(fields, name);
  if (get('role').toLowerCase() !== 'student') { ctx.counts.skipped++; return null; }
  const sourcedId = get('sourcedId');
  if (!sourcedId) return ctx.reject(line, '', 'sourcedId is empty');
  const earlier = ctx.match.sourcedLines.get(sourcedId);
  if (earlier) return ctx.reject(line, sourcedId, `sourcedId is already on line ${earlier}`);
  ctx.match.sourcedLines.set(sourcedId, line);
  const identifier = get('identifier');
  const found = matchOf(ctx, sourcedId, identifier);
  if (found === 'other') return ctx.reject(line, sourcedId, `student number ${identifier} (identifier) belongs to another student`);
  if (get('status').toLowerCase() === 'tobedeleted') {
    if (ctx.mode === 'delta' && found?.active) ctx.match.inactivate.push(found.id);
    else ctx.counts.skipped++;
    return null;
  }
  if (found) {
    if (ctx.match.seen.has(found.id)) return ctx.reject(line, sourcedId, `student number ${identifier} is already on line ${ctx.match.numberLines.get(identifier)}`);
    ctx.match.seen.add(found.id);
  }
  const studentNumber = identifier || found?.studentNumber;
  if (!studentNumber) return ctx.reject(line, sourcedId, 'identifier (the student number) is empty');
  const holder = ctx.match.byNumber.get(studentNumber);
  const numberLine = ctx.match.numberLines.get(studentNumber);
  if (numberLine) return ctx.reject(line, sourcedId, `student number ${studentNumber} is already on line ${numberLine}`);
  if (holder && holder.id !== found?.id) return ctx.reject(line, sourcedId, `student number ${studentNumber} belongs to another student`);
  ctx.match.numberLines.set(studentNumber, line);

  const firstName = get('givenName');
  const lastName = get('familyName');
  if (!firstName || !lastName) return ctx.reject(line, sourcedId, 'givenName and familyName are required');
  const orgIds = get('orgSourcedIds').split(',').map((s) => s.trim()).filter(Boolean);
  const school = orgIds.map((id) => ctx.schoolOf(id)).find((s) => s !== undefined);
  if (!school) return ctx.reject(line, sourcedId, `orgSourcedIds ${orgIds.join(',') || '(empty)'} names no school of the district`);
  const rawGrade = get('grades');
  const grade = rawGrade ? parseGrade(rawGrade) : (found?.grade ?? null);
  if (grade === null) return ctx.reject(line, sourcedId, rawGrade ? `grades ${rawGrade} is not a grade from PK to 12` : 'grades is empty');
  if (grade < school.gradeLow || grade > school.gradeHigh) {
    return ctx.reject(line, sourcedId, `grade ${gradeName(grade)} is outside the school's grades ${gradeName(school.gradeLow)} to ${gradeName(school.gradeHigh)}`);
  }
  const demo = ctx.demo.get(sourcedId);
  const dateOfBirth = demo?.dateOfBirth ?? found?.dateOfBirth ?? null;
  const sex = demo?.sex ?? found?.sex ?? null;
  const raceEthnicity = demo?.race ?? found?.raceEthnicity ?? null;
  const missing = [!dateOfBirth && 'birthDate', !sex && 'sex', !raceEthnicity && 'race/ethnicity'].filter(Boolean);
  if (!dateOfBirth || !sex || !raceEthnicity) return ctx.reject(line, sourcedId, `demographics.csv has no ${missing.join(', ')} for this student`);

  const row: StudentRow = {
    id: found?.id ?? randomUUID(), districtId: ctx.districtId, schoolId: school.id, sourcedId, studentNumber, firstName,
    middleName: get('middleName') || null, lastName, grade, dateOfBirth, sex, raceEthnicity, active: true,
    createdAt: ctx.now, updatedAt: ctx.now,
  };
  if (found) {
    if (found.active && COMPARED.every((key) => found[key] === row[key])) { ctx.counts.studentsUnchanged++; return null; }
    ctx.counts.studentsUpdated++;
  } else {
    ctx.counts.studentsCreated++;
  }
  return row;
}
