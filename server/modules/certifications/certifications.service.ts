import type { Certification, CertificationBody } from '../../../common/preparedness.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission } from '../../auth/access.js';
import { changedFields } from '../../lib/changes.js';
import { newFileKey, readStoredFile, transactionWithFiles } from '../../files/registry.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { certificationState, documentType, dueUntil, requireDates, supervises } from './certifications.policy.js';
import * as repo from './certifications.repository.js';
import { todayOf } from '../../lib/district-time.js';

function toCertification(row: repo.CertificationRow, today: string): Certification {
  const c = row.c;
  return {
    id: c.id, user: { id: c.userId, name: row.userName, badgeNumber: row.badgeNumber }, kind: c.kind as Certification['kind'], name: c.name,
    issuer: c.issuer, hours: c.hours, issuedOn: c.issuedOn, expiresOn: c.expiresOn, notes: c.notes,
    ...certificationState(c.expiresOn, today),
    document: c.documentName && c.documentType && c.documentSize !== null ? { fileName: c.documentName, mediaType: c.documentType, size: c.documentSize } : null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The SROs the actor supervises. */
async function supervisedIds(ctx: ServiceContext): Promise<string[]> {
  requirePermission(ctx.actor, 'certification.manage');
  const sros = await repo.findSros(ctx.db, ctx.actor.districtId);
  return sros.filter((s) => supervises(ctx.actor, s)).map((s) => s.id);
}

/** True when the actor may see and change certifications of `userId`: the SRO themself or their supervisor. */
async function mayAccess(ctx: ServiceContext, userId: string): Promise<boolean> {
  if (userId === ctx.actor.userId) return true;
  const [sro] = await repo.findSros(ctx.db, ctx.actor.districtId, [userId]);
  return !!sro && supervises(ctx.actor, sro);
}

/** My own certifications. */
export async function findMine(ctx: ServiceContext) {
  const today = todayOf(ctx);
  return (await repo.findCertifications(ctx.db, ctx.actor.districtId, [ctx.actor.userId])).map((r) => toCertification(r, today));
}

/** Certifications of the SROs the actor supervises (or one of them). */
export async function findSupervised(ctx: ServiceContext, userId?: string) {
  let ids = await supervisedIds(ctx);
  if (userId) ids = ids.filter((id) => id === userId);
  const today = todayOf(ctx);
  return (await repo.findCertifications(ctx.db, ctx.actor.districtId, ids)).map((r) => toCertification(r, today));
}

/** Adds a certification for `userId` (the caller, or an SRO they supervise), audited. */
export async function createCertification(ctx: ServiceContext, userId: string, input: CertificationBody) {
  requireDates(input.issuedOn, input.expiresOn);
  const [sro] = await repo.findSros(ctx.db, ctx.actor.districtId, [userId]);
  if (userId === ctx.actor.userId) {
    if (!sro) throw new AppError('forbidden', 'Only SROs keep certifications here');
  } else if (!sro || !supervises(ctx.actor, sro)) {
    throw notFound('SRO');
  }
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertCertification(tx, {
      districtId: ctx.actor.districtId, userId, kind: input.kind, name: input.name, issuer: input.issuer ?? null, hours: input.hours ?? null,
      issuedOn: input.issuedOn, expiresOn: input.expiresOn, notes: input.notes ?? null, createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, whoOf(ctx), { type: 'certification.created', subjectType: 'sro_certification', subjectId: id, detail: { userId, kind: input.kind, expiresOn: input.expiresOn } });
    return toCertification((await repo.findCertification(tx, ctx.actor.districtId, id))!, todayOf(ctx));
  });
}

async function accessible(ctx: ServiceContext, id: string) {
  const row = await repo.findCertification(ctx.db, ctx.actor.districtId, id);
  if (!row || !(await mayAccess(ctx, row.c.userId))) throw notFound('Certification');
  return row;
}

/** Changes a certification (its SRO or their supervisor), audited. */
export async function updateCertification(ctx: ServiceContext, id: string, input: Partial<CertificationBody>) {
  const before = await accessible(ctx, id);
  requireDates(input.issuedOn ?? before.c.issuedOn, input.expiresOn === undefined ? before.c.expiresOn : input.expiresOn);
  return ctx.db.transaction(async (tx) => {
    await repo.updateCertification(tx, id, input);
    await writeAudit(tx, whoOf(ctx), { type: 'certification.updated', subjectType: 'sro_certification', subjectId: id, detail: { userId: before.c.userId, changed: changedFields(before.c, input) } });
    return toCertification((await repo.findCertification(tx, ctx.actor.districtId, id))!, todayOf(ctx));
  });
}

/** Attaches the document (PDF, PNG or JPEG by its bytes), audited. */
export async function attachDocument(ctx: ServiceContext, id: string, bytes: Buffer, fileName: string) {
  const before = await accessible(ctx, id);
  const type = documentType(bytes);
  return transactionWithFiles(ctx.db, async (tx, files) => {
    const replaced = await repo.findDocument(tx, ctx.actor.districtId, id);
    const { key } = await files.put(newFileKey('certifications'), bytes);
    await repo.updateCertification(tx, id, { documentKey: key, legacyDocument: null, documentName: fileName, documentType: type, documentSize: bytes.length });
    if (replaced?.documentKey) await files.remove(replaced.documentKey);
    await writeAudit(tx, whoOf(ctx), { type: 'certification.document_added', subjectType: 'sro_certification', subjectId: id, detail: { userId: before.c.userId, mediaType: type, size: bytes.length } });
    return toCertification((await repo.findCertification(tx, ctx.actor.districtId, id))!, todayOf(ctx));
  });
}

/** The document of a certification the actor may see. */
export async function getDocument(ctx: ServiceContext, id: string) {
  const row = await repo.findDocument(ctx.db, ctx.actor.districtId, id);
  if (!row || !(await mayAccess(ctx, row.userId))) throw notFound('Document');
  const bytes = await readStoredFile(ctx.db, row.documentKey, row.legacyDocument);
  if (!bytes) throw notFound('Document');
  return { bytes, fileName: row.name ?? 'certificate', type: row.type ?? 'application/octet-stream' };
}

/**
 * The supervisor's view: certifications expiring within 60 days (soonest first) and lapsed ones, leaving
 * out any already renewed (a later certification of the same kind that runs past it or never expires).
 */
export async function findDue(ctx: ServiceContext) {
  const today = todayOf(ctx);
  const all = await findSupervised(ctx);
  const renewed = (c: Certification) => all.some((o) => o.id !== c.id && o.user.id === c.user.id && o.kind === c.kind
    && (o.expiresOn === null || o.expiresOn > c.expiresOn!) && o.issuedOn >= c.issuedOn);
  const until = dueUntil(today);
  const due = all.filter((c) => c.expiresOn && c.expiresOn >= today && c.expiresOn <= until && !renewed(c))
    .sort((a, b) => a.expiresOn!.localeCompare(b.expiresOn!));
  const lapsed = all.filter((c) => c.expiresOn && c.expiresOn < today && !renewed(c)).sort((a, b) => a.expiresOn!.localeCompare(b.expiresOn!));
  return { today, dueWithinDays: 60, due, lapsed };
}
