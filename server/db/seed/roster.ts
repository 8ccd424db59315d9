/** The demo student roster: enrolment by school and grade, families, and guardian ties. */
import type { GuardianSeed, StudentGuardianSeed, StudentSeed } from './model.js';
import { childPool, newHousehold, type Household } from './households.js';
import { NICKNAMES } from './names.js';
import type { PlannedSchool } from './people.js';
import type { SchoolPlan } from './places.js';
import type { Rng } from './random.js';

/** The first school year of the demo, 2026-27; Texas age cut-off for kindergarten is September 1. */
export const SCHOOL_YEAR_START = 2026;

// A sibling joins an existing family this often, which gives about 1.5 enrolled children per family.
const SIBLING_SHARE = 0.35;
const MAX_CHILDREN = 4;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The range of birth dates of a grade in the demo year (a retained student is a year older). */
export function birthRange(grade: number): { from: string; to: string } {
  // Age on September 1 is 5 + grade (kindergarten 5, pre-K 4).
  const year = SCHOOL_YEAR_START - 5 - grade;
  return { from: `${year - 1}-09-02`, to: `${year}-09-01` };
}

function enrolmentByGrade(rng: Rng, plan: SchoolPlan): [number, number][] {
  const size = rng.int(plan.size[0], plan.size[1]);
  // Pre-K is half-day and smaller; high schools lose students between grade 9 and 12.
  const weight = (g: number): number => (g === -1 ? 0.5 : plan.level === 'high' ? 1.12 - (g - 9) * 0.07 : 1);
  const grades: number[] = [];
  for (let g = plan.gradeLow; g <= plan.gradeHigh; g++) grades.push(g);
  const total = grades.reduce((s, g) => s + weight(g), 0);
  let left = size;
  return grades.map((g, i) => {
    const n = i === grades.length - 1 ? left : Math.round((size * weight(g)) / total);
    left -= n;
    return [g, n];
  });
}

function dateOfBirth(rng: Rng, grade: number): string {
  const retained = rng.chance(0.03) ? 1 : 0;
  const from = Date.UTC(SCHOOL_YEAR_START - 6 - grade - retained, 8, 2);
  return new Date(from + rng.int(0, 364) * DAY_MS).toISOString().slice(0, 10);
}

/** Elementary attendance zones a school draws from: itself, or the elementaries of its feeder pattern. */
function zonesOf(plan: SchoolPlan, plans: readonly SchoolPlan[]): SchoolPlan[] {
  if (plan.level === 'elementary') return [plan];
  const middles =
    plan.level === 'middle' ? [plan.code] : plans.filter((p) => p.feedsInto === plan.code).map((p) => p.code);
  return plans.filter(
    (p) => p.level === 'elementary' && p.feedsInto !== null && middles.includes(p.feedsInto),
  );
}

/** Students, guardians and their ties for every school of `schools`. */
export function generateRoster(
  rng: Rng,
  districtId: string,
  schools: readonly PlannedSchool[],
): {
  students: StudentSeed[];
  guardians: GuardianSeed[];
  studentGuardians: StudentGuardianSeed[];
} {
  const plans = schools.map((s) => s.plan);
  const slots: { school: PlannedSchool; grade: number }[] = [];
  for (const school of schools) {
    for (const [grade, count] of enrolmentByGrade(rng, school.plan)) {
      for (let i = 0; i < count; i++) slots.push({ school, grade });
    }
  }
  const students: StudentSeed[] = [];
  const guardians: GuardianSeed[] = [];
  const studentGuardians: StudentGuardianSeed[] = [];
  const openFamilies = new Map<string, Household[]>();
  const numbers = new Set<string>();

  // Shuffled, so families form across schools rather than school by school.
  for (const { school, grade } of rng.shuffle(slots)) {
    const zones = zonesOf(school.plan, plans);
    const household =
      (rng.chance(SIBLING_SHARE) && joinFamily(rng, zones, grade, openFamilies)) ||
      (() => {
        const zone = rng.pick(zones);
        const family = newHousehold(rng, districtId, { code: zone.code, city: zone.city }, guardians);
        const list = openFamilies.get(zone.code) ?? [];
        list.push(family);
        openFamilies.set(zone.code, list);
        return family;
      })();
    household.grades.push(grade);
    const pool = childPool(rng, household);
    const sex = rng.weighted([
      ['female', 490],
      ['male', 505],
      ['nonbinary', school.plan.level === 'high' ? 5 : 0],
    ] as const);
    const names =
      sex === 'male' ? pool.male : sex === 'female' ? pool.female : rng.pick([pool.male, pool.female]);
    const firstName = rng.pick(names);
    let middleName: string | null = rng.chance(0.45) ? rng.pick(names) : null;
    if (middleName === firstName) middleName = null;
    const special = rng.next();
    const elChance = household.group === 'hispanic' ? 0.33 : household.group === 'asian' ? 0.25 : 0.03;
    const id = rng.uuid();
    students.push({
      id,
      districtId,
      schoolId: school.id,
      studentNumber: studentNumber(rng, grade, numbers),
      firstName,
      middleName,
      lastName: household.surname,
      preferredName: NICKNAMES[firstName] && rng.chance(0.35) ? NICKNAMES[firstName] : null,
      grade,
      dateOfBirth: dateOfBirth(rng, grade),
      sex,
      raceEthnicity: household.race,
      // IDEA and Section 504 exclude each other: a student served under IDEA is not also on a 504 plan.
      idea: special < 0.13,
      section504: special >= 0.13 && special < 0.21,
      englishLearner: rng.chance(elChance),
    });
    for (const tie of household.ties) {
      studentGuardians.push({
        studentId: id,
        guardianId: tie.guardianId,
        relationship: tie.relationship,
        hasCustody: tie.hasCustody,
        mayPickUp: tie.mayPickUp,
        isPrimary: tie.isPrimary,
        restrictions: tie.restrictions,
      });
    }
  }
  return { students, guardians, studentGuardians };
}

/** An open family of one of `zones` without a child in `grade`, or undefined when a few tries find none. */
function joinFamily(
  rng: Rng,
  zones: readonly SchoolPlan[],
  grade: number,
  open: Map<string, Household[]>,
): Household | undefined {
  for (let attempt = 0; attempt < 4; attempt++) {
    const list = open.get(rng.pick(zones).code);
    if (!list || list.length === 0) continue;
    const index = rng.int(0, list.length - 1);
    const family = list[index]!;
    // Siblings are spaced a year or more apart; twins are left out for simplicity.
    if (family.grades.some((g) => Math.abs(g - grade) < 1)) continue;
    if (family.grades.length + 1 >= MAX_CHILDREN) list.splice(index, 1);
    return family;
  }
  return undefined;
}

/** A 7-digit student number: two digits of the graduation year, then five unique digits. */
function studentNumber(rng: Rng, grade: number, taken: Set<string>): string {
  const cohort = String((SCHOOL_YEAR_START + 1 + (12 - grade)) % 100).padStart(2, '0');
  for (;;) {
    const number = `${cohort}${String(rng.int(0, 99_999)).padStart(5, '0')}`;
    if (!taken.has(number)) {
      taken.add(number);
      return number;
    }
  }
}
