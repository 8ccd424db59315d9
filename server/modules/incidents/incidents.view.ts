import type {
  Action, Attachment, IncidentCore, IncidentDetail, Offense, Person, Referral, Review, Supplement, Task,
} from '../../../common/incidents.js';
import { nibrsLocationName } from '../../../common/nibrs.js';
import type { Actor } from '../../auth/access.js';
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

/** The incident core (what a version snapshot holds) as stored now, narrative included. */
export async function loadCore(db: Db, id: string): Promise<IncidentCore> {
  const core = await repo.findIncidentCore(db, id);
  if (!core) throw new Error(`incident ${id} vanished inside its transaction`);
  const { incident: i } = core;
  const children = await repo.findChildren(db, id);
  const offenses: Offense[] = children.offenses.map((o) => ({
    id: o.id, kind: o.kind, code: o.nibrsCode, category: o.category, attempted: o.attempted, weaponForce: o.weaponForce,
    label: offenseLabel(o.kind === 'nibrs' ? o.nibrsCode! : `school:${o.category}`),
  }));
  const persons: Person[] = children.persons.map(({ person: p, grade, studentNumber }) => ({
    id: p.id, kind: p.kind, role: p.role, studentId: p.studentId, firstName: p.firstName, lastName: p.lastName, juvenile: p.juvenile,
    grade: grade ?? null, studentNumber: studentNumber ?? null, phone: p.phone, description: p.description,
  }));
  const actions: Action[] = children.actions.map((a) => ({
    id: a.id, personId: a.personId, kind: a.kind, at: iso(a.at), note: a.note, implied: a.implied,
  }));
  return {
    id: i.id, number: i.number, schoolId: i.schoolId, schoolName: core.schoolName, areaId: i.areaId, areaName: core.areaName,
    onCampus: i.onCampus, locationCode: i.locationCode, locationName: nibrsLocationName(i.locationCode) ?? i.locationCode,
    locationText: i.locationText, occurredAt: iso(i.occurredAt), summary: i.summary, narrative: i.narrative, status: i.status,
    version: i.version, hasJuvenile: i.hasJuvenile, callId: i.callId, authorId: i.authorId, authorName: core.authorName,
    createdAt: iso(i.createdAt), updatedAt: iso(i.updatedAt), submittedAt: isoOrNull(i.submittedAt),
    approvedAt: isoOrNull(i.approvedAt), approvedByName: core.approvedByName, offenses, persons, actions,
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
export function toReferral(row: Awaited<ReturnType<typeof extras.findIncidentReferrals>>[number]): Referral {
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
export async function incidentDetail(db: Db, actor: Actor, id: string, now: Date, core?: IncidentCore): Promise<IncidentDetail> {
  const base = core ?? (await loadCore(db, id));
  const narrative = readsNarrative(actor, base.schoolId);
  const supplementRows = await extras.findSupplements(db, id);
  const supplements: Supplement[] = supplementRows.map(({ supplement: s, authorName, approvedByName }) => ({
    id: s.id, number: s.number, status: s.status, version: s.version, narrative: narrative ? s.narrative : null, authorId: s.authorId,
    authorName, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt), submittedAt: isoOrNull(s.submittedAt),
    approvedAt: isoOrNull(s.approvedAt), approvedByName,
  }));
  const reviews: Review[] = (await extras.findReviews(db, id)).map(({ review: r, byName }) => ({
    id: r.id, supplementId: r.supplementId, event: r.event as Review['event'], comment: r.comment, byId: r.byId, byName,
    at: iso(r.at), version: r.version,
  }));
  const attachments: Attachment[] = (await extras.findAttachments(db, id)).map(({ attachment: a, uploadedByName }) => ({
    id: a.id, supplementId: a.supplementId, fileName: a.fileName, kind: a.kind, mediaType: a.mediaType, size: a.size,
    sha256: a.sha256, uploadedByName, uploadedAt: iso(a.uploadedAt),
  }));
  const tasks = (await extras.findIncidentTasks(db, id)).map((t) => toTask(t, now));
  const referrals = (await extras.findIncidentReferrals(db, id)).map(toReferral);
  const pending = supplements.some((s) => s.status !== 'approved');
  return {
    ...visibleCore(actor, base), supplements, reviews, attachments, tasks, referrals,
    can: abilities(actor, { ...base, sealedAt: null }, pending),
  };
}
