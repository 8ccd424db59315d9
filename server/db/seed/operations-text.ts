// The words of the demo's operations: check-list items, what failed, class topics.

/** Kinds of campus areas (server/db/schema/organization.ts area_kind). */
export type AreaKind = 'building' | 'floor' | 'room' | 'field' | 'parking' | 'bus_loop' | 'perimeter' | 'common' | 'other';

/** The lock-up check list: label, and the kinds of area it is checked at (the school's first such area). */
export const CHECK_ITEMS: readonly (readonly [string, readonly AreaKind[]])[] = [
  ['Exterior doors locked', ['building']],
  ['Gates closed and locked', ['perimeter']],
  ['Cameras working', []],
  ['Parking lot lighting working', ['parking']],
  ['Visitor entrance secured', ['building']],
  ['Fire exits clear', ['floor']],
];

/** What a failed item's note says, by item position. */
export const FAILURES: readonly (readonly string[])[] = [
  ['Door 4 by the gym does not latch', 'Loading dock door propped open with a wedge'],
  ['North gate chain cut', 'Gate by the field house will not close fully'],
  ['Camera 12 (east hall) shows no picture', 'Parking lot camera pointed at the sky after the storm'],
  ['Three lights out in the student lot', 'Light pole 7 flickering'],
  ['Buzzer at the front entrance does not unlock', 'Visitor door closer broken'],
  ['Boxes stacked in front of the east stairwell exit'],
];

/** Classes the SROs teach (capability 14 topics). */
export const TOPICS = [
  'Bullying prevention', 'Drug and vaping awareness', 'Cyber safety', 'Personal safety', 'Conflict resolution',
  'Law-related education: search and seizure', 'Driving safety', 'Careers in law enforcement',
] as const;
