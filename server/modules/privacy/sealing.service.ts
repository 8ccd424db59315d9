import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { canAtSchool, requirePermission, requireSchool } from '../../auth/access.js';
import { whoOf, writeAudit } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { calls, incidents, recordOrders, schools, sealedFiles, sealedRecords } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { ServiceContext } from '../../lib/context.js';
import { canRead } from '../incidents/incidents.policy.js';
import { refreshSearch } from '../incidents/incidents.repository.js';
import { openStored, removeStored, storeUpload } from '../incidents/evidence.js';
import { incidentTables, revive, seal, sealedKey, unseal } from './sealed-store.js';

/** What sealing needs besides the request: where files live and the server secret. */
export interface SealingDeps {
  config: { dataDir: string; sessionSecret: string };
}

/** A court order as the API takes it. */
export interface CourtOrder {
  orderNumber: string;
  orderDate: string;
  document?: Buffer;
}

const who = (ctx: ServiceContext) => whoOf(ctx);

/** The content of a sealed record, as encrypted in `sealed_records.package`. */
interface Package {
  incident: Record<string, unknown>;
  call: Record<string, unknown> | null;
  children: Record<string, Record<string, unknown>[]>;
  reason: string;
}

/**
 * The transaction of a seal: the record's rows go into an encrypted package, its live rows are deleted or reduced to a
 * stub (no number, names, narrative, search vectors or versions), earlier audit details naming it are redacted, and
 * the evidence files are queued for the file step. Exported so a test can stop here, as a crash would.
 */
export async function sealInTransaction(tx: Db, ctx: ServiceContext, key: Buffer, id: string, reason: string, order: CourtOrder | null) {
  const [incident] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
  if (!incident) throw notFound('Incident');
  const [call] = await tx.select().from(calls).where(incident.callId ? eq(calls.id, incident.callId) : eq(calls.incidentId, id));
  const tables = incidentTables();
  const children: Package['children'] = {};
  for (const o of tables) children[o.name] = await tx.select().from(o.table).where(eq(columnOf(o), id)) as never;
  const terms = [id, incident.number];
  for (const p of (children.incident_persons ?? []) as { firstName: string; lastName: string }[]) terms.push(`${p.firstName} ${p.lastName}`, `${p.lastName}, ${p.firstName}`);
  const attachments = (children.incident_attachments ?? []) as { id: string; storageKey: string }[];
  terms.push(...attachments.map((a) => a.id));
  if (call) terms.push(call.id, call.number);
  const pkg: Package = { incident, call: call ?? null, children, reason };
  for (const o of [...tables].reverse()) await tx.delete(o.table).where(eq(columnOf(o), id));
  const now = ctx.clock.now();
  await tx.update(incidents).set({
    number: `SEALED-${randomBytes(6).toString('hex')}`, summary: '', narrative: '', locationText: null, locationCode: '',
    areaId: null, offenseKeys: [], searchPublic: null, searchAll: null, hasJuvenile: false,
    sealedAt: now, sealedById: ctx.actor.userId, sealedReason: 'A sealed record', updatedAt: now,
  }).where(eq(incidents.id, id));
  if (call) await tx.update(calls).set({ summary: '', locationText: null, callerName: null, callerPhone: null, updatedAt: now }).where(eq(calls.id, call.id));
  await tx.execute(sql`select audit_redact(ARRAY[${sql.join(terms.map((t) => sql`${t}`), sql`, `)}]::text[])`);
  await tx.insert(sealedRecords).values({
    incidentId: id, districtId: incident.districtId, schoolId: incident.schoolId, state: 'sealing',
    package: seal(key, Buffer.from(JSON.stringify(pkg))), pendingFiles: attachments.map((a) => `${a.id}:${a.storageKey}`),
    sealedAt: now, updatedAt: now,
  });
  await tx.insert(recordOrders).values({
    districtId: incident.districtId, recordType: 'incident', recordId: id, action: 'seal',
    orderNumber: order?.orderNumber ?? null, orderDate: order?.orderDate ?? null, document: order?.document ?? null, byId: ctx.actor.userId, at: now,
  });
  return incident;
}

function columnOf(o: ReturnType<typeof incidentTables>[number]): PgColumn {
  return (o.table as unknown as Record<string, PgColumn>)[o.column]!;
}

/**
 * The file step of a seal or expunge, retried until done: each queued evidence file is encrypted into
 * `sealed_files` (seal) or simply destroyed (expunge), then the record leaves its transitional state.
 */
export async function finishFileStep(db: Db, deps: SealingDeps, id: string): Promise<void> {
  const key = sealedKey(deps.config.sessionSecret);
  const [rec] = await db.select().from(sealedRecords).where(eq(sealedRecords.incidentId, id));
  if (!rec || !['sealing', 'expunging'].includes(rec.state)) return;
  for (const entry of rec.pendingFiles) {
    const [attachmentId, storageKey] = entry.split(':') as [string, string];
    if (rec.state === 'sealing') {
      const [done] = await db.select({ id: sealedFiles.attachmentId }).from(sealedFiles).where(eq(sealedFiles.attachmentId, attachmentId));
      if (!done) {
        const plain = await readAll(deps.config.dataDir, storageKey);
        if (plain) await db.insert(sealedFiles).values({ attachmentId, incidentId: id, content: seal(key, plain) }).onConflictDoNothing();
      }
    }
    await removeStored(deps.config.dataDir, storageKey);
  }
  await db.update(sealedRecords).set({ state: rec.state === 'sealing' ? 'sealed' : 'expunged', pendingFiles: [], updatedAt: new Date() })
    .where(and(eq(sealedRecords.incidentId, id), eq(sealedRecords.state, rec.state)));
}

async function readAll(dataDir: string, storageKey: string): Promise<Buffer | null> {
  try {
    const { stream } = await openStored(dataDir, storageKey);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    // Already destroyed by an earlier run that stopped before changing the state: nothing left to seal.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Finishes every seal or expunge a crash left half-way (called at start). */
export async function finishPendingSeals(db: Db, deps: SealingDeps): Promise<number> {
  const pending = await db.select({ id: sealedRecords.incidentId }).from(sealedRecords).where(inArray(sealedRecords.state, ['sealing', 'expunging']));
  for (const p of pending) await finishFileStep(db, deps, p.id);
  return pending.length;
}

/** Seals an incident the actor may read and seal, then runs the file step. */
export async function sealIncident(ctx: ServiceContext, deps: SealingDeps, id: string, reason: string): Promise<void> {
  requirePermission(ctx.actor, 'incident.seal');
  const key = sealedKey(deps.config.sessionSecret);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(incidents).where(and(eq(incidents.id, id), eq(incidents.districtId, ctx.actor.districtId))).for('update');
    if (!row || !canRead(ctx.actor, row)) throw notFound('Incident');
    requireSchool(ctx.actor, 'incident.seal', row.schoolId, 'Incident');
    await sealInTransaction(tx, ctx, key, id, reason, null);
    // No number, no reason: the audit log of a sealed record says only that it was sealed.
    await writeAudit(tx, who(ctx), { type: 'incident.sealed', schoolId: row.schoolId, subjectType: 'incident', subjectId: id });
  });
  await finishFileStep(ctx.db, deps, id);
}

async function lockedSealed(tx: Db, ctx: ServiceContext, id: string, permission: 'incident.unseal' | 'incident.expunge') {
  const [rec] = await tx.select().from(sealedRecords)
    .where(and(eq(sealedRecords.incidentId, id), eq(sealedRecords.districtId, ctx.actor.districtId))).for('update');
  if (!rec) return null;
  requireSchool(ctx.actor, permission, rec.schoolId, 'Sealed record');
  return rec;
}

/** Unseals by court order: the package and sealed files are restored into the live tables; the order is kept. */
export async function unsealIncident(ctx: ServiceContext, deps: SealingDeps, id: string, order: CourtOrder): Promise<void> {
  requirePermission(ctx.actor, 'incident.unseal');
  const key = sealedKey(deps.config.sessionSecret);
  const written: string[] = [];
  try {
    await ctx.db.transaction(async (tx) => {
      const rec = await lockedSealed(tx, ctx, id, 'incident.unseal');
      if (!rec) throw notFound('Sealed record');
      if (rec.state !== 'sealed' || !rec.package) throw new AppError('conflict', `The record is ${rec.state}; only a sealed record can be unsealed`);
      const pkg = JSON.parse(unseal(key, rec.package).toString('utf8')) as Package;
      const files = await tx.select().from(sealedFiles).where(eq(sealedFiles.incidentId, id));
      const keys = new Map<string, string>();
      for (const f of files) {
        const stored = await storeUpload(deps.config.dataDir, rec.districtId, Readable.from(unseal(key, f.content)));
        written.push(stored.storageKey);
        keys.set(f.attachmentId, stored.storageKey);
      }
      const { id: _id, ...incident } = revive(incidents, pkg.incident);
      await tx.update(incidents).set({ ...incident, searchPublic: null, searchAll: null, updatedAt: ctx.clock.now() }).where(eq(incidents.id, id));
      if (pkg.call) {
        const { id: callId, ...call } = revive(calls, pkg.call);
        await tx.update(calls).set(call).where(eq(calls.id, callId as string));
      }
      for (const o of incidentTables()) {
        const rows = (pkg.children[o.name] ?? []).map((r) => revive(o.table, o.name === 'incident_attachments' ? { ...r, storageKey: keys.get(r.id as string) ?? r.storageKey } : r));
        if (rows.length > 0) await tx.insert(o.table).values(rows as never);
      }
      await refreshSearch(tx, { id });
      await tx.delete(sealedFiles).where(eq(sealedFiles.incidentId, id));
      await tx.delete(sealedRecords).where(eq(sealedRecords.incidentId, id));
      await tx.insert(recordOrders).values({
        districtId: rec.districtId, recordType: 'incident', recordId: id, action: 'unseal', orderNumber: order.orderNumber,
        orderDate: order.orderDate, document: order.document ?? null, byId: ctx.actor.userId, at: ctx.clock.now(),
      });
      await writeAudit(tx, who(ctx), {
        type: 'incident.unsealed', schoolId: rec.schoolId, subjectType: 'incident', subjectId: id,
        detail: { orderNumber: order.orderNumber, orderDate: order.orderDate },
      });
    });
  } catch (error) {
    for (const k of written) await removeStored(deps.config.dataDir, k);
    throw error;
  }
}

/** Expunges by court order: the content is destroyed for good; the tombstone (order number, date, who) is all that stays. */
export async function expungeIncident(ctx: ServiceContext, deps: SealingDeps, id: string, order: CourtOrder): Promise<void> {
  requirePermission(ctx.actor, 'incident.expunge');
  const key = sealedKey(deps.config.sessionSecret);
  await ctx.db.transaction(async (tx) => {
    let rec = await lockedSealed(tx, ctx, id, 'incident.expunge');
    if (!rec) {
      const [row] = await tx.select().from(incidents).where(and(eq(incidents.id, id), eq(incidents.districtId, ctx.actor.districtId))).for('update');
      if (!row) throw notFound('Incident');
      requireSchool(ctx.actor, 'incident.expunge', row.schoolId, 'Incident');
      await sealInTransaction(tx, ctx, key, id, 'Expunged by court order', null);
      rec = (await lockedSealed(tx, ctx, id, 'incident.expunge'))!;
    }
    if (!['sealing', 'sealed'].includes(rec.state)) throw new AppError('conflict', `The record is ${rec.state}`);
    // Files already sealed are destroyed with their rows; files still queued are destroyed by the file step.
    await tx.delete(sealedFiles).where(eq(sealedFiles.incidentId, id));
    await tx.update(sealedRecords).set({ state: 'expunging', package: null, updatedAt: ctx.clock.now() }).where(eq(sealedRecords.incidentId, id));
    await tx.insert(recordOrders).values({
      districtId: rec.districtId, recordType: 'incident', recordId: id, action: 'expunge', orderNumber: order.orderNumber,
      orderDate: order.orderDate, document: null, byId: ctx.actor.userId, at: ctx.clock.now(),
    });
    await writeAudit(tx, who(ctx), {
      type: 'incident.expunged', schoolId: rec.schoolId, subjectType: 'incident', subjectId: id, detail: { orderNumber: order.orderNumber },
    });
  });
  await finishFileStep(ctx.db, deps, id);
}

/** Sealed and expunged records of the actor's scope: state, dates and orders, nothing identifying. */
export async function listSealed(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'incident.unseal');
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ r: sealedRecords, schoolName: schools.name }).from(sealedRecords)
      .innerJoin(schools, eq(schools.id, sealedRecords.schoolId)).where(eq(sealedRecords.districtId, ctx.actor.districtId));
    const mine = rows.filter((r) => canAtSchool(ctx.actor, 'incident.unseal', r.r.schoolId));
    const ids = mine.map((r) => r.r.incidentId);
    const orders = ids.length ? await tx.select().from(recordOrders).where(inArray(recordOrders.recordId, ids)) : [];
    await writeAudit(tx, who(ctx), { type: 'incident.sealed_listed', detail: { count: mine.length } });
    return {
      items: mine.map(({ r, schoolName }) => ({
        id: r.incidentId, school: { id: r.schoolId, name: schoolName }, state: r.state, sealedAt: r.sealedAt.toISOString(),
        orders: orders.filter((o) => o.recordId === r.incidentId).map((o) => ({
          action: o.action, orderNumber: o.orderNumber, orderDate: o.orderDate, at: o.at.toISOString(), hasDocument: o.document !== null,
        })),
      })),
    };
  });
}
