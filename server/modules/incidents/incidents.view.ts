import type {
  Action, Attachment, IncidentCore, IncidentDetail, Offense, Person, Referral, Review, Supplement, Task,
} from '../../../common/incidents.js';
import type { OffenseNibrs } from '../../../common/incidents.js';
import { nibrsLocationName } from '../../../common/nibrs.js';
import type { StoredPersonNibrs } from '../../db/schema/index.js';
import { openIssues, reportFromCore, type CoreRoster } from './nibrs.report.js';
import { can, type Actor } from '../../auth/access.js';
import { activeHold } from '../retention/retention.repository.js';
import type { Db } from '../../db/connection.js';
import * as extras from './extras.repository.js';
import { abilities, offenseLabel, readsNarrative } from './incidents.policy.js';
import * as repo from './incidents.repository.js';

/** A timestamp as the API answers it (ISO 8601, UTC). */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** An optional timestamp as the API answers it. */
export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** The incident core (what a version snapshot holds) as stored now, narrative included; one round trip. */
export async function loadCore(db: Db, id: string): Promise<IncidentCore> {
  const r = await repo.findCoreWithChildren(db, id);
  if (!r) throw new Error(`incident ${id} vanished inside its transaction`);
  const text = (key: string) => r[key] as string;
  const maybe = (key: string) => (r[key] ?? null) as string | null;
  const offenses = r.offenses.map((o) => {
    const kind = o.kind as Offense['kind'];
    const n = (o.nibrs ?? {}) as Partial<OffenseNibrs>;
    return {
      id: o.id, kind, code: o.code ?? null, category: o.category ?? null, attempted: o.attempted, weaponForce: o.weaponForce,
      label: offenseLabel(kind === 'nibrs' ? (o.code as string) : `school:${o.category as string}`),
      offenderUsing: n.offenderUsing ?? [], bias: n.bias ?? [], criminalActivity: n.criminalActivity ?? [], locationCode: n.locationCode ?? null,
    } as Offense;
  });
  const offenseIds = offenses.map((o) => o.id);
  const roster = new Map<string, CoreRoster>();
  const persons = r.persons.map(({ rosterDob, rosterSex, rosterRace, nibrs, ...p }) => {
    if (rosterDob) roster.set(p.id as string, { personId: p.id as string, dateOfBirth: rosterDob as string, sex: rosterSex as string, raceEthnicity: rosterRace as string });
    return { ...p, nibrs: personNibrsOf(nibrs as StoredPersonNibrs | null, offenseIds) };
  }) as unknown as Person[];
  const actions = r.actions.map((a) => ({ ...a, at: iso(a.at as string), arrest: a.arrest ?? null })) as unknown as Action[];
  const locationCode = text('location_code');
  const core = {
    id: text('id'), number: text('number'), schoolId: text('school_id'), schoolName: text('school_name'), areaId: maybe('area_id'),
    areaName: maybe('area_name'), onCampus: r.on_campus as boolean, locationCode, locationName: nibrsLocationName(locationCode) ?? locationCode,
    locationText: maybe('location_text'), occurredAt: iso(text('occurred_at')), summary: text('summary'), narrative: text('narrative'),
    status: r.status as IncidentCore['status'], version: Number(r.version), hasJuvenile: r.has_juvenile as boolean, callId: maybe('call_id'),
    authorId: text('author_id'), authorName: text('author_name'), createdAt: iso(text('created_at')), updatedAt: iso(text('updated_at')),
    submittedAt: isoOrNull(maybe('submitted_at')), approvedAt: isoOrNull(maybe('approved_at')), approvedByName: maybe('approved_by_name'),
    offenses, persons, actions,
    property: ((r.property ?? []) as IncidentCore['property']).map((p) => ({ ...p, text: p.text ?? null, drug: p.drug ?? null })),
    clearance: (r.clearance ?? null) as IncidentCore['clearance'],
  };
  return { ...core, nibrsIssues: openIssues(reportFromCore(core, roster, text('district_timezone'))) };
}

/** A person's stored NIBRS facts as answered: connected offenses by id. */
function personNibrsOf(n: StoredPersonNibrs | null, offenseIds: string[]): Person['nibrs'] {
  if (!n) return null;
  return {
    victimType: n.victimType ?? null, age: n.age ?? null, sex: n.sex ?? null, race: n.race ?? null, ethnicity: n.ethnicity ?? null,
    resident: n.resident ?? null, injuries: n.injuries ?? [], relationships: n.relationships ?? [],
    offenseIds: (n.offenses ?? []).flatMap((k) => (offenseIds[k] ? [offenseIds[k]] : [])),
  };
}

/** A task as the API answers it, with its clock against `now`. */
export function toTask(row: Awaited<ReturnType<typeof extras.findTasks>>[number], now: Date): Task {
  const { task: t } = row;
  const remaining = t.doneAt ? null : t.dueAt.getTime() - now.getTime();
  return {
    id: t.id, incidentId: t.incidentId, incidentNumber: row.incidentNumber, kind: t.kind, rule: t.rule, title: t.title,
    ownerId: t.ownerId, ownerName: row.ownerName, dueAt: iso(t.dueAt), doneAt: isoOrNull(t.doneAt), doneByName: row.doneByName,
    overdue: remaining !== null && remaining < 0, msRemaining: remaining,
  };
}

/** A referral as the API answers it: only what the referring officer chose to share. */
export function toReferral(row: NonNullable<Awaited<ReturnType<typeof extras.findReferralView>>>): Referral {
  const { referral: r } = row;
  return {
    id: r.id, kind: r.kind, status: r.status, incidentId: r.incidentId, incidentNumber: row.incidentNumber, schoolId: r.schoolId,
    schoolName: row.schoolName, occurredAt: iso(row.occurredAt), summary: r.summary,
    persons: r.persons.map((p) => ({ ...p, kind: p.kind as Person['kind'], role: p.role as Person['role'] })),
    offenses: r.offenses ?? null, referredByName: row.referredByName, referredAt: iso(r.referredAt),
    handledByName: row.handledByName, handledAt: isoOrNull(r.handledAt), note: r.note,
  };
}

/** Removes the narrative from a core the actor may not read it in. */
export function visibleCore(actor: Actor, core: IncidentCore): IncidentCore {
  return readsNarrative(actor, core.schoolId) ? core : { ...core, narrative: null };
}

/** The incident in full as `actor` may see it; `core` may be passed when the caller just built it. */
export async function incidentDetail(
  db: Db, actor: Actor, id: string, now: Date, core?: IncidentCore, options: { noExtras?: boolean } = {},
): Promise<IncidentDetail> {
  const base = core ?? (await loadCore(db, id));
  const narrative = readsNarrative(actor, base.schoolId);
  const x = options.noExtras ? { supplements: [], reviews: [], attachments: [], tasks: [], referrals: [] } : await extras.findExtras(db, id);
  const at = (o: Record<string, unknown>, ...keys: string[]) => {
    const copy: Record<string, unknown> = { ...o };
    for (const key of keys) copy[key] = isoOrNull(o[key] as string | null);
    return copy;
  };
  const supplements = x.supplements.map((s) => ({ ...at(s, 'createdAt', 'updatedAt', 'submittedAt', 'approvedAt'), narrative: narrative ? s.narrative : null })) as Supplement[];
  const reviews = x.reviews.map((r) => at(r, 'at')) as Review[];
  const attachments = x.attachments.map((a) => ({ ...at(a, 'uploadedAt'), size: Number(a.size) })) as Attachment[];
  const tasks: Task[] = x.tasks.map((t) => {
    const dueAt = new Date(t.dueAt as string);
    const remaining = t.doneAt ? null : dueAt.getTime() - now.getTime();
    return { ...at(t, 'dueAt', 'doneAt'), incidentNumber: base.number, overdue: remaining !== null && remaining < 0, msRemaining: remaining } as Task;
  });
  const referrals = x.referrals.map((f) => ({
    ...at(f, 'referredAt', 'handledAt'), incidentNumber: base.number, schoolName: base.schoolName, occurredAt: base.occurredAt,
  })) as Referral[];
  const pending = supplements.some((s) => s.status !== 'approved');
  const hold = await activeHold(db, actor.districtId, 'incident', id);
  return {
    ...visibleCore(actor, base), supplements, reviews, attachments, tasks, referrals,
    can: abilities(actor, { ...base, sealedAt: null }, pending),
    legalHold: hold ? { setAt: hold.setAt.toISOString(), reason: can(actor, 'retention.hold') ? hold.reason : null } : null,
  };
}
