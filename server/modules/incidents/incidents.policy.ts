import {
  LABELS, PERSON_ACTIONS, type ActionInput, type IncidentStatus, type OffenseInput, type PersonInput, type SchoolSafetyCategory,
} from '../../../common/incidents.js';
import { K12_SCHOOL_LOCATION, nibrsLocationName, nibrsOffense } from '../../../common/nibrs.js';
import { canAtSchool, scopeOf, type Actor, type Scope } from '../../auth/access.js';
import { READ_REASONS_NEEDING_NOTE, type ReadReason } from '../../../common/read-reasons.js';
import { AppError } from '../../lib/errors.js';

// A device clock a little ahead of the server's is not a date "in the future".
const CLOCK_SKEW_MS = 2 * 60 * 1000;
const EDITABLE: readonly IncidentStatus[] = ['draft', 'returned'];

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}: ${message}`, { field });
}

/** The access facts of one incident row. */
export interface IncidentAccess {
  schoolId: string;
  hasJuvenile: boolean;
  sealedAt: Date | null;
  authorId: string;
  status: IncidentStatus;
}

/** The scopes that decide which incidents an actor may list, and what of them. */
export interface ReadScopes {
  read: Scope;
  juvenile: Scope;
  narrative: Scope;
}

/** The actor's read, juvenile and narrative scopes. */
export function readScopes(actor: Actor): ReadScopes {
  return {
    read: scopeOf(actor, 'incident.read'),
    juvenile: scopeOf(actor, 'incident.juvenile.read'),
    narrative: scopeOf(actor, 'incident.narrative.read'),
  };
}

/** True when the actor may see the incident at all: its school, not sealed, juvenile records only with that permission. */
export function canRead(actor: Actor, row: IncidentAccess): boolean {
  if (row.sealedAt) return false;
  if (!canAtSchool(actor, 'incident.read', row.schoolId)) return false;
  return !row.hasJuvenile || canAtSchool(actor, 'incident.juvenile.read', row.schoolId);
}

/** The stated purpose of a read, as its audit event keeps it. */
export interface StatedReason {
  reason: ReadReason | 'editing' | 'authoring';
  note: string | null;
}

/**
 * The reason a read of a juvenile or sealed incident gives (undefined for other incidents, which need none).
 * Refuses such a read without one (reason_required, field `reason`) or with "other"/"records request" and no text.
 * Two reads state their own purpose: `editing`, the author's save that lost a race answered with the current record,
 * and `authoring`, the author opening their own draft or returned report to write it (not a read of another's record).
 */
export function statedReason(
  actor: Actor, row: Pick<IncidentAccess, 'hasJuvenile' | 'sealedAt' | 'authorId' | 'status'>,
  input: { reason?: ReadReason; reasonNote?: string } | 'editing',
): StatedReason | undefined {
  if (!row.hasJuvenile && !row.sealedAt) return undefined;
  if (input === 'editing') return { reason: 'editing', note: null };
  if (!input.reason && row.authorId === actor.userId && EDITABLE.includes(row.status)) return { reason: 'authoring', note: null };
  if (!input.reason) throw new AppError('reason_required', 'reason: a juvenile or sealed record opens only with a stated reason', { field: 'reason' });
  const note = input.reasonNote?.trim() || null;
  if (!note && READ_REASONS_NEEDING_NOTE.includes(input.reason)) {
    throw new AppError('validation_failed', `reasonNote: say ${input.reason === 'other' ? 'what the reason is' : 'the number of the records request'}`, { field: 'reasonNote' });
  }
  return { reason: input.reason, note };
}

/** True when the actor may read investigative narratives (and evidence) at the school. */
export function readsNarrative(actor: Actor, schoolId: string): boolean {
  return canAtSchool(actor, 'incident.narrative.read', schoolId);
}

/** What the actor may do with the incident now, for the page to show the right buttons. */
export function abilities(actor: Actor, row: IncidentAccess, pendingSupplement: boolean) {
  const writes = canAtSchool(actor, 'incident.create', row.schoolId);
  const reviews = canAtSchool(actor, 'incident.approve', row.schoolId) && actor.userId !== row.authorId;
  return {
    edit: writes && EDITABLE.includes(row.status),
    submit: writes && EDITABLE.includes(row.status),
    review: reviews && row.status === 'submitted',
    supplement: writes && row.status === 'approved' && !pendingSupplement,
    refer: canAtSchool(actor, 'incident.refer', row.schoolId),
    seal: canAtSchool(actor, 'incident.seal', row.schoolId),
    print: row.status === 'approved' && readsNarrative(actor, row.schoolId),
    attach: writes,
    readNarrative: readsNarrative(actor, row.schoolId),
  };
}

/** A report (or supplement) may be saved only as a draft or after being returned. */
export function checkEditable(status: IncidentStatus, what = 'report'): void {
  if (!EDITABLE.includes(status)) {
    const why = status === 'approved' ? `An approved ${what} is locked; add a supplement` : `A ${status} ${what} cannot be changed`;
    throw new AppError('conflict', why, { field: 'status' });
  }
}

/** Review needs the approve permission at the school, a submitted report, and someone other than its author. */
export function checkReviewer(actor: Actor, schoolId: string, authorId: string, status: IncidentStatus): void {
  if (!canAtSchool(actor, 'incident.approve', schoolId)) throw new AppError('forbidden', 'Only a supervisor of this school reviews its reports');
  if (actor.userId === authorId) throw new AppError('forbidden', 'You cannot review your own report');
  if (status !== 'submitted') throw new AppError('conflict', `Only a submitted report can be reviewed, this one is ${status}`, { field: 'status' });
}

/** Throws 400 on `field` when `at` lies in the future of `now`. */
export function checkNotFuture(at: string, now: Date, field: string): void {
  if (new Date(at).getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid(field, 'cannot be in the future');
}

/** The NIBRS location: 53 on campus (another code there is refused), a known code off campus. */
export function locationCodeOf(onCampus: boolean, code: string | undefined): string {
  if (onCampus) {
    if (code && code !== K12_SCHOOL_LOCATION) throw invalid('locationCode', `on campus the NIBRS location is ${K12_SCHOOL_LOCATION} (K-12 school)`);
    return K12_SCHOOL_LOCATION;
  }
  if (!code) throw invalid('locationCode', 'give the NIBRS location of an off-campus incident');
  if (!nibrsLocationName(code)) throw invalid('locationCode', `${code} is not a NIBRS location code`);
  return code;
}

/** Persons: students by roster id only, others by name; an id must be one of the incident's persons. */
export function checkPersons(persons: readonly PersonInput[], existingIds: ReadonlySet<string>): void {
  const seen = new Set<string>();
  persons.forEach((p, i) => {
    if (p.id) {
      if (!existingIds.has(p.id) || seen.has(p.id)) throw invalid(`persons.${i}.id`, 'is not a person of this incident');
      seen.add(p.id);
    }
    if (p.kind === 'student') {
      if (!p.studentId) throw invalid(`persons.${i}.studentId`, 'a student is chosen from the roster');
      if (p.firstName || p.lastName || p.juvenile !== undefined) {
        throw invalid(`persons.${i}.firstName`, 'a student\'s name and age come from the roster');
      }
    } else {
      if (p.studentId) throw invalid(`persons.${i}.studentId`, 'only students come from the roster');
      if (!p.lastName) throw invalid(`persons.${i}.lastName`, 'is required');
      if (!p.firstName) throw invalid(`persons.${i}.firstName`, 'is required');
    }
  });
}

/** Actions: arrests, citations, law-enforcement referrals and warnings name a person of the body. */
export function checkActions(actions: readonly ActionInput[], personCount: number, now: Date): void {
  actions.forEach((a, i) => {
    if (a.person !== null && a.person >= personCount) throw invalid(`actions.${i}.person`, `there is no person ${a.person}`);
    if (a.person === null && PERSON_ACTIONS.includes(a.kind)) {
      throw invalid(`actions.${i}.person`, `${LABELS.action[a.kind].toLowerCase()} needs the person it concerns`);
    }
    if (a.at) checkNotFuture(a.at, now, `actions.${i}.at`);
    if (a.arrest && a.kind !== 'arrest') throw invalid(`actions.${i}.arrest`, 'arrestee facts go with an arrest only');
  });
}

/** An arrest is always also a referral to law enforcement (CRDC): the missing referral is added, marked implied. */
export function withImpliedReferrals(actions: readonly ActionInput[]): (ActionInput & { implied: boolean })[] {
  const out = actions.map((a) => ({ ...a, implied: false }));
  for (const a of actions) {
    if (a.kind !== 'arrest') continue;
    if (out.some((b) => b.kind === 'referral_law_enforcement' && b.person === a.person)) continue;
    out.push({ person: a.person, kind: 'referral_law_enforcement', at: a.at, note: null, implied: true });
  }
  return out;
}

/** True when a person born on `dateOfBirth` (YYYY-MM-DD) was under 18 at `at`. */
export function juvenileAt(dateOfBirth: string | null, at: Date): boolean {
  // A student whose birth date the roster does not hold is protected as a juvenile until it is known.
  if (dateOfBirth === null) return true;
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const eighteenth = Date.UTC(y + 18, m - 1, d);
  return at.getTime() < eighteenth;
}

/** The key stored for the offense filter: the NIBRS code, or `school:<category>`. */
export function offenseKey(o: OffenseInput): string {
  return o.kind === 'nibrs' ? o.code : `school:${o.category}`;
}

/** The label of an offense key: "13B Simple Assault" or "Fight". */
export function offenseLabel(key: string): string {
  if (key.startsWith('school:')) return LABELS.category[key.slice(7) as SchoolSafetyCategory] ?? key;
  const o = nibrsOffense(key);
  return o ? `${o.code} ${o.name}` : key;
}

/** Completeness needed to submit: a summary, a narrative and at least one offense. */
export function checkSubmittable(row: { summary: string; narrative: string }, offenseCount: number): void {
  if (!row.summary.trim()) throw invalid('summary', 'is required to submit');
  if (!row.narrative.trim()) throw invalid('narrative', 'is required to submit');
  if (offenseCount === 0) throw invalid('offenses', 'name at least one offense or school-safety category to submit');
}
