import { describe, expect, it } from 'vitest';
import { NIBRS_EDITS, nibrsIssues } from './nibrs.edits.js';
import type { NibrsReport } from './nibrs.model.js';

type Person = NibrsReport['persons'][number];
const person = (over: Partial<Person>): Person => ({
  role: 'victim', student: false, roster: null, victimType: null, age: null, sex: null, race: null, ethnicity: null, resident: null,
  injuries: [], relationships: [], offenses: [], ...over,
});
const offense = (code: string, over: Partial<NibrsReport['offenses'][number]> = {}): NibrsReport['offenses'][number] => ({
  kind: 'nibrs', code, attempted: false, weaponForce: [], offenderUsing: ['N'], bias: ['88'], criminalActivity: [], locationCode: null, ...over,
});

/** A simple assault that passes every edit: the base each case breaks one way. */
function assault(): NibrsReport {
  return {
    locationCode: '53', occurredOn: '2026-11-02',
    offenses: [offense('13B', { weaponForce: ['40'], criminalActivity: ['N'] })],
    persons: [
      person({ victimType: 'I', age: '15', sex: 'F', race: 'W', ethnicity: 'N', resident: 'R', injuries: ['M'], relationships: [{ offender: 1, code: 'AQ' }], offenses: [0] }),
      person({ role: 'suspect', age: '16', sex: 'M', race: 'B', ethnicity: 'N' }),
    ],
    arrests: [], property: [], clearance: null,
  };
}

/** Each rule of the table with a report that breaks it and the field the refusal must name. */
const CASES: [string, (r: NibrsReport) => void, string][] = [
  ['offense_code_unknown', (r) => { r.offenses[0]!.code = '99Z'; }, 'offenses.0.code'],
  ['weapon_code_invalid', (r) => { r.offenses[0]!.weaponForce = ['40A']; }, 'offenses.0.weaponForce'],
  ['weapon_duplicate', (r) => { r.offenses[0]!.weaponForce = ['40', '40']; }, 'offenses.0.weaponForce'],
  ['weapon_none_alone', (r) => { r.offenses[0]!.weaponForce = ['99', '40']; }, 'offenses.0.weaponForce'],
  ['weapon_required', (r) => { r.offenses[0]!.weaponForce = []; }, 'offenses.0.weaponForce'],
  ['weapon_not_allowed', (r) => { r.offenses.push(offense('290', { weaponForce: ['30'] })); }, 'offenses.1.weaponForce'],
  ['simple_assault_weapon', (r) => { r.offenses[0]!.weaponForce = ['12']; }, 'offenses.0.weaponForce'],
  ['offense_must_be_completed', (r) => { r.offenses[0]!.attempted = true; }, 'offenses.0.attempted'],
  ['offender_using_invalid', (r) => { r.offenses[0]!.offenderUsing = ['N', 'A']; }, 'offenses.0.offenderUsing'],
  ['offender_using_required', (r) => { r.offenses[0]!.offenderUsing = []; }, 'offenses.0.offenderUsing'],
  ['bias_invalid', (r) => { r.offenses[0]!.bias = ['88', '12']; }, 'offenses.0.bias'],
  ['bias_required', (r) => { r.offenses[0]!.bias = []; }, 'offenses.0.bias'],
  ['location_invalid', (r) => { r.offenses[0]!.locationCode = '99'; }, 'offenses.0.locationCode'],
  ['criminal_activity_invalid', (r) => { r.offenses[0]!.criminalActivity = ['Z']; }, 'offenses.0.criminalActivity'],
  ['criminal_activity_not_allowed', (r) => { r.offenses.push(offense('23D', { criminalActivity: ['P'] })); }, 'offenses.1.criminalActivity'],
  ['criminal_activity_required', (r) => { r.offenses[0]!.criminalActivity = []; }, 'offenses.0.criminalActivity'],
  ['roster_demographics', (r) => { r.persons[1] = { ...r.persons[1]!, student: true, roster: { age: 16, sex: 'M', race: 'B', ethnicity: 'N' } }; }, 'persons.1.nibrs.age'],
  ['person_code_invalid', (r) => { r.persons[0]!.race = 'Q'; }, 'persons.0.nibrs.race'],
  ['age_invalid', (r) => { r.persons[1]!.age = '30-25'; }, 'persons.1.nibrs.age'],
  ['victim_fields_on_non_victim', (r) => { r.persons[1]!.injuries = ['M']; }, 'persons.1.nibrs.victimType'],
  ['victim_offense_unknown', (r) => { r.persons[0]!.offenses = [0, 3]; }, 'persons.0.nibrs.offenses'],
  ['injury_invalid', (r) => { r.persons[0]!.injuries = ['N', 'M']; }, 'persons.0.nibrs.injuries'],
  ['injury_not_allowed', (r) => { r.offenses[0] = offense('13C', { criminalActivity: ['N'] }); }, 'persons.0.nibrs.injuries'],
  ['relationship_invalid', (r) => { r.persons[0]!.relationships = [{ offender: 0, code: 'AQ' }]; }, 'persons.0.nibrs.relationships'],
  ['relationship_person_crime_only', (r) => { r.offenses = [offense('23D')]; r.property = [{ lossType: '7', description: '75', value: 10, recoveredOn: null, drug: null }]; r.persons[0]!.injuries = []; }, 'persons.0.nibrs.relationships'],
  ['society_victim_type', (r) => { r.offenses.push(offense('35A', { criminalActivity: ['P'] })); r.persons[0]!.offenses = [0, 1]; }, 'persons.0.nibrs.offenses'],
  ['victim_required', (r) => { r.persons[0]!.offenses = []; r.persons[0]!.injuries = []; r.persons[0]!.relationships = []; }, 'offenses.0'],
  ['victim_type_required', (r) => { r.persons[0]!.victimType = null; }, 'persons.0.nibrs.victimType'],
  ['victim_demographics_required', (r) => { r.persons[0]!.sex = null; }, 'persons.0.nibrs.sex'],
  ['injury_required', (r) => { r.persons[0]!.injuries = []; }, 'persons.0.nibrs.injuries'],
  ['relationship_required', (r) => { r.persons[0]!.relationships = []; }, 'persons.0.nibrs.relationships'],
  ['offender_demographics_required', (r) => { r.persons[1]!.race = null; }, 'persons.1.nibrs.race'],
  ['arrest_code_invalid', (r) => { r.arrests = [{ person: 1, index: 0, arrest: { type: 'X', offenseCode: '13B', armedWith: ['01'], multiple: 'N' } }]; }, 'actions.0.arrest.type'],
  ['armed_with_invalid', (r) => { r.arrests = [{ person: 1, index: 0, arrest: { type: 'T', offenseCode: '13B', armedWith: ['01', '16'], multiple: 'N', juvenileDisposition: 'H' } }]; }, 'actions.0.arrest.armedWith'],
  ['juvenile_disposition_adult', (r) => { r.persons[1]!.age = '19'; r.arrests = [{ person: 1, index: 0, arrest: { type: 'T', offenseCode: '13B', armedWith: ['01'], multiple: 'N', juvenileDisposition: 'H' } }]; }, 'actions.0.arrest.juvenileDisposition'],
  ['juvenile_disposition_required', (r) => { r.arrests = [{ person: 1, index: 0, arrest: { type: 'T', offenseCode: '13B', armedWith: ['01'], multiple: 'N', juvenileDisposition: null } }]; }, 'actions.0.arrest.juvenileDisposition'],
  ['arrest_details_required', (r) => { r.arrests = [{ person: 1, index: 2, arrest: null }]; }, 'actions.2.arrest'],
  ['property_code_invalid', (r) => { r.property = [{ lossType: '9', description: '75', value: null, recoveredOn: null }]; }, 'property.0.lossType'],
  ['recovered_date_needs_recovered', (r) => { r.property = [{ lossType: '7', description: '75', value: 5, recoveredOn: '2026-11-03' }]; }, 'property.0.recoveredOn'],
  ['recovered_date_before_incident', (r) => { r.property = [{ lossType: '5', description: '75', value: 5, recoveredOn: '2026-11-01' }]; }, 'property.0.recoveredOn'],
  ['value_not_for_none', (r) => { r.property = [{ lossType: '1', description: '75', value: 5, recoveredOn: null }]; }, 'property.0.value'],
  ['drug_needs_drug_description', (r) => { r.property = [{ lossType: '6', description: '11', value: null, recoveredOn: null, drug: { type: 'E', quantity: 1, unit: 'GM' } }]; }, 'property.0.drug'],
  ['drug_invalid', (r) => { r.property = [{ lossType: '6', description: '10', value: null, recoveredOn: null, drug: { type: 'E', quantity: null, unit: 'GM' } }]; }, 'property.0.drug.quantity'],
  ['property_segment_required', (r) => { r.offenses.push(offense('23D')); }, 'property'],
  ['drug_seizure_required', (r) => { r.offenses.push(offense('35A', { criminalActivity: ['P'] })); r.property = [{ lossType: '6', description: '11', value: 10, recoveredOn: null }]; }, 'offenses.1'],
  ['clearance_invalid', (r) => { r.clearance = { code: 'B', date: null }; }, 'clearance.date'],
  ['clearance_with_arrest', (r) => { r.clearance = { code: 'B', date: '2026-11-03' }; r.arrests = [{ person: 1, index: 0, arrest: { type: 'T', offenseCode: '13B', armedWith: ['01'], multiple: 'N', juvenileDisposition: 'H' } }]; }, 'clearance.code'],
  ['nibrs_offense_required', (r) => { r.offenses = [{ ...offense('13B'), kind: 'school', code: null }]; r.persons[0]!.offenses = []; r.persons[0]!.injuries = []; r.persons[0]!.relationships = []; }, 'offenses'],
];

describe('the NIBRS edit table', () => {
  it('a complete simple assault passes every edit', () => {
    expect(nibrsIssues(assault())).toEqual([]);
  });

  it('has a case below for every rule of the table', () => {
    expect(CASES.map(([rule]) => rule).sort()).toEqual(NIBRS_EDITS.map((e) => e.rule).sort());
  });

  it.each(CASES)('%s: names the field and the rule', (rule, breakIt, field) => {
    const report = assault();
    breakIt(report);
    const found = nibrsIssues(report).filter((i) => i.rule === rule);
    expect(found.map((i) => i.field)).toContain(field);
    expect(found[0]!.message).toMatch(/\(NIBRS DE [0-9A-Z/ -]+\)$/);
  });

  it('simple assault with a handgun is refused at save, and 99 with another code too', () => {
    const gun = assault();
    gun.offenses[0]!.weaponForce = ['12'];
    expect(nibrsIssues(gun).filter((i) => i.when === 'save').map((i) => i.rule)).toEqual(['simple_assault_weapon']);
    const none = assault();
    none.offenses[0]!.weaponForce = ['99', '40'];
    expect(nibrsIssues(none).filter((i) => i.when === 'save').map((i) => i.rule)).toEqual(['weapon_none_alone']);
  });

  it('an automatic firearm (12A) is accepted for aggravated assault but not an "automatic knife" (20A)', () => {
    const r = assault();
    r.offenses[0] = offense('13A', { weaponForce: ['12A'], criminalActivity: ['N'] });
    expect(nibrsIssues(r).filter((i) => i.rule.startsWith('weapon'))).toEqual([]);
    r.offenses[0]!.weaponForce = ['20A'];
    expect(nibrsIssues(r).map((i) => i.rule)).toContain('weapon_code_invalid');
  });

  it('a student under 18 by the roster needs a juvenile disposition when arrested; the roster age decides', () => {
    const r = assault();
    r.persons[1] = { ...r.persons[1]!, student: true, age: null, sex: null, race: null, ethnicity: null, roster: { age: 15, sex: 'M', race: 'B', ethnicity: 'N' } };
    r.arrests = [{ person: 1, index: 0, arrest: { type: 'T', offenseCode: '13B', armedWith: ['01'], multiple: 'N', juvenileDisposition: null } }];
    expect(nibrsIssues(r).map((i) => i.rule)).toEqual(['juvenile_disposition_required']);
  });
});
