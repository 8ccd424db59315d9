import { REFERRAL_TARGET_KINDS } from '../../../common/directory.js';
import { notify } from '../notifications/notifications.service.js';
import { findOrganizationStaff } from '../notifications/notifications.repository.js';
import {
  REFERRAL_ACCEPT_DAYS, REFERRAL_DUE_DAYS, type ListReferralsQuery, type Referral, type ReferralBody, type ReferralCloseBody,
  type ReferralReceiverKind, type ReferralTargets, type SupportStudent,
} from '../../../common/support.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { requireDirectoryEntry } from '../directory/directory.service.js';
import { ACTION_FROM, addDays, canHandle, whyVisible, type Viewer } from './support-referrals.policy.js';
import * as repo from './support-referrals.repository.js';
import { accessOf, detailOf, summaryOf } from './support-referrals.view.js';
import { findScopedStudent, findUsersWith, searchStudents } from './support.people.js';
import { todayOf } from '../../lib/district-time.js';

/** A referral's counselor: a counselor-role account of the district (not a vendor's staff). */
const COUNSELORS = { districtStaffOnly: true, roles: ['counselor' as const] };

const today = (ctx: ServiceContext) => todayOf(ctx);
const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field });

// The organization comes with the session (server/auth/access.ts), the same one every other check reads.
async function viewerOf(_db: Db, ctx: ServiceContext): Promise<Viewer> {
  return Promise.resolve({ actor: ctx.actor, organizationId: ctx.actor.organizationId });
}

/** Students of my schools a referral can name (directory fields only; not audited: no case data). */
export async function findStudents(ctx: ServiceContext, query: { q: string; schoolId?: string }): Promise<{ items: SupportStudent[] }> {
  requirePermission(ctx.actor, 'referral.create');
  const rows = await searchStudents(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'referral.create'), query.q, query.schoolId);
  return {
    items: rows.map((s) => ({
      id: s.id, firstName: s.firstName, lastName: s.lastName, preferredName: s.preferredName, studentNumber: s.studentNumber,
      grade: s.grade, school: { id: s.schoolId, name: s.schoolName },
    })),
  };
}

/** Who a student of the school can be referred to: its counselors and the directory entries serving it. */
export async function referralTargets(ctx: ServiceContext, schoolId: string): Promise<ReferralTargets> {
  requireSchool(ctx.actor, 'referral.create', schoolId, 'School');
  const [counselors, organizations] = await Promise.all([
    findUsersWith(ctx.db, ctx.actor.districtId, schoolId, 'referral.manage', COUNSELORS),
    repo.findReferralOrganizations(ctx.db, ctx.actor.districtId, schoolId),
  ]);
  return {
    counselors: counselors.filter((c) => c.id !== ctx.actor.userId),
    organizations: organizations.map((o) => ({ ...o, kind: o.kind as ReferralReceiverKind })),
  };
}

/** Reads a referral the viewer may see (404 otherwise) and, with `action`, checks they handle it and its status. */
async function loadReferral(tx: Db, ctx: ServiceContext, id: string, action?: keyof typeof ACTION_FROM) {
  const viewer = await viewerOf(tx, ctx);
  const row = await repo.findReferral(tx, ctx.actor.districtId, id, { forUpdate: action !== undefined });
  if (!row || !whyVisible(viewer, accessOf(row))) throw notFound('Referral');
  const handles = canHandle(viewer, accessOf(row));
  if (action) {
    if (!handles) throw new AppError('forbidden', 'Only the receiver of the referral can do this');
    if (!ACTION_FROM[action].includes(row.r.status)) throw new AppError('conflict', `A ${row.r.status} referral cannot be changed this way`);
  }
  return { viewer, row, handles };
}

/** The referral as the viewer sees it after a change (notes included for handlers). */
async function view(tx: Db, ctx: ServiceContext, id: string): Promise<Referral> {
  const { viewer, row, handles } = await loadReferral(tx, ctx, id);
  // Guardian contact goes to the receiver only, and only once consent is on the referral (FERPA: consent to disclose).
  const contacts = handles && row.r.consent === 'obtained'
    ? (await repo.findGuardianContacts(tx, ctx.actor.districtId, row.r.studentId)).map((g) => ({
      name: `${g.firstName} ${g.lastName}`, relationship: g.relationship, phone: g.phone, email: g.email,
    }))
    : null;
  return detailOf(row, viewer, today(ctx), handles, handles ? await repo.findNotes(tx, id) : null, contacts);
}

/** Refers a student of my schools to a counselor or a directory entry; the receiver is checked against the school. */
export async function createReferral(ctx: ServiceContext, input: ReferralBody): Promise<Referral> {
  requirePermission(ctx.actor, 'referral.create');
  const day = today(ctx);
  if ((input.counselorId ? 1 : 0) + (input.vendorId ? 1 : 0) !== 1) throw invalid('counselorId', 'give either counselorId or vendorId');
  if (input.consent === 'obtained' && !input.consentDate) throw invalid('consentDate', 'required when guardian consent was obtained');
  if (input.consentDate && input.consentDate > day) throw invalid('consentDate', 'cannot be in the future');
  if (input.dueOn && input.dueOn < day) throw invalid('dueOn', 'cannot be in the past');
  if (input.counselorId === ctx.actor.userId) throw invalid('counselorId', 'you cannot refer a student to yourself');
  const { districtId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const student = await findScopedStudent(tx, districtId, scopeOf(ctx.actor, 'referral.create'), input.studentId);
    if (!student?.active) throw invalid('studentId', 'no such student at your schools');
    let receiverKind: ReferralReceiverKind = 'counselor';
    if (input.counselorId) {
      const [found] = await findUsersWith(tx, districtId, student.schoolId, 'referral.manage', { ...COUNSELORS, ids: [input.counselorId] });
      if (!found) throw invalid('counselorId', 'not a counselor of the student\'s school');
    } else {
      const entry = await requireDirectoryEntry(tx, districtId, input.vendorId!, 'vendorId', REFERRAL_TARGET_KINDS);
      if (!(await repo.servesSchool(tx, entry.id, student.schoolId))) throw invalid('vendorId', `${entry.name} does not serve the student's school`);
      receiverKind = entry.kind as ReferralReceiverKind;
    }
    const now = ctx.clock.now();
    const id = await repo.insertReferral(tx, {
      districtId, schoolId: student.schoolId, studentId: student.id, referredBy: ctx.actor.userId, receiverKind,
      counselorId: input.counselorId ?? null, vendorId: input.vendorId ?? null, reason: input.reason, details: input.details,
      urgency: input.urgency, consent: input.consent, consentDate: input.consentDate ?? null,
      acceptBy: addDays(day, REFERRAL_ACCEPT_DAYS[input.urgency]), dueOn: input.dueOn ?? addDays(day, REFERRAL_DUE_DAYS[input.urgency]),
      createdAt: now, updatedAt: now,
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'support_referral.created', schoolId: student.schoolId, subjectType: 'support_referral', subjectId: id,
      detail: { receiverKind, counselorId: input.counselorId ?? null, vendorId: input.vendorId ?? null, urgency: input.urgency, reason: input.reason },
    });
    // No student name in a notification: the link opens the referral, whose read is audited.
    await notify(tx, ctx.clock, ctx.publicUrl ?? '', {
      districtId, schoolId: student.schoolId, kind: 'referral_received', title: `A support referral (${input.urgency}) was sent to you`,
      link: `/support/referrals/${id}`, subjectType: 'support_referral', subjectId: id,
      to: input.counselorId ? [input.counselorId] : await findOrganizationStaff(tx, districtId, input.vendorId!),
    });
    return view(tx, ctx, id);
  });
}

/** The referrals I may see, overdue first; the read is audited with the ids shown. */
export async function findReferrals(ctx: ServiceContext, query: ListReferralsQuery) {
  requirePermission(ctx.actor, 'referral.read');
  return ctx.db.transaction(async (tx) => {
    const viewer = await viewerOf(tx, ctx);
    const rows = await repo.findReferrals(tx, viewer, query, today(ctx));
    await writeAudit(tx, whoOf(ctx), {
      type: 'support_referral.listed', subjectType: 'support_referral',
      detail: { query, ids: rows.map((r) => r.r.id) },
    });
    return { items: rows.map((row) => summaryOf(row, viewer, today(ctx))) };
  });
}

/** One referral; the read is audited, noting whether the clinical notes were shown. */
export async function getReferral(ctx: ServiceContext, id: string): Promise<Referral> {
  requirePermission(ctx.actor, 'referral.read');
  return ctx.db.transaction(async (tx) => {
    const referral = await view(tx, ctx, id);
    await writeAudit(tx, whoOf(ctx), {
      type: 'support_referral.viewed', schoolId: referral.school.id, subjectType: 'support_referral', subjectId: id,
      detail: { as: referral.mine, clinicalNotes: referral.notes !== null, guardianContacts: referral.guardianContacts !== null },
    });
    return referral;
  });
}

type Action =
  | { kind: 'accept'; note?: string | null }
  | { kind: 'decline'; reason: string }
  | { kind: 'schedule'; scheduledFor: string }
  | ({ kind: 'close' } & ReferralCloseBody)
  | { kind: 'note'; body: string };

const EVENT = {
  accept: 'support_referral.accepted', decline: 'support_referral.declined', schedule: 'support_referral.scheduled',
  close: 'support_referral.closed', note: 'support_referral.noted',
} as const;

/** A step of the receiver: accept, decline, schedule, close with an outcome, or a clinical note. */
export async function actOnReferral(ctx: ServiceContext, id: string, action: Action): Promise<Referral> {
  requirePermission(ctx.actor, 'referral.manage');
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadReferral(tx, ctx, id, action.kind);
    const now = ctx.clock.now();
    const me = ctx.actor.userId;
    if (action.kind === 'accept') {
      await repo.updateReferral(tx, id, { status: 'accepted', acceptedAt: now, acceptedBy: me, updatedAt: now });
      if (action.note) await repo.insertNote(tx, id, me, action.note, now);
    } else if (action.kind === 'decline') {
      await repo.updateReferral(tx, id, { status: 'declined', declineReason: action.reason, closedAt: now, closedBy: me, updatedAt: now });
    } else if (action.kind === 'schedule') {
      await repo.updateReferral(tx, id, { status: 'scheduled', scheduledFor: new Date(action.scheduledFor), updatedAt: now });
    } else if (action.kind === 'close') {
      await repo.updateReferral(tx, id, {
        status: 'closed', outcome: action.outcome, outcomeSummary: action.summary ?? null, closedAt: now, closedBy: me, updatedAt: now,
      });
    } else {
      await repo.insertNote(tx, id, me, action.body, now);
      await repo.updateReferral(tx, id, { updatedAt: now });
    }
    // Outcomes and dates only: the audit log is read by people who must not read clinical notes.
    const detail = action.kind === 'close' ? { outcome: action.outcome } : action.kind === 'schedule' ? { scheduledFor: action.scheduledFor } : {};
    await writeAudit(tx, whoOf(ctx), { type: EVENT[action.kind], schoolId: row.r.schoolId, subjectType: 'support_referral', subjectId: id, detail });
    if (action.kind === 'accept' || action.kind === 'close' || action.kind === 'decline') {
      await notify(tx, ctx.clock, ctx.publicUrl ?? '', {
        districtId: ctx.actor.districtId, schoolId: row.r.schoolId, kind: action.kind === 'accept' ? 'referral_accepted' : 'referral_closed',
        title: `Your support referral was ${action.kind === 'accept' ? 'accepted' : action.kind === 'close' ? 'closed' : 'declined'}`,
        link: `/support/referrals/${id}`, subjectType: 'support_referral', subjectId: id, to: [row.r.referredBy],
      });
    }
    return view(tx, ctx, id);
  });
}
