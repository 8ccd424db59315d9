import { schoolYearLabel, schoolYearOf } from '../../../common/preparedness.js';
import { addDays } from '../calendars/calendars.days.js';
import { AppError } from '../../lib/errors.js';

/** The day compliance is judged on: `asOf` when asked (never after today: the future is not known), else today. */
export function judgedDay(asOf: string | undefined, today: string): string {
  if (asOf === undefined) return today;
  if (asOf > today) throw new AppError('validation_failed', `asOf: must be today (${today}) or earlier`, { field: 'asOf' });
  return asOf;
}

/** The school year asked for, or the one today falls in. */
export function yearOr(schoolYear: number | undefined, today: string): number {
  return schoolYear ?? schoolYearOf(today);
}

/** Reminders stay in the app until 30 days after their window closed. */
export function remindersSince(today: string): string {
  return addDays(today, -30);
}

/** The e-mail of one reminder. */
export function reminderMail(r: { schoolName: string; ruleTitle: string; windowEnd: string; required: number; counted: number; schoolYear: number }, link: string) {
  const short = r.required - r.counted;
  return {
    subject: `Drill due at ${r.schoolName}: ${r.ruleTitle} (window closes ${r.windowEnd})`,
    body: [
      `${r.schoolName}, school year ${schoolYearLabel(r.schoolYear)}`,
      '',
      `Rule: ${r.ruleTitle}`,
      `Counted so far: ${r.counted} of ${r.required} (${short} more needed)`,
      `The window closes on ${r.windowEnd}.`,
      '',
      `Schedule or record the drill in SRO Desk: ${link}`,
    ].join('\n'),
  };
}
