import type { ReunificationRequest } from '../../../common/alerts.js';
import type { findGuardianTie, findRequests } from './reunification.repository.js';

type Tie = Awaited<ReturnType<typeof findGuardianTie>>;
type RequestRow = Awaited<ReturnType<typeof findRequests>>[number];

/**
 * Why the adult may not take the student, or null when they may: the Standard Reunification Method
 * releases only to verified custodial or authorized adults (roster: may pick up), after a photo ID check.
 */
export function refusalOf(input: { guardianId?: string; adultName: string; idChecked: boolean }, tie: Tie): string | null {
  if (!input.guardianId || !tie) {
    return `${input.adultName} is not listed among the student's guardians on the roster: release only to a listed, authorized adult`;
  }
  const name = `${tie.firstName} ${tie.lastName}`;
  if (!tie.mayPickUp) {
    return `${name} (${tie.relationship}) is not allowed to pick this student up${tie.restrictions ? `: ${tie.restrictions}` : ''}`;
  }
  if (!input.idChecked) return 'The photo ID was not checked';
  if (!input.adultName.toLowerCase().includes(tie.lastName.toLowerCase())) {
    return `The name on the ID (${input.adultName}) does not match the roster guardian ${name}`;
  }
  return null;
}

/** A request as the API shows it. */
export function toRequest(row: RequestRow): ReunificationRequest {
  const r = row.request;
  return {
    id: r.id, reunificationId: r.reunificationId,
    student: { id: r.studentId, name: `${row.studentFirst} ${row.studentLast}`, studentNumber: row.studentNumber, grade: row.grade },
    guardian: r.guardianId && row.guardianFirst
      ? { id: r.guardianId, name: `${row.guardianFirst} ${row.guardianLast ?? ''}`.trim(), relationship: row.relationship ?? 'not on roster' }
      : null,
    adultName: r.adultName, idType: r.idType as ReunificationRequest['idType'], idChecked: r.idChecked, status: r.status,
    refusalReason: r.refusalReason, runnerName: r.runnerName, studentConfirmed: r.studentConfirmed, initials: r.initials,
    requestedAt: r.requestedAt.toISOString(), runnerSentAt: r.runnerSentAt?.toISOString() ?? null,
    releasedAt: r.releasedAt?.toISOString() ?? null, note: r.note,
  };
}

const ORDER: Record<ReunificationRequest['status'], number> = { requested: 0, runner_sent: 0, released: 1, refused: 2 };

/** Waiting requests first (oldest first), then released, then refused. */
export function boardOrder(a: ReunificationRequest, b: ReunificationRequest): number {
  return ORDER[a.status] - ORDER[b.status] || a.requestedAt.localeCompare(b.requestedAt);
}
