import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getTableName, is, sql, eq } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema/index.js';
import { auditEvents, incidentAttachments, recordOrders, sealedFiles, sealedRecords } from '../../db/schema/index.js';
import { createTestApp } from '../../test/app.js';
import { evidenceDir } from '../incidents/evidence.js';
import { createIncident, createWorld, rawGet, rawPost, type World } from '../incidents/incidents.test-support.js';
import { finishPendingSeals, sealInTransaction } from './sealing.service.js';
import { sealedKey } from './sealed-store.js';

// Sealing reaches every copy: rows, search vectors, versions, evidence files and earlier audit details.
let w: World;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

beforeAll(async () => {
  w = await createWorld();
}, 120_000);
afterAll(async () => w?.t.close());

/** Every row of every table, as text: what a database dump would show. */
async function dump(): Promise<string> {
  const parts: string[] = [];
  for (const table of (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable))) {
    const rows = await w.t.db.execute(sql`select t::text as row from ${table} t`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { row: string }[];
    parts.push(`${getTableName(table)}: ${list.map((r) => r.row).join('\n')}`);
  }
  return parts.join('\n');
}

/** The bytes of every file under a folder (the database engine's own files excepted: see the report). */
function filesUnder(dir: string): Buffer {
  if (!existsSync(dir)) return Buffer.alloc(0);
  const out: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(filesUnder(full));
    else out.push(readFileSync(full));
  }
  return Buffer.concat(out);
}

/** An incident with a named visitor, telling words, an evidence file and reads that the audit log recorded. */
async function markedIncident(tag: string) {
  const incident = await createIncident(w, 'sro', {
    summary: `Zebracorn${tag} quarrel`, narrative: `Wobblefrost${tag} said the words near the lockers.`,
    persons: [{ kind: 'visitor', role: 'suspect', firstName: 'Quentin', lastName: `Zarkovsky${tag}` }], actions: [],
  });
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`PLIMSOLL${tag}MARK`), Buffer.alloc(64, 7)]);
  const up = await rawPost(w, 'sro', `/api/incidents/${incident.id}/attachments?fileName=photo.png`, png, 'image/png');
  expect(up.status).toBe(201);
  expect((await w.as.sro!.get(`/api/incidents?q=Zarkovsky${tag}`)).body.items).toHaveLength(1);
  expect((await w.as.sro!.get(`/api/incidents/${incident.id}`)).status).toBe(200);
  const words = [incident.number as string, `Zarkovsky${tag}`, `Zebracorn${tag}`, `Wobblefrost${tag}`, `PLIMSOLL${tag}MARK`];
  return { incident, attachmentId: up.body.id as string, png, words };
}

const storageRoot = () => evidenceDir(w.t.config.dataDir);

describe('sealing an incident', () => {
  it('leaves no identifying trace in any table or file, and earlier audit details stop naming it', async () => {
    const { incident, words } = await markedIncident('A');
    const before = await dump();
    for (const word of words.slice(0, 4)) expect(before).toContain(word);
    expect(filesUnder(storageRoot()).includes(Buffer.from(words[4]!))).toBe(true);
    expect(before).toContain(incident.id);

    expect((await w.as.supervisor!.post(`/api/incidents/${incident.id}/seal`, { reason: 'Court order 2026-JV-200' })).status).toBe(204);

    const after = await dump();
    for (const word of words) expect(after, word).not.toContain(word);
    expect(after).not.toContain('Court order 2026-JV-200');
    const files = filesUnder(storageRoot());
    for (const word of words) expect(files.includes(Buffer.from(word)), word).toBe(false);
    const details = await w.t.db.select({ detail: auditEvents.detail }).from(auditEvents);
    expect(details.filter((d) => JSON.stringify(d.detail).includes(incident.id))).toEqual([]);
    expect(details.filter((d) => JSON.stringify(d.detail).includes('a sealed record')).length).toBeGreaterThan(0);
    const [rec] = await w.t.db.select().from(sealedRecords).where(eq(sealedRecords.incidentId, incident.id));
    expect(rec!.state).toBe('sealed');
  });

  it('keeps the audit log append-only for everything but the sanctioned redaction', async () => {
    await expect(w.t.db.execute(sql`update audit_events set detail = '{}'::jsonb`)).rejects.toThrow();
    await expect(w.t.db.execute(sql`update audit_events set detail = '{"redacted": "a sealed record"}'::jsonb`)).rejects.toThrow();
    await expect(w.t.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it('is finished at the next start when the process died between the transaction and the file step', async () => {
    const { incident, attachmentId, words } = await markedIncident('B');
    const actor = { userId: w.users.supervisor!, districtId: w.districtId, name: 'supervisor', email: 's@isd.test', timeZone: 'America/Chicago', grants: [{ role: 'supervisor' as const, schoolId: w.north }] };
    const ctx = { db: w.t.db, actor, requestId: 'crash-test', clock: w.t.clock };
    await w.t.db.transaction(async (tx) => sealInTransaction(tx, ctx, sealedKey(w.t.config.sessionSecret), incident.id, 'Court order 2026-JV-201', null));
    // "Crash": the transaction committed, the file step never ran.
    const [half] = await w.t.db.select().from(sealedRecords).where(eq(sealedRecords.incidentId, incident.id));
    expect(half!.state).toBe('sealing');
    expect(filesUnder(storageRoot()).includes(Buffer.from(words[4]!))).toBe(true);

    const restarted = await createTestApp({ database: w.t.database });
    await restarted.close();
    const [done] = await w.t.db.select().from(sealedRecords).where(eq(sealedRecords.incidentId, incident.id));
    expect(done!.state).toBe('sealed');
    expect(filesUnder(storageRoot()).includes(Buffer.from(words[4]!))).toBe(false);
    expect(await w.t.db.select({ id: sealedFiles.attachmentId }).from(sealedFiles).where(eq(sealedFiles.attachmentId, attachmentId))).toHaveLength(1);
    expect(await finishPendingSeals(w.t.db, w.t)).toBe(0);
  });
});

describe('unsealing and expunging by court order', () => {
  it('unseals for the director only, with order number, date and the signed order; the record and its file come back', async () => {
    const { incident, attachmentId, png } = await markedIncident('C');
    expect((await w.as.supervisor!.post(`/api/incidents/${incident.id}/seal`, { reason: 'Court order 2026-JV-300' })).status).toBe(204);
    const order = { orderNumber: '2026-JV-301', orderDate: '2026-10-30', document: PDF };
    const bySupervisor = await w.as.supervisor!.post(`/api/incidents/${incident.id}/unseal`, order);
    expect([bySupervisor.status, bySupervisor.body.error.code]).toEqual([403, 'forbidden']);
    const noDocument = await w.as.director!.post(`/api/incidents/${incident.id}/unseal`, { orderNumber: '2026-JV-301', orderDate: '2026-10-30' });
    expect([noDocument.status, noDocument.body.error.code]).toEqual([400, 'validation_failed']);
    expect(noDocument.body.error.message).toContain('document');
    const notPdf = await w.as.director!.post(`/api/incidents/${incident.id}/unseal`, { ...order, document: Buffer.from('hello world').toString('base64') });
    expect([notPdf.status, notPdf.body.error.field]).toEqual([400, 'document']);
    const future = await w.as.director!.post(`/api/incidents/${incident.id}/unseal`, { ...order, orderDate: '2027-01-01' });
    expect([future.status, future.body.error.field]).toEqual([400, 'orderDate']);
    const listed = (await w.as.director!.get('/api/sealed-records')).body.items as { id: string; state: string }[];
    expect(listed.find((r) => r.id === incident.id)?.state).toBe('sealed');

    expect((await w.as.director!.post(`/api/incidents/${incident.id}/unseal`, order)).status).toBe(204);
    const back = await w.as.sro!.get(`/api/incidents/${incident.id}`);
    expect(back.status).toBe(200);
    expect(back.body.number).toBe(incident.number);
    expect(back.body.narrative).toContain('WobblefrostC');
    expect((await w.as.sro!.get('/api/incidents?q=ZarkovskyC')).body.items).toHaveLength(1);
    const file = await rawGet(w, 'sro', `/api/incident-attachments/${attachmentId}/content`);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.bytes, png)).toBe(0);
    const orders = await w.t.db.select().from(recordOrders).where(eq(recordOrders.recordId, incident.id));
    expect(orders.map((o) => o.action).sort()).toEqual(['seal', 'unseal']);
    expect(orders.find((o) => o.action === 'unseal')!.document!.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('expunges irreversibly: only the tombstone stays, and it cannot be unsealed', async () => {
    const { incident, attachmentId, words } = await markedIncident('D');
    const order = { orderNumber: '2026-JV-400', orderDate: '2026-10-30', confirm: true };
    expect((await w.as.supervisor!.post(`/api/incidents/${incident.id}/expunge`, order)).status).toBe(403);
    expect((await w.as.director!.post(`/api/incidents/${incident.id}/expunge`, { ...order, confirm: false })).status).toBe(400);
    expect((await w.as.director!.post(`/api/incidents/${incident.id}/expunge`, order)).status).toBe(204);
    const after = await dump();
    for (const word of words) expect(after, word).not.toContain(word);
    expect(filesUnder(storageRoot()).includes(Buffer.from(words[4]!))).toBe(false);
    const [rec] = await w.t.db.select().from(sealedRecords).where(eq(sealedRecords.incidentId, incident.id));
    expect([rec!.state, rec!.package]).toEqual(['expunged', null]);
    expect(await w.t.db.select().from(sealedFiles).where(eq(sealedFiles.attachmentId, attachmentId))).toEqual([]);
    expect(await w.t.db.select().from(incidentAttachments).where(eq(incidentAttachments.id, attachmentId))).toEqual([]);
    const tombstone = (await w.t.db.select().from(recordOrders).where(eq(recordOrders.recordId, incident.id))).find((o) => o.action === 'expunge')!;
    expect([tombstone.orderNumber, tombstone.orderDate, tombstone.byId]).toEqual(['2026-JV-400', '2026-10-30', w.users.director]);
    const unseal = await w.as.director!.post(`/api/incidents/${incident.id}/unseal`, { orderNumber: 'X-1', orderDate: '2026-10-30', document: PDF });
    expect([unseal.status, unseal.body.error.code]).toEqual([409, 'conflict']);
  });
});
