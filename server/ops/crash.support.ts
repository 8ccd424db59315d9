import type { ProcessClient } from './test-process.js';
import { workOf } from '../modules/tips/tips.pow.js';

// Writers of the crash test (server/ops/crash.test.ts): loops that send one kind of write again and again over
// HTTP and remember exactly which writes the server acknowledged (a 2xx the client received), until the server
// dies under them. Anything sent but not acknowledged may or may not be stored; acknowledged writes must be.

/** What the writers of one kind saw: acknowledged writes, statuses, and the body of every 5xx. */
export interface Tally<T> {
  acked: T[];
  statuses: Record<string, number>;
  serverErrors: string[];
  /** Requests that ended without an answer (the server was killed, or refused the connection afterwards). */
  cut: number;
}

/** A new, empty tally. */
export function tally<T>(): Tally<T> {
  return { acked: [], statuses: {}, serverErrors: [], cut: 0 };
}

/** Stops every writer loop: set once the server is killed (or the test gives up). */
export interface Stop { now: boolean }

/**
 * Runs `write` over and over until `stop.now` or until a request gets no answer (the server is gone). `write`
 * returns the status and, for a 2xx, the acknowledged value; it throws when the connection fails. `onAck` runs
 * as soon as an acknowledgement arrives, so the test can kill the server in the instant after one.
 */
export async function writeUntilCut<T>(
  into: Tally<T>, stop: Stop, write: (i: number) => Promise<{ status: number; value?: T; body: string }>, onAck: () => void,
): Promise<void> {
  for (let i = 0; !stop.now; i++) {
    let answer: { status: number; value?: T; body: string };
    try {
      answer = await write(i);
    } catch {
      into.cut++;
      return;
    }
    into.statuses[answer.status] = (into.statuses[answer.status] ?? 0) + 1;
    if (answer.status >= 500) into.serverErrors.push(`${answer.status} ${answer.body.slice(0, 300)}`);
    if (answer.status >= 200 && answer.status < 300 && answer.value !== undefined) {
      into.acked.push(answer.value);
      onAck();
    }
  }
}

/** A proof that SHA-256(`token:proof`) starts with `difficulty` zero bits, as the report page computes it. */
export function solveProof(token: string, difficulty: number): string {
  for (let i = 0; ; i++) if (workOf(token, String(i)) >= difficulty) return String(i);
}

/** One anonymous tip through the public flow (token, proof of work when asked, submit); its receipt's code on 201. */
export async function submitPublicTip(client: ProcessClient, schoolId: string, n: number): Promise<{ status: number; value?: string; body: string }> {
  const token = await client.request('GET', '/api/public/tips/token');
  if (token.status !== 200) return { status: token.status, body: token.bytes.toString() };
  const issued = token.json() as { token: string; pow: { difficulty: number } | null };
  const proof = issued.pow ? solveProof(issued.token, issued.pow.difficulty) : undefined;
  const res = await client.request('POST', '/api/public/tips', {
    token: issued.token, ...(proof ? { proof } : {}), schoolId, category: 'bullying',
    description: `Crash test tip ${n}: a student is pushed around at lunch`,
  });
  return { status: res.status, body: res.bytes.toString(), ...(res.status === 201 ? { value: String(res.json().code) } : {}) };
}

/** One new draft incident; its id on 201. */
export async function createIncident(client: ProcessClient, schoolId: string, n: number): Promise<{ status: number; value?: string; body: string }> {
  const res = await client.request('POST', '/api/incidents', {
    schoolId, occurredAt: new Date(Date.now() - 3_600_000).toISOString(), summary: `Crash test incident ${n}`,
    narrative: 'Two students argued in the hall.', offenses: [{ kind: 'school', category: 'fight' }],
  });
  return { status: res.status, body: res.bytes.toString(), ...(res.status === 201 ? { value: String(res.json().id) } : {}) };
}

/** One check-in (or update of it) reporting `n` students with me; `n` on 200. */
export async function checkIn(client: ProcessClient, alertId: string, n: number): Promise<{ status: number; value?: number; body: string }> {
  const res = await client.request('POST', `/api/alerts/${alertId}/check-ins`, { status: 'safe', location: `Room ${100 + n}`, studentsWithMe: n });
  return { status: res.status, body: res.bytes.toString(), ...(res.status === 200 ? { value: n } : {}) };
}
