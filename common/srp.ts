/*
 * The zod-free constants of alerts and reunification (SRP actions, directives, statuses, event types), so
 * the web app can import them without zod. common/alerts.ts re-exports all of it with the API schemas.
 */

/** The five actions of the Standard Response Protocol, in their order of the protocol. */
export const SRP_ACTIONS = ['hold', 'secure', 'lockdown', 'evacuate', 'shelter'] as const;
export type SrpAction = (typeof SRP_ACTIONS)[number];

/** The term, the directive and what staff do for each action (standards.md). */
export const SRP: Record<SrpAction, { term: string; directive: string; staff: string; students: string }> = {
  hold: {
    term: 'HOLD', directive: 'In your room or area. Clear the halls.',
    students: 'Stay in the room until the All Clear.',
    staff: 'Close and lock the door, account for everyone, business as usual.',
  },
  secure: {
    term: 'SECURE', directive: 'Get inside. Lock outside doors.',
    students: 'Return inside, business as usual.',
    staff: 'Bring everyone in, lock outside doors, heighten awareness, account for everyone.',
  },
  lockdown: {
    term: 'LOCKDOWN', directive: 'Locks, lights, out of sight.',
    students: 'Move out of sight, stay silent, do not open the door.',
    staff: 'Clear the hall if possible, lock, lights out, silence, prepare to evade or defend.',
  },
  evacuate: {
    term: 'EVACUATE', directive: 'To the announced location.',
    students: 'Leave items if told, follow instructions.',
    staff: 'Lead to the location, account for everyone, report missing, extra or injured.',
  },
  shelter: {
    term: 'SHELTER', directive: 'For the hazard, using the safety strategy.',
    students: 'Use the safety strategy.',
    staff: 'Lead the strategy, account for everyone, report missing, extra or injured.',
  },
};

/** Shelter hazards and the strategy each calls for by default. */
export const SHELTER_HAZARDS = ['tornado', 'hazmat', 'earthquake', 'tsunami', 'severe_weather', 'other'] as const;
export type ShelterHazard = (typeof SHELTER_HAZARDS)[number];
export const SHELTER_STRATEGIES = ['shelter_area', 'seal_the_room', 'drop_cover_hold', 'get_to_high_ground', 'other'] as const;
export type ShelterStrategy = (typeof SHELTER_STRATEGIES)[number];
export const DEFAULT_STRATEGY: Record<ShelterHazard, ShelterStrategy> = {
  tornado: 'shelter_area', hazmat: 'seal_the_room', earthquake: 'drop_cover_hold', tsunami: 'get_to_high_ground',
  severe_weather: 'shelter_area', other: 'other',
};
export const HAZARD_LABELS: Record<ShelterHazard, string> = {
  tornado: 'Tornado', hazmat: 'Hazardous materials', earthquake: 'Earthquake', tsunami: 'Tsunami',
  severe_weather: 'Severe weather', other: 'Other hazard',
};
export const STRATEGY_LABELS: Record<ShelterStrategy, string> = {
  shelter_area: 'Go to the shelter area', seal_the_room: 'Seal the room', drop_cover_hold: 'Drop, cover and hold on',
  get_to_high_ground: 'Get to high ground', other: 'Follow instructions',
};

/**
 * The directive shown full screen: the protocol's directive, made concrete with the evacuation
 * location or the shelter hazard and strategy.
 */
export function directiveOf(a: { action: SrpAction; location?: string | null; hazard?: ShelterHazard | null; strategy?: ShelterStrategy | null }): string {
  if (a.action === 'evacuate') return a.location ? `Evacuate to ${a.location}.` : SRP.evacuate.directive;
  if (a.action === 'shelter') {
    const hazard = a.hazard ? HAZARD_LABELS[a.hazard] : 'Hazard';
    const strategy = a.strategy ? STRATEGY_LABELS[a.strategy] : 'Follow instructions';
    return `${hazard}: ${strategy}.`;
  }
  return SRP[a.action].directive;
}

/**
 * pending: stored, inside the cancel window, not yet announced; active: announced, in force;
 * cancelled: withdrawn inside the window (kept on record); cleared: ended by All Clear.
 */
export const ALERT_STATUSES = ['pending', 'active', 'cancelled', 'cleared'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const CANCEL_WINDOW_DEFAULT_SECONDS = 5;
export const CANCEL_WINDOW_MAX_SECONDS = 30;

export const CHECK_IN_STATUSES = ['safe', 'need_help'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

export const TIMELINE_KINDS = [
  'raised', 'cancelled', 'announced', 'delivered', 'emailed', 'check_in', 'help_requested', 'escalated', 'all_clear',
  'help_escalated',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const LIVE_EVENT_TYPES = [
  'snapshot', 'alert.announced', 'alert.updated', 'alert.cleared', 'checkin.recorded', 'reunification.updated',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** The live stream's URL. */
export const LIVE_URL = '/api/live';

export const REUNIFICATION_STATUSES = ['open', 'closed'] as const;
export type ReunificationStatus = (typeof REUNIFICATION_STATUSES)[number];

/**
 * requested: card checked, waiting for a runner; runner_sent: the student is being brought;
 * released: gone home with the adult; refused: not released (see refusalReason).
 */
export const REQUEST_STATUSES = ['requested', 'runner_sent', 'released', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const ID_TYPES = ['drivers_license', 'state_id', 'passport', 'military_id', 'other'] as const;
