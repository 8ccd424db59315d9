import { eq } from 'drizzle-orm';
import { incidentSeals } from '../db/schema/index.js';
import type { TestApp, TestClient } from '../test/app.js';
import { textPdf } from '../test/pdf.js';
import { createUser, uniqueSuffix } from '../test/fixtures.js';

// The incident records of one school for the record-scope test, each in the state its route changes from, so that a
// holder of the permission succeeds once (every other caller answers 404 and changes nothing).

/** Ids (and current versions) of the incident records of one school. */
export interface IncidentRecords {
  call: string;
  approved: string;
  version: string;
  attachment: string;
  administration: string;
  counseling: string;
  task: string;
  taskOwner: string;
  draftToSave: Versioned;
  draftToSubmit: Versioned;
  toReturn: Versioned;
  toApprove: Versioned;
  toSeal: string;
  /** Seals (incident_seals ids) of two sealed drafts: one to expunge, one to unseal. */
  sealedToExpunge: string;
  sealedToUnseal: string;
  toSupplement: string;
  supplementToSave: Supplement;
  supplementToSubmit: Supplement;
  supplementToReturn: Supplement;
  supplementToApprove: Supplement;
}
interface Versioned { id: string; version: number }
interface Supplement { id: string; sid: string; version: number }

/** A PNG signature and some bytes: evidence whose type the server sniffs as an image. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

async function ok(what: string, pending: Promise<{ status: number; text: string; body: unknown }>, status = 200) {
  const res = await pending;
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${res.text}`);
  return res.body as { id: string; version: number; supplements?: { id: string; version: number }[]; items?: { id: string }[] };
}

/** Creates the incident records of `schoolId` through the API as its SRO (author) and a supervisor of the school (reviewer). */
export async function incidentRecords(t: TestApp, districtId: string, schoolId: string, author: { id: string; email: string }): Promise<IncidentRecords> {
  const sro = t.client();
  await sro.signIn(author.email);
  const supervisorEmail = `supervisor.${uniqueSuffix()}@isd.test`;
  await createUser(t.database, { email: supervisorEmail, districtId, grants: [{ role: 'supervisor', schoolId }] });
  const supervisor = t.client();
  await supervisor.signIn(supervisorEmail);
  // Adults and visitors only: the juvenile rule is tested elsewhere, here every reader of the school must see them.
  const body = {
    schoolId, occurredAt: '2026-10-20T10:15:00Z', summary: 'Scuffle at the entrance', narrative: 'Two visitors argued and pushed.',
    offenses: [{ kind: 'school', category: 'fight' }], persons: [{ kind: 'visitor', role: 'suspect', firstName: 'Val', lastName: 'Visitor' }],
  };
  const draft = () => ok('create', sro.post('/api/incidents', body), 201);
  const submitted = async (before?: (id: string) => Promise<unknown>) => {
    const d = await draft();
    await before?.(d.id);
    return ok('submit', sro.post(`/api/incidents/${d.id}/submit`, { version: d.version }));
  };
  const approved = async (before?: (id: string) => Promise<unknown>) => {
    const s = await submitted(before);
    return ok('approve', supervisor.post(`/api/incidents/${s.id}/approve`, { version: s.version }));
  };
  const supplement = async (submit: boolean): Promise<Supplement> => {
    const a = await approved();
    const withDraft = await ok('supplement', sro.post(`/api/incidents/${a.id}/supplements`, { narrative: 'Later statement.' }), 201);
    let sup = withDraft.supplements!.at(-1)!;
    if (submit) {
      const after = await ok('submit supplement', sro.post(`/api/incidents/${a.id}/supplements/${sup.id}/submit`, { version: sup.version }));
      sup = after.supplements!.find((s) => s.id === sup.id)!;
    }
    return { id: a.id, sid: sup.id, version: sup.version };
  };
  const versioned = (r: { id: string; version: number }) => ({ id: r.id, version: r.version });
  const sealed = async () => {
    const d = await draft();
    const res = await supervisor.post(`/api/incidents/${d.id}/seal`, { reason: 'Juvenile court order 2026-JV-0042' });
    if (res.status !== 204) throw new Error(`seal answered ${res.status}: ${res.text}`);
    const [seal] = await t.db.select({ id: incidentSeals.id }).from(incidentSeals).where(eq(incidentSeals.incidentId, d.id));
    return seal!.id;
  };

  const call = await ok('call', sro.post('/api/calls', { schoolId, summary: 'Shouting at the entrance' }), 201);
  // Evidence goes with the report before approval (afterwards only with a supplement).
  let attachment = '';
  const main = await approved(async (id) => { attachment = await upload(sro, id); });
  const versions = await ok('versions', sro.get(`/api/incidents/${main.id}/versions`));
  const refer = (kind: string) => ok('refer', sro.post(`/api/incidents/${main.id}/referrals`, { kind, summary: 'Please follow up.' }), 201);
  const task = await ok('task', sro.post(`/api/incidents/${main.id}/tasks`, {
    title: 'Call the visitor back', ownerId: author.id, dueAt: '2026-12-01T15:00:00Z',
  }), 201);
  return {
    call: call.id, approved: main.id, version: versions.items![0]!.id, attachment, administration: (await refer('administration')).id,
    counseling: (await refer('counseling')).id, task: task.id, taskOwner: author.id,
    draftToSave: versioned(await draft()), draftToSubmit: versioned(await draft()),
    toReturn: versioned(await submitted()), toApprove: versioned(await submitted()), toSeal: (await draft()).id,
    sealedToExpunge: await sealed(), sealedToUnseal: await sealed(),
    toSupplement: (await approved()).id,
    supplementToSave: await supplement(false), supplementToSubmit: await supplement(false),
    supplementToReturn: await supplement(true), supplementToApprove: await supplement(true),
  };
}

async function upload(client: TestClient, incidentId: string): Promise<string> {
  const res = await client.request('POST', `/api/incidents/${incidentId}/attachments?fileName=photo.png`, PNG, { 'content-type': 'image/png' });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${res.text}`);
  return (res.body as { id: string }).id;
}

type Request = [url: string, body?: unknown, headers?: Record<string, string>];
const COURT_ORDER = textPdf('Order to unseal');

/** How to call each incident route on the records `r` of a school. */
export const INCIDENT_REQUESTS: Record<string, (r: IncidentRecords) => Request> = {
  'GET /api/calls/:id': (r) => [`/api/calls/${r.call}`],
  'PATCH /api/calls/:id': (r) => [`/api/calls/${r.call}`, { priority: 'urgent', summary: 'Shouting at the entrance', areaId: null, assignedUserId: null }],
  'GET /api/incidents/:id': (r) => [`/api/incidents/${r.approved}`],
  'PATCH /api/incidents/:id': (r) => [`/api/incidents/${r.draftToSave.id}`, { version: r.draftToSave.version, summary: 'Scuffle, corrected' }],
  'POST /api/incidents/:id/submit': (r) => [`/api/incidents/${r.draftToSubmit.id}/submit`, { version: r.draftToSubmit.version }],
  'POST /api/incidents/:id/return': (r) => [`/api/incidents/${r.toReturn.id}/return`, { version: r.toReturn.version, comment: 'Add the time.' }],
  'POST /api/incidents/:id/approve': (r) => [`/api/incidents/${r.toApprove.id}/approve`, { version: r.toApprove.version }],
  'POST /api/incidents/:id/seal': (r) => [`/api/incidents/${r.toSeal}/seal`, { reason: 'Court order 2026-CV-0042' }],
  'POST /api/sealed-records/:id/expunge': (r) => [`/api/sealed-records/${r.sealedToExpunge}/expunge`, { orderNumber: 'JV-2026-7', orderDate: '2026-11-30', confirm: true }],
  'POST /api/sealed-records/:id/unseal': (r) => [
    `/api/sealed-records/${r.sealedToUnseal}/unseal?orderNumber=JV-2026-8&orderDate=2026-11-30&fileName=order.pdf`, COURT_ORDER, { 'content-type': 'application/pdf' },
  ],
  'GET /api/incidents/:id/versions': (r) => [`/api/incidents/${r.approved}/versions`],
  'GET /api/incidents/:id/versions/:versionId': (r) => [`/api/incidents/${r.approved}/versions/${r.version}`],
  'GET /api/incidents/:id/report.pdf': (r) => [`/api/incidents/${r.approved}/report.pdf`],
  'POST /api/incidents/:id/supplements': (r) => [`/api/incidents/${r.toSupplement}/supplements`, { narrative: 'New facts.' }],
  'PATCH /api/incidents/:id/supplements/:sid': ({ supplementToSave: s }) => [`/api/incidents/${s.id}/supplements/${s.sid}`, { version: s.version, narrative: 'Corrected.' }],
  'POST /api/incidents/:id/supplements/:sid/submit': ({ supplementToSubmit: s }) => [`/api/incidents/${s.id}/supplements/${s.sid}/submit`, { version: s.version }],
  'POST /api/incidents/:id/supplements/:sid/return': ({ supplementToReturn: s }) => [`/api/incidents/${s.id}/supplements/${s.sid}/return`, { version: s.version, comment: 'Say who.' }],
  'POST /api/incidents/:id/supplements/:sid/approve': ({ supplementToApprove: s }) => [`/api/incidents/${s.id}/supplements/${s.sid}/approve`, { version: s.version }],
  'POST /api/incidents/:id/attachments': (r) => [`/api/incidents/${r.draftToSave.id}/attachments?fileName=more.png`, PNG, { 'content-type': 'image/png' }],
  'GET /api/incident-attachments/:id/content': (r) => [`/api/incident-attachments/${r.attachment}/content`],
  'POST /api/incidents/:id/referrals': (r) => [`/api/incidents/${r.approved}/referrals`, { kind: 'counseling', summary: 'Check in with the student.' }],
  'PATCH /api/discipline-referrals/:id': (r) => [`/api/discipline-referrals/${r.administration}`, { status: 'acknowledged' }],
  'PATCH /api/counseling-referrals/:id': (r) => [`/api/counseling-referrals/${r.counseling}`, { status: 'closed', note: 'Met the student.' }],
  'POST /api/incidents/:id/tasks': (r) => [`/api/incidents/${r.approved}/tasks`, { title: 'Write to the parent', ownerId: r.taskOwner, dueAt: '2026-12-02T15:00:00Z' }],
  'PATCH /api/incident-tasks/:id': (r) => [`/api/incident-tasks/${r.task}`, { done: true }],
};
