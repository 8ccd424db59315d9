import { strToU8, zipSync } from 'fflate';

/** One CSV file from a header and rows (fields holding commas, quotes or line breaks are quoted). */
export function csv(header: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export const ORG_HEADER = ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'];
export const USER_HEADER = [
  'sourcedId', 'status', 'dateLastModified', 'enabledUser', 'orgSourcedIds', 'role', 'username', 'userIds', 'givenName',
  'familyName', 'middleName', 'identifier', 'email', 'sms', 'phone', 'agentSourcedIds', 'grades', 'password',
];
export const ENROLLMENT_HEADER = [
  'sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate',
];
export const DEMOGRAPHICS_HEADER = [
  'sourcedId', 'status', 'dateLastModified', 'birthDate', 'sex', 'americanIndianOrAlaskaNative', 'asian', 'blackOrAfricanAmerican',
  'nativeHawaiianOrOtherPacificIslander', 'white', 'demographicRaceTwoOrMoreRaces', 'hispanicOrLatinoEthnicity',
];

/** A manifest.csv for OneRoster 1.1 with the given file modes (files not named are absent). */
export function manifest(modes: Record<string, 'bulk' | 'delta' | 'absent'>, version = '1.1'): string {
  const files = ['academicSessions', 'categories', 'classes', 'classResources', 'courses', 'courseResources', 'demographics',
    'enrollments', 'lineItems', 'orgs', 'resources', 'results', 'users'];
  return csv(['propertyName', 'value'], [
    ['manifest.version', '1.0'], ['oneroster.version', version],
    ...files.map((f) => [`file.${f}`, modes[f] ?? 'absent']),
    ['source.systemName', 'Test SIS'],
  ]);
}

/** A users.csv row of a student. */
export function studentUser(o: { id: string; org: string; given: string; family: string; number: string; grade: string; status?: string }) {
  return [o.id, o.status ?? 'active', '2026-08-01T00:00:00Z', 'true', o.org, 'student', `${o.id}@isd.test`, '', o.given, o.family, '',
    o.number, '', '', '', '', o.grade, ''];
}

/** A demographics.csv row; `races` are header names set to true. */
export function demographicsRow(id: string, birthDate: string, sex: string, races: string[]) {
  return [id, 'active', '2026-08-01T00:00:00Z', birthDate, sex,
    ...DEMOGRAPHICS_HEADER.slice(5).map((h) => (races.includes(h) ? 'true' : 'false'))];
}

/** A zip of the named files (store or deflate). */
export function zipOf(files: Record<string, string>, level: 0 | 6 = 6): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { level }]]))));
}
