import type { ArrestInput, ClearanceInput, NibrsIssue, PropertyInput } from '../../../common/incidents.js';
import { nibrsOffense } from '../../../common/nibrs.js';

/**
 * A report as the NIBRS edits see it: one shape built from a save's input (persons and offenses by index) or
 * from stored rows (the submission file). Students carry the roster's facts in `roster` (never entered).
 */
export interface NibrsReport {
  locationCode: string;
  /** The incident's local date, YYYY-MM-DD. */
  occurredOn: string;
  offenses: {
    kind: 'nibrs' | 'school';
    code: string | null;
    attempted: boolean;
    weaponForce: string[];
    offenderUsing: string[];
    bias: string[];
    criminalActivity: string[];
    locationCode: string | null;
  }[];
  persons: {
    role: 'victim' | 'suspect' | 'witness' | 'reporting_party';
    student: boolean;
    /** Roster facts of a student: age in years at the incident, NIBRS sex/race/ethnicity. */
    /** Age null when the roster has no date of birth (OneRoster makes demographics optional). */
    roster: { age: number | null; sex: string; race: string; ethnicity: string } | null;
    victimType: string | null;
    age: string | null;
    sex: string | null;
    race: string | null;
    ethnicity: string | null;
    resident: string | null;
    injuries: string[];
    relationships: { offender: number; code: string }[];
    offenses: number[];
  }[];
  arrests: { person: number | null; arrest: ArrestInput | null; index: number }[];
  property: PropertyInput[];
  clearance: ClearanceInput | null;
}

/** One edit of the table: a rule id, the NIBRS data element(s) it concerns, when it refuses, and its check. */
export interface Edit {
  rule: string;
  element: string;
  /** save: a save with this fault is refused (400); submit: the report is listed as failing and left out of the file. */
  when: 'save' | 'submit';
  check: (r: NibrsReport) => { field: string; message: string }[];
}

/** An issue of an edit, as answered: the rule, the field, the words (with the data element). */
export function issue(edit: Edit, found: { field: string; message: string }): NibrsIssue & { when: Edit['when'] } {
  return { rule: edit.rule, field: found.field, message: `${found.message} (NIBRS ${edit.element})`, when: edit.when };
}

/** The crime-against class of a NIBRS code, or null for a school category or unknown code. */
export function against(code: string | null): 'Person' | 'Property' | 'Society' | null {
  return code ? nibrsOffense(code)?.crimeAgainst ?? null : null;
}

/** True for a Group A offense code. */
export function groupA(code: string | null): boolean {
  return !!code && nibrsOffense(code)?.group === 'A';
}

/** A NIBRS age: exact years, a range, or a special code; null when malformed. */
export function parseAge(age: string): { min: number; max: number } | 'special' | null {
  if (['NN', 'NB', 'BB', '00'].includes(age)) return 'special';
  const range = /^(\d{1,2})-(\d{1,2})$/.exec(age);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  if (/^\d{1,2}$/.test(age)) return { min: Number(age), max: Number(age) };
  return null;
}

/** The youngest age a person may have: roster age for students, the entered age otherwise (null when unknown). */
export function youngest(p: NibrsReport['persons'][number]): number | null {
  if (p.roster) return p.roster.age;
  const a = p.age ? parseAge(p.age) : null;
  if (a === 'special') return p.age === '00' ? null : 0;
  return a ? a.min : null;
}

/** The roster's sex and race/ethnicity in NIBRS codes (the roster keeps one combined race/ethnicity). */
export function rosterToNibrs(sex: string | null, raceEthnicity: string | null): { sex: string; race: string; ethnicity: string } {
  const race: Record<string, string> = {
    white: 'W', black: 'B', asian: 'A', american_indian_alaska_native: 'I', native_hawaiian_pacific_islander: 'P', hispanic_latino: 'U', two_or_more: 'U',
  };
  return {
    sex: sex === 'male' ? 'M' : sex === 'female' ? 'F' : 'U',
    race: (raceEthnicity && race[raceEthnicity]) ?? 'U',
    ethnicity: raceEthnicity === null ? 'U' : raceEthnicity === 'hispanic_latino' ? 'H' : 'N',
  };
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
