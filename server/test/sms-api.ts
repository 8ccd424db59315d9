import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the test SMS API received, form fields decoded. */
export interface ReceivedSms {
  to: string;
  from: string;
  body: string;
  /** The basic-auth user (account SID) and password (token) sent. */
  account: string;
  token: string;
}

/** A running test SMS API. */
export interface TestSmsApi {
  /** The URL for SMS_URL. */
  url: string;
  /** Messages accepted (answered 201). */
  messages: ReceivedSms[];
  /** Every request received, accepted or not. */
  requests: number;
  /** Answers the next `count` requests with `status` (e.g. 500) instead of accepting them. */
  failNext(count: number, status?: number): void;
  /** Resolves with the first accepted message (received or yet to come) to `to`; rejects after `timeoutMs`. */
  waitFor(to: string, timeoutMs?: number): Promise<ReceivedSms>;
  close(): Promise<void>;
}

/**
 * Starts an in-process HTTP server speaking the common REST SMS shape (Twilio's Messages resource): POST with
 * basic authentication and a form-encoded To, From, Body; answers 201 with JSON `{ sid, status: 'queued' }`,
 * 401 on wrong credentials, 400 on a missing field.
 */
export async function startSmsApi(credentials: { account: string; token: string }): Promise<TestSmsApi> {
  const messages: ReceivedSms[] = [];
  const waiters: { to: string; resolve: (m: ReceivedSms) => void }[] = [];
  let failing = 0;
  let failStatus = 500;
  const api: Omit<TestSmsApi, 'url'> & { url: string } = {
    url: '', messages, requests: 0,
    failNext(count, status = 500) { failing = count; failStatus = status; },
    waitFor(to, timeoutMs = 5000) {
      const found = messages.find((m) => m.to === to);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no SMS to ${to} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ to, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      api.requests += 1;
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (failing > 0) {
        failing -= 1;
        return reply(failStatus, { code: 20500, message: 'Internal Server Error' });
      }
      const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
      const [account, token] = Buffer.from(encoded ?? '', 'base64').toString('utf8').split(':');
      if (req.method !== 'POST' || scheme !== 'Basic' || account !== credentials.account || token !== credentials.token) {
        return reply(401, { code: 20003, message: 'Authenticate' });
      }
      if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')) return reply(415, { message: 'form expected' });
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const [to, from, body] = [form.get('To'), form.get('From'), form.get('Body')];
      if (!to || !from || !body) return reply(400, { code: 21604, message: 'To, From and Body are required' });
      const message = { to, from, body, account, token: token! };
      messages.push(message);
      for (const w of waiters.filter((x) => x.to === to)) w.resolve(message);
      reply(201, { sid: `SM${String(messages.length).padStart(32, '0')}`, status: 'queued', to, from, body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/2010-04-01/Accounts/${credentials.account}/Messages.json`;
  return api;
}
