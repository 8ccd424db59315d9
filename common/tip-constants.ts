/*
 * The zod-free constants of anonymous tips and threat assessment (categories, statuses, CSTAG steps and
 * tasks, canned replies, limits), so the public tip page imports them without zod. common/tips.ts re-exports
 * all of it with the API schemas.
 */

/** Tip categories the reporter chooses from. */
export const TIP_CATEGORIES = ['threat_of_violence', 'weapon', 'self_harm', 'bullying', 'drugs', 'abuse', 'other'] as const;
export type TipCategory = (typeof TIP_CATEGORIES)[number];

/** English labels of the categories (the web app holds the Spanish ones with its other texts). */
export const TIP_CATEGORY_LABELS: Record<TipCategory, string> = {
  threat_of_violence: 'Threat of violence',
  weapon: 'Weapon',
  self_harm: 'Self-harm or suicide',
  bullying: 'Bullying or cyberbullying',
  drugs: 'Drugs or alcohol',
  abuse: 'Abuse',
  other: 'Something else',
};

/** Categories that make a tip life-safety by themselves (staff may flag any other tip too). */
export const LIFE_SAFETY_CATEGORIES: readonly TipCategory[] = ['threat_of_violence', 'weapon', 'self_harm'];

/** Tip statuses; `closed` carries an outcome. */
export const TIP_STATUSES = ['new', 'acknowledged', 'investigating', 'closed'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

/** Outcomes of a closed tip. */
export const TIP_OUTCOMES = ['resolved', 'referred', 'unfounded', 'hoax', 'duplicate', 'insufficient_information'] as const;
export type TipOutcome = (typeof TIP_OUTCOMES)[number];

/** What a tip can be linked to. */
export const TIP_LINK_KINDS = ['incident', 'threat_case', 'referral'] as const;
export type TipLinkKind = (typeof TIP_LINK_KINDS)[number];

/** Who wrote a dialogue message. */
export const TIP_MESSAGE_AUTHORS = ['reporter', 'staff'] as const;
export type TipMessageAuthor = (typeof TIP_MESSAGE_AUTHORS)[number];

/** Canned replies staff pick from (the text is editable before sending). */
export const CANNED_REPLIES = [
  { id: 'thanks', label: 'Thank you', text: 'Thank you for telling us. A member of the school safety team has read your tip and is looking into it.' },
  { id: 'more_info', label: 'Ask for details', text: 'Thank you. Can you tell us more: when and where did this happen, and who was involved?' },
  { id: 'safe_now', label: 'Are you safe?', text: 'Are you safe right now? If anyone is in danger this minute, call 911.' },
  { id: 'crisis', label: 'Crisis line', text: 'If you or someone you know is thinking about suicide, call or text 988 (Suicide & Crisis Lifeline) at any time.' },
  { id: 'handled', label: 'Handled', text: 'Thank you. The school has acted on what you reported. You can keep using this code if anything else happens.' },
] as const;
export type CannedReplyId = (typeof CANNED_REPLIES)[number]['id'];

/** Limits of the public tip form (checked by the server; the page shows them). */
export const TIP_LIMITS = {
  descriptionMax: 5000,
  fieldMax: 500,
  messageMax: 2000,
  /** Attachment bytes (before base64). */
  attachmentMaxBytes: 5 * 1024 * 1024,
  attachmentTypes: ['image/jpeg', 'image/png', 'application/pdf'] as readonly string[],
  /** Per abuse-control token: tips, messages, and code+passphrase look-ups. */
  tipsPerToken: 3,
  messagesPerToken: 30,
  lookupsPerToken: 20,
  tokenLifetimeSeconds: 3600,
} as const;

/** The shape of a tip code (e.g. `K7QM-4TZX-9HW2`) and a passphrase (e.g. `river-maple-cloud-seven-lamp`). */
export const TIP_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** CSTAG case statuses, in order: opened → evaluated → (transient: closed) | serious | very_serious → monitoring → closed. */
export const THREAT_CASE_STATUSES = ['open', 'evaluated', 'resolved_transient', 'serious', 'very_serious', 'monitoring', 'closed'] as const;
export type ThreatCaseStatus = (typeof THREAT_CASE_STATUSES)[number];

/** CSTAG classification of a threat. */
export const THREAT_CLASSIFICATIONS = ['transient', 'serious', 'very_serious'] as const;
export type ThreatClassification = (typeof THREAT_CLASSIFICATIONS)[number];

/** Where a case was opened from. */
export const THREAT_CASE_SOURCES = ['tip', 'incident', 'direct'] as const;
export type ThreatCaseSource = (typeof THREAT_CASE_SOURCES)[number];

/** Task kinds of the CSTAG responses. */
export const THREAT_TASK_KINDS = [
  'notify_victim_parents', 'notify_subject_parents', 'caution_subject', 'consider_law_enforcement', 'consult_law_enforcement',
  'immediate_precautions', 'mental_health_evaluation', 'safety_plan', 'follow_up', 'other',
] as const;
export type ThreatTaskKind = (typeof THREAT_TASK_KINDS)[number];

/** Task labels. */
export const THREAT_TASK_LABELS: Record<ThreatTaskKind, string> = {
  notify_victim_parents: 'Notify the intended victim and their parents',
  notify_subject_parents: "Notify the student's parents",
  caution_subject: 'Caution the student about the consequences of carrying out the threat',
  consider_law_enforcement: 'Consider law-enforcement involvement',
  consult_law_enforcement: 'Consult law enforcement',
  immediate_precautions: 'Take immediate protective precautions',
  mental_health_evaluation: 'Mental health and safety evaluation',
  safety_plan: 'Write the safety plan',
  follow_up: 'Follow up with the student',
  other: 'Other',
};

/**
 * The tasks each classification creates (CSTAG, standards.md): serious → protective actions, notify the
 * intended victim and both sets of parents, consider law enforcement; very serious → immediate precautions,
 * consult law enforcement, mental health and safety evaluation, a written safety plan with follow-up.
 * `dueDays` counts from the classification.
 */
export const CSTAG_TASKS: Record<'serious' | 'very_serious', readonly { kind: ThreatTaskKind; dueDays: number }[]> = {
  serious: [
    { kind: 'immediate_precautions', dueDays: 0 },
    { kind: 'notify_victim_parents', dueDays: 1 },
    { kind: 'notify_subject_parents', dueDays: 1 },
    { kind: 'caution_subject', dueDays: 1 },
    { kind: 'consider_law_enforcement', dueDays: 1 },
    { kind: 'follow_up', dueDays: 14 },
  ],
  very_serious: [
    { kind: 'immediate_precautions', dueDays: 0 },
    { kind: 'consult_law_enforcement', dueDays: 0 },
    { kind: 'notify_victim_parents', dueDays: 0 },
    { kind: 'notify_subject_parents', dueDays: 0 },
    { kind: 'mental_health_evaluation', dueDays: 3 },
    { kind: 'safety_plan', dueDays: 5 },
    { kind: 'follow_up', dueDays: 14 },
  ],
};

/** Investigative themes (Secret Service NTAC) a structured note may address. */
export const INVESTIGATIVE_THEMES = [
  'motive', 'communications', 'inappropriate_interests', 'weapons_access', 'stressors', 'emotional_developmental',
  'desperation', 'violence_as_option', 'concerned_others', 'capacity', 'planning', 'consistency', 'protective_factors',
] as const;
export type InvestigativeTheme = (typeof INVESTIGATIVE_THEMES)[number];

/** Kinds of structured case notes. */
export const THREAT_NOTE_KINDS = ['interview', 'theme', 'monitoring', 'note'] as const;
export type ThreatNoteKind = (typeof THREAT_NOTE_KINDS)[number];

/** Live event types of tips (on GET /api/live, audience tip.read at the tip's school). */
/** `tip.life_safety` raises the dashboard notice; `tip.acknowledged` (same payload) takes it down on every screen. */
export const TIP_LIVE_EVENTS = ['tip.life_safety', 'tip.acknowledged'] as const;

/** What can be removed from an anonymous tip's attachment before it is stored (the reporter is told which). */
export const ATTACHMENT_REMOVALS = [
  'exif', 'xmp', 'iptc', 'comments', 'text', 'time', 'private', 'trailing', 'pdf_info', 'pdf_id', 'pdf_revisions',
] as const;
export type AttachmentRemoval = (typeof ATTACHMENT_REMOVALS)[number];
