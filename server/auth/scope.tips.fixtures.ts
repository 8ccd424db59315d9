import { eq } from 'drizzle-orm';
import { tips } from '../db/schema/index.js';
import { codeHash } from '../modules/tips/tips.anonymity.js';
import type { TestApp } from '../test/app.js';
import { textPdf } from '../test/pdf.js';

// The tip and threat-assessment records of one school for the record-scope test, each in the state its route changes
// from, so that a holder of the permission succeeds once (every other caller answers 404 and changes nothing).

/** Ids of the tip and threat-case records of one school. */
export interface TipRecords {
  tip: string;
  /** The case every read and the open-case changes use; its team is the school's SRO (who opened it). */
  case: string;
  task: string;
  taskOwner: string;
  toEvaluate: string;
  toClassify: string;
  toMonitor: string;
  toClose: string;
}

/** A PDF the tip channel accepts as an attachment as it is (images are re-encoded). */
const PDF = textPdf('Someone is pushed around at lunch');

async function ok(what: string, pending: Promise<{ status: number; text: string; body: unknown }>, status = 200) {
  const res = await pending;
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${res.text}`);
  return res.body as { id: string; code: string; token: string; tasks: { id: string }[] };
}

/**
 * Creates the records of `schoolId` through the API: an anonymous tip with an attachment, and threat cases opened by
 * the school's SRO about the school's student (the opener is the team).
 */
export async function tipRecords(t: TestApp, schoolId: string, sro: { id: string; email: string }, studentId: string): Promise<TipRecords> {
  const anon = t.client();
  const { token } = await ok('token', anon.get('/api/public/tips/token'));
  const receipt = await ok('tip', anon.post('/api/public/tips', {
    token, schoolId, category: 'bullying', description: 'Someone is pushed around at lunch', attachment: { contentBase64: PDF.toString('base64') },
  }), 201);
  const [tip] = await t.db.select({ id: tips.id }).from(tips).where(eq(tips.codeHash, codeHash(receipt.code)));

  const officer = t.client();
  await officer.signIn(sro.email);
  const open = () => ok('open', officer.post('/api/threat-cases', {
    schoolId, source: 'direct', subjectStudentId: studentId, threatAsReported: 'Said he would hurt a classmate', teamUserIds: [],
  }), 201);
  const evaluated = async () => {
    const c = await open();
    return ok('evaluate', officer.post(`/api/threat-cases/${c.id}/evaluation`, { studentAccount: 'He was angry after a fight' }));
  };
  const main = await open();
  const withTask = await ok('task', officer.post(`/api/threat-cases/${main.id}/tasks`, { kind: 'follow_up', ownerUserId: sro.id }), 201);
  await ok('note', officer.post(`/api/threat-cases/${main.id}/notes`, { kind: 'note', body: 'Met the parents.' }), 201);
  const toMonitor = await evaluated();
  await ok('classify', officer.post(`/api/threat-cases/${toMonitor.id}/classification`, { classification: 'serious', rationale: 'Intent to fight' }));
  return {
    tip: tip!.id, case: main.id, task: withTask.tasks[0]!.id, taskOwner: sro.id, toEvaluate: (await open()).id,
    toClassify: (await evaluated()).id, toMonitor: toMonitor.id, toClose: (await open()).id,
  };
}

type Request = [url: string, body?: unknown, headers?: Record<string, string>];

/** How to call each tip and threat-case route on the records `r` of a school. */
export const TIP_REQUESTS: Record<string, (r: TipRecords) => Request> = {
  'GET /api/tips/:id': (r) => [`/api/tips/${r.tip}`],
  'GET /api/tips/:id/attachment': (r) => [`/api/tips/${r.tip}/attachment`],
  'POST /api/tips/:id/acknowledge': (r) => [`/api/tips/${r.tip}/acknowledge`],
  'PATCH /api/tips/:id': (r) => [`/api/tips/${r.tip}`, { status: 'investigating' }],
  'POST /api/tips/:id/messages': (r) => [`/api/tips/${r.tip}/messages`, { body: 'Thank you, we are looking into it.' }],
  'POST /api/tips/:id/links': (r) => [`/api/tips/${r.tip}/links`, { kind: 'threat_case', targetId: r.case }],
  'GET /api/threat-cases/:id': (r) => [`/api/threat-cases/${r.case}`],
  'PATCH /api/threat-cases/:id': (r) => [`/api/threat-cases/${r.case}`, { intendedVictims: 'A classmate' }],
  'POST /api/threat-cases/:id/evaluation': (r) => [`/api/threat-cases/${r.toEvaluate}/evaluation`, { studentAccount: 'A figure of speech' }],
  'POST /api/threat-cases/:id/classification': (r) => [`/api/threat-cases/${r.toClassify}/classification`, {
    classification: 'transient', rationale: 'A joke', resolution: 'Apologized',
  }],
  'POST /api/threat-cases/:id/tasks': (r) => [`/api/threat-cases/${r.case}/tasks`, { kind: 'caution_subject', ownerUserId: r.taskOwner }],
  'PATCH /api/threat-cases/:id/tasks/:taskId': (r) => [`/api/threat-cases/${r.case}/tasks/${r.task}`, { done: true }],
  'POST /api/threat-cases/:id/notes': (r) => [`/api/threat-cases/${r.case}/notes`, { kind: 'monitoring', body: 'Attended class.' }],
  'PUT /api/threat-cases/:id/safety-plan': (r) => [`/api/threat-cases/${r.case}/safety-plan`, { measures: ['Daily check-in'], reviewDates: ['2026-12-01'] }],
  'POST /api/threat-cases/:id/monitoring': (r) => [`/api/threat-cases/${r.toMonitor}/monitoring`],
  'POST /api/threat-cases/:id/close': (r) => [`/api/threat-cases/${r.toClose}/close`, { summary: 'No further concern.' }],
  'GET /api/threat-cases/:id/summary.pdf': (r) => [`/api/threat-cases/${r.case}/summary.pdf`],
};
