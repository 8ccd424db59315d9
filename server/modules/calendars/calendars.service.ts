import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { uniqueOr409 } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { InstructionalDays } from './calendars.days.js';
import { requireValidCalendar } from './calendars.policy.js';
import * as repo from './calendars.repository.js';
import type { Calendar, CalendarBody } from './calendars.schemas.js';

/** A calendar row as the API shows it, with its count of instructional days. */
export function toCalendar(row: repo.CalendarRow): Calendar {
  return {
    id: row.id, schoolId: row.schoolId, schoolName: row.schoolName ?? null, schoolYear: row.schoolYear,
    firstDay: row.firstDay, lastDay: row.lastDay, semesters: row.semesters, closedDays: row.closedDays,
    summerSession: row.summerStart && row.summerEnd ? { start: row.summerStart, end: row.summerEnd } : null,
    instructionalDays: new InstructionalDays(row).total, updatedAt: row.updatedAt.toISOString(),
  };
}

/** Calendars of the actor's schools and the district defaults. */
export async function findCalendars(ctx: ServiceContext, filter: { schoolYear?: number; schoolId?: string }) {
  if (filter.schoolId) requireSchool(ctx.actor, 'drill.read', filter.schoolId, 'School');
  const rows = await repo.findCalendars(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'drill.read'), filter);
  return rows.map(toCalendar);
}

/** Creates or replaces a school year's calendar of a school (or the district default), audited. */
export async function saveCalendar(ctx: ServiceContext, input: CalendarBody) {
  requireValidCalendar(input);
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, 'drill.rules.manage', input.schoolId);
    const { id, created } = await uniqueOr409(() => repo.saveCalendar(tx, ctx.actor.districtId, input), 'schoolYear', 'This calendar was just saved by someone else; reload');
    await writeAudit(tx, whoOf(ctx), {
      type: 'calendar.saved', schoolId: input.schoolId, subjectType: 'school_calendar', subjectId: id,
      detail: { schoolYear: input.schoolYear, created, firstDay: input.firstDay, lastDay: input.lastDay },
    });
    const [row] = await repo.findCalendars(tx, ctx.actor.districtId, { all: true }, { schoolYear: input.schoolYear, schoolId: input.schoolId });
    return toCalendar(row!);
  });
}
