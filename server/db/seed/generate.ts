/**
 * The deterministic demo district: Riverbend ISD, Texas. A pure function of a fixed seed, so every install,
 * screenshot and test sees the same schools, people and students (and the same ids).
 */
import type { AreaSeed, DemoData, FeederSeed, SchoolSeed } from './model.js';
import { generatePeople, type PlannedSchool } from './people.js';
import { AREA_CODE, DISTRICT_PLAN, SCHOOL_PLANS, areasFor } from './places.js';
import { Rng } from './random.js';
import { generateRoster } from './roster.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
export type { DemoCounts, DemoData } from './model.js';
export { countsOf } from './model.js';

/** The seed of the generator. Changing it changes every name and id of the demo. */
export const DEMO_SEED = 20260810;

/** Generates the whole demo district. Each part draws from its own stream, so growing one leaves the others alone. */
export function generateDemoData(seed = DEMO_SEED): DemoData {
  const stream = (n: number): Rng => new Rng((seed ^ Math.imul(n, 0x9e3779b1)) >>> 0);
  const ids = stream(1);

  const district = { id: ids.uuid(), ...DISTRICT_PLAN, mfaRequiredRoles: [], isDemo: true };
  const planned: PlannedSchool[] = SCHOOL_PLANS.map((plan) => ({ plan, id: ids.uuid() }));

  const people = generatePeople(stream(2), district.id, planned);
  const schools = planSchools(stream(3), district.id, planned, people.principals);
  const roster = generateRoster(stream(4), district.id, planned);

  return {
    district,
    schools,
    feeders: feedersOf(planned),
    areas: planAreas(stream(5), planned),
    users: people.users,
    grants: people.grants,
    assignments: people.assignments,
    ...roster,
  };
}

function planSchools(
  rng: Rng,
  districtId: string,
  planned: readonly PlannedSchool[],
  principals: ReadonlyMap<string, string>,
): SchoolSeed[] {
  // NCES school ids are the district id plus five digits, numbered in the order the schools opened.
  let suffix = rng.int(100, 140);
  return planned.map(({ plan, id }, i) => {
    suffix += rng.int(1, 60);
    return {
      id,
      districtId,
      ncesId: `${DISTRICT_PLAN.ncesId}${String(suffix).padStart(5, '0')}`,
      name: plan.name,
      level: plan.level,
      gradeLow: plan.gradeLow,
      gradeHigh: plan.gradeHigh,
      street: plan.street,
      city: plan.city.city,
      state: DISTRICT_PLAN.state,
      zip: plan.city.zips[0]!,
      phone: `${AREA_CODE}-555-01${String(40 + i * 4).padStart(2, '0')}`,
      principalName: principals.get(plan.code)!,
    };
  });
}

function feedersOf(planned: readonly PlannedSchool[]): FeederSeed[] {
  const idOf = new Map(planned.map((s) => [s.plan.code, s.id]));
  return planned
    .filter((s) => s.plan.feedsInto !== null)
    .map((s) => ({ schoolId: idOf.get(s.plan.feedsInto!)!, feederSchoolId: s.id }));
}

function planAreas(rng: Rng, planned: readonly PlannedSchool[]): AreaSeed[] {
  const areas: AreaSeed[] = [];
  for (const { plan, id: schoolId } of planned) {
    const byName = new Map<string, string>();
    for (const area of areasFor(plan.level, plan.street, rng)) {
      const id = rng.uuid();
      byName.set(area.name, id);
      areas.push({
        id,
        schoolId,
        kind: area.kind,
        name: area.name,
        description: area.description ?? null,
        parentId: area.parent ? (byName.get(area.parent) ?? null) : null,
      });
    }
  }
  return areas;
}
