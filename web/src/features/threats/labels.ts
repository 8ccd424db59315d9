import type {
  InvestigativeTheme,
  ThreatCaseStatus,
  ThreatClassification,
  ThreatNoteKind,
} from '@common/tip-constants.ts';

/** Names of case statuses. */
export const CASE_STATUS_LABELS: Record<ThreatCaseStatus, string> = {
  open: 'Open',
  evaluated: 'Evaluated',
  resolved_transient: 'Resolved as transient',
  serious: 'Serious substantive',
  very_serious: 'Very serious substantive',
  monitoring: 'Monitoring',
  closed: 'Closed',
};

/** Badge colour of a case status. */
export function caseStatusTone(
  status: ThreatCaseStatus,
): 'danger' | 'warning' | 'info' | 'success' | 'neutral' {
  if (status === 'very_serious') return 'danger';
  if (status === 'serious') return 'warning';
  if (status === 'open' || status === 'evaluated' || status === 'monitoring') return 'info';
  if (status === 'resolved_transient') return 'success';
  return 'neutral';
}

/** Names of the CSTAG classifications. */
export const CLASSIFICATION_LABELS: Record<ThreatClassification, string> = {
  transient: 'Transient',
  serious: 'Serious substantive',
  very_serious: 'Very serious substantive',
};

/** What each classification means (CSTAG), shown beside the choice. */
export const CLASSIFICATION_HINTS: Record<ThreatClassification, string> = {
  transient:
    'An expression of anger or a joke, with no lasting intent to harm; resolved with an apology, explanation or clarification.',
  serious:
    'A substantive threat to hit, fight or beat up: protect the intended victim and inform both families.',
  very_serious:
    'A substantive threat to kill, rape or cause very serious injury, or with a weapon: immediate precautions, law enforcement, a mental health evaluation and a safety plan.',
};

/** Names of structured note kinds. */
export const NOTE_KIND_LABELS: Record<ThreatNoteKind, string> = {
  interview: 'Interview',
  theme: 'Investigative theme',
  monitoring: 'Monitoring',
  note: 'Note',
};

/** The eleven questions of the Secret Service model (plus consistency and protective factors), as themes. */
export const THEME_LABELS: Record<InvestigativeTheme, string> = {
  motive: 'Motive and goals',
  communications: 'Concerning communications',
  inappropriate_interests: 'Inappropriate interests',
  weapons_access: 'Access to weapons',
  stressors: 'Stressful events',
  emotional_developmental: 'Emotional and developmental issues',
  desperation: 'Desperation or despair',
  violence_as_option: 'Violence seen as an option',
  concerned_others: 'Concern by others',
  capacity: 'Capacity to carry out an attack',
  planning: 'Planning',
  consistency: 'Consistency of statements and actions',
  protective_factors: 'Protective factors',
};

/** Roles of an interviewee. */
export const INTERVIEWEE_ROLES = ['subject', 'target', 'witness', 'parent', 'staff', 'other'] as const;

/** Names of interviewee roles. */
export const INTERVIEWEE_ROLE_LABELS: Record<(typeof INTERVIEWEE_ROLES)[number], string> = {
  subject: 'The student of concern',
  target: 'Intended victim',
  witness: 'Witness',
  parent: 'Parent',
  staff: 'Staff',
  other: 'Other',
};
