import { randomUUID } from 'node:crypto';
import type {
  ActionInput, ClearanceInput, CreateIncident, IncidentDetail, OffenseInput, PersonInput, PropertyInput, UpdateIncident,
} from '../../../common/incidents.js';
import type { ReadReasonQuery } from './incidents.schemas.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { StoredPersonNibrs } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { formatNumber, yearIn } from './incidents.numbers.js';
import { notificationTasksFor, type NotifiableAction } from '../notification-rules/notification-rules.service.js';
import {
  canRead, checkActions, statedReason, checkEditable, checkNotFuture, checkPersons, juvenileAt, locationCodeOf, offenseKey,
  withImpliedReferrals,
} from './incidents.policy.js';
import * as repo from './incidents.repository.js';
import { checkNibrsForSave, localDay, reportFromInput } from './nibrs.report.js';
import * as extras from './extras.repository.js';
import { incidentDetail, loadCore } from './incidents.view.js';

/** A save based on an old version: the route answers 409 with the record as it is now. */
export class StaleVersionError extends AppError {
  constructor(readonly current: IncidentDetail, what = 'report') {
    super('conflict', `Someone saved this ${what} after you opened it (now version ${current.version}); review the changes and save again`,
      { field: 'version' });
  }
}

/** Thrown inside a transaction to roll it back; the caller then reads the current record in its own audited read. */
export class StaleSignal extends Error {}

/** The incident-level facts a save checks its segments against. */
interface Segments {
  occurredAt: Date;
  timezone: string;
  locationCode: string;
  property: PropertyInput[];
  clearance: ClearanceInput | null;
}

/** The full state of a report's offenses, persons and actions that a save writes. */
interface State {
  offenses: OffenseInput[];
  persons: PersonInput[];
  actions: ActionInput[];
}

/** The stored offenses, persons and actions as inputs, so a partial save can be merged onto them. */
async function storedState(db: Db, id: string): Promise<State> {
  const c = await repo.findChildren(db, id);
  const index = new Map(c.persons.map(({ person: p }, i) => [p.id, i]));
  const nibrsOf = (n: StoredPersonNibrs | null): PersonInput['nibrs'] => (n ? {
    ...n, injuries: n.injuries ?? [], offenses: n.offenses ?? [],
    relationships: (n.relationships ?? []).flatMap((r) => (index.has(r.offenderId) ? [{ offender: index.get(r.offenderId)!, code: r.code }] : [])),
  } : undefined);
  const persons: PersonInput[] = c.persons.map(({ person: p }) => (p.kind === 'student'
    ? { id: p.id, kind: p.kind, role: p.role, studentId: p.studentId, phone: p.phone, description: p.description, nibrs: nibrsOf(p.nibrs) }
    : { id: p.id, kind: p.kind, role: p.role, firstName: p.firstName, lastName: p.lastName, juvenile: p.juvenile, phone: p.phone, description: p.description, nibrs: nibrsOf(p.nibrs) }));
  return {
    offenses: c.offenses.map((o): OffenseInput => (o.kind === 'nibrs'
      ? { kind: 'nibrs', code: o.nibrsCode!, attempted: o.attempted, weaponForce: o.weaponForce, ...o.nibrs }
      : { kind: 'school', category: o.category!, attempted: o.attempted, weaponForce: o.weaponForce })),
    persons,
    actions: c.actions.filter((a) => !a.implied).map((a) => ({
      person: a.personId ? persons.findIndex((p) => p.id === a.personId) : null, kind: a.kind, at: a.at.toISOString(), note: a.note, arrest: a.arrest,
    })),
  };
}

/** When persons are replaced but actions are not, actions follow their person by id (or go with it). */
function remapActions(actions: ActionInput[], before: PersonInput[], after: PersonInput[]): ActionInput[] {
  return actions.flatMap((a) => {
    if (a.person === null) return [a];
    const id = before[a.person]?.id;
    const index = id ? after.findIndex((p) => p.id === id) : -1;
    return index < 0 ? [] : [{ ...a, person: index }];
  });
}

/**
 * Validates a state and turns it into rows: roster students resolved (name copied, juvenile derived from the
 * date of birth at `occurredAt`), person ids kept or made, arrests given their implied law-enforcement referral.
 */
async function buildChildren(db: Db, ctx: ServiceContext, state: State, incident: Segments, existingIds: Set<string>) {
  const now = ctx.clock.now();
  const { occurredAt } = incident;
  checkPersons(state.persons, existingIds);
  checkActions(state.actions, state.persons.length, now);
  const studentIds = state.persons.flatMap((p) => (p.studentId ? [p.studentId] : []));
  const roster = new Map((await repo.findRosterStudents(db, ctx.actor.districtId, studentIds)).map((s) => [s.id, s]));
  checkNibrsForSave(reportFromInput({
    ...state, locationCode: incident.locationCode, occurredOn: localDay(occurredAt, incident.timezone), property: incident.property, clearance: incident.clearance,
  }, roster));
  const persons = state.persons.map((p, i) => {
    const base = { id: p.id ?? randomUUID(), position: i, kind: p.kind, role: p.role, phone: p.phone ?? null, description: p.description ?? null, nibrs: null as StoredPersonNibrs | null };
    if (p.kind !== 'student') return { ...base, studentId: null, firstName: p.firstName!, lastName: p.lastName!, juvenile: p.juvenile ?? false };
    const s = roster.get(p.studentId!);
    if (!s) throw new AppError('validation_failed', `persons.${i}.studentId: no such student in the district`, { field: `persons.${i}.studentId` });
    return { ...base, studentId: s.id, firstName: s.preferredName ?? s.firstName, lastName: s.lastName, juvenile: juvenileAt(s.dateOfBirth, occurredAt) };
  });
  state.persons.forEach((p, i) => {
    if (!p.nibrs) return;
    const { relationships, ...rest } = p.nibrs;
    persons[i]!.nibrs = { ...rest, relationships: relationships.map((r) => ({ offenderId: persons[r.offender]!.id, code: r.code })) };
  });
  const actions = withImpliedReferrals(state.actions).map((a) => ({
    id: randomUUID(), personId: a.person === null ? null : persons[a.person]!.id, kind: a.kind,
    at: a.at ? new Date(a.at) : occurredAt, note: a.note ?? null, implied: a.implied, arrest: a.arrest ?? null,
  }));
  const offenses = state.offenses.map((o, i) => ({
    position: i, kind: o.kind, nibrsCode: o.kind === 'nibrs' ? o.code : null, category: o.kind === 'school' ? o.category : null,
    attempted: o.attempted, weaponForce: o.weaponForce,
    nibrs: o.kind === 'nibrs' ? { offenderUsing: o.offenderUsing, bias: o.bias, criminalActivity: o.criminalActivity, locationCode: o.locationCode ?? null }
      : { offenderUsing: [], bias: [], criminalActivity: [] },
  }));
  return { offenses, persons, actions, offenseKeys: state.offenses.map(offenseKey), hasJuvenile: persons.some((p) => p.juvenile) };
}

type Built = Awaited<ReturnType<typeof buildChildren>>;

/**
 * The crossover of a save: each student newly arrested or referred to law enforcement is audited (CRDC counts
 * them), and a new arrest, citation or referral starts the clocks of the district's notification rules (common/notification-rules.ts).
 */
async function recordCrossover(db: Db, ctx: ServiceContext, incident: { id: string; schoolId: string; authorId: string }, built: Built, before: Set<string>) {
  const students = new Map(built.persons.filter((p) => p.kind === 'student').map((p) => [p.id, p]));
  const started: NotifiableAction[] = [];
  for (const a of built.actions) {
    if (!a.personId || before.has(`${a.kind}:${a.personId}`)) continue;
    if (a.kind !== 'arrest' && a.kind !== 'referral_law_enforcement' && a.kind !== 'citation') continue;
    before.add(`${a.kind}:${a.personId}`);
    started.push({ personId: a.personId, kind: a.kind, at: a.at, isStudent: students.has(a.personId) });
    if (!students.has(a.personId) || a.kind === 'citation') continue;
    await writeAudit(db, whoOf(ctx), {
      type: a.kind === 'arrest' ? 'incident.student_arrested' : 'incident.student_referred', schoolId: incident.schoolId,
      subjectType: 'incident', subjectId: incident.id, detail: { personId: a.personId, studentId: students.get(a.personId)!.studentId, implied: a.implied },
    });
  }
  const school = await repo.findSchoolZone(db, ctx.actor.districtId, incident.schoolId);
  const tasks = await notificationTasksFor(db, ctx.actor.districtId, { id: incident.schoolId, timezone: school?.timezone ?? ctx.actor.timeZone }, started, built.offenseKeys);
  for (const task of tasks) {
    await extras.insertTask(db, {
      incidentId: incident.id, kind: 'notification', rule: task.rule, personId: task.personId, title: task.title,
      ownerId: incident.authorId, dueAt: task.dueAt, createdById: ctx.actor.userId, createdAt: ctx.clock.now(),
    });
  }
}

/** The crossover actions already recorded, as `kind:personId`. */
async function crossoverKeys(db: Db, id: string): Promise<Set<string>> {
  const { actions } = await repo.findChildren(db, id);
  return new Set(actions.filter((a) => a.personId).map((a) => `${a.kind}:${a.personId}`));
}

/** Checks the school, area and dates of a save. */
async function checkPlace(db: Db, ctx: ServiceContext, input: { schoolId: string; areaId?: string | null; occurredAt: string }) {
  requireSchool(ctx.actor, 'incident.create', input.schoolId, 'School');
  checkNotFuture(input.occurredAt, ctx.clock.now(), 'occurredAt');
  const school = await repo.findSchoolZone(db, ctx.actor.districtId, input.schoolId);
  if (!school) throw notFound('School');
  if (input.areaId && !(await repo.findArea(db, input.schoolId, input.areaId))) {
    throw new AppError('validation_failed', 'areaId: not a campus area of the school', { field: 'areaId' });
  }
  return school;
}

/**
 * Records a version snapshot of the core and returns the detail answer. Saves of one editing session (the page's
 * `editSession`, the same author, nothing else recorded in between) update that session's version instead of
 * adding one, so the history lists meaningful versions rather than every autosave.
 */
async function snapshotAndView(db: Db, ctx: ServiceContext, id: string, event: 'created' | 'saved', options: { noExtras?: boolean; editSession?: string } = {}) {
  const core = await loadCore(db, id);
  const values = { version: core.version, status: core.status, snapshot: core, savedAt: ctx.clock.now() };
  const last = options.editSession && event === 'saved' ? await repo.findLatestVersion(db, id) : undefined;
  if (last && last.event === 'saved' && last.editSession === options.editSession && last.savedById === ctx.actor.userId) {
    await repo.updateVersion(db, last.id, values);
  } else {
    await repo.insertVersion(db, { ...values, incidentId: id, event, savedById: ctx.actor.userId, editSession: options.editSession ?? null });
  }
  return incidentDetail(db, ctx.actor, id, ctx.clock.now(), core, options);
}

/** Starts a draft report, numbered per district and year; from a call, the call is linked to it. */
export async function createIncident(ctx: ServiceContext, input: CreateIncident) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { timezone } = await checkPlace(tx, ctx, input);
    const locationCode = locationCodeOf(input.onCampus, input.locationCode);
    const occurredAt = new Date(input.occurredAt);
    const built = await buildChildren(tx, ctx, input, { occurredAt, timezone, locationCode, property: input.property, clearance: input.clearance }, new Set());
    if (input.callId) {
      const call = await repo.findCallForIncident(tx, ctx.actor.districtId, input.callId);
      if (!call || call.schoolId !== input.schoolId) throw new AppError('validation_failed', 'callId: no such call at this school', { field: 'callId' });
      if (call.incidentId) throw new AppError('conflict', 'This call already has an incident', { field: 'callId' });
    }
    const year = yearIn(timezone, now);
    const number = formatNumber(year, await repo.nextNumber(tx, ctx.actor.districtId, 'incident', year));
    const id = await repo.insertIncident(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, number, areaId: input.areaId ?? null, onCampus: input.onCampus,
      locationCode, locationText: input.locationText ?? null, occurredAt, summary: input.summary, narrative: input.narrative,
      hasJuvenile: built.hasJuvenile, offenseKeys: built.offenseKeys, callId: input.callId ?? null, authorId: ctx.actor.userId,
      property: input.property, clearance: input.clearance,
      createdAt: now, updatedAt: now,
    }, built.persons.map((p) => `${p.firstName} ${p.lastName}`).join(' '));
    await repo.replaceChildren(tx, id, built, { fresh: true });
    if (input.callId) await repo.linkCall(tx, input.callId, id, now);
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.created', schoolId: input.schoolId, subjectType: 'incident', subjectId: id,
      detail: { number, callId: input.callId ?? null, timezone },
    });
    await recordCrossover(tx, ctx, { id, schoolId: input.schoolId, authorId: ctx.actor.userId }, built, new Set());
    // A new report has no supplements, reviews, evidence or referrals; only an arrest gives it tasks.
    return snapshotAndView(tx, ctx, id, 'created', { noExtras: !built.actions.some((a) => a.kind === 'arrest') });
  });
}

/** Saves a draft or returned report (the autosave too); a stale `version` answers 409 with the current record. */
export async function updateIncident(ctx: ServiceContext, id: string, input: UpdateIncident) {
  requirePermission(ctx.actor, 'incident.create');
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await repo.findIncidentRow(tx, ctx.actor.districtId, id, { forUpdate: true });
      if (!row || !canRead(ctx.actor, row)) throw notFound('Incident');
      requireSchool(ctx.actor, 'incident.create', row.schoolId, 'Incident');
      if (input.version !== row.version) throw new StaleSignal();
      checkEditable(row.status);
      const schoolId = input.schoolId ?? row.schoolId;
      const occurredAt = input.occurredAt ?? row.occurredAt.toISOString();
      const areaId = input.areaId === undefined ? (schoolId === row.schoolId ? row.areaId : null) : input.areaId;
      const { timezone } = await checkPlace(tx, ctx, { schoolId, areaId, occurredAt });
      const onCampus = input.onCampus ?? row.onCampus;
      const locationCode = locationCodeOf(onCampus, input.locationCode ?? (onCampus === row.onCampus ? row.locationCode : undefined));
      const stored = await storedState(tx, id);
      const persons = input.persons ?? stored.persons;
      const actions = input.actions ?? (input.persons ? remapActions(stored.actions, stored.persons, persons) : stored.actions);
      const state = { offenses: input.offenses ?? stored.offenses, persons, actions };
      const before = await crossoverKeys(tx, id);
      const property = input.property ?? row.property;
      const clearance = input.clearance === undefined ? row.clearance : input.clearance;
      const built = await buildChildren(tx, ctx, state, { occurredAt: new Date(occurredAt), timezone, locationCode, property, clearance }, new Set(stored.persons.map((p) => p.id!)));
      const changed = Object.keys(input).filter((k) => k !== 'version' && k !== 'editSession');
      await repo.updateIncident(tx, id, {
        schoolId, areaId, onCampus, locationCode, locationText: input.locationText === undefined ? row.locationText : input.locationText,
        occurredAt: new Date(occurredAt), summary: input.summary ?? row.summary, narrative: input.narrative ?? row.narrative,
        hasJuvenile: built.hasJuvenile, offenseKeys: built.offenseKeys, version: row.version + 1, updatedAt: ctx.clock.now(), property, clearance,
      });
      await repo.replaceChildren(tx, id, built);
      await repo.refreshSearch(tx, { id });
      await writeAudit(tx, whoOf(ctx), {
        type: 'incident.updated', schoolId, subjectType: 'incident', subjectId: id,
        detail: { version: row.version + 1, changed, ...(schoolId !== row.schoolId ? { fromSchoolId: row.schoolId } : {}) },
      });
      await recordCrossover(tx, ctx, { id, schoolId, authorId: row.authorId }, built, before);
      return snapshotAndView(tx, ctx, id, 'saved', { editSession: input.editSession });
    });
  } catch (error) {
    if (error instanceof StaleSignal) throw new StaleVersionError(await getIncident(ctx, id, 'editing'));
    throw error;
  }
}

/**
 * The incident in full; the read is audited in the same transaction, with the stated reason for a juvenile record.
 * Sealed, juvenile (without the grant) and out-of-scope read as missing.
 */
export async function getIncident(ctx: ServiceContext, id: string, why: ReadReasonQuery | 'editing') {
  requirePermission(ctx.actor, 'incident.read');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.findIncidentRow(tx, ctx.actor.districtId, id);
    if (!row || !canRead(ctx.actor, row)) throw notFound('Incident');
    const reason = statedReason(ctx.actor, row, why);
    const detail = await incidentDetail(tx, ctx.actor, id, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.viewed', schoolId: row.schoolId, subjectType: 'incident', subjectId: id,
      detail: { version: row.version, narrative: detail.narrative !== null, ...(reason ? { reason } : {}) },
    });
    return detail;
  });
}

/** Roster students the actor may name in a report: directory fields of students of their incident schools. */
export async function lookupStudents(ctx: ServiceContext, query: { q: string; schoolId?: string }) {
  if (query.schoolId) requireSchool(ctx.actor, 'incident.create', query.schoolId, 'School');
  const items = await repo.lookupStudents(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'incident.create'), query.q, query.schoolId);
  return { items };
}
