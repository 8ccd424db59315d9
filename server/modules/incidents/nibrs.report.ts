import type {
  ActionInput, ArrestInput, ClearanceInput, IncidentCore, OffenseInput, PersonInput, PropertyInput,
} from '../../../common/incidents.js';
import { AppError } from '../../lib/errors.js';
import { dayIn } from '../../lib/district-time.js';
import { nibrsIssues } from './nibrs.edits.js';
import { ageOn, rosterToNibrs, type NibrsReport } from './nibrs.model.js';

/** Roster facts of a student, by student id (date of birth, sex, race/ethnicity as the roster keeps them). */
export type RosterFacts = ReadonlyMap<string, { dateOfBirth: string | null; sex: string | null; raceEthnicity: string | null }>;

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(at: Date | string, timezone: string): string {
  return dayIn(timezone, new Date(at));
}

function rosterOf(studentId: string | null | undefined, roster: RosterFacts, day: string): NibrsReport['persons'][number]['roster'] {
  const s = studentId ? roster.get(studentId) : undefined;
  return s ? { age: s.dateOfBirth ? ageOn(s.dateOfBirth, day) : null, ...rosterToNibrs(s.sex, s.raceEthnicity) } : null;
}

/** The state a save writes, as the NIBRS edits see it (persons and offenses by their index in the body). */
export function reportFromInput(state: {
  locationCode: string; occurredOn: string; offenses: OffenseInput[]; persons: PersonInput[]; actions: ActionInput[];
  property: PropertyInput[]; clearance: ClearanceInput | null;
}, roster: RosterFacts): NibrsReport {
  return {
    locationCode: state.locationCode,
    occurredOn: state.occurredOn,
    offenses: state.offenses.map((o) => (o.kind === 'nibrs'
      ? { kind: 'nibrs', code: o.code, attempted: o.attempted, weaponForce: o.weaponForce, offenderUsing: o.offenderUsing, bias: o.bias, criminalActivity: o.criminalActivity, locationCode: o.locationCode ?? null }
      : { kind: 'school', code: null, attempted: o.attempted, weaponForce: o.weaponForce, offenderUsing: [], bias: [], criminalActivity: [], locationCode: null })),
    persons: state.persons.map((p) => {
      const n = p.nibrs;
      return {
        role: p.role, student: p.kind === 'student', roster: p.kind === 'student' ? rosterOf(p.studentId, roster, state.occurredOn) : null,
        victimType: n?.victimType ?? null, age: n?.age || null, sex: n?.sex ?? null, race: n?.race ?? null, ethnicity: n?.ethnicity ?? null,
        resident: n?.resident ?? null, injuries: n?.injuries ?? [], relationships: n?.relationships ?? [], offenses: n?.offenses ?? [],
      };
    }),
    arrests: state.actions.flatMap((a, index) => (a.kind === 'arrest' ? [{ person: a.person, arrest: (a.arrest ?? null) as ArrestInput | null, index }] : [])),
    property: state.property,
    clearance: state.clearance,
  };
}

/** Hidden roster facts the core query adds to each student person (never answered). */
export interface CoreRoster {
  personId: string;
  dateOfBirth: string;
  sex: string;
  raceEthnicity: string;
}

/** A stored incident core as the NIBRS edits see it. */
export function reportFromCore(core: Omit<IncidentCore, 'nibrsIssues'>, rosterByPerson: ReadonlyMap<string, CoreRoster>, timezone: string): NibrsReport {
  const occurredOn = localDay(core.occurredAt, timezone);
  const personIndex = new Map(core.persons.map((p, i) => [p.id, i]));
  const offenseIndex = new Map(core.offenses.map((o, i) => [o.id, i]));
  return {
    locationCode: core.locationCode,
    occurredOn,
    offenses: core.offenses.map((o) => ({
      kind: o.kind, code: o.code, attempted: o.attempted, weaponForce: o.weaponForce, offenderUsing: o.offenderUsing, bias: o.bias,
      criminalActivity: o.criminalActivity, locationCode: o.locationCode,
    })),
    persons: core.persons.map((p) => {
      const r = rosterByPerson.get(p.id);
      const n = p.nibrs;
      return {
        role: p.role, student: p.kind === 'student',
        roster: r ? { age: ageOn(r.dateOfBirth, occurredOn), ...rosterToNibrs(r.sex, r.raceEthnicity) } : null,
        victimType: n?.victimType ?? null, age: n?.age ?? null, sex: n?.sex ?? null, race: n?.race ?? null, ethnicity: n?.ethnicity ?? null,
        resident: n?.resident ?? null, injuries: n?.injuries ?? [],
        relationships: (n?.relationships ?? []).map((rel) => ({ offender: personIndex.get(rel.offenderId) ?? -1, code: rel.code })),
        offenses: (n?.offenseIds ?? []).map((id) => offenseIndex.get(id) ?? -1),
      };
    }),
    arrests: core.actions.filter((a) => !a.implied).flatMap((a, index) => (a.kind === 'arrest'
      ? [{ person: a.personId ? personIndex.get(a.personId) ?? null : null, arrest: a.arrest as ArrestInput | null, index }] : [])),
    property: core.property.map((p) => ({ ...p, drug: p.drug ?? null })),
    clearance: core.clearance,
  };
}

/** Refuses a save that fails a "save" edit: 400 naming the field and the NIBRS rule. */
export function checkNibrsForSave(report: NibrsReport): void {
  const first = nibrsIssues(report).find((i) => i.when === 'save');
  if (first) throw new AppError('validation_failed', `${first.field}: ${first.message}`, { field: first.field, rule: first.rule });
}

/** The "submit" issues still open on a report (what the pre-submission report lists). */
export function openIssues(report: NibrsReport) {
  return nibrsIssues(report).map(({ when: _when, ...rest }) => rest);
}
