/** Enums and labels of calls, incidents and referrals (capabilities 2-4). */

export const CALL_SOURCES = ['staff', 'dispatch', 'tip', 'self_initiated'] as const;
export const CALL_PRIORITIES = ['emergency', 'urgent', 'routine'] as const;
/** Derived from the times: pending (no one assigned), assigned, on_scene (arrived), cleared. */
export const CALL_STATUSES = ['pending', 'assigned', 'on_scene', 'cleared'] as const;
export const CALL_DISPOSITIONS = [
  'report_taken', 'resolved', 'referred_to_school', 'unfounded', 'gone_on_arrival', 'transferred', 'duplicate',
] as const;

export const INCIDENT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export const SCHOOL_SAFETY_CATEGORIES = [
  'fight', 'bullying', 'harassment', 'threat', 'weapon', 'drugs', 'vaping', 'alcohol', 'trespass', 'vandalism', 'theft',
  'medical', 'mental_health_crisis', 'other',
] as const;
export const OFFENSE_KINDS = ['nibrs', 'school'] as const;
export const PERSON_KINDS = ['student', 'staff', 'visitor', 'other'] as const;
export const PERSON_ROLES = ['victim', 'suspect', 'witness', 'reporting_party'] as const;
export const ACTION_KINDS = [
  'arrest', 'citation', 'referral_law_enforcement', 'referral_administration', 'referral_counseling', 'warning', 'no_action',
] as const;
/** Actions that are about one person: a body naming none answers 400 on `actions.N.person`. */
export const PERSON_ACTIONS: readonly ActionKind[] = ['arrest', 'citation', 'referral_law_enforcement', 'warning'];
export const REFERRAL_KINDS = ['administration', 'counseling'] as const;
export const REFERRAL_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export const TASK_KINDS = ['follow_up', 'notification'] as const;
/** Keys of the Texas default notification rules (tasks carry the key of the district's rule; see common/notification-rules.ts). */
export const NOTIFICATION_RULES = ['superintendent_oral_24h', 'superintendent_written_7d'] as const;
export const ATTACHMENT_KINDS = ['image', 'pdf', 'audio', 'video'] as const;
/** The largest file accepted per kind, in bytes. */
export const ATTACHMENT_LIMITS: Record<AttachmentKind, number> = {
  image: 10 * 1024 * 1024, pdf: 20 * 1024 * 1024, audio: 50 * 1024 * 1024, video: 200 * 1024 * 1024,
};
export const VERSION_EVENTS = ['created', 'saved', 'submitted', 'returned', 'approved'] as const;
export const INCIDENT_SORTS = ['occurred_desc', 'occurred_asc', 'number_desc', 'number_asc'] as const;

export type CallSource = (typeof CALL_SOURCES)[number];
export type CallPriority = (typeof CALL_PRIORITIES)[number];
export type CallStatus = (typeof CALL_STATUSES)[number];
export type CallDisposition = (typeof CALL_DISPOSITIONS)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type SchoolSafetyCategory = (typeof SCHOOL_SAFETY_CATEGORIES)[number];
export type PersonKind = (typeof PERSON_KINDS)[number];
export type PersonRole = (typeof PERSON_ROLES)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

/** Human labels for the enums, used by pages, CSV and PDF. */
export const LABELS = {
  source: { staff: 'Staff', dispatch: 'Dispatch', tip: 'Tip', self_initiated: 'Self-initiated' },
  priority: { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' },
  callStatus: { pending: 'Pending', assigned: 'Assigned', on_scene: 'On scene', cleared: 'Cleared' },
  disposition: {
    report_taken: 'Report taken', resolved: 'Resolved, no report', referred_to_school: 'Referred to school',
    unfounded: 'Unfounded', gone_on_arrival: 'Gone on arrival', transferred: 'Transferred to patrol', duplicate: 'Duplicate',
  },
  status: { draft: 'Draft', submitted: 'Submitted', returned: 'Returned', approved: 'Approved' },
  category: {
    fight: 'Fight', bullying: 'Bullying', harassment: 'Harassment', threat: 'Threat', weapon: 'Weapon', drugs: 'Drugs',
    vaping: 'Vaping', alcohol: 'Alcohol', trespass: 'Trespass', vandalism: 'Vandalism', theft: 'Theft', medical: 'Medical',
    mental_health_crisis: 'Mental-health crisis', other: 'Other',
  },
  personKind: { student: 'Student', staff: 'Staff', visitor: 'Visitor', other: 'Other' },
  personRole: { victim: 'Victim', suspect: 'Suspect/offender', witness: 'Witness', reporting_party: 'Reporting party' },
  action: {
    arrest: 'Arrest', citation: 'Citation', referral_law_enforcement: 'Referral to law enforcement',
    referral_administration: 'Referral to administration', referral_counseling: 'Referral to counseling',
    warning: 'Warning', no_action: 'No action',
  },
} as const;

