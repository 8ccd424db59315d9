import { and, eq } from 'drizzle-orm';
import type { CalendarBody } from '../../../common/preparedness.js';
import type { Role } from '../../../common/roles.js';
import type { Db } from '../../db/connection.js';
import { auditEvents } from '../../db/schema/index.js';
import { createTestApp, signedInClient, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';

// A district for the preparedness API tests: two schools of its own, one of another district, and one
// user per role of interest. The clock reads 2025-11-10 (school year 2025-26) unless a test moves it.

export const NOW = new Date('2025-11-10T15:00:00Z');

/** The hand-worked calendar of compliance.test-support.ts as an API body. */
export function calendarBody(schoolId: string | null, overrides: Partial<CalendarBody> = {}): CalendarBody {
  return {
    schoolId, schoolYear: 2025, firstDay: '2025-08-19', lastDay: '2026-05-29',
    semesters: [{ start: '2025-08-19', end: '2025-12-19' }, { start: '2026-01-06', end: '2026-05-29' }],
    summerSession: { start: '2026-06-15', end: '2026-07-24' },
    closedDays: [
      { start: '2025-09-01', end: '2025-09-01', name: 'Labor Day' }, { start: '2025-11-24', end: '2025-11-28' },
      { start: '2025-12-22', end: '2026-01-05' }, { start: '2026-03-16', end: '2026-03-20' }, { start: '2026-05-25', end: '2026-05-25' },
    ],
    ...overrides,
  };
}

/** The world of a test file. */
export interface World {
  t: TestApp;
  districtId: string;
  north: { id: string };
  east: { id: string };
  foreign: { id: string };
  ids: Record<string, string>;
  as(who: string): Promise<TestClient>;
}

/** Who is who: e-mail prefix → grants (school names stand for their ids). */
const PEOPLE: [string, Role, 'north' | 'east' | null][] = [
  ['director', 'director', null], ['sysadmin', 'sysadmin', null], ['supervisor', 'supervisor', null],
  ['sro.north', 'sro', 'north'], ['sro.east', 'sro', 'east'], ['principal.north', 'school_admin', 'north'],
  ['principal.east', 'school_admin', 'east'], ['counselor.north', 'counselor', 'north'], ['security.north', 'security', 'north'],
  ['staff.north', 'staff', 'north'], ['staff2.north', 'staff', 'north'], ['staff.east', 'staff', 'east'],
];

/** Builds the app and the district. */
export async function startWorld(options: { smtpUrl?: string; now?: Date } = {}): Promise<World> {
  const t = await createTestApp({ now: options.now ?? NOW, smtpUrl: options.smtpUrl });
  const district = await createDistrict(t.db, { state: 'IL' });
  const other = await createDistrict(t.db);
  const north = await createSchool(t.db, { districtId: district.id, name: 'North High', level: 'high' });
  const east = await createSchool(t.db, { districtId: district.id, name: 'East Elementary', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
  const foreign = await createSchool(t.db, { districtId: other.id, name: 'Elsewhere High' });
  const ids: Record<string, string> = {};
  const schoolOf = { north: north.id, east: east.id };
  for (const [name, role, school] of PEOPLE) {
    const user = await createUser(t.db, {
      email: `${name}@prep.test`, name, districtId: district.id, grants: [{ role, schoolId: school ? schoolOf[school] : null }],
    });
    ids[name] = user.id;
  }
  ids.outsider = (await createUser(t.db, { email: 'sro@other.test', districtId: other.id, grants: [{ role: 'sro', schoolId: foreign.id }] })).id;
  const clients = new Map<string, TestClient>();
  return {
    t, districtId: district.id, north, east, foreign, ids,
    async as(who) {
      let client = clients.get(who);
      if (!client) {
        client = await signedInClient(t, who === 'outsider' ? 'sro@other.test' : `${who}@prep.test`);
        clients.set(who, client);
      }
      return client;
    },
  };
}

/** Audit events of a type (and subject), oldest first. */
export async function auditOf(db: Db, type: string, subjectId?: string) {
  const where = subjectId ? and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, subjectId)) : eq(auditEvents.eventType, type);
  return db.select().from(auditEvents).where(where).orderBy(auditEvents.id);
}
