/**
 * Whose record is it: every view, PDF and CSV export of a record carries the label these functions decide, so a copy
 * says which law governs it (FERPA keeps law-enforcement-unit records out of education records, and education records
 * shared with the SRO stay protected; reference/standards.md, "Privacy and security rules").
 */

/** The owners a record can have. */
export type RecordOwner = 'law_enforcement' | 'education' | 'counseling' | 'operational';

/** The kinds of record with a page or a PDF of their own. */
export type RecordType = 'incident' | 'call' | 'tip' | 'threat_case' | 'administration_referral' | 'counseling_referral' | 'activity_report';

/**
 * Who owns each kind of record. A discipline referral shared with administration becomes part of the student's
 * education record; threat-assessment work sits with counseling records (the team's clinical judgement); tips are the
 * district's school-safety line, like the CSV of the tip list.
 */
export const RECORD_TYPE_OWNERS: Record<RecordType, RecordOwner> = {
  incident: 'law_enforcement',
  call: 'law_enforcement',
  tip: 'operational',
  threat_case: 'counseling',
  administration_referral: 'education',
  counseling_referral: 'counseling',
  // The officer's monthly activity log, as its CSV.
  activity_report: 'law_enforcement',
};

/** The label of an owner; a law-enforcement record names the district's agency (settings), or says "the agency". */
export function ownerLabelOf(owner: RecordOwner, agency: string | null): string {
  switch (owner) {
    case 'law_enforcement': return `Law-enforcement record of ${agency ?? 'the law-enforcement agency'}, not an education record`;
    case 'education': return 'Education record (FERPA)';
    case 'counseling': return 'Counseling record';
    case 'operational': return 'Operational record';
  }
}

/** The label of a kind of record: one decision for views, PDFs and exports. */
export function recordLabel(type: RecordType, agency: string | null): string {
  return ownerLabelOf(RECORD_TYPE_OWNERS[type], agency);
}

/**
 * The dissemination rule a copy of a law-enforcement record carries (FBI CJIS Security Policy: criminal justice
 * information goes only to authorized recipients for an authorized purpose, and each secondary release is logged).
 */
export function disseminationRule(agency: string | null): string {
  return `Criminal justice information of ${agency ?? 'the law-enforcement agency'} (FBI CJIS Security Policy): release only to authorized criminal justice recipients for an authorized purpose; log every secondary dissemination; juvenile records are not public`;
}
