/** The district's people with accounts: the demo sign-ins, the SRO unit, campus administrators and staff. */
import type { Role } from '../../../common/roles.js';
import type { AssignmentSeed, GrantSeed, UserSeed } from './model.js';
import { NAME_POOLS, type NameGroup } from './names.js';
import { AREA_CODE, SRO_COVERAGE, type SchoolPlan } from './places.js';
import { fictionalPhone, type Rng } from './random.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';

/** When every SRO assignment of the demo school year starts (officers report before the students do). */
export const ASSIGNMENTS_START = '2026-08-01';

/** A school of the plan with the id it was given. */
export interface PlannedSchool {
  plan: SchoolPlan;
  id: string;
}

interface Person {
  name: string;
  title: string;
  phone?: string | null;
  badgeNumber?: string | null;
  email?: string;
  /** Holds the per-person juvenile-records grant (given by the demo district administrator). */
  juvenileAccess?: boolean;
}

// Texas teacher workforce, roughly: mostly White and Hispanic, three in four women.
const STAFF_GROUPS: readonly (readonly [NameGroup, number])[] = [
  ['white', 55],
  ['hispanic', 29],
  ['black', 12],
  ['asian', 4],
];
const EMAIL_DOMAIN = 'riverbendisd.example.org';

const HS_SUBJECTS = [
  'English Language Arts',
  'Mathematics',
  'Algebra I',
  'Biology',
  'Chemistry',
  'Physics',
  'U.S. History',
  'World Geography',
  'Government and Economics',
  'Spanish',
  'Special Education',
  'Physical Education',
  'Fine Arts',
  'Computer Science',
  'Health Science',
  'Agricultural Science',
];
const MS_SUBJECTS = [
  'English Language Arts',
  'Mathematics',
  'Science',
  'Texas History',
  'Social Studies',
  'Reading Intervention',
  'Special Education',
  'Physical Education',
  'Choir',
  'Art',
  'Spanish',
  'Technology Applications',
];
const SUPPORT_TITLES = [
  'Registrar',
  'Campus Nurse',
  'Librarian',
  'Attendance Clerk',
  'Head Custodian',
  'Instructional Aide',
  'Cafeteria Manager',
  'Educational Diagnostician',
  'Campus Secretary',
];
const SECONDARY_ONLY = ['Athletic Coordinator', 'Band Director', 'Testing Coordinator'];

/** Named officers of the unit besides the demo SRO, in SRO_COVERAGE order after the first. */
const OTHER_SROS: readonly Person[] = [
  { name: 'Tanya Mitchell', title: 'School Resource Officer', badgeNumber: '4208', juvenileAccess: true },
  { name: 'Luis Cantu', title: 'School Resource Officer', badgeNumber: '3951', juvenileAccess: true },
  { name: 'Brian Kowalski', title: 'School Resource Officer', badgeNumber: '4415', juvenileAccess: true },
  // Newly assigned: no juvenile-records grant yet, so the demo shows an officer who sees adult records only.
  { name: 'Keisha Gaines', title: 'School Resource Officer', badgeNumber: '4637', juvenileAccess: false },
];

/** Counselors besides the demo counselor, with the campuses each serves (one to three). */
const COUNSELORS: readonly { title: string; codes: readonly string[] }[] = [
  { title: 'School Counselor', codes: ['HS1'] },
  { title: 'School Counselor', codes: ['HS1'] },
  { title: 'School Counselor', codes: ['HS2'] },
  { title: 'School Counselor', codes: ['HS2'] },
  { title: 'Lead Counselor', codes: ['HS2'] },
  { title: 'School Counselor', codes: ['MS1'] },
  { title: 'School Counselor', codes: ['MS2'] },
  { title: 'School Counselor', codes: ['MS3'] },
  { title: 'School Counselor', codes: ['MS3'] },
  { title: 'School Counselor', codes: ['ES1', 'ES2'] },
  { title: 'School Counselor', codes: ['ES3'] },
  { title: 'School Counselor', codes: ['ES4', 'ES5'] },
  { title: 'School Counselor', codes: ['ES6', 'ES7'] },
  { title: 'Licensed Specialist in School Psychology', codes: ['ES1', 'ES2', 'ES3'] },
  { title: 'Licensed Specialist in School Psychology', codes: ['MS2', 'ES4', 'ES5'] },
  { title: 'Licensed Professional Counselor (contracted)', codes: ['HS2', 'MS3'] },
];

/** The users, their role grants and the SRO assignments, plus each school's principal by school code. */
export function generatePeople(
  rng: Rng,
  districtId: string,
  schools: readonly PlannedSchool[],
): {
  users: UserSeed[];
  grants: GrantSeed[];
  assignments: AssignmentSeed[];
  principals: Map<string, string>;
} {
  const idOf = new Map(schools.map((s) => [s.plan.code, s.id]));
  const schoolId = (code: string): string => {
    const id = idOf.get(code);
    if (!id) throw new Error(`unknown school code ${code}`);
    return id;
  };
  const users: UserSeed[] = [];
  const grants: GrantSeed[] = [];
  const emails = new Set<string>();
  const principals = new Map<string, string>();

  const emailFor = (name: string): string => {
    const base = name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z\s-]/g, '')
      .trim()
      .replace(/\s+/g, '.');
    let email = `${base}@${EMAIL_DOMAIN}`;
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@${EMAIL_DOMAIN}`;
    return email;
  };
  const add = (person: Person, role: Role, codes: readonly string[] | null): string => {
    const email = person.email ?? emailFor(person.name);
    emails.add(email);
    const id = rng.uuid();
    users.push({
      id,
      districtId,
      email,
      name: person.name,
      title: person.title,
      phone: person.phone ?? null,
      badgeNumber: person.badgeNumber ?? null,
      ...(person.juvenileAccess ? { juvenileAccessAt: new Date(`${ASSIGNMENTS_START}T12:00:00Z`) } : {}),
    });
    for (const code of codes ?? [null]) {
      grants.push({ id: rng.uuid(), userId: id, role, schoolId: code === null ? null : schoolId(code) });
    }
    return id;
  };
  const someone = (title: string, femaleShare = 0.75): Person => {
    const pool = NAME_POOLS[rng.weighted(STAFF_GROUPS)];
    const first = rng.pick(rng.chance(femaleShare) ? pool.female : pool.male);
    const phone = rng.chance(0.6) ? fictionalPhone(rng, rng.pick([AREA_CODE, '737'])) : null;
    return { name: `${first} ${rng.pick(pool.surnames)}`, title, phone };
  };
  const demo = (email: string): DemoAccount => DEMO_ACCOUNTS.find((a) => a.email === email)!;
  const addDemo = (account: DemoAccount): string =>
    add(account, account.role, account.schools.length ? account.schools : null);

  // The demo sign-ins come first so their ids stay put whatever else the generator learns to make.
  for (const account of DEMO_ACCOUNTS) {
    if (account.email !== 'sro@demo.test') addDemo(account);
  }
  principals.set('HS1', demo('admin@demo.test').name);

  const assignments: AssignmentSeed[] = [];
  SRO_COVERAGE.forEach((coverage, i) => {
    const codes = [coverage.primary, ...coverage.feeders];
    const userId = i === 0 ? addDemo(demo('sro@demo.test')) : add(OTHER_SROS[i - 1]!, 'sro', codes);
    for (const code of codes) {
      assignments.push({
        id: rng.uuid(),
        userId,
        schoolId: schoolId(code),
        kind: code === coverage.primary ? 'primary' : 'feeder',
        startsOn: ASSIGNMENTS_START,
        endsOn: null,
      });
    }
  });

  for (const { plan } of schools) {
    const assistants = plan.level === 'high' ? 3 : plan.level === 'middle' ? 2 : 1;
    if (!principals.has(plan.code)) {
      const principal = someone('Principal', 0.6);
      add(principal, 'school_admin', [plan.code]);
      principals.set(plan.code, principal.name);
    }
    for (let i = 0; i < assistants; i++)
      add(someone('Assistant Principal', 0.55), 'school_admin', [plan.code]);
    const guards = plan.level === 'high' ? 3 : plan.level === 'middle' ? 1 : 0;
    // At HS1 the demo security officer and the demo teacher already fill one post each.
    for (let i = plan.code === 'HS1' ? 1 : 0; i < guards; i++) {
      add(someone(rng.chance(0.7) ? 'Campus Security Officer' : 'Campus Monitor', 0.35), 'security', [
        plan.code,
      ]);
    }
    const staffCount = plan.level === 'high' ? 20 : plan.level === 'middle' ? 13 : 10;
    for (let i = plan.code === 'HS1' ? 1 : 0; i < staffCount; i++) {
      add(someone(staffTitle(rng, plan)), 'staff', [plan.code]);
    }
  }
  for (const counselor of COUNSELORS) add(someone(counselor.title, 0.8), 'counselor', counselor.codes);

  // The demo district administrator gave every juvenile-records grant of the seed.
  const administrator = users.find((u) => u.email === demo('sysadmin@demo.test').email)!.id;
  for (const u of users) if (u.juvenileAccessAt) u.juvenileAccessBy = administrator;
  return { users, grants, assignments, principals };
}

function staffTitle(rng: Rng, plan: SchoolPlan): string {
  const secondary = plan.level !== 'elementary';
  if (rng.chance(0.25)) return rng.pick(secondary ? [...SUPPORT_TITLES, ...SECONDARY_ONLY] : SUPPORT_TITLES);
  if (plan.level === 'high') return `Teacher, ${rng.pick(HS_SUBJECTS)}`;
  if (plan.level === 'middle') return `Teacher, ${rng.pick(MS_SUBJECTS)}`;
  const grade = rng.int(plan.gradeLow, plan.gradeHigh);
  const label = grade === -1 ? 'Pre-K' : grade === 0 ? 'Kindergarten' : `Grade ${grade}`;
  return rng.chance(0.2) ? `Bilingual Teacher, ${label}` : `Teacher, ${label}`;
}
