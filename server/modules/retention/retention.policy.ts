import type { Permission } from '../../../common/permissions.js';
import { RECORD_TYPES, type RecordType, type ReportState } from '../../../common/retention.js';
import { hasStateDefaults, STATE_RETENTION, type RetentionDefault } from '../../../common/retention-defaults.js';
import { can, isDistrictWide, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';

/** The period in force for each type: the district's own, else its state's default, else none (nothing destroyed). */
export function effectiveSchedules(state: string | null, overrides: { recordType: RecordType; years: number | null; note: string | null }[]) {
  const defaults = hasStateDefaults(state) ? STATE_RETENTION[state].defaults : null;
  const own = new Map(overrides.map((o) => [o.recordType, o]));
  return Object.fromEntries(RECORD_TYPES.map((type) => {
    const mine = own.get(type);
    const stateDefault: RetentionDefault | null = defaults?.[type] ?? null;
    const years = mine ? mine.years : stateDefault?.years ?? null;
    const source = mine ? 'district' as const : stateDefault ? 'state' as const : 'none' as const;
    return [type, { years, source, stateDefault, note: mine?.note ?? null }];
  })) as Record<RecordType, { years: number | null; source: 'district' | 'state' | 'none'; stateDefault: RetentionDefault | null; note: string | null }>;
}

/** The same month and day `years` earlier (29 February becomes the 28th). */
export function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Retention is district business: a grant limited to schools does not reach it (403 names the permission). */
export function requireDistrictWide(actor: Actor, permission: Permission): void {
  if (!isDistrictWide(actor, permission)) throw new AppError('forbidden', `You do not have the permission ${permission} for the district`);
}

/** What the actor may do with a report now (drives the buttons and the checks alike). */
export function reportActions(actor: Actor, report: { state: ReportState }) {
  const decide = report.state === 'pending' && can(actor, 'retention.approve') && isDistrictWide(actor, 'retention.approve');
  return { approve: decide, reject: decide };
}

/** Refuses a decision on a report that is no longer pending (a second approval). */
export function requirePending(report: { state: ReportState }): void {
  if (report.state !== 'pending') throw new AppError('conflict', `This report is already ${report.state}`, { field: 'state' });
}

/** Whether the actor may set or lift holds (drives the buttons). */
export function mayHold(actor: Actor): boolean {
  return can(actor, 'retention.hold') && isDistrictWide(actor, 'retention.hold');
}
