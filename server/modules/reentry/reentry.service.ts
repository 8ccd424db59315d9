import type { z } from 'zod';
import type {
  CheckInProgress, ReentryPlan, ReentryPlanBody, ReentryPlanSummary, ReentryPlanUpdateBody, reentryCheckInBody, reentryGoalBody,
  reentryGoalUpdateBody,
} from '../../../common/support-plans.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { findScopedStudent, findUsersWith } from '../support-referrals/support.people.js';
import { accessTo, memberSet } from './reentry.policy.js';
import * as repo from './reentry.repository.js';
import { todayOf } from '../../lib/district-time.js';

const today = (ctx: ServiceContext) => todayOf(ctx);
const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field });

/** Throws 400 naming `field` unless every id is a user who may work on support plans at the school. */
export async function requireMembers(tx: Db, districtId: string, schoolId: string, ids: string[], field: string): Promise<void> {
  const found = await findUsersWith(tx, districtId, schoolId, 'support.plan', { ids });
  const missing = ids.filter((id) => !found.some((u) => u.id === id));
  if (missing.length > 0) throw invalid(field, `not a user who may work on support plans at this school: ${missing.join(', ')}`);
}

function summaryOf(row: repo.PlanRow, member: boolean): ReentryPlanSummary {
  const { plan } = row;
  return {
    id: plan.id, school: { id: plan.schoolId, name: row.schoolName },
    student: { id: plan.studentId, name: row.studentName, grade: row.grade, studentNumber: row.studentNumber },
    status: plan.status, startDate: plan.startDate, endDate: plan.endDate,
    lastCheckIn: row.lastCheckIn ? { date: row.lastCheckIn.date, progress: row.lastCheckIn.progress as CheckInProgress } : null,
    openGoals: Number(row.openGoals), member,
  };
}

/** Reads a plan the actor may see (404 otherwise), locking it when it is about to change. */
async function loadPlan(tx: Db, ctx: ServiceContext, id: string, forUpdate = false) {
  const row = await repo.findPlan(tx, ctx.actor.districtId, id, { forUpdate });
  const memberIds = row ? ((await repo.findMemberIds(tx, [id])).get(id) ?? []) : [];
  const access = row ? accessTo(ctx.actor, row.plan.schoolId, memberIds) : null;
  if (!row || !access) throw notFound('Re-entry plan');
  return { row, access };
}

async function view(tx: Db, ctx: ServiceContext, id: string): Promise<ReentryPlan> {
  const { row, access } = await loadPlan(tx, ctx, id);
  const [members, goals, checkIns] = await Promise.all([repo.findMembers(tx, id), repo.findGoals(tx, id), repo.findCheckIns(tx, id)]);
  return {
    ...summaryOf(row, access === 'member'),
    returningFrom: row.plan.returningFrom, summary: row.plan.summary, createdBy: { id: row.plan.createdBy, name: row.creatorName }, members,
    goals: goals.map((g) => ({ id: g.id, description: g.description, targetDate: g.targetDate, status: g.status })),
    checkIns: checkIns.map(({ c, authorName }) => ({
      id: c.id, date: c.date, note: c.note, progress: c.progress, goalId: c.goalId, author: { id: c.authorId, name: authorName },
      createdAt: c.createdAt.toISOString(),
    })),
    updatedAt: row.plan.updatedAt.toISOString(),
  };
}

/** Plans I am on or oversee; the read is audited with the ids shown. */
export async function findPlans(ctx: ServiceContext, query: { schoolId?: string; status: string }) {
  requirePermission(ctx.actor, 'support.plan');
  return ctx.db.transaction(async (tx) => {
    const rows = await repo.findPlans(tx, ctx.actor.districtId, ctx.actor.userId, scopeOf(ctx.actor, 'support.oversee'), query);
    const members = await repo.findMemberIds(tx, rows.map((r) => r.plan.id));
    const items = rows
      .map((r) => ({ r, access: accessTo(ctx.actor, r.plan.schoolId, members.get(r.plan.id) ?? []) }))
      .filter((x) => x.access !== null)
      .map(({ r, access }) => summaryOf(r, access === 'member'));
    await writeAudit(tx, whoOf(ctx), { type: 'reentry.listed', subjectType: 'reentry_plan', detail: { query, ids: items.map((i) => i.id) } });
    return { items };
  });
}

/** Opens a plan for a student of a school where I work on support plans; I join the team. */
export async function createPlan(ctx: ServiceContext, input: ReentryPlanBody): Promise<ReentryPlan> {
  requirePermission(ctx.actor, 'support.plan');
  if (input.endDate < input.startDate) throw invalid('endDate', 'must be on or after startDate');
  const { districtId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const student = await findScopedStudent(tx, districtId, scopeOf(ctx.actor, 'support.plan'), input.studentId);
    if (!student?.active) throw invalid('studentId', 'no such student at your schools');
    const members = memberSet(input.memberIds, [ctx.actor.userId]);
    await requireMembers(tx, districtId, student.schoolId, members, 'memberIds');
    const now = ctx.clock.now();
    const id = await repo.insertPlan(tx, {
      districtId, schoolId: student.schoolId, studentId: student.id, returningFrom: input.returningFrom, startDate: input.startDate,
      endDate: input.endDate, summary: input.summary ?? null, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    });
    await repo.setMembers(tx, id, members);
    await repo.insertGoals(tx, input.goals.map((g) => ({ planId: id, description: g.description, targetDate: g.targetDate ?? null, createdAt: now })));
    await writeAudit(tx, whoOf(ctx), {
      type: 'reentry.created', schoolId: student.schoolId, subjectType: 'reentry_plan', subjectId: id, detail: { members, goals: input.goals.length },
    });
    return view(tx, ctx, id);
  });
}

/** One plan with its team, goals and check-ins; the read is audited. */
export async function getPlan(ctx: ServiceContext, id: string): Promise<ReentryPlan> {
  requirePermission(ctx.actor, 'support.plan');
  return ctx.db.transaction(async (tx) => {
    const plan = await view(tx, ctx, id);
    await writeAudit(tx, whoOf(ctx), {
      type: 'reentry.viewed', schoolId: plan.school.id, subjectType: 'reentry_plan', subjectId: id, detail: { as: plan.member ? 'member' : 'overseer' },
    });
    return plan;
  });
}

type Change =
  | { kind: 'plan'; input: ReentryPlanUpdateBody }
  | { kind: 'goal'; input: z.infer<typeof reentryGoalBody> }
  | { kind: 'goal_update'; goalId: string; input: z.infer<typeof reentryGoalUpdateBody> }
  | { kind: 'check_in'; input: z.infer<typeof reentryCheckInBody> };

/** A change by a member or an overseer: the plan itself, a goal, or a check-in. */
export async function changePlan(ctx: ServiceContext, id: string, change: Change): Promise<ReentryPlan> {
  requirePermission(ctx.actor, 'support.plan');
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadPlan(tx, ctx, id, true);
    const { plan } = row;
    const now = ctx.clock.now();
    const audit = (type: 'reentry.updated' | 'reentry.goal_added' | 'reentry.goal_updated' | 'reentry.checked_in', detail: Record<string, unknown>) =>
      writeAudit(tx, whoOf(ctx), { type, schoolId: plan.schoolId, subjectType: 'reentry_plan', subjectId: id, detail });
    if (change.kind === 'plan') {
      const { memberIds, ...fields } = change.input;
      if ((fields.endDate ?? plan.endDate) < plan.startDate) throw invalid('endDate', 'must be on or after the start date');
      if (memberIds) {
        if (memberIds.length === 0) throw invalid('memberIds', 'a plan keeps at least one member');
        if (!accessTo(ctx.actor, plan.schoolId, memberIds)) throw invalid('memberIds', 'you would lose access to the plan: keep yourself on the team');
        await requireMembers(tx, ctx.actor.districtId, plan.schoolId, memberIds, 'memberIds');
        await repo.setMembers(tx, id, memberSet(memberIds));
      }
      await repo.updatePlan(tx, id, { ...fields, updatedAt: now });
      await audit('reentry.updated', { changed: Object.keys(change.input) });
    } else if (change.kind === 'goal') {
      await repo.insertGoals(tx, [{ planId: id, description: change.input.description, targetDate: change.input.targetDate ?? null, createdAt: now }]);
      await repo.updatePlan(tx, id, { updatedAt: now });
      await audit('reentry.goal_added', {});
    } else if (change.kind === 'goal_update') {
      if (!(await repo.updateGoal(tx, id, change.goalId, change.input))) throw notFound('Goal');
      await repo.updatePlan(tx, id, { updatedAt: now });
      await audit('reentry.goal_updated', { goalId: change.goalId, changed: Object.keys(change.input) });
    } else {
      const { date, note, progress, goalId } = change.input;
      if (date > today(ctx)) throw invalid('date', 'cannot be in the future');
      if (date < plan.startDate) throw invalid('date', 'is before the plan starts');
      if (goalId && !(await repo.findGoals(tx, id)).some((g) => g.id === goalId)) throw invalid('goalId', 'not a goal of this plan');
      await repo.insertCheckIn(tx, { planId: id, date, note, progress, goalId: goalId ?? null, authorId: ctx.actor.userId, createdAt: now });
      await repo.updatePlan(tx, id, { updatedAt: now });
      await audit('reentry.checked_in', { date, progress });
    }
    return view(tx, ctx, id);
  });
}
