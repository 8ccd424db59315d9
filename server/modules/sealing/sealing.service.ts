import { inArray } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { SealInput } from '../../../common/incidents.js';
import type { ExpungeBody, SealedRecord, UnsealQuery } from '../../../common/sealing.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, requireSchool } from '../../auth/access.js';
import { schools, type SealState } from '../../db/schema/index.js';
import { transactionWithFiles } from '../../files/registry.js';
import { numberMac, openPackage, sealPackage } from '../../files/sealed-key.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { prepareUpload, type EvidenceUpload } from '../incidents/evidence.js';
import { canRead } from '../incidents/incidents.policy.js';
import { findIncidentRow } from '../incidents/incidents.repository.js';
import { sealedKeyOf, sealFileStepFor } from './sealing.files.js';
import { auditNeedles, checkSealed, sealActions, seesSeal } from './sealing.policy.js';
import * as repo from './sealing.repository.js';

/**
 * The database step of sealing, in one transaction: the record's content goes into the encrypted package, every
 * copy in the database is removed or reduced to a stub, earlier audit details stop naming it, and the seal is left
 * in state `sealing` with the list of evidence files for the file step. Answers the seal's id.
 */
export async function sealInDatabase(ctx: ServiceContext, dataDir: string, id: string, input: SealInput): Promise<string> {
  requirePermission(ctx.actor, 'incident.seal');
  const sealed = sealFileStepFor(dataDir).sealed;
  return ctx.db.transaction(async (tx) => {
    const row = await findIncidentRow(tx, ctx.actor.districtId, id, { forUpdate: true });
    if (!row || !canRead(ctx.actor, row)) throw notFound('Incident');
    requireSchool(ctx.actor, 'incident.seal', row.schoolId, 'Incident');
    const destroy = input.destroyEvidence ?? false;
    const content = await repo.readPackage(tx, id);
    const fileKeys = content.owned.incident_attachments?.map((a) => a.storage_key as string) ?? [];
    // Evidence destroyed by the order does not come back with an unsealing: its rows are not kept either.
    if (destroy) delete content.owned.incident_attachments;
    const now = ctx.clock.now();
    const seal = await repo.insertSeal(tx, {
      incidentId: id, districtId: row.districtId, schoolId: row.schoolId, state: 'sealing', numberMac: numberMac(sealed, row.districtId, row.number),
      reason: input.reason, orderNumber: input.orderNumber ?? null, orderDate: input.orderDate ?? null, destroyFiles: destroy, fileKeys,
      ...sealPackage(sealed, content), sealedById: ctx.actor.userId, sealedAt: now,
    });
    await repo.redactIncident(tx, content, { number: `sealed-${seal.id}`, sealedAt: now, sealedById: ctx.actor.userId, reason: input.reason });
    await repo.redactAudit(tx, row.districtId, auditNeedles(content));
    // No number, no reason: the audit log of a sealed record says only that it was sealed.
    await writeAudit(tx, whoOf(ctx), { type: 'incident.sealed', schoolId: row.schoolId, subjectType: 'incident', subjectId: id });
    return seal.id;
  });
}

/** Seals an incident: the database step, then the file step (retried until done if it fails now). */
export async function sealIncident(ctx: ServiceContext, dataDir: string, id: string, input: SealInput): Promise<void> {
  const sealId = await sealInDatabase(ctx, dataDir, id, input);
  await sealFileStepFor(dataDir).finish(sealId);
}

async function lockedSeal(ctx: ServiceContext, tx: ServiceContext['db'], id: string) {
  const seal = await repo.findSeal(tx, ctx.actor.districtId, id, { forUpdate: true });
  if (!seal || seal.state === 'unsealed' || !seesSeal(ctx.actor, seal)) throw notFound('Sealed record');
  return seal;
}

/**
 * Unseals by court order (director): the order PDF is stored first, then one transaction restores every row from
 * the package and records the order; the file step puts the evidence keys back under the master key.
 */
export async function unsealRecord(ctx: ServiceContext, dataDir: string, id: string, order: UnsealQuery, document: Readable) {
  requirePermission(ctx.actor, 'incident.unseal');
  const step = sealFileStepFor(dataDir);
  const probe = await repo.findSeal(ctx.db, ctx.actor.districtId, id);
  if (!probe || probe.state === 'unsealed' || !seesSeal(ctx.actor, probe)) throw notFound('Sealed record');
  checkSealed(probe);
  if (!sealActions(ctx.actor, probe).unseal) throw notFound('Sealed record');
  let upload: EvidenceUpload | undefined;
  let incidentId: string;
  try {
    upload = await prepareUpload(ctx.db, ctx.actor.districtId, document);
    const { prepared, describe } = upload;
    // The order's file commits with the restored record, or not at all.
    incidentId = await transactionWithFiles(ctx.db, async (tx, files) => {
      await files.adopt(prepared);
      const stored = describe();
      if (stored.kind !== 'pdf') throw new AppError('validation_failed', 'file: the court order must be a PDF', { field: 'file' });
      const seal = await lockedSeal(ctx, tx, id);
      checkSealed(seal);
      const content = openPackage(step.sealed, { keyId: seal.keyId!, wrappedKey: seal.wrappedKey!, nonce: seal.nonce!, package: seal.package! }) as repo.PackageContent;
      await repo.restoreIncident(tx, content);
      await repo.updateSeal(tx, seal.id, {
        state: 'unsealing', unsealOrderNumber: order.orderNumber, unsealOrderDate: order.orderDate, unsealDocumentKey: stored.storageKey,
        unsealedById: ctx.actor.userId, unsealedAt: ctx.clock.now(), package: null, wrappedKey: null, nonce: null, keyId: null, numberMac: null,
      });
      await writeAudit(tx, whoOf(ctx), {
        type: 'incident.unsealed', schoolId: seal.schoolId, subjectType: 'incident', subjectId: seal.incidentId,
        detail: { sealId: seal.id, orderNumber: order.orderNumber, orderDate: order.orderDate, documentName: order.fileName, documentKey: stored.storageKey },
      });
      return seal.incidentId;
    });
  } catch (error) {
    await upload?.prepared.discard();
    document.resume();
    throw error;
  }
  const state = await step.finish(id);
  return { incidentId, state: state === 'unsealed' ? 'unsealed' as const : 'unsealing' as const };
}

/**
 * Expunges a sealed record by court order: one transaction deletes the package and every remaining row of the
 * record, leaving the tombstone (order number, date, who); the file step destroys the evidence files.
 */
export async function expungeRecord(ctx: ServiceContext, dataDir: string, id: string, order: ExpungeBody): Promise<SealedRecord> {
  requirePermission(ctx.actor, 'incident.expunge');
  await ctx.db.transaction(async (tx) => {
    const seal = await lockedSeal(ctx, tx, id);
    checkSealed(seal);
    if (!sealActions(ctx.actor, seal).expunge) throw notFound('Sealed record');
    await repo.destroyIncident(tx, seal.incidentId);
    await repo.updateSeal(tx, seal.id, {
      state: 'expunging', expungeOrderNumber: order.orderNumber, expungeOrderDate: order.orderDate, expungedById: ctx.actor.userId,
      expungedAt: ctx.clock.now(), package: null, wrappedKey: null, nonce: null, keyId: null, numberMac: null, reason: null,
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'incident.expunged', schoolId: seal.schoolId, subjectType: 'incident', subjectId: seal.incidentId,
      detail: { sealId: seal.id, orderNumber: order.orderNumber, orderDate: order.orderDate },
    });
  });
  await sealFileStepFor(dataDir).finish(id);
  const [record] = await findSealedRecords(ctx, dataDir, {}, id);
  return record!;
}

/** The sealed and expunged records the actor may act on (no content, only the orders and who), audited. */
export async function findSealedRecords(ctx: ServiceContext, dataDir: string, query: { number?: string }, onlyId?: string): Promise<SealedRecord[]> {
  if (!onlyId) requirePermission(ctx.actor, 'incident.unseal');
  const mac = query.number ? numberMac(sealFileStepFor(dataDir).sealed, ctx.actor.districtId, query.number) : null;
  return ctx.db.transaction(async (tx) => {
    const found = (await repo.findSeals(tx, ctx.actor.districtId, null, mac)).filter((r) => seesSeal(ctx.actor, r.s) && (!onlyId || r.s.id === onlyId));
    const schoolIds = [...new Set(found.map((r) => r.s.schoolId).filter((s): s is string => Boolean(s)))];
    const names = new Map((schoolIds.length ? await tx.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, schoolIds)) : []).map((s) => [s.id, s.name]));
    if (!onlyId) await writeAudit(tx, whoOf(ctx), { type: 'incident.sealed_listed', detail: { count: found.length, byNumber: Boolean(mac) } });
    return found.map(({ s, sealedByName, expungedByName }) => ({
      id: s.id, state: s.state as Exclude<SealState, 'unsealing' | 'unsealed'>, schoolId: s.schoolId, schoolName: s.schoolId ? names.get(s.schoolId) ?? null : null,
      sealedAt: s.sealedAt.toISOString(), sealedByName, orderNumber: s.orderNumber, orderDate: s.orderDate, filesDestroyed: s.destroyFiles || s.state.startsWith('expung'),
      fileCount: s.fileKeys.length, expungeOrderNumber: s.expungeOrderNumber, expungeOrderDate: s.expungeOrderDate, expungedAt: s.expungedAt?.toISOString() ?? null,
      expungedByName, can: sealActions(ctx.actor, s),
    }));
  });
}

/**
 * The number a sealed incident had, read from its sealed package (`db` may be a transaction of `ctx.db`), for the one copy that must carry it: the NIBRS
 * delete that asks the state repository to drop the record. Null when the record is no longer sealed or the key
 * is not loaded.
 */
export async function sealedIncidentNumber(ctx: ServiceContext, db: Db, incidentId: string): Promise<string | null> {
  const sealed = sealedKeyOf(ctx.db);
  const districtId = ctx.actor.districtId;
  const found = await repo.findSealedPackage(db, districtId, incidentId);
  if (!sealed || !found) return null;
  const content = openPackage(sealed, found) as repo.PackageContent;
  return typeof content.incident.number === 'string' ? content.incident.number : null;
}
