/**
 * Families of the demo roster. Students are grouped in households so that siblings share guardians, a
 * surname and an address, which is what reunification and custody checks look at.
 */
import type { GuardianSeed } from './model.js';
import { NAME_POOLS, STREETS, type NameGroup, type NamePool } from './names.js';
import type { CityPlan } from './places.js';
import { fictionalPhone, type Rng } from './random.js';

export type Race =
  | 'hispanic_latino'
  | 'american_indian_alaska_native'
  | 'asian'
  | 'native_hawaiian_pacific_islander'
  | 'black'
  | 'white'
  | 'two_or_more';

// Texas public school enrolment by race/ethnicity (TEA, 2023-24), in per mille.
const RACES: readonly (readonly [Race, number])[] = [
  ['hispanic_latino', 531],
  ['white', 253],
  ['black', 128],
  ['asian', 51],
  ['two_or_more', 30],
  ['american_indian_alaska_native', 4],
  ['native_hawaiian_pacific_islander', 3],
];

// Most families in the district dial 512 or 737; some kept a number from elsewhere in Texas.
const AREA_CODES: readonly (readonly [string, number])[] = [
  ['512', 50],
  ['737', 25],
  ['254', 10],
  ['830', 8],
  ['210', 7],
];

/** How one guardian stands towards every child of the household. */
export interface GuardianTie {
  guardianId: string;
  relationship: string;
  hasCustody: boolean;
  mayPickUp: boolean;
  isPrimary: boolean;
  restrictions: string | null;
}

/** A family: where it lives, who its guardians are, and the grades of the children enrolled so far. */
export interface Household {
  zone: string;
  race: Race;
  group: NameGroup;
  surname: string;
  ties: GuardianTie[];
  grades: number[];
}

type Adult = 'Mother' | 'Father' | 'Grandmother' | 'Grandfather' | 'Stepfather' | 'Aunt' | 'Foster Mother';
const FEMALE: ReadonlySet<Adult> = new Set(['Mother', 'Grandmother', 'Aunt', 'Foster Mother']);

interface TiePlan {
  adult: Adult;
  relationship?: string;
  hasCustody: boolean;
  mayPickUp: boolean;
  restrictions?: string;
  /** Lives elsewhere (a non-custodial parent). */
  apart?: boolean;
}

const RESTRICTIONS = [
  'Court order: no contact with father. Do not release the student to him; notify the front office and the SRO.',
  'Protective order on file in the front office. Not permitted on campus or at school events.',
  'Supervised visitation only (custody order on file). May not pick up.',
];

/** The family structures of the roster with their weights: most two-parent, some single-parent, a few kin or foster. */
const STRUCTURES: readonly (readonly [readonly TiePlan[], number])[] = [
  [
    [
      { adult: 'Mother', hasCustody: true, mayPickUp: true },
      { adult: 'Father', hasCustody: true, mayPickUp: true },
    ],
    52,
  ],
  [[{ adult: 'Mother', hasCustody: true, mayPickUp: true }], 13],
  [
    [
      { adult: 'Mother', hasCustody: true, mayPickUp: true },
      { adult: 'Grandmother', hasCustody: false, mayPickUp: true },
    ],
    8,
  ],
  [[{ adult: 'Father', hasCustody: true, mayPickUp: true }], 4],
  [
    [
      { adult: 'Mother', hasCustody: true, mayPickUp: true },
      { adult: 'Stepfather', hasCustody: false, mayPickUp: true },
    ],
    7,
  ],
  [
    [
      { adult: 'Mother', hasCustody: true, mayPickUp: true },
      {
        adult: 'Father',
        hasCustody: true,
        mayPickUp: true,
        apart: true,
        restrictions: 'Joint custody: picks up on alternate weekends per the decree on file.',
      },
    ],
    3,
  ],
  [
    [
      { adult: 'Grandmother', hasCustody: true, mayPickUp: true },
      { adult: 'Grandfather', hasCustody: true, mayPickUp: true },
    ],
    4,
  ],
  [[{ adult: 'Aunt', relationship: 'Legal Guardian', hasCustody: true, mayPickUp: true }], 3],
  [
    [
      {
        adult: 'Foster Mother',
        hasCustody: false,
        mayPickUp: true,
        restrictions:
          'DFPS conservatorship: caseworker contact in the counseling file. No release to biological parents.',
      },
    ],
    2,
  ],
  [
    [
      { adult: 'Mother', hasCustody: true, mayPickUp: true },
      { adult: 'Father', hasCustody: false, mayPickUp: false, apart: true },
    ],
    4,
  ],
];

function nameGroupOf(rng: Rng, race: Race): NameGroup {
  switch (race) {
    case 'hispanic_latino':
      return 'hispanic';
    case 'white':
      return 'white';
    case 'black':
      return 'black';
    case 'asian':
    case 'native_hawaiian_pacific_islander':
      return 'asian';
    case 'american_indian_alaska_native':
      return rng.chance(0.5) ? 'white' : 'hispanic';
    case 'two_or_more':
      return rng.pick(['hispanic', 'white', 'black', 'asian'] as const);
  }
}

/** The name pool a child of `household` is named from (mixed families draw from any). */
export function childPool(rng: Rng, household: Household): NamePool {
  return NAME_POOLS[household.race === 'two_or_more' ? nameGroupOf(rng, household.race) : household.group];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

function emailFor(rng: Rng, first: string, last: string): string {
  const domain = rng.chance(0.6) ? 'example.com' : 'example.net';
  const style = rng.int(1, 10);
  const local =
    style <= 5
      ? `${slug(first)}.${slug(last)}`
      : style <= 8
        ? `${slug(first)}${slug(last)}${rng.int(1, 99)}`
        : `${slug(first)[0]}${slug(last)}${rng.int(1970, 2005)}`;
  return `${local}@${domain}`;
}

function address(rng: Rng, city: CityPlan): { street: string; city: string; zip: string } {
  return { street: `${rng.int(100, 9899)} ${rng.pick(STREETS)}`, city: city.city, zip: rng.pick(city.zips) };
}

/** A new household living in the attendance zone of elementary `zone`; its guardians are appended to `out`. */
export function newHousehold(
  rng: Rng,
  districtId: string,
  zone: { code: string; city: CityPlan },
  out: GuardianSeed[],
): Household {
  const race = rng.weighted(RACES);
  const group = nameGroupOf(rng, race);
  const pool = NAME_POOLS[group];
  const surname = rng.pick(pool.surnames);
  const home = address(rng, zone.city);
  const plans = rng.weighted(STRUCTURES);
  // Usually the mother is the first call; in two-parent homes, sometimes the father.
  const primaryIndex =
    plans.length === 2 && plans[1]!.adult === 'Father' && plans[1]!.hasCustody && rng.chance(0.2) ? 1 : 0;
  const restricted = rng.pick(RESTRICTIONS);
  const ties = plans.map((plan, i): GuardianTie => {
    const female = FEMALE.has(plan.adult);
    const first = rng.pick(female ? pool.female : pool.male);
    // Mothers and grandparents do not always share the children's surname.
    const keepsSurname =
      plan.adult === 'Father' || plan.adult === 'Grandfather'
        ? true
        : plan.adult === 'Mother'
          ? rng.chance(0.85)
          : rng.chance(0.4);
    const last = keepsSurname ? surname : rng.pick(pool.surnames);
    const where = plan.apart ? address(rng, zone.city) : home;
    const id = rng.uuid();
    out.push({
      id,
      districtId,
      firstName: first,
      lastName: last,
      phone: rng.chance(0.97) ? fictionalPhone(rng, rng.weighted(AREA_CODES)) : null,
      email: rng.chance(0.85) ? emailFor(rng, first, last) : null,
      ...where,
    });
    const barred = !plan.mayPickUp && !plan.hasCustody;
    return {
      guardianId: id,
      relationship: plan.relationship ?? plan.adult,
      hasCustody: plan.hasCustody,
      mayPickUp: plan.mayPickUp,
      isPrimary: i === primaryIndex,
      restrictions: plan.restrictions ?? (barred ? restricted : null),
    };
  });
  return { zone: zone.code, race, group, surname, ties, grades: [] };
}
