/**
 * The fixed shape of the demo district: its schools, feeder pattern and cities. Written out by hand rather
 * than drawn at random, because people demonstrating the product refer to these schools by name.
 */
import type { Rng } from './random.js';

/** The district office's phone area code; Central Texas. */
export const AREA_CODE = '512';

/** The demo district (NCES district id: state code 48 plus five digits chosen outside the real TX ranges). */
export const DISTRICT_PLAN = {
  name: 'Riverbend Independent School District',
  ncesId: '4899870',
  state: 'TX',
  timezone: 'America/Chicago',
  lawEnforcementAgency: 'Riverbend ISD Police Department',
} as const;

/** A city of the district with the zips its neighbourhoods use. */
export interface CityPlan {
  city: string;
  zips: readonly string[];
}

export const CITIES = {
  riverbend: { city: 'Riverbend', zips: ['78695', '78697'] },
  cedarHollow: { city: 'Cedar Hollow', zips: ['78694'] },
  pecanSprings: { city: 'Pecan Springs', zips: ['78692', '78693'] },
} as const satisfies Record<string, CityPlan>;

export type SchoolLevel = 'elementary' | 'middle' | 'high';

/** One school of the plan; `feedsInto` is the code of the school its students go on to. */
export interface SchoolPlan {
  code: string;
  name: string;
  level: SchoolLevel;
  gradeLow: number;
  gradeHigh: number;
  street: string;
  city: CityPlan;
  feedsInto: string | null;
  /** Enrolment range; the generator draws the exact size. */
  size: readonly [number, number];
}

const HS_SIZE = [900, 1100] as const;
const MS_SIZE = [600, 700] as const;
const ES_SIZE = [350, 450] as const;

/**
 * Two vertical teams. Riverbend HS is fed by Lamar MS alone (so "its middle school" is unambiguous for the
 * demo counselor); Cedar Ridge HS by Bluebonnet and Pecan Creek. Four elementaries keep a pre-K program.
 */
export const SCHOOL_PLANS: readonly SchoolPlan[] = [
  {
    code: 'HS1',
    name: 'Riverbend High School',
    level: 'high',
    gradeLow: 9,
    gradeHigh: 12,
    street: '1500 Ranger Dr',
    city: CITIES.riverbend,
    feedsInto: null,
    size: HS_SIZE,
  },
  {
    code: 'HS2',
    name: 'Cedar Ridge High School',
    level: 'high',
    gradeLow: 9,
    gradeHigh: 12,
    street: '2800 Cedar Ridge Pkwy',
    city: CITIES.cedarHollow,
    feedsInto: null,
    size: HS_SIZE,
  },
  {
    code: 'MS1',
    name: 'Lamar Middle School',
    level: 'middle',
    gradeLow: 6,
    gradeHigh: 8,
    street: '901 Lamar Blvd',
    city: CITIES.riverbend,
    feedsInto: 'HS1',
    size: MS_SIZE,
  },
  {
    code: 'MS2',
    name: 'Bluebonnet Middle School',
    level: 'middle',
    gradeLow: 6,
    gradeHigh: 8,
    street: '4410 Bluebonnet Trl',
    city: CITIES.pecanSprings,
    feedsInto: 'HS2',
    size: MS_SIZE,
  },
  {
    code: 'MS3',
    name: 'Pecan Creek Middle School',
    level: 'middle',
    gradeLow: 6,
    gradeHigh: 8,
    street: '350 Pecan Creek Rd',
    city: CITIES.cedarHollow,
    feedsInto: 'HS2',
    size: MS_SIZE,
  },
  {
    code: 'ES1',
    name: 'Travis Elementary School',
    level: 'elementary',
    gradeLow: -1,
    gradeHigh: 5,
    street: '210 Travis St',
    city: CITIES.riverbend,
    feedsInto: 'MS1',
    size: ES_SIZE,
  },
  {
    code: 'ES2',
    name: 'Mockingbird Hill Elementary School',
    level: 'elementary',
    gradeLow: 0,
    gradeHigh: 5,
    street: '1725 Mockingbird Ln',
    city: CITIES.riverbend,
    feedsInto: 'MS1',
    size: ES_SIZE,
  },
  {
    code: 'ES3',
    name: 'Oak Meadow Elementary School',
    level: 'elementary',
    gradeLow: -1,
    gradeHigh: 5,
    street: '3300 Post Oak Rd',
    city: CITIES.riverbend,
    feedsInto: 'MS1',
    size: ES_SIZE,
  },
  {
    code: 'ES4',
    name: 'Hillcrest Elementary School',
    level: 'elementary',
    gradeLow: -1,
    gradeHigh: 5,
    street: '600 Hill Country Blvd',
    city: CITIES.pecanSprings,
    feedsInto: 'MS2',
    size: ES_SIZE,
  },
  {
    code: 'ES5',
    name: 'Willow Springs Elementary School',
    level: 'elementary',
    gradeLow: 0,
    gradeHigh: 5,
    street: '2150 Willow Bend Dr',
    city: CITIES.pecanSprings,
    feedsInto: 'MS2',
    size: ES_SIZE,
  },
  {
    code: 'ES6',
    name: 'Pecan Grove Elementary School',
    level: 'elementary',
    gradeLow: -1,
    gradeHigh: 5,
    street: '815 Magnolia St',
    city: CITIES.cedarHollow,
    feedsInto: 'MS3',
    size: ES_SIZE,
  },
  {
    code: 'ES7',
    name: 'Live Oak Elementary School',
    level: 'elementary',
    gradeLow: 0,
    gradeHigh: 5,
    street: '4900 Live Oak Dr',
    city: CITIES.cedarHollow,
    feedsInto: 'MS3',
    size: ES_SIZE,
  },
];

/**
 * Which SRO covers which campus. Each SRO is primary at one secondary school; the elementaries of a
 * vertical team are shared between its high- and middle-school SROs so that every elementary has exactly
 * one officer and nobody carries more than two of them on top of a full campus. The demo SRO (HS1) takes
 * Travis and Mockingbird Hill, which feed Lamar MS and so, in time, Riverbend HS.
 */
export const SRO_COVERAGE: readonly { primary: string; feeders: readonly string[] }[] = [
  { primary: 'HS1', feeders: ['ES1', 'ES2'] },
  { primary: 'MS1', feeders: ['ES3'] },
  { primary: 'HS2', feeders: ['ES7'] },
  { primary: 'MS2', feeders: ['ES4', 'ES5'] },
  { primary: 'MS3', feeders: ['ES6'] },
];

/** A campus area before it gets ids; `parent` names another area of the same school. */
export interface AreaPlan {
  kind: 'building' | 'floor' | 'room' | 'field' | 'parking' | 'bus_loop' | 'perimeter' | 'common' | 'other';
  name: string;
  parent?: string;
  description?: string;
}

const MAIN = 'Main Building';

function rooms(rng: Rng, floor: number, count: number, parent: string): AreaPlan[] {
  const numbers = new Set<number>();
  while (numbers.size < count) numbers.add(floor * 100 + rng.int(1, 30));
  return [...numbers].sort((a, b) => a - b).map((n) => ({ kind: 'room', name: `Room ${n}`, parent }));
}

/** The campus areas of a school: 25 at a high school, about 19 at a middle school, 12-15 at an elementary. */
export function areasFor(level: SchoolLevel, street: string, rng: Rng): AreaPlan[] {
  const road = street.replace(/^\d+\s+/, '');
  const common = (name: string, parent = MAIN): AreaPlan => ({ kind: 'common', name, parent });
  const room = (name: string, parent = MAIN): AreaPlan => ({ kind: 'room', name, parent });
  if (level === 'high') {
    return [
      { kind: 'building', name: MAIN },
      { kind: 'floor', name: 'First Floor', parent: MAIN },
      { kind: 'floor', name: 'Second Floor', parent: MAIN },
      room('Front Office', 'First Floor'),
      room('Counseling Center', 'First Floor'),
      room("Nurse's Office", 'First Floor'),
      common('Library', 'Second Floor'),
      common('Cafeteria', 'First Floor'),
      common('Main Gym'),
      common('Auditorium'),
      ...rooms(rng, 1, 3, 'First Floor'),
      ...rooms(rng, 2, 2, 'Second Floor'),
      { kind: 'building', name: 'Career and Technical Education Building' },
      { kind: 'building', name: 'Field House' },
      { kind: 'field', name: 'Football Stadium' },
      { kind: 'field', name: 'Baseball Field' },
      { kind: 'parking', name: 'Student Parking' },
      { kind: 'parking', name: 'Staff Parking' },
      { kind: 'parking', name: 'Visitor Parking', description: `Front lot on ${road}` },
      { kind: 'bus_loop', name: 'Bus Loop' },
      { kind: 'perimeter', name: 'North Perimeter' },
      { kind: 'perimeter', name: 'South Perimeter' },
    ];
  }
  if (level === 'middle') {
    return [
      { kind: 'building', name: MAIN },
      room('Front Office'),
      room('Counseling Office'),
      room("Nurse's Office"),
      common('Library'),
      common('Cafeteria'),
      common('Gym'),
      common('Courtyard'),
      ...rooms(rng, 1, rng.int(4, 5), MAIN),
      { kind: 'field', name: 'Athletic Field' },
      { kind: 'parking', name: 'Staff Parking' },
      { kind: 'parking', name: 'Parent Drop-off Lane', description: `Along ${road}` },
      { kind: 'bus_loop', name: 'Bus Loop' },
      { kind: 'perimeter', name: 'North Perimeter' },
    ];
  }
  const portables: AreaPlan[] = rng.chance(0.5) ? [{ kind: 'building', name: 'Portable Building 1' }] : [];
  return [
    { kind: 'building', name: MAIN },
    room('Front Office'),
    room("Nurse's Office"),
    common('Library'),
    common('Cafeteria'),
    common('Gym'),
    ...rooms(rng, 1, rng.int(2, 4), MAIN),
    ...portables,
    { kind: 'field', name: 'Playground' },
    { kind: 'parking', name: 'Staff Parking' },
    { kind: 'parking', name: 'Parent Pick-up Line', description: `Along ${road}` },
    { kind: 'bus_loop', name: 'Bus Loop' },
    { kind: 'perimeter', name: 'North Perimeter' },
  ];
}
