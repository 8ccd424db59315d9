import type { ClassStatus, EducationClass } from '@common/education.ts';
import { formatDay, gradeLabel } from '../../lib/format.ts';

/** Badge tone of a class status: what still needs someone stands out. */
export const CLASS_STATUS_TONE: Record<ClassStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  requested: 'warning',
  accepted: 'info',
  scheduled: 'info',
  delivered: 'success',
  declined: 'neutral',
  cancelled: 'neutral',
};

/** "45 min", "1 h 30 min". */
export function minutesText(n: number): string {
  return n >= 60 ? `${Math.floor(n / 60)} h${n % 60 ? ` ${n % 60} min` : ''}` : `${n} min`;
}

/** When a class takes place ("Dec 3, 2026 at 09:30, 45 min") or, before scheduling, the preferred dates. */
export function whenText(c: EducationClass): string {
  if (c.scheduledDate)
    return `${formatDay(c.scheduledDate)}${c.startTime ? ` at ${c.startTime}` : ''}${
      c.durationMinutes ? `, ${minutesText(c.durationMinutes)}` : ''
    }`;
  return `Preferred: ${c.preferredDates.map(formatDay).join(', ')}`;
}

/** "Grade 7", "Grade K". */
export function gradeText(grade: number): string {
  return `Grade ${gradeLabel(grade)}`;
}
