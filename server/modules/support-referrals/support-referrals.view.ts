import type { Referral, ReferralSummary } from '../../../common/support.js';
import { overdueOf, whyVisible, type ReferralAccess, type Viewer } from './support-referrals.policy.js';
import type { ReferralRow } from './support-referrals.repository.js';

/** What the access rules need of a fetched row. */
export function accessOf(row: ReferralRow): ReferralAccess {
  const { r } = row;
  return {
    schoolId: r.schoolId, referredBy: r.referredBy, receiverKind: r.receiverKind, counselorId: r.counselorId, vendorId: r.vendorId,
    vendorHasStaff: Boolean(row.vendorHasStaff),
  };
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** A referral in a list, as the viewer may see it. */
export function summaryOf(row: ReferralRow, viewer: Viewer, today: string): ReferralSummary {
  const { r } = row;
  const counselor = person(r.counselorId, row.counselorName);
  const organization = person(r.vendorId, row.vendorName);
  return {
    id: r.id,
    school: { id: r.schoolId, name: row.schoolName },
    student: { id: r.studentId, name: row.studentName, grade: row.grade, studentNumber: row.studentNumber },
    referredBy: { id: r.referredBy, name: row.referrerName },
    receiver: { kind: r.receiverKind, counselor, organization, name: counselor?.name ?? organization?.name ?? '' },
    reason: r.reason,
    urgency: r.urgency,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    acceptBy: r.acceptBy,
    dueOn: r.dueOn,
    scheduledFor: r.scheduledFor?.toISOString() ?? null,
    overdue: overdueOf(r, today),
    mine: whyVisible(viewer, accessOf(row)) ?? 'oversight',
  };
}

/** One referral in full; `notes` is null unless the viewer handles it (clinical notes stay with the receiver). */
export function detailOf(
  row: ReferralRow, viewer: Viewer, today: string, handles: boolean,
  notes: { id: string; authorId: string; authorName: string; body: string; createdAt: Date }[] | null,
  guardianContacts: Referral['guardianContacts'] = null,
): Referral {
  const { r } = row;
  return {
    ...summaryOf(row, viewer, today),
    details: r.details,
    consent: r.consent,
    consentDate: r.consentDate,
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    acceptedBy: person(r.acceptedBy, row.acceptedByName),
    declineReason: r.declineReason,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: person(r.closedBy, row.closedByName),
    outcome: r.outcome,
    outcomeSummary: r.outcomeSummary,
    canHandle: handles,
    notes: handles && notes
      ? notes.map((n) => ({ id: n.id, author: { id: n.authorId, name: n.authorName }, body: n.body, createdAt: n.createdAt.toISOString() }))
      : null,
    guardianContacts,
    updatedAt: r.updatedAt.toISOString(),
  };
}
