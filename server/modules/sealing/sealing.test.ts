import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.js';
import { incidentSeals, storedFiles, threatCases, tipLinks } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { auditOf, createWorld, rawGet, type World } from '../incidents/incidents.test-support.js';
import { sealInDatabase } from './sealing.service.js';
import { grepDatabase, grepFolder, recordWithCopies, SECRET } from './sealing.test-support.js';

let w: World;
let rec: Awaited<ReturnType<typeof recordWithCopies>>;
let needles: string[];
let restarted: TestApp | undefined;
const ORDER_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  w = await createWorld();
  rec = await recordWithCopies(w);
  needles = [rec.number, rec.callNumber, ...SECRET.visitor, SECRET.narrative, SECRET.summary, SECRET.supplement, SECRET.call, SECRET.file, SECRET.referral];
}, 120_000);
afterAll(async () => {
  await restarted?.close();
  await w?.t.close();
});

async function sealOf(incidentId: string) {
  const [row] = await w.t.db.select().from(incidentSeals).where(eq(incidentSeals.incidentId, incidentId)).orderBy(incidentSeals.sealedAt);
  return row!;
}

async function fileKeyOf(incidentId: string) {
  const [row] = rows<{ key_id: string }>(await w.t.db.execute(sql`
    select f.key_id from stored_files f join incident_seals s on f.key = any(s.file_keys) where s.incident_id = ${incidentId}`));
  return row?.key_id;
}

describe('sealing reaches every copy', () => {
  it('before sealing, the record is in every place a dump can see (so the grep below can fail)', async () => {
    const hits = await grepDatabase(w.t.db, needles);
    for (const table of ['incidents.number', 'incident_persons.last_name', 'incident_versions.snapshot', 'calls.summary', 'incident_referrals.summary', 'incident_attachments.file_name', 'incident_supplements.narrative', 'incidents.search_all']) {
      expect(hits.some((h) => h.startsWith(`${table}:`)), table).toBe(true);
    }
    expect(hits.some((h) => h.startsWith('audit_events.detail:'))).toBe(true);
  });

  it('refuses sealing role by role with exact answers: no permission 403, outside the scope 404', async () => {
    const body = { reason: 'Court order 2026-CV-0042 (juvenile record)' };
    expect((await w.as.sro!.post(`/api/incidents/${rec.id}/seal`, body)).status).toBe(403);
    expect((await w.as.principal!.post(`/api/incidents/${rec.id}/seal`, body)).status).toBe(403);
    expect((await w.as.counselor!.post(`/api/incidents/${rec.id}/seal`, body)).status).toBe(403);
    const south = await w.as.supervisorSouth!.post(`/api/incidents/${rec.id}/seal`, body);
    expect(south.status).toBe(404);
    expect(south.body.error.code).toBe('not_found');
    expect((await w.as.foreignSupervisor!.post(`/api/incidents/${rec.id}/seal`, body)).status).toBe(404);
    const short = await w.as.supervisor!.post(`/api/incidents/${rec.id}/seal`, { reason: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('reason');
    expect(await w.t.db.$count(incidentSeals)).toBe(0);
  });

  it('a crash between the database step and the file step: the record is hidden, the next start finishes the files', async () => {
    const ctx = { db: w.t.db, actor: await actorOf('supervisor'), requestId: 'crash-test', clock: w.t.clock };
    // The database step commits, then the process "dies" before the file step runs.
    await sealInDatabase(ctx, w.t.config.dataDir, rec.id, { reason: 'Court order 2026-CV-0042 (juvenile record)', orderNumber: '2026-CV-0042', orderDate: '2026-11-01', destroyEvidence: false });
    const halfway = await sealOf(rec.id);
    expect(halfway.state).toBe('sealing');
    expect(await fileKeyOf(rec.id)).not.toMatch(/^sealed-/);
    expect((await w.as.sro!.get(`/api/incidents/${rec.id}`)).status).toBe(404);
    // The next start (a new app on the same database and data folder) finishes what was left.
    restarted = await createTestApp({ database: w.t.database });
    expect((await sealOf(rec.id)).state).toBe('sealed');
    expect(await fileKeyOf(rec.id)).toMatch(/^sealed-/);
  });

  it('leaves no identifying trace in any column of any table, nor in the data folder', async () => {
    expect(await grepDatabase(w.t.db, needles)).toEqual([]);
    // The roster student stays in the roster, and only there.
    expect((await grepDatabase(w.t.db, ['Oldman'])).filter((h) => !h.startsWith('students.'))).toEqual([]);
    expect(grepFolder(w.t.config.dataDir, needles)).toEqual([]);
  });

  it('evidence no longer opens; links show "a sealed record" and new links are refused; audit details name nothing', async () => {
    expect((await rawGet(w, 'sro', `/api/incident-attachments/${rec.attachmentId}/content`)).status).toBe(404);
    const tip = await w.as.sro!.get(`/api/tips/${rec.tipId}`);
    expect(tip.body.links).toEqual([expect.objectContaining({ kind: 'sealed', label: 'a sealed record', targetId: null })]);
    const relink = await w.as.sro!.post(`/api/tips/${rec.tipId}/links`, { kind: 'incident', targetId: rec.id });
    expect(relink.status).toBe(400);
    expect(relink.body.error.field).toBe('targetId');
    const [threat] = await w.t.db.select().from(threatCases).where(eq(threatCases.id, rec.threatId));
    expect(threat!.incidentId).toBeNull();
    const newCase = await w.as.sro!.post('/api/threat-cases', { schoolId: w.north, source: 'incident', incidentId: rec.id, subjectStudentId: w.adult, threatAsReported: 'Again' });
    expect(newCase.status).toBe(400);
    expect(newCase.body.error.field).toBe('incidentId');
    const searched = await auditOf(w, 'incident.searched');
    expect(JSON.stringify(searched.map((e) => e.detail))).toContain('[sealed record]');
    expect(JSON.stringify(searched.map((e) => e.detail))).not.toContain(rec.id);
    expect((await auditOf(w, 'incident.sealed', rec.id))).toHaveLength(1);
  });

  it('the audit log refuses any other change, even with the redaction flag set by hand', async () => {
    const attempt = w.t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('sro.audit_redaction', ${rec.id}, true)`);
      await tx.execute(sql`update audit_events set detail = '{"rewritten":true}'::jsonb where event_type = 'incident.sealed'`);
    });
    await expect(attempt).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(w.t.db.execute(sql`delete from audit_events where event_type = 'incident.sealed'`)).rejects.toMatchObject({ cause: { code: '42501' } });
  });
});

describe('unsealing and expungement by court order', () => {
  async function sealedId() {
    return (await sealOf(rec.id)).id;
  }

  it('lists sealed records to the director only, without content; finds one by the number a court order names', async () => {
    expect((await w.as.supervisor!.get('/api/sealed-records')).status).toBe(403);
    expect((await w.as.sro!.get('/api/sealed-records')).status).toBe(403);
    const list = await w.as.director!.get('/api/sealed-records');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: await sealedId(), state: 'sealed', orderNumber: '2026-CV-0042', fileCount: 1, can: { unseal: true, expunge: true } })]);
    expect(JSON.stringify(list.body)).not.toContain(rec.number);
    expect((await w.as.director!.get(`/api/sealed-records?number=${rec.number}`)).body.items).toHaveLength(1);
    expect((await w.as.director!.get('/api/sealed-records?number=2026-999999')).body.items).toEqual([]);
  });

  it('refuses unsealing role by role and without a PDF order; writes nothing', async () => {
    const id = await sealedId();
    const url = `/api/sealed-records/${id}/unseal?orderNumber=2026-CV-0099&orderDate=2026-11-02&fileName=order.pdf`;
    expect((await rawPostAs('supervisor', url, ORDER_PDF)).status).toBe(403);
    expect((await rawPostAs('sro', url, ORDER_PDF)).status).toBe(403);
    expect((await rawPostAs('principal', url, ORDER_PDF)).status).toBe(403);
    const notPdf = await rawPostAs('director', url, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]));
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.error.field).toBe('file');
    const noNumber = await rawPostAs('director', `/api/sealed-records/${id}/unseal?orderDate=2026-11-02&fileName=order.pdf`, ORDER_PDF);
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.error.field).toBe('orderNumber');
    expect((await sealOf(rec.id)).state).toBe('sealed');
  });

  it('unseals by court order: every copy restored, evidence opens again, audited with the order', async () => {
    const id = await sealedId();
    const res = await rawPostAs('director', `/api/sealed-records/${id}/unseal?orderNumber=2026-CV-0099&orderDate=2026-11-02&fileName=order.pdf`, ORDER_PDF);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ incidentId: rec.id, state: 'unsealed' });
    const detail = await w.as.sro!.get(`/api/incidents/${rec.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ number: rec.number, narrative: expect.stringContaining(SECRET.narrative) });
    expect(detail.body.persons.map((p: { lastName: string }) => p.lastName)).toContain(SECRET.visitor[1]);
    expect(detail.body.supplements).toHaveLength(1);
    const file = await rawGet(w, 'sro', `/api/incident-attachments/${rec.attachmentId}/content`);
    expect(file.status).toBe(200);
    expect((await w.as.sro!.get(`/api/incidents?q=${SECRET.visitor[1]}`)).body.items).toHaveLength(1);
    expect((await w.as.sro!.get(`/api/tips/${rec.tipId}`)).body.links).toEqual([expect.objectContaining({ kind: 'incident', targetId: rec.id })]);
    const [threat] = await w.t.db.select().from(threatCases).where(eq(threatCases.id, rec.threatId));
    expect(threat!.incidentId).toBe(rec.id);
    const versions = await w.as.sro!.get(`/api/incidents/${rec.id}/versions`);
    const first = await w.as.sro!.get(`/api/incidents/${rec.id}/versions/${versions.body.items[0].id}`);
    expect(JSON.stringify(first.body.snapshot)).toContain(SECRET.narrative);
    const [event] = await auditOf(w, 'incident.unsealed', rec.id);
    expect(event!.detail).toMatchObject({ orderNumber: '2026-CV-0099', orderDate: '2026-11-02' });
    expect(await w.t.db.select().from(tipLinks).where(eq(tipLinks.kind, 'sealed'))).toEqual([]);
  });

  it('expunges by court order: nothing but the tombstone is left, files destroyed, irreversible', async () => {
    const sealed = await w.as.supervisor!.post(`/api/incidents/${rec.id}/seal`, { reason: 'Court order 2026-CV-0100 (expungement pending)' });
    expect(sealed.status).toBe(204);
    const id = (await w.t.db.select().from(incidentSeals).where(eq(incidentSeals.state, 'sealed')))[0]!.id;
    const order = { orderNumber: '2026-CV-0101', orderDate: '2026-11-02', confirm: true };
    expect((await w.as.supervisor!.post(`/api/sealed-records/${id}/expunge`, order)).status).toBe(403);
    expect((await w.as.sro!.post(`/api/sealed-records/${id}/expunge`, order)).status).toBe(403);
    const unconfirmed = await w.as.director!.post(`/api/sealed-records/${id}/expunge`, { ...order, confirm: false });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.field).toBe('confirm');
    const res = await w.as.director!.post(`/api/sealed-records/${id}/expunge`, order);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ state: 'expunged', expungeOrderNumber: '2026-CV-0101', expungeOrderDate: '2026-11-02', can: { unseal: false, expunge: false } });
    const [tomb] = await w.t.db.select().from(incidentSeals).where(eq(incidentSeals.id, id));
    expect(tomb).toMatchObject({ package: null, wrappedKey: null, numberMac: null, reason: null, fileKeys: [], expungedById: w.users.director });
    expect(await w.t.db.$count(storedFiles, sql`${storedFiles.key} like 'evidence/%' and ${storedFiles.key} not in (select unseal_document_key from incident_seals where unseal_document_key is not null)`)).toBe(0);
    const again = await rawPostAs('director', `/api/sealed-records/${id}/unseal?orderNumber=X-1&orderDate=2026-11-02&fileName=o.pdf`, ORDER_PDF);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(await grepDatabase(w.t.db, needles)).toEqual([]);
  });
});

async function actorOf(key: string) {
  const me = await w.as[key]!.get('/api/auth/session');
  const grants = rows<{ role: string; school_id: string | null }>(await w.t.db.execute(sql`select role, school_id from role_grants where user_id = ${w.users[key]!}`));
  return {
    userId: w.users[key]!, districtId: w.districtId, name: me.body.user.name, email: me.body.user.email, timeZone: 'America/Chicago', organizationId: null,
    grants: grants.map((g) => ({ role: g.role as never, schoolId: g.school_id })),
  };
}

async function rawPostAs(who: string, url: string, bytes: Buffer) {
  const client = w.as[who]!;
  if (!client.cookies.has('sro_csrf')) await client.get('/api/health');
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await w.t.app.inject({ method: 'POST', url, payload: bytes, headers: { cookie, 'content-type': 'application/pdf', 'x-csrf-token': client.cookies.get('sro_csrf')! } });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}
