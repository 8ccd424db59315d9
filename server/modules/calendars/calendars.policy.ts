import { schoolYearOf, type CalendarBody } from '../../../common/preparedness.js';
import { AppError } from '../../lib/errors.js';

function refuse(field: string, message: string): never {
  throw new AppError('validation_failed', `${field}: ${message}`, { field });
}

/**
 * Refuses a calendar whose days do not hold together: the last day before the first, a first day outside
 * its school year, semesters outside the year, out of order or overlapping, ranges ending before they start,
 * a summer session inside the year.
 */
export function requireValidCalendar(c: CalendarBody): void {
  if (c.lastDay < c.firstDay) refuse('lastDay', 'must not be before firstDay');
  if (schoolYearOf(c.firstDay) !== c.schoolYear) refuse('firstDay', `must fall in the school year ${c.schoolYear} (July 1 to June 30)`);
  let previousEnd = '';
  c.semesters.forEach((s, i) => {
    if (s.end < s.start) refuse(`semesters.${i}.end`, 'must not be before start');
    if (s.start < c.firstDay || s.end > c.lastDay) refuse(`semesters.${i}.start`, 'must lie between firstDay and lastDay');
    if (s.start <= previousEnd) refuse(`semesters.${i}.start`, 'must come after the previous semester');
    previousEnd = s.end;
  });
  c.closedDays.forEach((d, i) => {
    if (d.end < d.start) refuse(`closedDays.${i}.end`, 'must not be before start');
  });
  if (c.summerSession) {
    if (c.summerSession.end < c.summerSession.start) refuse('summerSession.end', 'must not be before start');
    if (c.summerSession.start <= c.lastDay) refuse('summerSession.start', 'must come after lastDay');
  }
}
