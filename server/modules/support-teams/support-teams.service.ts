import type { z } from 'zod';
import type {
  actionItemBody, actionItemUpdateBody, supportTeamBody, SupportTeam, SupportTeamSummary, supportTeamUpdateBody, teamCaseBody,
  teamCaseUpdateBody, teamMeetingBody,
} from '../../../common/support-plans.js';
import type { AuditEventType } from '../../../common/audit-events.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { accessTo, memberSet } from '../reentry/reentry.policy.js';
import { requireMembers } from '../reentry/reentry.service.js';
import { findScopedStudent, findUsersWith } from '../support-referrals/support.people.js';
import * as repo from './support-teams.repository.js';
import { todayOf } from '../../lib/district-time.js';

const today = (ctx: ServiceContext) => todayOf(ctx);
const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field });
const OPEN_ITEM = ['open', 'in_progress'];

/** Users who may be on a re-entry plan or a team of the school. */
export async function findMembersFor(ctx: ServiceContext, schoolId: string) {
  requireSchool(ctx.actor, 'support.plan', schoolId, 'School');
  return { items: await findUsersWith(ctx.db, ctx.actor.districtId, schoolId, 'support.plan') };
}

function summaryOf(row: repo.TeamRow, member: boolean): SupportTeamSummary {
  const { team } = row;
  return {
    id: team.id, school: { id: team.schoolId, name: row.schoolName }, name: team.name, focus: team.focus, active: team.active,
    memberCount: Number(row.memberCount), openCases: Number(row.openCases), openActionItems: Number(row.openActionItems),
    overdueActionItems: Number(row.overdueActionItems), member,
  };
}

async function loadTeam(tx: Db, ctx: ServiceContext, id: string, forUpdate = false) {
  const row = await repo.findTeam(tx, ctx.actor.districtId, id, today(ctx), { forUpdate });
  const memberIds = row ? ((await repo.findMemberIds(tx, [id])).get(id) ?? []) : [];
  const access = row ? accessTo(ctx.actor, row.team.schoolId, memberIds) : null;
  if (!row || !access) throw notFound('Team');
  return { row, access, memberIds };
}

async function view(tx: Db, ctx: ServiceContext, id: string): Promise<SupportTeam> {
  const { row, access, memberIds } = await loadTeam(tx, ctx, id);
  const [meetings, cases, items] = await Promise.all([repo.findMeetings(tx, id), repo.findCases(tx, id), repo.findActionItems(tx, id)]);
  const names = await repo.namesOf(tx, [...memberIds, ...meetings.flatMap((m) => m.attendeeIds)]);
  const person = (userId: string) => ({ id: userId, name: names.get(userId) ?? '' });
  const day = today(ctx);
  return {
    ...summaryOf(row, access === 'member'),
    members: memberIds.map(person).sort((a, b) => a.name.localeCompare(b.name)),
    meetings: meetings.map((m) => ({ id: m.id, heldAt: m.heldAt.toISOString(), attendees: m.attendeeIds.map(person), notes: m.notes })),
    cases: cases.map(({ c, studentName, grade, studentNumber }) => ({
      id: c.id, student: { id: c.studentId, name: studentName, grade, studentNumber }, concern: c.concern, status: c.status, outcome: c.outcome,
      openedOn: c.openedOn, closedOn: c.closedOn,
    })),
    actionItems: items.map(({ a, ownerName }) => ({
      id: a.id, title: a.title, owner: { id: a.ownerId, name: ownerName }, dueOn: a.dueOn, status: a.status,
      overdue: OPEN_ITEM.includes(a.status) && a.dueOn < day, caseId: a.caseId, meetingId: a.meetingId,
    })),
    updatedAt: row.team.updatedAt.toISOString(),
  };
}

/** Teams I am on or oversee; the read is audited. */
export async function findTeams(ctx: ServiceContext, query: { schoolId?: string; focus?: string }) {
  requirePermission(ctx.actor, 'support.plan');
  return ctx.db.transaction(async (tx) => {
    const rows = await repo.findTeams(tx, ctx.actor.districtId, ctx.actor.userId, scopeOf(ctx.actor, 'support.oversee'), query, today(ctx));
    const members = await repo.findMemberIds(tx, rows.map((r) => r.team.id));
    const items = rows.flatMap((r) => {
      const access = accessTo(ctx.actor, r.team.schoolId, members.get(r.team.id) ?? []);
      return access ? [summaryOf(r, access === 'member')] : [];
    });
    await writeAudit(tx, whoOf(ctx), { type: 'support_team.listed', subjectType: 'support_team', detail: { query, ids: items.map((i) => i.id) } });
    return { items };
  });
}

/** Forms a team at a school where I work on support plans; I join it. */
export async function createTeam(ctx: ServiceContext, input: z.infer<typeof supportTeamBody>): Promise<SupportTeam> {
  requireSchool(ctx.actor, 'support.plan', input.schoolId, 'School');
  return ctx.db.transaction(async (tx) => {
    const members = memberSet(input.memberIds, [ctx.actor.userId]);
    await requireMembers(tx, ctx.actor.districtId, input.schoolId, members, 'memberIds');
    const now = ctx.clock.now();
    const id = await repo.insertTeam(tx, {
      districtId: ctx.actor.districtId, schoolId: input.schoolId, name: input.name, focus: input.focus, createdBy: ctx.actor.userId,
      createdAt: now, updatedAt: now,
    });
    await repo.setMembers(tx, id, members);
    await writeAudit(tx, whoOf(ctx), { type: 'support_team.created', schoolId: input.schoolId, subjectType: 'support_team', subjectId: id, detail: { focus: input.focus, members } });
    return view(tx, ctx, id);
  });
}

/** One team with members, meetings, student cases and action items; the read is audited. */
export async function getTeam(ctx: ServiceContext, id: string): Promise<SupportTeam> {
  requirePermission(ctx.actor, 'support.plan');
  return ctx.db.transaction(async (tx) => {
    const team = await view(tx, ctx, id);
    await writeAudit(tx, whoOf(ctx), {
      type: 'support_team.viewed', schoolId: team.school.id, subjectType: 'support_team', subjectId: id,
      detail: { as: team.member ? 'member' : 'overseer', cases: team.cases.map((c) => c.id) },
    });
    return team;
  });
}

export type TeamChange =
  | { kind: 'team'; input: z.infer<typeof supportTeamUpdateBody> }
  | { kind: 'meeting'; input: z.infer<typeof teamMeetingBody> }
  | { kind: 'case'; input: z.infer<typeof teamCaseBody> }
  | { kind: 'case_update'; caseId: string; input: z.infer<typeof teamCaseUpdateBody> }
  | { kind: 'action'; input: z.infer<typeof actionItemBody> }
  | { kind: 'action_update'; itemId: string; input: z.infer<typeof actionItemUpdateBody> };

const EVENTS: Record<TeamChange['kind'], AuditEventType> = {
  team: 'support_team.updated', meeting: 'support_team.meeting_added', case: 'support_team.case_opened',
  case_update: 'support_team.case_updated', action: 'support_team.action_added', action_update: 'support_team.action_updated',
};

/** A change by a member or an overseer. Owners and attendees must be members; a case's student must be at the school. */
export async function changeTeam(ctx: ServiceContext, id: string, change: TeamChange): Promise<SupportTeam> {
  requirePermission(ctx.actor, 'support.plan');
  return ctx.db.transaction(async (tx) => {
    const { row, memberIds } = await loadTeam(tx, ctx, id, true);
    const { team } = row;
    const now = ctx.clock.now();
    const detail: Record<string, unknown> = {};
    const requireMember = (userId: string, field: string) => { if (!memberIds.includes(userId)) throw invalid(field, 'not a member of the team'); };
    if (change.kind === 'team') {
      const { memberIds: next, ...fields } = change.input;
      if (next) {
        if (next.length === 0) throw invalid('memberIds', 'a team keeps at least one member');
        if (!accessTo(ctx.actor, team.schoolId, next)) throw invalid('memberIds', 'you would lose access to the team: keep yourself on it');
        await requireMembers(tx, ctx.actor.districtId, team.schoolId, next, 'memberIds');
        await repo.setMembers(tx, id, memberSet(next));
      }
      detail.changed = Object.keys(change.input);
      await repo.updateTeam(tx, id, { ...fields, updatedAt: now });
    } else if (change.kind === 'meeting') {
      change.input.attendeeIds.forEach((a) => requireMember(a, 'attendeeIds'));
      detail.meetingId = await repo.insertMeeting(tx, { teamId: id, heldAt: new Date(change.input.heldAt), attendeeIds: memberSet(change.input.attendeeIds), notes: change.input.notes ?? null, createdBy: ctx.actor.userId, createdAt: now });
    } else if (change.kind === 'case') {
      const student = await findScopedStudent(tx, ctx.actor.districtId, { all: false, schoolIds: [team.schoolId] }, change.input.studentId);
      if (!student?.active) throw invalid('studentId', 'no such student at the team\'s school');
      detail.caseId = await repo.insertCase(tx, { teamId: id, studentId: student.id, concern: change.input.concern, openedOn: today(ctx), createdBy: ctx.actor.userId });
    } else if (change.kind === 'case_update') {
      const { status } = change.input;
      const closedOn = status === undefined ? undefined : status === 'closed' ? today(ctx) : null;
      if (!(await repo.updateCase(tx, id, change.caseId, { ...change.input, ...(closedOn === undefined ? {} : { closedOn }) }))) throw notFound('Case');
      Object.assign(detail, { caseId: change.caseId, changed: Object.keys(change.input) });
    } else if (change.kind === 'action') {
      const { title, ownerId, dueOn, caseId, meetingId } = change.input;
      requireMember(ownerId, 'ownerId');
      if (caseId && !(await repo.findCases(tx, id)).some((c) => c.c.id === caseId)) throw invalid('caseId', 'not a case of this team');
      if (meetingId && !(await repo.findMeetings(tx, id)).some((m) => m.id === meetingId)) throw invalid('meetingId', 'not a meeting of this team');
      await repo.insertActionItem(tx, { teamId: id, title, ownerId, dueOn, caseId: caseId ?? null, meetingId: meetingId ?? null, createdAt: now, updatedAt: now });
      Object.assign(detail, { ownerId, dueOn });
    } else {
      if (change.input.ownerId) requireMember(change.input.ownerId, 'ownerId');
      if (!(await repo.updateActionItem(tx, id, change.itemId, { ...change.input, updatedAt: now }))) throw notFound('Action item');
      Object.assign(detail, { itemId: change.itemId, changed: Object.keys(change.input) });
    }
    if (change.kind !== 'team') await repo.updateTeam(tx, id, { updatedAt: now });
    await writeAudit(tx, whoOf(ctx), { type: EVENTS[change.kind], schoolId: team.schoolId, subjectType: 'support_team', subjectId: id, detail });
    return view(tx, ctx, id);
  });
}
