/**
 * Why a juvenile (or sealed) law-enforcement record is opened: every read of one names a reason from this short
 * list, stored with the read's audit event (state juvenile records law lets only a stated purpose open them).
 */
export const READ_REASONS = ['active_investigation', 'court_request', 'supervisor_review', 'records_request', 'other'] as const;

export type ReadReason = (typeof READ_REASONS)[number];

/** How each reason is offered to the reader. */
export const READ_REASON_LABELS: Record<ReadReason, string> = {
  active_investigation: 'Active investigation',
  court_request: 'Court / prosecution request',
  supervisor_review: 'Supervisor review',
  records_request: 'Records request (with number)',
  other: 'Other',
};

/** Reasons that mean nothing without the free text (the request's number, what "other" is). */
export const READ_REASONS_NEEDING_NOTE: readonly ReadReason[] = ['records_request', 'other'];

/** The longest free text a reason carries. */
export const READ_REASON_NOTE_MAX = 300;

/**
 * How long the web app keeps a reason given for one record (in the tab's session storage) and sends it again with
 * refetches, autosave conflicts and prints of that record, so the reader is not asked at every request. Every read
 * still reaches the server with the reason and is audited with it.
 */
export const READ_REASON_MEMORY_MS = 15 * 60 * 1000;
