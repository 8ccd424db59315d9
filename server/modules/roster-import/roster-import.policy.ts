import {
  ROSTER_REQUIRED_HEADERS, ROSTER_REQUIRED_HEADERS_12, type OneRosterVersion, type RosterFile,
} from '../../../common/roster-import.js';
import { StructuralError } from './csv-stream.js';

/** How the manifest says a file is sent: all of it, only changes, or not at all. */
export type FileMode = 'bulk' | 'delta' | 'absent';

export type RaceEthnicity =
  | 'hispanic_latino' | 'american_indian_alaska_native' | 'asian' | 'native_hawaiian_pacific_islander' | 'black' | 'white'
  | 'two_or_more';
export type StudentSex = 'male' | 'female' | 'nonbinary';

/** Column positions of a file by header name; `get` answers '' for a column the file does not have. */
export class Columns {
  /** Positions by the exact name asked for (the callers' literals): no lower-casing per value read. */
  private readonly byName = new Map<string, number>();

  private constructor(private readonly index: Map<string, number>) {}

  /**
   * Reads a header line. Names are matched ignoring case and surrounding blanks; a required one missing is a
   * structural error naming the file and the header.
   */
  static of(file: RosterFile, header: string[], version: OneRosterVersion = '1.1'): Columns {
    const index = new Map<string, number>();
    header.forEach((name, i) => {
      const key = name.trim().toLowerCase();
      if (!index.has(key)) index.set(key, i);
    });
    for (const required of (version === '1.2' ? ROSTER_REQUIRED_HEADERS_12 : ROSTER_REQUIRED_HEADERS)[file]) {
      if (!index.has(required.toLowerCase())) {
        throw new StructuralError(`${file}: the required header ${required} is missing`, file, 1, required);
      }
    }
    return new Columns(index);
  }

  /** True when the file has column `name`. */
  has(name: string): boolean {
    return this.index.has(name.toLowerCase());
  }

  /** The trimmed value of column `name` in `fields`. */
  /** The position of column `name` (-1 when the file lacks it), for hot loops that read a column per row. */
  position(name: string): number {
    return this.index.get(name.toLowerCase()) ?? -1;
  }

  /** The trimmed value at a position from `position` ('' for a missing column or field). */
  static at(fields: string[], i: number): string {
    return i < 0 ? '' : (fields[i] ?? '').trim();
  }

  get(fields: string[], name: string): string {
    let i = this.byName.get(name);
    if (i === undefined) {
      i = this.index.get(name.toLowerCase()) ?? -1;
      this.byName.set(name, i);
    }
    return i < 0 ? '' : (fields[i] ?? '').trim();
  }
}

/**
 * The OneRoster version of manifest.csv `oneroster.version` (1.1, 1.2, or a patch of either such as 1.2.1). Without
 * it, a package with roles.csv is read as 1.2 (only 1.2 has that file), else as 1.1.
 */
export function versionOf(raw: string | undefined, hasRoles: boolean): OneRosterVersion {
  if (raw === undefined || raw === '') return hasRoles ? '1.2' : '1.1';
  const match = /^v?(1)\.(1|2)(\.\d+)?$/i.exec(raw.trim());
  if (!match) {
    throw new StructuralError(
      `manifest.csv: oneroster.version is ${raw}; this import reads OneRoster 1.1 and 1.2 CSV`, 'manifest.csv', null, 'oneroster.version',
    );
  }
  return match[2] === '2' ? '1.2' : '1.1';
}

/** The mode of each file from manifest.csv rows, for the package's OneRoster version. */
export function readManifest(
  rows: Map<string, string>, present: (file: RosterFile) => boolean, version: OneRosterVersion,
): Record<RosterFile, FileMode> {
  const mode = (file: RosterFile): FileMode => {
    const key = `file.${file.replace(/\.csv$/, '')}`;
    const value = rows.get(key)?.toLowerCase();
    if (value === undefined) return present(file) ? 'bulk' : 'absent';
    if (value !== 'bulk' && value !== 'delta' && value !== 'absent') {
      throw new StructuralError(`manifest.csv: ${key} must be bulk, delta or absent (found ${value})`, 'manifest.csv', null, key);
    }
    if (value !== 'absent' && !present(file)) {
      throw new StructuralError(`${file} is missing from the package (manifest.csv says ${key} is ${value})`, file, null);
    }
    return value;
  };
  const modes = {
    'manifest.csv': 'bulk', 'orgs.csv': mode('orgs.csv'), 'users.csv': mode('users.csv'),
    // 1.1 has no roles file: one left in a 1.1 package is not read.
    'roles.csv': version === '1.2' ? mode('roles.csv') : 'absent',
    'classes.csv': mode('classes.csv'),
    'enrollments.csv': mode('enrollments.csv'), 'demographics.csv': mode('demographics.csv'),
  } satisfies Record<RosterFile, FileMode>;
  for (const required of version === '1.2' ? ['orgs.csv', 'users.csv', 'roles.csv'] as const : ['orgs.csv', 'users.csv'] as const) {
    if (modes[required] === 'absent') throw new StructuralError(`${required} is missing from the package`, required, null);
  }
  return modes;
}

// CEDS entry grade levels as OneRoster writes them; UG (ungraded) and Other are not a grade.
const GRADE_WORDS: Record<string, number> = { KG: 0, TK: 0, PK: -1, PR: -1, IT: -1, PS: -1 };

/** Grade as the roster keeps it (-1 pre-K, 0 K, 1..12) from OneRoster `grades` (the first listed), or null. */
export function parseGrade(raw: string): number | null {
  const first = raw.split(',')[0]!.trim().toUpperCase();
  if (first in GRADE_WORDS) return GRADE_WORDS[first]!;
  if (!/^\d{1,2}$/.test(first)) return null;
  const n = Number(first);
  return n >= 1 && n <= 12 ? n : null;
}

/** True for OneRoster's `true` (any case). */
export function flag(raw: string): boolean {
  return raw.toLowerCase() === 'true';
}

/** Sex from OneRoster demographics (1.1: male/female; 1.2 adds other, read as nonbinary, and unspecified: null), or null. */
export function parseSex(raw: string): StudentSex | null {
  const v = raw.toLowerCase();
  if (v === 'male' || v === 'm') return 'male';
  if (v === 'female' || v === 'f') return 'female';
  if (v === 'other' || v === 'nonbinary') return 'nonbinary';
  return null;
}

const RACE_COLUMNS: [string, RaceEthnicity][] = [
  ['americanIndianOrAlaskaNative', 'american_indian_alaska_native'],
  ['asian', 'asian'],
  ['blackOrAfricanAmerican', 'black'],
  ['nativeHawaiianOrOtherPacificIslander', 'native_hawaiian_pacific_islander'],
  ['white', 'white'],
];

/** The CRDC race/ethnicity: Hispanic/Latino of any race first, then two or more races, then the one race; null if none. */
export function raceOf(cols: Columns, fields: string[]): RaceEthnicity | null {
  if (flag(cols.get(fields, 'hispanicOrLatinoEthnicity'))) return 'hispanic_latino';
  const races = RACE_COLUMNS.filter(([name]) => flag(cols.get(fields, name))).map(([, race]) => race);
  if (flag(cols.get(fields, 'demographicRaceTwoOrMoreRaces')) || races.length > 1) return 'two_or_more';
  return races[0] ?? null;
}

/** A YYYY-MM-DD date that exists (OneRoster dates), or null. */
export function parseDay(raw: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return null;
  const d = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === raw ? raw : null;
}
