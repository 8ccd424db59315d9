import {
  CRDC_DISABILITY, CRDC_OFFENSES, CRDC_RACES, type CrdcBreakdown, type CrdcOffense,
} from '../../../common/analytics.js';
import { LABELS } from '../../../common/incidents.js';
import { nibrsOffense } from '../../../common/nibrs.js';
import type { DemographicCount } from './crdc.repository.js';

// Pure rules of the analytics module: how offenses fall into dashboard groups and CRDC categories, and how
// demographic cells add up to the CRDC breakdowns.

/** The dashboard group of an offense: its NIBRS category, or the school-safety category's label. */
export function offenseGroup(code: string | null, category: string | null): string {
  if (code) return nibrsOffense(code)?.category ?? `NIBRS ${code}`;
  const labels: Record<string, string> = LABELS.category;
  return category ? (labels[category] ?? category) : 'Unclassified';
}

/** How armed an offense was, by its NIBRS weapon/force codes (an `A` suffix marks an automatic firearm). */
export function weaponClass(codes: readonly string[]): 'firearm' | 'weapon' | 'none' {
  const base = codes.map((c) => c.replace(/A$/, ''));
  // Firearms (11-15) and explosives (60): the CRDC's "firearm or explosive device".
  if (base.some((c) => ['11', '12', '13', '14', '15', '60'].includes(c))) return 'firearm';
  // Hands and feet (40), unknown (95) and none (99) are not weapons.
  if (base.some((c) => !['40', '95', '99'].includes(c))) return 'weapon';
  return 'none';
}

const armed = (kind: 'robbery' | 'attack' | 'threat', codes: readonly string[]): CrdcOffense => {
  const w = weaponClass(codes);
  return `${kind}_${w === 'none' ? 'no_weapon' : w}` as CrdcOffense;
};

/**
 * The CRDC offense category of one offense, or null when the CRDC does not count it: rape (NIBRS 11A-11C),
 * sexual assault other than rape (11D fondling), robbery (120), physical attack or fight (13A, 13B, a recorded
 * fight), threat of physical attack (13C intimidation, a recorded threat), possession of a firearm or explosive
 * device (520-526 weapon law violations with a firearm or explosive, or a school-recorded weapon incident with one).
 */
export function crdcOffenseOf(code: string | null, category: string | null, weapons: readonly string[]): CrdcOffense | null {
  switch (code) {
    case '11A': case '11B': case '11C': return 'rape';
    case '11D': return 'sexual_assault';
    case '120': return armed('robbery', weapons);
    case '13A': case '13B': return armed('attack', weapons);
    case '13C': return armed('threat', weapons);
    case '520': case '521': case '522': case '526': return weaponClass(weapons) === 'firearm' ? 'possession_firearm' : null;
    default: break;
  }
  if (code) return null;
  if (category === 'fight') return armed('attack', weapons);
  if (category === 'threat') return armed('threat', weapons);
  if (category === 'weapon') return weaponClass(weapons) === 'firearm' ? 'possession_firearm' : null;
  return null;
}

/** Incidents per CRDC offense category: an incident counts once in a category, whatever its offenses. */
export function countCrdcOffenses(offenses: { incidentId: string; code: string | null; category: string | null; weapons: string[] }[]) {
  const seen = new Map<CrdcOffense, Set<string>>();
  for (const o of offenses) {
    const c = crdcOffenseOf(o.code, o.category, o.weapons);
    if (!c) continue;
    if (!seen.has(c)) seen.set(c, new Set());
    seen.get(c)!.add(o.incidentId);
  }
  return Object.fromEntries(CRDC_OFFENSES.map((c) => [c, seen.get(c)?.size ?? 0])) as Record<CrdcOffense, number>;
}

/** Adds demographic cells (each student in exactly one cell) into a CRDC breakdown. */
export function breakdownOf(cells: (DemographicCount & { n: number })[]): CrdcBreakdown {
  const b: CrdcBreakdown = {
    total: 0,
    race: Object.fromEntries(CRDC_RACES.map((r) => [r, 0])) as CrdcBreakdown['race'],
    sex: { male: 0, female: 0 },
    disability: Object.fromEntries(CRDC_DISABILITY.map((d) => [d, 0])) as CrdcBreakdown['disability'],
    englishLearner: 0,
  };
  for (const c of cells) {
    b.total += c.n;
    // A student without roster demographics counts in the total only.
    if (c.race !== null && c.race in b.race) b.race[c.race as keyof CrdcBreakdown['race']] += c.n;
    if (c.sex !== null) b.sex[c.sex] = (b.sex[c.sex] ?? 0) + c.n;
    b.disability[c.disability] += c.n;
    if (c.englishLearner) b.englishLearner += c.n;
  }
  return b;
}
