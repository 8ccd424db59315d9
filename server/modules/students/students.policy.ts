import { canAtSchool, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';
import type { StudentRow } from './students.repository.js';

function gradeLabel(grade: number): string {
  return grade === -1 ? 'Pre-K' : grade === 0 ? 'K' : String(grade);
}

const DEMOGRAPHICS = ['sex', 'raceEthnicity', 'idea', 'section504', 'englishLearner'] as const;

// Pre-K starts at 3 and special education may serve a student until 21 or 22: outside 2..25 is a typo.
const YOUNGEST_AGE = 2;
const OLDEST_AGE = 25;

/** True when the actor may see the CRDC demographics of students of `schoolId` (counselors may not). */
export function seesDemographics(actor: Actor, schoolId: string): boolean {
  return canAtSchool(actor, 'student.demographics.read', schoolId);
}

/** The student as the actor may see it: demographics removed unless held at the student's school. */
export function visibleStudent<T extends Pick<StudentRow, 'schoolId' | (typeof DEMOGRAPHICS)[number]>>(actor: Actor, row: T) {
  if (seesDemographics(actor, row.schoolId)) return row;
  const copy: Partial<T> = { ...row };
  for (const key of DEMOGRAPHICS) delete copy[key];
  return copy as Omit<T, (typeof DEMOGRAPHICS)[number]>;
}

/** A student's grade must be one the school teaches. */
export function checkGrade(school: { name: string; gradeLow: number; gradeHigh: number }, grade: number): void {
  if (grade < school.gradeLow || grade > school.gradeHigh) {
    throw new AppError('validation_failed',
      `${school.name} teaches grades ${gradeLabel(school.gradeLow)} to ${gradeLabel(school.gradeHigh)}, not ${gradeLabel(grade)}`,
      { field: 'grade' });
  }
}

function yearsBefore(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
}

/** A date of birth must lie in the past and give a school-age student; `today` is YYYY-MM-DD. */
export function checkDateOfBirth(dateOfBirth: string, today: string): void {
  const fail = (message: string) => new AppError('validation_failed', `dateOfBirth: ${message}`, { field: 'dateOfBirth' });
  if (dateOfBirth >= today) throw fail('must be in the past');
  if (dateOfBirth > yearsBefore(today, YOUNGEST_AGE)) throw fail(`gives a student younger than ${YOUNGEST_AGE}`);
  if (dateOfBirth < yearsBefore(today, OLDEST_AGE)) throw fail(`gives a student older than ${OLDEST_AGE}`);
}

/** New students go to open schools only. */
export function checkSchoolOpen(school: { name: string; active: boolean }): void {
  if (!school.active) throw new AppError('validation_failed', `${school.name} is closed`, { field: 'schoolId' });
}
