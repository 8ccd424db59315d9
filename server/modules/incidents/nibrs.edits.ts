import {
  ARMED_WITH, ARREST_TYPES, BIAS_MOTIVATION, CRIMINAL_ACTIVITY, DRUG_TYPES, DRUG_UNITS, ETHNICITY_CODES, EXCEPTIONAL_CLEARANCE, FIREARM_CODES,
  GANG_CODES, INJURY_CODES, JUVENILE_DISPOSITIONS, MULTIPLE_ARRESTEE, OFFENDER_USING, PROPERTY_DESCRIPTIONS, PROPERTY_LOSS, RACE_CODES,
  RELATIONSHIPS, RESIDENT_CODES, SEX_CODES, VICTIM_TYPES, codeSet,
} from '../../../common/nibrs-codes.js';
import { NIBRS_WEAPON_FORCE, WEAPON_REQUIRED_CODES, nibrsLocationName, nibrsOffense } from '../../../common/nibrs.js';
import { against, groupA, issue, parseAge, youngest, type Edit, type NibrsReport } from './nibrs.model.js';

// The data-quality edits of the FBI NIBRS Technical Specification that apply to what an SRO report records, as one
// table. "save" edits are contradictions or unknown codes: a save carrying one is refused. "submit" edits are facts
// still missing: the report may be saved and approved, but it fails the pre-submission report and stays out of the file.

type Found = { field: string; message: string }[];
const BASE_WEAPONS = codeSet(NIBRS_WEAPON_FORCE);
/** 13B Simple Assault: only personal weapons, other, unknown or none (a weapon makes it 13A). */
const SIMPLE_ASSAULT_WEAPONS = new Set(['40', '90', '95', '99']);
/** Homicide and assault offenses are always reported completed. */
const ALWAYS_COMPLETED = new Set(['09A', '09B', '09C', '13A', '13B', '13C']);
/** DE 12 type criminal activity is required for these offenses... */
const ACTIVITY_OFFENSES = new Set(['250', '280', '35A', '35B', '39C', '370', '520', '521', '522', '526', '720']);
/** ...and gang information for these. */
const GANG_OFFENSES = new Set(['09A', '09B', '100', '11A', '11B', '11C', '11D', '120', '13A', '13B', '13C']);
/** DE 33 injury applies to victims of these offenses only. */
const INJURY_OFFENSES = new Set(['100', '11A', '11B', '11C', '11D', '120', '13A', '13B', '210', '64A', '64B']);
/** Offenses whose report needs a property segment. */
const PROPERTY_OFFENSES = new Set([
  '120', '200', '210', '220', '23A', '23B', '23C', '23D', '23E', '23F', '23G', '23H', '240', '250', '26A', '26B', '26C', '26D', '26E', '26F',
  '26G', '270', '280', '290', '35A', '35B', '39A', '39B', '39C', '39D', '510',
]);

/** Each value of `values` not in `allowed`, as a finding on `field`. */
function unknown(values: readonly (string | null | undefined)[], allowed: ReadonlySet<string>, field: string, what: string): Found {
  return values.filter((v): v is string => !!v && !allowed.has(v)).map((v) => ({ field, message: `${v} is not a ${what} code` }));
}

/** A finding when `alone` is given together with another value. */
function standsAlone(values: readonly string[], alone: readonly string[], field: string): Found {
  const hit = values.find((v) => alone.includes(v));
  return hit && values.length > 1 ? [{ field, message: `${hit} cannot be combined with another value` }] : [];
}

const nibrsOffenses = (r: NibrsReport) => r.offenses.map((o, i) => ({ o, i })).filter(({ o }) => o.kind === 'nibrs' && !!o.code);
const victims = (r: NibrsReport) => r.persons.map((p, i) => ({ p, i })).filter(({ p }) => p.role === 'victim');
const suspects = (r: NibrsReport) => r.persons.map((p, i) => ({ p, i })).filter(({ p }) => p.role === 'suspect');
const victimOffenses = (r: NibrsReport, offenses: number[]) => offenses.map((k) => r.offenses[k]?.code ?? null);

const perOffense = (f: (o: NibrsReport['offenses'][number], i: number) => Found) => (r: NibrsReport) => nibrsOffenses(r).flatMap(({ o, i }) => f(o, i));
const perPerson = (f: (p: NibrsReport['persons'][number], i: number, r: NibrsReport) => Found) => (r: NibrsReport) => r.persons.flatMap((p, i) => f(p, i, r));
const perArrest = (f: (a: NonNullable<NibrsReport['arrests'][number]['arrest']>, i: number, r: NibrsReport, person: number | null) => Found) =>
  (r: NibrsReport) => r.arrests.flatMap((a) => (a.arrest ? f(a.arrest, a.index, r, a.person) : []));
const perProperty = (f: (p: NibrsReport['property'][number], i: number) => Found) => (r: NibrsReport) => r.property.flatMap((p, i) => f(p, i));

/** The edit table. */
export const NIBRS_EDITS: readonly Edit[] = [
  { rule: 'offense_code_unknown', element: 'DE 6', when: 'save', check: perOffense((o, i) => (nibrsOffense(o.code!) ? [] : [{ field: `offenses.${i}.code`, message: `${o.code} is not a NIBRS offense code` }])) },
  { rule: 'weapon_code_invalid', element: 'DE 13', when: 'save', check: (r) => r.offenses.flatMap((o, i) => o.weaponForce.flatMap((w) => {
    const base = w.endsWith('A') ? w.slice(0, -1) : w;
    if (!BASE_WEAPONS.has(base)) return [{ field: `offenses.${i}.weaponForce`, message: `${w} is not a NIBRS weapon/force code` }];
    return w.endsWith('A') && !FIREARM_CODES.has(base) ? [{ field: `offenses.${i}.weaponForce`, message: `${w}: the automatic indicator A applies to firearms (11-15) only` }] : [];
  })) },
  { rule: 'weapon_duplicate', element: 'DE 13', when: 'save', check: (r) => r.offenses.flatMap((o, i) => (new Set(o.weaponForce.map((w) => w.replace(/A$/, ''))).size < o.weaponForce.length ? [{ field: `offenses.${i}.weaponForce`, message: 'a weapon/force type is given twice' }] : [])) },
  { rule: 'weapon_none_alone', element: 'DE 13', when: 'save', check: (r) => r.offenses.flatMap((o, i) => standsAlone(o.weaponForce, ['99'], `offenses.${i}.weaponForce`).map((f) => ({ ...f, message: '99 None cannot be combined with a weapon or force' }))) },
  { rule: 'weapon_required', element: 'DE 13', when: 'save', check: perOffense((o, i) => (WEAPON_REQUIRED_CODES.has(o.code!) && o.weaponForce.length === 0 ? [{ field: `offenses.${i}.weaponForce`, message: `NIBRS requires a weapon/force type for ${o.code} (99 when none)` }] : [])) },
  { rule: 'weapon_not_allowed', element: 'DE 13', when: 'save', check: perOffense((o, i) => (!WEAPON_REQUIRED_CODES.has(o.code!) && o.weaponForce.length > 0 ? [{ field: `offenses.${i}.weaponForce`, message: `weapon/force is not reported for ${o.code}` }] : [])) },
  { rule: 'simple_assault_weapon', element: 'DE 13', when: 'save', check: perOffense((o, i) => {
    const bad = o.code === '13B' ? o.weaponForce.filter((w) => !SIMPLE_ASSAULT_WEAPONS.has(w)) : [];
    return bad.length ? [{ field: `offenses.${i}.weaponForce`, message: `13B Simple Assault allows only 40, 90, 95 or 99 (${bad.join(', ')} makes it 13A Aggravated Assault)` }] : [];
  }) },
  { rule: 'offense_must_be_completed', element: 'DE 7', when: 'save', check: perOffense((o, i) => (ALWAYS_COMPLETED.has(o.code!) && o.attempted ? [{ field: `offenses.${i}.attempted`, message: `${o.code} is always reported completed` }] : [])) },
  { rule: 'offender_using_invalid', element: 'DE 8', when: 'save', check: (r) => r.offenses.flatMap((o, i) => [...unknown(o.offenderUsing, codeSet(OFFENDER_USING), `offenses.${i}.offenderUsing`, 'offender-suspected-of-using'), ...standsAlone(o.offenderUsing, ['N'], `offenses.${i}.offenderUsing`)]) },
  { rule: 'offender_using_required', element: 'DE 8', when: 'submit', check: perOffense((o, i) => (groupA(o.code) && o.offenderUsing.length === 0 ? [{ field: `offenses.${i}.offenderUsing`, message: 'say whether the offender was suspected of using alcohol, drugs or a computer (N when not)' }] : [])) },
  { rule: 'bias_invalid', element: 'DE 8A', when: 'save', check: (r) => r.offenses.flatMap((o, i) => [...unknown(o.bias, codeSet(BIAS_MOTIVATION), `offenses.${i}.bias`, 'bias motivation'), ...standsAlone(o.bias, ['88', '99'], `offenses.${i}.bias`)]) },
  { rule: 'bias_required', element: 'DE 8A', when: 'submit', check: perOffense((o, i) => (groupA(o.code) && o.bias.length === 0 ? [{ field: `offenses.${i}.bias`, message: 'give the bias motivation (88 when none)' }] : [])) },
  { rule: 'location_invalid', element: 'DE 9', when: 'save', check: (r) => r.offenses.flatMap((o, i) => (o.locationCode && !nibrsLocationName(o.locationCode) ? [{ field: `offenses.${i}.locationCode`, message: `${o.locationCode} is not a NIBRS location code` }] : [])) },
  { rule: 'criminal_activity_invalid', element: 'DE 12', when: 'save', check: (r) => r.offenses.flatMap((o, i) => unknown(o.criminalActivity, codeSet(CRIMINAL_ACTIVITY), `offenses.${i}.criminalActivity`, 'criminal activity/gang')) },
  { rule: 'criminal_activity_not_allowed', element: 'DE 12', when: 'save', check: perOffense((o, i) => (o.criminalActivity.length > 0 && !ACTIVITY_OFFENSES.has(o.code!) && !GANG_OFFENSES.has(o.code!) ? [{ field: `offenses.${i}.criminalActivity`, message: `criminal activity/gang information is not reported for ${o.code}` }] : [])) },
  { rule: 'criminal_activity_required', element: 'DE 12', when: 'submit', check: perOffense((o, i) => {
    if (ACTIVITY_OFFENSES.has(o.code!) && !o.criminalActivity.some((c) => !GANG_CODES.has(c))) return [{ field: `offenses.${i}.criminalActivity`, message: `${o.code} needs the type of criminal activity (e.g. P possessing)` }];
    if (GANG_OFFENSES.has(o.code!) && !o.criminalActivity.some((c) => GANG_CODES.has(c))) return [{ field: `offenses.${i}.criminalActivity`, message: `${o.code} needs gang information (N when none)` }];
    return [];
  }) },
  { rule: 'roster_demographics', element: 'DE 26-29', when: 'save', check: perPerson((p, i) => (p.student && (p.age || p.sex || p.race || p.ethnicity) ? [{ field: `persons.${i}.nibrs.${p.age ? 'age' : p.sex ? 'sex' : p.race ? 'race' : 'ethnicity'}`, message: 'a student\'s age, sex, race and ethnicity come from the roster' }] : [])) },
  { rule: 'person_code_invalid', element: 'DE 25-30', when: 'save', check: perPerson((p, i) => [
    ...unknown([p.victimType], codeSet(VICTIM_TYPES), `persons.${i}.nibrs.victimType`, 'victim type'),
    ...unknown([p.sex], codeSet(SEX_CODES), `persons.${i}.nibrs.sex`, 'sex'),
    ...unknown([p.race], codeSet(RACE_CODES), `persons.${i}.nibrs.race`, 'race'),
    ...unknown([p.ethnicity], codeSet(ETHNICITY_CODES), `persons.${i}.nibrs.ethnicity`, 'ethnicity'),
    ...unknown([p.resident], codeSet(RESIDENT_CODES), `persons.${i}.nibrs.resident`, 'resident status'),
  ]) },
  { rule: 'age_invalid', element: 'DE 26/37', when: 'save', check: perPerson((p, i) => {
    if (!p.age) return [];
    const a = parseAge(p.age);
    if (!a || (a !== 'special' && (a.max > 99 || a.min < 1))) return [{ field: `persons.${i}.nibrs.age`, message: `${p.age} is not a NIBRS age (years 1-99, a range such as 25-30, 00 unknown, NN/NB/BB)` }];
    if (a !== 'special' && a.min >= a.max && p.age.includes('-')) return [{ field: `persons.${i}.nibrs.age`, message: 'the first age of a range must be below the second' }];
    if (a !== 'special' && p.role !== 'victim' && ['NN', 'NB', 'BB'].includes(p.age)) return [{ field: `persons.${i}.nibrs.age`, message: 'NN/NB/BB are victim ages only' }];
    return [];
  }) },
  { rule: 'victim_fields_on_non_victim', element: 'DE 24-35', when: 'save', check: perPerson((p, i) => (p.role !== 'victim' && (p.victimType || p.injuries.length || p.relationships.length || p.offenses.length) ? [{ field: `persons.${i}.nibrs.victimType`, message: 'victim type, injury, relationships and connected offenses belong to victims' }] : [])) },
  { rule: 'victim_offense_unknown', element: 'DE 24', when: 'save', check: perPerson((p, i, r) => p.offenses.filter((k) => !r.offenses[k] || r.offenses[k]!.kind !== 'nibrs').map(() => ({ field: `persons.${i}.nibrs.offenses`, message: 'a victim is connected only to NIBRS offenses of this report' }))) },
  { rule: 'injury_invalid', element: 'DE 33', when: 'save', check: perPerson((p, i) => [...unknown(p.injuries, codeSet(INJURY_CODES), `persons.${i}.nibrs.injuries`, 'injury'), ...standsAlone(p.injuries, ['N'], `persons.${i}.nibrs.injuries`)]) },
  { rule: 'injury_not_allowed', element: 'DE 33', when: 'save', check: perPerson((p, i, r) => (p.injuries.length && !victimOffenses(r, p.offenses).some((c) => c && INJURY_OFFENSES.has(c)) ? [{ field: `persons.${i}.nibrs.injuries`, message: 'injury is reported only for victims of assault, robbery, kidnapping, sex offenses, extortion or human trafficking' }] : [])) },
  { rule: 'relationship_invalid', element: 'DE 34/35', when: 'save', check: perPerson((p, i, r) => p.relationships.flatMap((rel) => [
    ...unknown([rel.code], codeSet(RELATIONSHIPS), `persons.${i}.nibrs.relationships`, 'relationship'),
    ...(r.persons[rel.offender]?.role === 'suspect' ? [] : [{ field: `persons.${i}.nibrs.relationships`, message: `person ${rel.offender} is not an offender (suspect) of this report` }]),
  ])) },
  { rule: 'relationship_person_crime_only', element: 'DE 35', when: 'save', check: perPerson((p, i, r) => (p.relationships.length && !victimOffenses(r, p.offenses).some((c) => against(c) === 'Person' || c === '120') ? [{ field: `persons.${i}.nibrs.relationships`, message: 'a relationship to the offender is reported only for victims of crimes against persons or robbery' }] : [])) },
  { rule: 'society_victim_type', element: 'DE 25', when: 'save', check: perPerson((p, i, r) => {
    const classes = victimOffenses(r, p.offenses).map(against);
    if (p.victimType === 'S') return [{ field: `persons.${i}.nibrs.victimType`, message: 'Society (S) is not a person: the submission reports it for crimes against society by itself' }];
    if (classes.includes('Society')) return [{ field: `persons.${i}.nibrs.offenses`, message: 'the victim of a crime against society is Society (S), not a person' }];
    if (classes.includes('Person') && p.victimType && !['I', 'L'].includes(p.victimType)) return [{ field: `persons.${i}.nibrs.victimType`, message: 'the victim of a crime against a person is an individual (I) or an officer (L)' }];
    return [];
  }) },
  { rule: 'victim_required', element: 'DE 24', when: 'submit', check: (r) => nibrsOffenses(r).filter(({ o, i }) => groupA(o.code) && against(o.code) !== 'Society' && !victims(r).some(({ p }) => p.offenses.includes(i))).map(({ o, i }) => ({ field: `offenses.${i}`, message: `${o.code} needs a victim connected to it` })) },
  { rule: 'victim_type_required', element: 'DE 25', when: 'submit', check: (r) => victims(r).filter(({ p }) => p.offenses.length && !p.victimType).map(({ i }) => ({ field: `persons.${i}.nibrs.victimType`, message: 'give the type of victim' })) },
  { rule: 'victim_demographics_required', element: 'DE 26-28', when: 'submit', check: (r) => victims(r).filter(({ p }) => !p.student && ['I', 'L'].includes(p.victimType ?? '')).flatMap(({ p, i }) => (['age', 'sex', 'race'] as const).filter((k) => !p[k]).map((k) => ({ field: `persons.${i}.nibrs.${k}`, message: `give the victim's ${k} (U or 00 when unknown)` }))) },
  { rule: 'injury_required', element: 'DE 33', when: 'submit', check: (r) => victims(r).filter(({ p }) => ['I', 'L'].includes(p.victimType ?? '') && !p.injuries.length && victimOffenses(r, p.offenses).some((c) => c && INJURY_OFFENSES.has(c))).map(({ i }) => ({ field: `persons.${i}.nibrs.injuries`, message: 'give the injury (N when none)' })) },
  { rule: 'relationship_required', element: 'DE 34/35', when: 'submit', check: (r) => victims(r).filter(({ p }) => ['I', 'L'].includes(p.victimType ?? '') && victimOffenses(r, p.offenses).some((c) => against(c) === 'Person' || c === '120'))
    .flatMap(({ p, i }) => suspects(r).filter((s) => !p.relationships.some((rel) => rel.offender === s.i)).map((s) => ({ field: `persons.${i}.nibrs.relationships`, message: `give the victim's relationship to offender ${s.i} (RU when unknown)` }))) },
  { rule: 'offender_demographics_required', element: 'DE 37-39', when: 'submit', check: (r) => suspects(r).filter(({ p }) => !p.student).flatMap(({ p, i }) => (['age', 'sex', 'race'] as const).filter((k) => !p[k]).map((k) => ({ field: `persons.${i}.nibrs.${k}`, message: `give the offender's ${k} (U or 00 when unknown)` }))) },
  { rule: 'arrest_code_invalid', element: 'DE 43-46', when: 'save', check: perArrest((a, i) => [
    ...unknown([a.type], codeSet(ARREST_TYPES), `actions.${i}.arrest.type`, 'type of arrest'),
    ...unknown([a.multiple], codeSet(MULTIPLE_ARRESTEE), `actions.${i}.arrest.multiple`, 'multiple arrestee'),
    ...(nibrsOffense(a.offenseCode) ? [] : [{ field: `actions.${i}.arrest.offenseCode`, message: `${a.offenseCode} is not a NIBRS offense code` }]),
  ]) },
  { rule: 'armed_with_invalid', element: 'DE 46', when: 'save', check: perArrest((a, i) => [
    ...a.armedWith.flatMap((w) => {
      const base = w.endsWith('A') ? w.slice(0, -1) : w;
      if (!codeSet(ARMED_WITH).has(base)) return [{ field: `actions.${i}.arrest.armedWith`, message: `${w} is not an armed-with code` }];
      return w.endsWith('A') && !FIREARM_CODES.has(base) ? [{ field: `actions.${i}.arrest.armedWith`, message: `${w}: the automatic indicator A applies to firearms (11-15) only` }] : [];
    }),
    ...standsAlone(a.armedWith, ['01'], `actions.${i}.arrest.armedWith`),
  ]) },
  { rule: 'juvenile_disposition_adult', element: 'DE 52', when: 'save', check: perArrest((a, i, r, person) => {
    const age = person === null ? null : youngest(r.persons[person]!);
    if (a.juvenileDisposition && !codeSet(JUVENILE_DISPOSITIONS).has(a.juvenileDisposition)) return [{ field: `actions.${i}.arrest.juvenileDisposition`, message: `${a.juvenileDisposition} is not a disposition code` }];
    return a.juvenileDisposition && age !== null && age >= 18 ? [{ field: `actions.${i}.arrest.juvenileDisposition`, message: 'a disposition is given only for an arrestee under 18' }] : [];
  }) },
  { rule: 'juvenile_disposition_required', element: 'DE 52', when: 'submit', check: perArrest((a, i, r, person) => {
    const age = person === null ? null : youngest(r.persons[person]!);
    return !a.juvenileDisposition && age !== null && age < 18 ? [{ field: `actions.${i}.arrest.juvenileDisposition`, message: 'an arrestee under 18 needs a disposition (H or R)' }] : [];
  }) },
  { rule: 'arrest_details_required', element: 'DE 41-46', when: 'submit', check: (r) => r.arrests.filter((a) => !a.arrest).map((a) => ({ field: `actions.${a.index}.arrest`, message: 'give the type of arrest, the arrest offense and what the arrestee was armed with' })) },
  { rule: 'property_code_invalid', element: 'DE 14/15', when: 'save', check: perProperty((p, i) => [
    ...unknown([p.lossType], codeSet(PROPERTY_LOSS), `property.${i}.lossType`, 'property loss'),
    ...unknown([p.description], codeSet(PROPERTY_DESCRIPTIONS), `property.${i}.description`, 'property description'),
  ]) },
  { rule: 'recovered_date_needs_recovered', element: 'DE 17', when: 'save', check: perProperty((p, i) => (p.recoveredOn && p.lossType !== '5' ? [{ field: `property.${i}.recoveredOn`, message: 'a date recovered goes with loss type 5 (recovered)' }] : [])) },
  { rule: 'recovered_date_before_incident', element: 'DE 17', when: 'save', check: (r) => r.property.flatMap((p, i) => (p.recoveredOn && p.recoveredOn < r.occurredOn ? [{ field: `property.${i}.recoveredOn`, message: 'property cannot be recovered before the incident' }] : [])) },
  { rule: 'value_not_for_none', element: 'DE 16', when: 'save', check: perProperty((p, i) => (p.value !== null && ['1', '8'].includes(p.lossType) ? [{ field: `property.${i}.value`, message: 'no value is reported with loss type 1 (none) or 8 (unknown)' }] : [])) },
  { rule: 'drug_needs_drug_description', element: 'DE 20', when: 'save', check: perProperty((p, i) => (p.drug && p.description !== '10' ? [{ field: `property.${i}.drug`, message: 'drug type and quantity go with description 10 (drugs/narcotics)' }] : [])) },
  { rule: 'drug_invalid', element: 'DE 20-22', when: 'save', check: perProperty((p, i) => (p.drug ? [
    ...unknown([p.drug.type], codeSet(DRUG_TYPES), `property.${i}.drug.type`, 'drug type'),
    ...unknown([p.drug.unit], codeSet(DRUG_UNITS), `property.${i}.drug.unit`, 'drug measurement'),
    ...(p.drug.unit === 'XX' ? (p.drug.quantity !== null ? [{ field: `property.${i}.drug.quantity`, message: 'no quantity with measurement XX (not reported)' }] : [])
      : (p.drug.quantity === null || p.drug.quantity <= 0 ? [{ field: `property.${i}.drug.quantity`, message: 'give the estimated quantity (or measurement XX)' }] : [])),
  ] : [])) },
  { rule: 'property_segment_required', element: 'DE 14', when: 'submit', check: (r) => (nibrsOffenses(r).some(({ o }) => PROPERTY_OFFENSES.has(o.code!)) && r.property.length === 0
    ? [{ field: 'property', message: `${nibrsOffenses(r).find(({ o }) => PROPERTY_OFFENSES.has(o.code!))!.o.code} needs a property segment (what was stolen, damaged, seized; 1 none when attempted)` }] : []) },
  { rule: 'drug_seizure_required', element: 'DE 14/20', when: 'submit', check: (r) => nibrsOffenses(r).filter(({ o }) => o.code === '35A' && !o.attempted)
    .filter(() => !r.property.some((p) => p.lossType === '6' && p.description === '10' && p.drug)).map(({ i }) => ({ field: `offenses.${i}`, message: 'a completed 35A needs the seized drugs: loss type 6, description 10, drug type and quantity' })) },
  { rule: 'clearance_invalid', element: 'DE 4/5', when: 'save', check: (r) => {
    const c = r.clearance;
    if (!c) return [];
    if (!codeSet(EXCEPTIONAL_CLEARANCE).has(c.code)) return [{ field: 'clearance.code', message: `${c.code} is not an exceptional clearance code` }];
    if (c.code !== 'N' && !c.date) return [{ field: 'clearance.date', message: 'an exceptional clearance needs its date' }];
    if (c.code === 'N' && c.date) return [{ field: 'clearance.date', message: 'no date when not cleared exceptionally (N)' }];
    return c.date && c.date < r.occurredOn ? [{ field: 'clearance.date', message: 'cleared before the incident occurred' }] : [];
  } },
  { rule: 'clearance_with_arrest', element: 'DE 4', when: 'save', check: (r) => (r.clearance && r.clearance.code !== 'N' && r.arrests.length ? [{ field: 'clearance.code', message: 'an incident cleared by arrest is not cleared exceptionally' }] : []) },
  { rule: 'nibrs_offense_required', element: 'DE 6', when: 'submit', check: (r) => (nibrsOffenses(r).some(({ o }) => groupA(o.code)) || r.arrests.length ? [] : [{ field: 'offenses', message: 'no Group A NIBRS offense (and no arrest): nothing to report' }]) },
];

/** Every issue of a report, in table order. */
export function nibrsIssues(report: NibrsReport) {
  return NIBRS_EDITS.flatMap((edit) => edit.check(report).map((found) => issue(edit, found)));
}
