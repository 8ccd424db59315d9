import { ACTIVITY_KINDS, TRIAD_ROLE_LABELS, type ActivityKind, type TriadRole } from '@common/activity.ts';
import type { MinutesByRole } from '@common/activity-log.ts';
import type { HoursRow } from './HoursChart.tsx';

/** Human names of activity kinds. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  patrol: 'Patrol',
  security_check: 'Security check',
  visibility: 'Visibility',
  traffic: 'Traffic control',
  call: 'Call for service',
  incident: 'Incident',
  class: 'Class taught',
  mentoring: 'Mentoring contact',
  mediation: 'Mediation',
  meeting: 'Meeting',
  event: 'Event coverage',
  training: 'Training',
  drill: 'Drill',
  outreach: 'Outreach',
  other: 'Other',
};

/** Activity kinds as select options. */
export const ACTIVITY_KIND_OPTIONS = ACTIVITY_KINDS.map((k) => ({
  value: k,
  label: ACTIVITY_KIND_LABELS[k],
}));

/** Short names of the triad roles for badges. */
export const TRIAD_SHORT: Record<TriadRole, string> = {
  law_enforcement: 'Law enforcement',
  mentoring: 'Mentor',
  education: 'Educator',
};

/** The full triad role name (for titles and screen readers). */
export function triadLabel(role: TriadRole): string {
  return TRIAD_ROLE_LABELS[role];
}

/** A chart row from minutes by role. */
export function rowOf(key: string, label: string, minutes: MinutesByRole): HoursRow {
  return { key, label, minutes };
}
