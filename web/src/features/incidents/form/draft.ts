import type {
  ActionKind,
  IncidentDetail,
  PersonKind,
  PersonRole,
  SchoolSafetyCategory,
  UpdateIncident,
} from '@common/incidents.ts';
import { fromLocalInput, toLocalInput } from '../labels.ts';

/** One offense row of the form. */
export interface OffenseDraft {
  key: string;
  kind: 'nibrs' | 'school';
  code: string;
  category: SchoolSafetyCategory | '';
  attempted: boolean;
  weaponForce: string[];
  /** NIBRS DE 8, 8A, 12 (one value each on this form). */
  offenderUsing: string;
  bias: string;
  criminalActivity: string;
}

/** One person row of the form; `key` is the server id once saved. */
export interface PersonDraft {
  key: string;
  kind: PersonKind;
  role: PersonRole;
  studentId: string;
  /** How the chosen student reads ("Lee, Ana · grade 9"), kept so the row shows it without a lookup. */
  studentLabel: string;
  firstName: string;
  lastName: string;
  juvenile: boolean;
  phone: string;
  description: string;
}

/** One action row: what was done and to whom (a person key, '' for none). */
export interface ActionDraft {
  key: string;
  personKey: string;
  kind: ActionKind;
  note: string;
}

/** Everything the report form edits. */
export interface Draft {
  schoolId: string;
  areaId: string;
  onCampus: boolean;
  locationCode: string;
  locationText: string;
  occurredAt: string;
  summary: string;
  narrative: string;
  offenses: OffenseDraft[];
  persons: PersonDraft[];
  actions: ActionDraft[];
}

let counter = 0;
/** A key for a new row (not a server id). */
export function newKey(prefix: string): string {
  counter += 1;
  return `new-${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Whether a key names a row the server has not saved yet. */
export function isNewKey(key: string): boolean {
  return key.startsWith('new-');
}

/** The form state of an incident as the server holds it. */
export function draftOf(incident: IncidentDetail): Draft {
  return {
    schoolId: incident.schoolId,
    areaId: incident.areaId ?? '',
    onCampus: incident.onCampus,
    locationCode: incident.locationCode,
    locationText: incident.locationText ?? '',
    occurredAt: toLocalInput(incident.occurredAt),
    summary: incident.summary,
    narrative: incident.narrative ?? '',
    offenses: incident.offenses.map((o) => ({
      key: o.id,
      kind: o.kind,
      code: o.code ?? '',
      category: o.category ?? '',
      attempted: o.attempted,
      weaponForce: o.weaponForce,
      offenderUsing: o.offenderUsing[0] ?? '',
      bias: o.bias[0] ?? '',
      criminalActivity: o.criminalActivity[0] ?? '',
    })),
    persons: incident.persons.map((p) => ({
      key: p.id,
      kind: p.kind,
      role: p.role,
      studentId: p.studentId ?? '',
      studentLabel:
        p.kind === 'student'
          ? `${p.lastName}, ${p.firstName}${p.grade !== null ? ` · grade ${p.grade}` : ''}${p.studentNumber ? ` · ${p.studentNumber}` : ''}`
          : '',
      firstName: p.kind === 'student' ? '' : p.firstName,
      lastName: p.kind === 'student' ? '' : p.lastName,
      juvenile: p.juvenile,
      phone: p.phone ?? '',
      description: p.description ?? '',
    })),
    // Implied actions (a referral that an arrest implies) are the server's to add, not the form's.
    actions: incident.actions
      .filter((a) => !a.implied)
      .map((a) => ({ key: a.id, personKey: a.personId ?? '', kind: a.kind, note: a.note ?? '' })),
  };
}

/** A PATCH body and how its field names map back to the rows of the form. */
export interface Built {
  body: UpdateIncident;
  /** "offenses.1.code" of the body as the field of the form (rows left out shift the indexes). */
  formField: (field: string) => string;
  /** Rows of the form the body leaves out, each with why: they are not saved and the page says so. */
  left: { key: string; label: string; reason: string }[];
}

/**
 * The PATCH body of a draft; `ids` maps keys of rows saved earlier in this visit to their server ids.
 * Rows still being filled in (an offense without its code or its required weapon, a student not yet
 * picked, and actions about such a person) stay out, so the rest of the report keeps saving while the user picks.
 */
export function bodyOf(
  draft: Draft,
  version: number,
  ids: ReadonlyMap<string, string>,
  weaponRequired: (code: string) => boolean,
  refused: ReadonlyMap<string, string> = new Map(),
  editSession?: string,
): Built {
  const idOf = (key: string) => (isNewKey(key) ? ids.get(key) : key);
  const left: Built['left'] = [];
  const offenseRows = draft.offenses
    .map((o, i) => ({ o, i }))
    .filter(({ o, i }) => {
      const reason = refused.get(o.key) ?? (offenseComplete(o, weaponRequired) ? null : o.code ? `NIBRS needs the weapon or force for ${o.code}` : 'choose the offense');
      if (reason) left.push({ key: o.key, label: `Offense ${i + 1}${o.code ? ` (${o.code})` : ''}`, reason });
      return !reason;
    });
  const personRows = draft.persons
    .map((p, i) => ({ p, i }))
    .filter(({ p, i }) => {
      const reason = refused.get(p.key) ?? (p.kind !== 'student' || p.studentId !== '' ? null : 'choose the student from the roster');
      if (reason) left.push({ key: p.key, label: personName(p, i), reason });
      return !reason;
    });
  const personIndex = new Map(personRows.map(({ p }, j) => [p.key, j]));
  const actionRows = draft.actions
    .map((a, i) => ({ a, i }))
    .filter(({ a, i }) => {
      const reason = refused.get(a.key) ?? (!a.personKey || personIndex.has(a.personKey) ? null : 'its person is not saved');
      if (reason) left.push({ key: a.key, label: `Action ${i + 1}`, reason });
      return !reason;
    });
  const rowMaps: Record<string, number[]> = {
    offenses: offenseRows.map((r) => r.i),
    persons: personRows.map((r) => r.i),
    actions: actionRows.map((r) => r.i),
  };
  const body: UpdateIncident = {
    version,
    schoolId: draft.schoolId,
    areaId: draft.onCampus && draft.areaId ? draft.areaId : null,
    onCampus: draft.onCampus,
    locationCode: draft.locationCode,
    locationText: draft.locationText.trim() || null,
    occurredAt: fromLocalInput(draft.occurredAt) ?? draft.occurredAt,
    summary: draft.summary,
    narrative: draft.narrative,
    offenses: offenseRows.map(({ o }) =>
      o.kind === 'nibrs'
        ? {
            kind: 'nibrs' as const, code: o.code, attempted: o.attempted, weaponForce: o.weaponForce,
            offenderUsing: o.offenderUsing ? [o.offenderUsing] : [], bias: o.bias ? [o.bias] : [],
            criminalActivity: o.criminalActivity ? [o.criminalActivity] : [],
          }
        : {
            kind: 'school' as const,
            category: (o.category || 'other') as SchoolSafetyCategory,
            attempted: o.attempted,
            weaponForce: o.weaponForce,
          },
    ),
    persons: personRows.map(({ p }) => {
      const id = idOf(p.key);
      const common = {
        ...(id ? { id } : {}),
        kind: p.kind,
        role: p.role,
        phone: p.phone.trim() || null,
        description: p.description.trim() || null,
      };
      return p.kind === 'student'
        ? { ...common, studentId: p.studentId }
        : {
            ...common,
            firstName: p.firstName.trim() || null,
            lastName: p.lastName.trim() || null,
            juvenile: p.juvenile,
          };
    }),
    ...(editSession ? { editSession } : {}),
    actions: actionRows.map(({ a }) => ({
      person: a.personKey ? (personIndex.get(a.personKey) ?? null) : null,
      kind: a.kind,
      note: a.note.trim() || null,
    })),
  };
  /** The form row key a body field names ("offenses.1.code" → the key of that offense row). */
  const formField = (field: string) => {
    const match = /^(offenses|persons|actions)\.(\d+)(.*)$/.exec(field);
    if (!match) return field;
    const row = rowMaps[match[1]!]?.[Number(match[2])];
    return row === undefined ? field : `${match[1]}.${row}${match[3]}`;
  };
  return { body, formField, left };
}

function offenseComplete(o: OffenseDraft, weaponRequired: (code: string) => boolean): boolean {
  if (o.kind === 'school') return true;
  return o.code !== '' && (o.weaponForce.length > 0 || !weaponRequired(o.code));
}

/** The first row still being filled in, as a field error of the form (checked before submitting). */
export function firstIncomplete(
  draft: Draft,
  weaponRequired: (code: string) => boolean,
): { field: string; message: string } | null {
  for (const [i, o] of draft.offenses.entries()) {
    if (o.kind === 'nibrs' && !o.code)
      return { field: `offenses.${i}.code`, message: 'Choose the NIBRS offense.' };
    if (!offenseComplete(o, weaponRequired))
      return {
        field: `offenses.${i}.weaponForce`,
        message: `NIBRS needs the weapon or force for ${o.code}.`,
      };
  }
  for (const [i, p] of draft.persons.entries())
    if (p.kind === 'student' && !p.studentId)
      return { field: `persons.${i}.studentId`, message: 'Choose the student from the roster.' };
  return null;
}

/** The name of a person row as the form shows it. */
export function personName(p: PersonDraft, index: number): string {
  if (p.kind === 'student') return p.studentLabel.split(' · ')[0] || `Student ${index + 1}`;
  const name = `${p.firstName} ${p.lastName}`.trim();
  return name || `Person ${index + 1}`;
}
