// The SRO's daily activity log by the NASRO triad (capability 6). Entries are typed in the log, or written by the
// module where the work was recorded (a patrol, a call, a class, a mentoring contact, an event covered, a drill),
// so nothing is typed twice; such entries carry their source and are changed only through it.

export const TRIAD_ROLES = ['law_enforcement', 'mentoring', 'education'] as const;
export type TriadRole = (typeof TRIAD_ROLES)[number];
export const TRIAD_ROLE_LABELS: Record<TriadRole, string> = {
  law_enforcement: 'Law enforcement',
  mentoring: 'Informal counselor / mentor',
  education: 'Educator',
};

export const ACTIVITY_KINDS = [
  'patrol', 'security_check', 'visibility', 'traffic', 'call', 'incident', 'class', 'mentoring', 'mediation', 'meeting',
  'event', 'training', 'drill', 'outreach', 'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The triad role an activity of each kind carries unless the entry says otherwise. */
export const DEFAULT_TRIAD_ROLE: Record<ActivityKind, TriadRole> = {
  patrol: 'law_enforcement', security_check: 'law_enforcement', visibility: 'law_enforcement', traffic: 'law_enforcement',
  call: 'law_enforcement', incident: 'law_enforcement', class: 'education', mentoring: 'mentoring', mediation: 'mentoring',
  meeting: 'law_enforcement', event: 'law_enforcement', training: 'education', drill: 'law_enforcement', outreach: 'education',
  other: 'law_enforcement',
};

/**
 * Where an entry came from. `null` (typed in the log). Each value names the table of the source record; the pair
 * (sourceType, sourceId) is unique, so a module re-recording its record updates the one entry.
 */
export const ACTIVITY_SOURCES = [
  'patrol_entry', 'call', 'incident', 'education_class', 'mentoring_contact', 'mediation', 'event_coverage', 'meeting',
  'drill', 'staff_training', 'patrol_check_run', 'outreach_event',
] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

/** Longest single activity: a day. */
export const MAX_ACTIVITY_MINUTES = 24 * 60;
