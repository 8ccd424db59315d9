import { and, eq, isNull } from 'drizzle-orm';
import {
  CSTAG_TASKS, THREAT_TASK_LABELS, type ClassifyBody, type CloseCaseBody, type EvaluationBody, type NewTaskBody, type NoteBody,
  type SafetyPlanBody, type safetyPlanBody, type ThreatCase, type ThreatCaseSummary, type UpdateCaseBody, type UpdateTaskBody, type openCaseBody,
} from '../../../common/tips.js';
import type { z } from 'zod';
import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { ROLES } from '../../../common/roles.js';
import type { AuditEntry } from '../../audit/audit.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { canAtSchool, requireSchool, scopeOf, type Actor } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { incidents, tips } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { districtYear } from '../incidents/incidents.numbers.js';
import { nextNumber } from '../../db/counters.js';
import * as repo from './threats.repository.js';
import { addDays, dayIn } from '../../lib/district-time.js';

const THREAT_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('threat.read'));
const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field });

/** The district safety director sees every case; everyone else only the cases whose team they are on. */
export function isDirector(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'director' && g.schoolId === null);
}

type Loaded = NonNullable<Awaited<ReturnType<typeof repo.findCase>>>;

async function loadCase(db: Db, ctx: ServiceContext, id: string, manage: boolean): Promise<Loaded> {
  const row = await repo.findCase(db, ctx.actor.districtId, id);
  // A team member whose grants no longer cover the case's school (moved elsewhere) no longer sees it.
  const sees = row && canAtSchool(ctx.actor, 'threat.read', row.c.schoolId) && (isDirector(ctx.actor) || (await repo.isMember(db, id, ctx.actor.userId)));
  if (!row || !sees) throw notFound('Case');
  if (manage) requireSchool(ctx.actor, 'threat.manage', row.c.schoolId, 'Case');
  return row;
}

function summaryOf(row: Loaded, openTasks: number): ThreatCaseSummary {
  const c = row.c;
  return {
    id: c.id, number: c.number, schoolId: c.schoolId, schoolName: row.schoolName, status: c.status, classification: c.classification,
    subjectName: row.subjectName, source: c.source, openedAt: c.openedAt.toISOString(), openTasks, nextReviewOn: c.nextReviewOn,
  };
}

async function fullCase(db: Db, row: Loaded): Promise<ThreatCase> {
  const c = row.c;
  const [team, tasks, notes] = await Promise.all([repo.findTeam(db, c.id), repo.findTasks(db, c.id), repo.findNotes(db, c.id)]);
  const evaluatorName = c.evaluatedBy ? team.find((m) => m.userId === c.evaluatedBy)?.name ?? '' : '';
  return {
    ...summaryOf(row, tasks.filter((t) => !t.t.doneAt).length),
    tipId: c.tipId, incidentId: c.incidentId, subjectStudentId: c.subjectStudentId, threatAsReported: c.threatAsReported,
    intendedVictims: c.intendedVictims,
    evaluation: c.evaluation && c.evaluatedAt ? { ...c.evaluation, at: c.evaluatedAt.toISOString(), byName: evaluatorName } : null,
    classificationRationale: c.classificationRationale, resolution: c.resolution, classifiedAt: c.classifiedAt?.toISOString() ?? null,
    team, closedAt: c.closedAt?.toISOString() ?? null, closingSummary: c.closingSummary,
    tasks: tasks.map(({ t, ownerName }) => ({
      id: t.id, kind: t.kind, title: t.title, ownerUserId: t.ownerUserId, ownerName, dueOn: t.dueOn, doneAt: t.doneAt?.toISOString() ?? null, note: t.note,
    })),
    notes: notes.map(({ n, authorName }) => ({
      id: n.id, kind: n.kind, interviewee: n.interviewee, intervieweeRole: n.intervieweeRole, theme: n.theme as ThreatCase['notes'][number]['theme'],
      occurredOn: n.occurredOn, body: n.body, authorName, createdAt: n.createdAt.toISOString(),
    })),
    safetyPlan: c.safetyPlan && c.safetyPlanUpdatedAt ? { ...c.safetyPlan, updatedAt: c.safetyPlanUpdatedAt.toISOString() } : null,
  };
}

async function checkTeam(db: Db, ctx: ServiceContext, schoolId: string, ids: string[]): Promise<void> {
  const found = await repo.findUsersWithRoles(db, ctx.actor.districtId, schoolId, THREAT_ROLES, ids);
  if (new Set(found.map((u) => u.id)).size !== new Set(ids).size) throw invalid('teamUserIds', 'every member must hold threat assessment access at the school');
}

/** Opens a CSTAG case from a tip, an incident or directly; the opener joins the team. */
export async function openCase(ctx: ServiceContext, input: z.output<typeof openCaseBody>): Promise<ThreatCase> {
  requireSchool(ctx.actor, 'threat.manage', input.schoolId, 'School');
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const districtId = ctx.actor.districtId;
    if (input.source === 'tip') {
      const [t] = input.tipId ? await tx.select({ id: tips.id }).from(tips).where(and(eq(tips.id, input.tipId), eq(tips.districtId, districtId), eq(tips.schoolId, input.schoolId))) : [];
      if (!t || !canAtSchool(ctx.actor, 'tip.read', input.schoolId)) throw invalid('tipId', 'no such tip at the school');
    }
    if (input.source === 'incident') {
      const [i] = input.incidentId ? await tx.select({ id: incidents.id }).from(incidents).where(and(eq(incidents.id, input.incidentId), eq(incidents.districtId, districtId), eq(incidents.schoolId, input.schoolId), isNull(incidents.sealedAt))) : [];
      if (!i) throw invalid('incidentId', 'no such incident at the school');
    }
    if (!(await repo.findStudent(tx, districtId, input.schoolId, input.subjectStudentId))) throw invalid('subjectStudentId', 'not a student of the school');
    const team = [...new Set([ctx.actor.userId, ...input.teamUserIds])];
    await checkTeam(tx, ctx, input.schoolId, team.filter((u) => u !== ctx.actor.userId));
    const { year } = await districtYear(tx, districtId, now);
    const number = `TA-${year}-${String(await nextNumber(tx, districtId, 'threat', year)).padStart(4, '0')}`;
    const caseId = await repo.insertCase(tx, {
      districtId, schoolId: input.schoolId, number, source: input.source, tipId: input.source === 'tip' ? input.tipId : null,
      incidentId: input.source === 'incident' ? input.incidentId : null, subjectStudentId: input.subjectStudentId,
      threatAsReported: input.threatAsReported, intendedVictims: input.intendedVictims || null, openedBy: ctx.actor.userId, openedAt: now, updatedAt: now,
    });
    await repo.setTeam(tx, caseId, team);
    await writeAudit(tx, whoOf(ctx), { type: 'threat.opened', schoolId: input.schoolId, subjectType: 'threat_case', subjectId: caseId, detail: { number, source: input.source } });
    return caseId;
  });
  return getCase(ctx, id, false);
}

/** One case (audited unless `audit` is false, for the answer of a change already audited). */
export async function getCase(ctx: ServiceContext, id: string, audit = true): Promise<ThreatCase> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadCase(tx, ctx, id, false);
    if (audit) await writeAudit(tx, whoOf(ctx), { type: 'threat.viewed', schoolId: row.c.schoolId, subjectType: 'threat_case', subjectId: id });
    return fullCase(tx, row);
  });
}

/** Cases the actor may see (audited with the ids shown). */
export async function findCases(ctx: ServiceContext, query: { status?: string; schoolId?: string }) {
  return ctx.db.transaction(async (tx) => {
    const scope = scopeOf(ctx.actor, 'threat.read');
    const rows = await repo.findCases(
      tx, ctx.actor.districtId, isDirector(ctx.actor) ? null : ctx.actor.userId, query, scope.all ? null : scope.schoolIds,
    );
    await writeAudit(tx, whoOf(ctx), { type: 'threat.listed', detail: { ids: rows.map((r) => r.c.id) } });
    return { items: rows.map((r) => summaryOf(r, Number(r.openTasks))) };
  });
}

/** Users who may join a case at the school. */
export async function teamCandidates(ctx: ServiceContext, schoolId: string) {
  requireSchool(ctx.actor, 'threat.manage', schoolId, 'School');
  const found = await repo.findUsersWithRoles(ctx.db, ctx.actor.districtId, schoolId, THREAT_ROLES);
  return { items: found.map((u) => ({ id: u.id, name: u.name, role: u.role })) };
}

/** Runs a change on a case the actor manages, audited, and answers the case. */
async function change(ctx: ServiceContext, id: string, work: (tx: Db, row: Loaded, now: Date) => Promise<Omit<AuditEntry, 'schoolId' | 'subjectType' | 'subjectId'>>): Promise<ThreatCase> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadCase(tx, ctx, id, true);
    const now = ctx.clock.now();
    const entry = await work(tx, row, now);
    await repo.updateCase(tx, id, { updatedAt: now });
    await writeAudit(tx, whoOf(ctx), { ...entry, schoolId: row.c.schoolId, subjectType: 'threat_case', subjectId: id });
  });
  return getCase(ctx, id, false);
}

function requireOpen(row: Loaded): void {
  if (row.c.status === 'closed') throw new AppError('conflict', 'The case is closed');
}

/** Team, threat as reported, intended victims. */
export function updateCase(ctx: ServiceContext, id: string, input: UpdateCaseBody) {
  return change(ctx, id, async (tx, row) => {
    requireOpen(row);
    if (input.teamUserIds) {
      await checkTeam(tx, ctx, row.c.schoolId, input.teamUserIds);
      await repo.setTeam(tx, id, [...new Set([...input.teamUserIds, ...(isDirector(ctx.actor) ? [] : [ctx.actor.userId])])]);
    }
    await repo.updateCase(tx, id, {
      ...(input.threatAsReported ? { threatAsReported: input.threatAsReported } : {}),
      ...(input.intendedVictims !== undefined ? { intendedVictims: input.intendedVictims || null } : {}),
    });
    return { type: 'threat.updated', detail: { changed: Object.keys(input) } };
  });
}

/** CSTAG step 1: evaluate the threat. */
export function evaluate(ctx: ServiceContext, id: string, input: EvaluationBody) {
  return change(ctx, id, async (tx, row, now) => {
    if (!['open', 'evaluated'].includes(row.c.status)) throw new AppError('conflict', 'The threat is already classified');
    await repo.updateCase(tx, id, { evaluation: input, evaluatedAt: now, evaluatedBy: ctx.actor.userId, status: 'evaluated' });
    return { type: 'threat.evaluated' };
  });
}


/** CSTAG steps 2-3: transient (resolved, closed to monitoring-free) or substantive serious / very serious with its tasks. */
export function classify(ctx: ServiceContext, id: string, input: ClassifyBody) {
  return change(ctx, id, async (tx, row, now) => {
    if (row.c.status !== 'evaluated') throw new AppError('conflict', 'Evaluate the threat before classifying it', { field: 'classification' });
    if (input.classification === 'transient') {
      if (!input.resolution) throw invalid('resolution', 'say how the transient threat was resolved');
      await repo.updateCase(tx, id, { classification: 'transient', classificationRationale: input.rationale, resolution: input.resolution, classifiedAt: now, status: 'resolved_transient' });
      return { type: 'threat.classified', detail: { classification: 'transient' } };
    }
    await repo.updateCase(tx, id, { classification: input.classification, classificationRationale: input.rationale, classifiedAt: now, status: input.classification });
    await repo.insertTasks(tx, CSTAG_TASKS[input.classification].map((t) => ({
      caseId: id, kind: t.kind, title: THREAT_TASK_LABELS[t.kind], ownerUserId: ctx.actor.userId,
      dueOn: addDays(dayIn(ctx.actor.timeZone, now), t.dueDays), createdAt: now,
    })));
    return { type: 'threat.classified', detail: { classification: input.classification, tasks: CSTAG_TASKS[input.classification].length } };
  });
}

async function checkOwner(tx: Db, ctx: ServiceContext, row: Loaded, ownerUserId: string | null | undefined): Promise<void> {
  if (ownerUserId && !(await repo.isMember(tx, row.c.id, ownerUserId))) throw invalid('ownerUserId', 'the owner must be on the case team');
}

/** Adds a task. */
export function addTask(ctx: ServiceContext, id: string, input: NewTaskBody) {
  return change(ctx, id, async (tx, row, now) => {
    requireOpen(row);
    await checkOwner(tx, ctx, row, input.ownerUserId);
    await repo.insertTasks(tx, [{ caseId: id, kind: input.kind, title: input.title || THREAT_TASK_LABELS[input.kind], ownerUserId: input.ownerUserId ?? null, dueOn: input.dueOn ?? null, createdAt: now }]);
    return { type: 'threat.task_created', detail: { kind: input.kind } };
  });
}

/** Owner, due date, done. */
export function updateTask(ctx: ServiceContext, id: string, taskId: string, input: UpdateTaskBody) {
  return change(ctx, id, async (tx, row, now) => {
    await checkOwner(tx, ctx, row, input.ownerUserId);
    const ok = await repo.updateTask(tx, id, taskId, {
      ...(input.ownerUserId !== undefined ? { ownerUserId: input.ownerUserId } : {}), ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
      ...(input.done !== undefined ? { doneAt: input.done ? now : null } : {}), ...(input.note !== undefined ? { note: input.note || null } : {}),
    });
    if (!ok) throw notFound('Task');
    return { type: 'threat.task_updated', detail: { taskId, changed: Object.keys(input) } };
  });
}

/** Adds a structured note: interviews name the interviewee, themes name the theme. */
export function addNote(ctx: ServiceContext, id: string, input: NoteBody) {
  if (input.kind === 'interview' && !input.interviewee) throw invalid('interviewee', 'name who was interviewed');
  if (input.kind === 'theme' && !input.theme) throw invalid('theme', 'choose the investigative theme');
  return change(ctx, id, async (tx, row, now) => {
    requireOpen(row);
    await repo.insertNote(tx, {
      caseId: id, kind: input.kind, interviewee: input.interviewee || null, intervieweeRole: input.intervieweeRole ?? null, theme: input.theme ?? null,
      occurredOn: input.occurredOn ?? null, body: input.body, authorId: ctx.actor.userId, createdAt: now,
    });
    return { type: 'threat.note_added', detail: { kind: input.kind } };
  });
}

/** Writes or revises the safety plan; the next review date is kept on the case. */
export function saveSafetyPlan(ctx: ServiceContext, id: string, input: z.output<typeof safetyPlanBody>) {
  return change(ctx, id, async (tx, row, now) => {
    requireOpen(row);
    const reviewDates = [...input.reviewDates].sort();
    const today = dayIn(ctx.actor.timeZone, now);
    await repo.updateCase(tx, id, {
      safetyPlan: { measures: input.measures, supports: input.supports, reviewDates }, safetyPlanUpdatedAt: now,
      nextReviewOn: reviewDates.find((d) => d >= today) ?? null,
    });
    return { type: 'threat.safety_plan_saved', detail: { reviews: reviewDates.length } };
  });
}

/** Serious and very serious cases move to monitoring once their response is in place. */
export function startMonitoring(ctx: ServiceContext, id: string) {
  return change(ctx, id, async (tx, row) => {
    if (row.c.status !== 'serious' && row.c.status !== 'very_serious') throw new AppError('conflict', 'Only a serious or very serious case is monitored');
    if (row.c.status === 'very_serious' && !row.c.safetyPlan) throw invalid('safetyPlan', 'a very serious threat needs a written safety plan first');
    await repo.updateCase(tx, id, { status: 'monitoring' });
    return { type: 'threat.monitoring' };
  });
}

/** Closes a case with a summary. */
export function closeCase(ctx: ServiceContext, id: string, input: CloseCaseBody) {
  return change(ctx, id, async (tx, row, now) => {
    requireOpen(row);
    await repo.updateCase(tx, id, { status: 'closed', closedAt: now, closingSummary: input.summary });
    return { type: 'threat.closed' };
  });
}

export type { SafetyPlanBody };
