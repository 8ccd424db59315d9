import type { ArrestInput, OffenseInput, PropertyInput } from '../../../common/incidents.js';
import type { StoredPersonNibrs } from '../schema/index.js';

/** Crimes against persons among the demo's stories: their victims name a relationship and an injury. */
const PERSON_CRIMES = new Set(['13B', '13C']);

/**
 * The NIBRS segments of a demo incident, so the demo's approved reports pass the NIBRS edits: victims connected to
 * the offenses they suffered (with injury and relationship to each suspect), property for theft, damage and drugs.
 */
export function demoSegments(storyKey: string, offenses: readonly OffenseInput[], people: { id: string; role: string }[], day: string) {
  const nibrsAt = offenses.flatMap((o, i) => (o.kind === 'nibrs' ? [{ code: o.code, i }] : []));
  const suspects = people.filter((p) => p.role === 'suspect');
  const persons = new Map<string, StoredPersonNibrs>();
  for (const p of people.filter((x) => x.role === 'victim')) {
    const connected = nibrsAt.filter((o) => o.code !== '90J');
    const person = connected.some((o) => PERSON_CRIMES.has(o.code));
    persons.set(p.id, {
      victimType: 'I', resident: 'R', injuries: connected.some((o) => o.code === '13B') ? ['M'] : [], offenses: connected.map((o) => o.i),
      relationships: person ? suspects.map((s) => ({ offenderId: s.id, code: 'AQ' })) : [],
    });
  }
  const property: PropertyInput[] = [];
  if (storyKey === 'theft') {
    property.push({ lossType: '7', description: '75', value: 450, recoveredOn: null, text: 'Mobile phone', drug: null });
    property.push({ lossType: '5', description: '75', value: 450, recoveredOn: day, text: 'Mobile phone', drug: null });
  }
  if (storyKey === 'vandalism') property.push({ lossType: '4', description: '33', value: 300, recoveredOn: null, text: 'Restroom wall', drug: null });
  if (storyKey === 'drugs') property.push({ lossType: '6', description: '10', value: null, recoveredOn: null, text: 'Plastic bag', drug: { type: 'E', quantity: 3.5, unit: 'GM' } });
  return { persons, property };
}

/** The arrestee segment of a demo arrest: taken into custody for the first NIBRS offense; a disposition under 18. */
export function demoArrest(offenses: readonly OffenseInput[], juvenile: boolean, storyKey: string): ArrestInput {
  const first = offenses.find((o) => o.kind === 'nibrs');
  return {
    type: 'T', offenseCode: first?.kind === 'nibrs' ? first.code : '90Z', armedWith: storyKey === 'weapon' ? ['16'] : ['01'], multiple: 'N',
    juvenileDisposition: juvenile ? 'H' : null,
  };
}
