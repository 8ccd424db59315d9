import type { ReturnInput, ReviewInput } from '../../../common/incidents.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { announceNeedsChanged, notify } from '../notifications/notifications.service.js';
import { requirePermission, requireSchool } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import * as extras from './extras.repository.js';
import { canRead, checkEditable, checkReviewer, checkSubmittable, readsNarrative, statedReason } from './incidents.policy.js';
import type { ReadReasonQuery } from './incidents.schemas.js';
import * as repo from './incidents.repository.js';
import { getIncident, StaleSignal, StaleVersionError } from './incidents.service.js';
import { incidentDetail, iso, loadCore } from './incidents.view.js';

type Step = 'submit' | 'return' | 'approve';
const EVENT = { submit: 'submitted', return: 'returned', approve: 'approved' } as const;

/** Runs `work` in a transaction; a stale version becomes a 409 carrying the incident as it is now. */
async function guarded<T>(ctx: ServiceContext, id: string, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(work);
  } catch (error) {
    if (error instanceof StaleSignal) throw new StaleVersionError(await getIncident(ctx, id, 'editing'));
    throw error;
  }
}

/** The incident locked for a change, or 404 when the actor may not see it. */
async function lockedIncident(tx: Db, ctx: ServiceContext, id: string) {
  const row = await repo.findIncidentRow(tx, ctx.actor.districtId, id, { forUpdate: true });
  if (!row || !canRead(ctx.actor, row)) throw notFound('Incident');
  return row;
}

/** Moves a report through review: submit (draft/returned), return with a comment or approve (submitted). */
export async function reviewIncident(ctx: ServiceContext, id: string, step: Step, input: ReviewInput | ReturnInput) {
  return guarded(ctx, id, async (tx) => {
    const row = await lockedIncident(tx, ctx, id);
    if (step === 'submit') requireSchool(ctx.actor, 'incident.create', row.schoolId, 'Incident');
    if (input.version !== row.version) throw new StaleSignal();
    const now = ctx.clock.now();
    if (step === 'submit') {
      checkEditable(row.status);
      checkSubmittable(row, row.offenseKeys.length);
    } else {
      checkReviewer(ctx.actor, row.schoolId, row.authorId, row.status);
    }
    const version = row.version + 1;
    const status = step === 'submit' ? 'submitted' : step === 'return' ? 'returned' : 'approved';
    await repo.updateIncident(tx, id, {
      status, version, updatedAt: now,
      ...(step === 'submit' ? { submittedAt: now } : {}),
      ...(step === 'approve' ? { approvedAt: now, approvedById: ctx.actor.userId } : {}),
    });
    await extras.insertReview(tx, { incidentId: id, event: EVENT[step], comment: input.comment ?? null, byId: ctx.actor.userId, at: now, version });
    await writeAudit(tx, whoOf(ctx), {
      type: `incident.${EVENT[step]}`, schoolId: row.schoolId, subjectType: 'incident', subjectId: id, detail: { version },
    });
    if (step === 'submit') {
      await announceNeedsChanged(tx, ctx.actor.districtId, row.schoolId, 'incidents');
    } else {
      await notify(tx, ctx.clock, ctx.publicUrl ?? '', {
        districtId: ctx.actor.districtId, schoolId: row.schoolId, kind: step === 'return' ? 'report_returned' : 'report_approved',
        title: `Report ${row.number} was ${step === 'return' ? 'returned to you for changes' : 'approved'}`, link: `/incidents/${id}`,
        subjectType: 'incident', subjectId: id, to: [row.authorId],
      });
    }
    const core = await loadCore(tx, id);
    await repo.insertVersion(tx, { incidentId: id, version, status, event: EVENT[step], snapshot: core, savedById: ctx.actor.userId, savedAt: now });
    return incidentDetail(tx, ctx.actor, id, now, core);
  });
}

/** Starts a supplement on an approved report; one supplement at a time is open for review. */
export async function createSupplement(ctx: ServiceContext, id: string, input: { narrative: string }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockedIncident(tx, ctx, id);
    requireSchool(ctx.actor, 'incident.create', row.schoolId, 'Incident');
    if (row.status !== 'approved') throw new AppError('conflict', 'Supplements are added to approved reports; edit the report itself', { field: 'status' });
    const open = (await extras.findSupplements(tx, id)).find((s) => s.supplement.status !== 'approved');
    if (open) throw new AppError('conflict', `Supplement ${open.supplement.number} is still open; finish it first`, { field: 'supplementId' });
    const now = ctx.clock.now();
    const s = await extras.insertSupplement(tx, { incidentId: id, narrative: input.narrative, authorId: ctx.actor.userId, createdAt: now, updatedAt: now });
    await repo.refreshSearch(tx, { id });
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.supplement_created', schoolId: row.schoolId, subjectType: 'incident', subjectId: id, detail: { supplementId: s.id, number: s.number },
    });
    await repo.insertVersion(tx, { incidentId: id, supplementId: s.id, version: 1, status: 'draft', event: 'created', snapshot: supplementSnapshot(s), savedById: ctx.actor.userId, savedAt: now });
    return incidentDetail(tx, ctx.actor, id, now);
  });
}

function supplementSnapshot(s: { id: string; number: number; status: string; version: number; narrative: string; authorId: string }) {
  return { id: s.id, number: s.number, status: s.status, version: s.version, narrative: s.narrative, authorId: s.authorId };
}

/** Saves a supplement draft, or moves it through the same review as a report. */
export async function changeSupplement(
  ctx: ServiceContext, id: string, supplementId: string, step: Step | 'save', input: { version: number; narrative?: string; comment?: string | null; editSession?: string },
) {
  return guarded(ctx, id, async (tx) => {
    const row = await lockedIncident(tx, ctx, id);
    const s = await extras.findSupplement(tx, id, supplementId, { forUpdate: true });
    if (!s) throw notFound('Supplement');
    if (step === 'save' || step === 'submit') requireSchool(ctx.actor, 'incident.create', row.schoolId, 'Incident');
    if (input.version !== s.version) throw new StaleSignal();
    if (step === 'save' || step === 'submit') checkEditable(s.status, 'supplement');
    else checkReviewer(ctx.actor, row.schoolId, s.authorId, s.status);
    if (step === 'submit' && !s.narrative.trim()) throw new AppError('validation_failed', 'narrative: is required to submit', { field: 'narrative' });
    const now = ctx.clock.now();
    const version = s.version + 1;
    const status = step === 'save' ? s.status : step === 'submit' ? 'submitted' : step === 'return' ? 'returned' : 'approved';
    const narrative = step === 'save' ? (input.narrative ?? s.narrative) : s.narrative;
    await extras.updateSupplement(tx, s.id, {
      status, version, narrative, updatedAt: now,
      ...(step === 'submit' ? { submittedAt: now } : {}),
      ...(step === 'approve' ? { approvedAt: now, approvedById: ctx.actor.userId } : {}),
    });
    if (step === 'save') await repo.refreshSearch(tx, { id });
    else await extras.insertReview(tx, { incidentId: id, supplementId: s.id, event: EVENT[step], comment: input.comment ?? null, byId: ctx.actor.userId, at: now, version });
    await writeAudit(tx, whoOf(ctx), {
      type: step === 'save' ? 'incident.supplement_updated' : `incident.${EVENT[step]}`, schoolId: row.schoolId, subjectType: 'incident', subjectId: id,
      detail: { supplementId: s.id, number: s.number, version },
    });
    const values = { version, status, snapshot: supplementSnapshot({ ...s, status, version, narrative }), savedAt: now };
    // As for the report: autosaves of one editing session by the same author update that session's version.
    const last = step === 'save' && input.editSession ? await repo.findLatestVersion(tx, id, s.id) : undefined;
    if (last && last.event === 'saved' && last.editSession === input.editSession && last.savedById === ctx.actor.userId) {
      await repo.updateVersion(tx, last.id, values);
    } else {
      await repo.insertVersion(tx, {
        ...values, incidentId: id, supplementId: s.id, event: step === 'save' ? 'saved' : EVENT[step], savedById: ctx.actor.userId,
        editSession: step === 'save' ? (input.editSession ?? null) : null,
      });
    }
    return incidentDetail(tx, ctx.actor, id, now);
  });
}

/** Every saved version of the report and its supplements (no content; the read is audited all the same). */
export async function findVersions(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'incident.read');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.findIncidentRow(tx, ctx.actor.districtId, id);
    if (!row || !canRead(ctx.actor, row)) throw notFound('Incident');
    const versions = await repo.findVersions(tx, id);
    await writeAudit(tx, whoOf(ctx), { type: 'incident.viewed', schoolId: row.schoolId, subjectType: 'incident', subjectId: id, detail: { part: 'versions' } });
    return versions.map((v) => ({ ...v, savedAt: iso(v.savedAt) }));
  });
}

/** One version's snapshot (audited); the narrative only with incident.narrative.read at the school. */
export async function getVersion(ctx: ServiceContext, id: string, versionId: string, why: ReadReasonQuery) {
  requirePermission(ctx.actor, 'incident.read');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.findIncidentRow(tx, ctx.actor.districtId, id);
    if (!row || !canRead(ctx.actor, row)) throw notFound('Incident');
    const reason = statedReason(ctx.actor, row, why);
    const all = await repo.findVersions(tx, id);
    const meta = all.find((v) => v.id === versionId);
    const version = meta && (await repo.findVersion(tx, id, versionId));
    if (!meta || !version) throw notFound('Version');
    const snapshot = readsNarrative(ctx.actor, row.schoolId) ? version.snapshot : { ...version.snapshot, narrative: null };
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.version_viewed', schoolId: row.schoolId, subjectType: 'incident', subjectId: id, detail: { versionId, version: meta.version, ...(reason ? { reason } : {}) },
    });
    return { ...meta, savedAt: iso(meta.savedAt), snapshot };
  });
}
