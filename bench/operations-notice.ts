// "Leaving the building" to a school of 300 staff: time from sending the notice (POST /api/presence/leave, then
// "back on campus" in the next round) until every one of the 300 e-mails is accepted by a local SMTP server AND
// every one of N open dashboards (Server-Sent Events on /api/live) has the `notice.presence` event. Baseline,
// measured in the same run with rounds interleaved: the same 300 messages sent straight through nodemailer (one
// after the other: a plain loop; the outbox sends 16 at a time) while a bare Node.js http server broadcasts one SSE
// frame to N connections. Figures: median and p99 of the app and of the baseline, and their ratio; the goal is on
// the dashboards (live) path: ratioLiveMedian <= 2.
// Everything runs in this process (app, SMTP server, clients), the same for both sides. PGlite on disk.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { buildApp } from '../server/app.js';
import { createSession } from '../server/auth/sessions.js';
import { openPglite, type Database } from '../server/db/connection.js';
import { roleGrants, sroAssignments, users } from '../server/db/schema/index.js';
import { testConfig } from '../server/test/app.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createSchool } from '../server/test/fixtures.js';
import { startSmtpServer, type TestSmtpServer } from '../server/test/smtp.js';
import { bareBroadcaster } from './support/http.js';
import { isQuick, median, percentile, printFigures, round } from './support/stats.js';

const quick = isQuick();
const STAFF = 300;
const DASHBOARDS = quick ? 100 : 300;
const ROUNDS = quick ? 4 : 10;
const TIMEOUT_MS = 60_000;
const now = () => performance.now();

interface Prepared { sroCookie: string; staffCookies: string[]; schoolId: string; emails: string[] }

/** A district with one school, its SRO (assigned there) and STAFF staff members, all with sessions. */
async function prepare(database: Database): Promise<Prepared> {
  const { db } = database;
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id, name: 'Benchmark High' });
  const tag = randomBytes(4).toString('hex');
  const rows = Array.from({ length: STAFF + 1 }, (_, i) => ({
    districtId: district.id, email: `bench-${tag}-${i}@notice.test`, name: i === 0 ? 'Officer Bench' : `Staff ${i}`, passwordHash: 'not-used',
  }));
  const inserted = await db.insert(users).values(rows).returning({ id: users.id, email: users.email });
  await db.insert(roleGrants).values(inserted.map((u, i) => ({ userId: u.id, role: i === 0 ? ('sro' as const) : ('staff' as const), schoolId: school.id })));
  await db.insert(sroAssignments).values({ userId: inserted[0]!.id, schoolId: school.id, kind: 'primary', startsOn: '2020-01-01' });
  const cookies: string[] = [];
  for (const u of inserted) cookies.push(`sro_session=${await createSession(db, u.id, false, new Date())}`);
  return { sroCookie: cookies[0]!, staffCookies: cookies.slice(1), schoolId: school.id, emails: inserted.slice(1).map((u) => u.email) };
}

/** N open SSE connections counting arrivals of one event type; `until(k)` resolves when every one has k of them. */
async function openDashboards(url: string, cookies: string[], eventType: string, ready: string) {
  const counts = new Array<number>(cookies.length).fill(0);
  const requests: http.ClientRequest[] = [];
  let waiter: { k: number; resolve: () => void } | null = null;
  const check = () => { if (waiter && counts.every((c) => c >= waiter!.k)) { waiter.resolve(); waiter = null; } };
  await Promise.all(cookies.map((cookie, i) => new Promise<void>((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) { reject(new Error(`dashboard ${i} answered ${res.statusCode}`)); return; }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes(`event: ${ready}`) || (ready === 'retry' && block.startsWith('retry:'))) resolve();
          if (block.includes(`event: ${eventType}`)) { counts[i]! += 1; check(); }
        }
      });
    });
    req.on('error', reject);
    requests.push(req);
  })));
  return {
    until: (k: number) => new Promise<void>((resolve) => { waiter = { k, resolve }; check(); }),
    close: () => { for (const r of requests) r.destroy(); },
  };
}

/** Resolves when the SMTP server holds `count` messages (polled every millisecond). */
function mailCount(smtp: TestSmtpServer, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = now();
    const timer = setInterval(() => {
      if (smtp.messages.length >= count) { clearInterval(timer); resolve(); }
      else if (now() - started > TIMEOUT_MS) { clearInterval(timer); reject(new Error(`only ${smtp.messages.length} of ${count} mails arrived`)); }
    }, 1);
  });
}


async function main(): Promise<void> {
  console.log(`operations-notice${quick ? ' (quick)' : ''}: leaving-the-building notice to ${STAFF} staff, ${DASHBOARDS} open dashboards, ${ROUNDS} rounds`);
  const dir = path.join(TEST_TMP, `bench-notice-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const smtp = await startSmtpServer();
  const database = await openPglite({ dataDir: dir });
  await database.migrate();
  const prepared = await prepare(database);
  const app = await buildApp({ config: testConfig({ SMTP_URL: smtp.url, DATA_DIR: path.join(dir, 'files') }), database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const bare = await bareBroadcaster('notice.presence');
  const transport = nodemailer.createTransport(smtp.url);
  const appBoards = await openDashboards(`${base}/api/live`, prepared.staffCookies.slice(0, DASHBOARDS), 'notice.presence', 'snapshot');
  const bareBoards = await openDashboards(`${bare.base}/live`, prepared.staffCookies.slice(0, DASHBOARDS).map(() => ''), 'notice.presence', 'retry');
  try {
    // The CSRF token is bound to the session: ask for it with the SRO's session cookie.
    const health = await fetch(`${base}/api/health`, { headers: { cookie: prepared.sroCookie } });
    const csrf = health.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_csrf='))!;
    const headers = { 'content-type': 'application/json', cookie: `${csrf}; ${prepared.sroCookie}`, 'x-csrf-token': csrf.slice(9) };
    const times = { app: [] as number[], bare: [] as number[], appMail: [] as number[], appLive: [] as number[], appAnswer: [] as number[], bareMail: [] as number[], bareLive: [] as number[] };
    let openNotice: string | null = null;
    let appEvents = 0;
    let bareEvents = 0;

    const appRound = async () => {
      const expected = smtp.messages.length + STAFF;
      const t0 = now();
      const res = openNotice
        ? await fetch(`${base}/api/presence/${openNotice}/return`, { method: 'POST', headers: { cookie: headers.cookie, 'x-csrf-token': headers['x-csrf-token'] } })
        : await fetch(`${base}/api/presence/leave`, {
          method: 'POST', headers,
          body: JSON.stringify({ schoolId: prepared.schoolId, reason: 'Call for service', expectedReturnAt: new Date(Date.now() + 3_600_000).toISOString(), backupContact: 'Dispatch, 555-0100' }),
        });
      if (res.status !== 200 && res.status !== 201) throw new Error(`notice answered ${res.status}: ${await res.text()}`);
      const answered = now() - t0;
      const body = await res.json() as { id: string; returnedAt: string | null };
      openNotice = body.returnedAt ? null : body.id;
      appEvents += 1;
      const [mail, live] = await Promise.all([mailCount(smtp, expected).then(() => now() - t0), appBoards.until(appEvents).then(() => now() - t0)]);
      return { total: Math.max(mail, live), mail, live, answered };
    };
    const bareRound = async () => {
      const expected = smtp.messages.length + STAFF;
      const t0 = now();
      bareEvents += 1;
      const subject = 'SRO Officer Bench has left Benchmark High';
      const text = 'Officer Bench, the school resource officer, has left Benchmark High.\n\nReason: Call for service\nMeanwhile contact: Dispatch, 555-0100\n';
      const sending = (async () => { for (const to of prepared.emails) await transport.sendMail({ from: 'bench@srodesk.test', to, subject, text }); })();
      const broadcast = fetch(`${bare.base}/broadcast`, { method: 'POST', body: JSON.stringify({ status: 'away', backupContact: 'Dispatch, 555-0100' }) }).then((r) => r.arrayBuffer());
      const [, , mail, live] = await Promise.all([sending, broadcast, mailCount(smtp, expected).then(() => now() - t0), bareBoards.until(bareEvents).then(() => now() - t0)]);
      return { total: Math.max(mail, live), mail, live };
    };

    // Round 0 warms both paths up and is not counted.
    for (let r = 0; r <= ROUNDS; r++) {
      for (const which of r % 2 ? (['bare', 'app'] as const) : (['app', 'bare'] as const)) {
        if (which === 'app') {
          const a = await appRound();
          if (r > 0) { times.app.push(a.total); times.appMail.push(a.mail); times.appLive.push(a.live); times.appAnswer.push(a.answered); }
          console.log(`  round ${r}${r === 0 ? ' (warm-up)' : ''} app  ${a.total.toFixed(0)} ms (answered ${a.answered.toFixed(1)} ms, live ${a.live.toFixed(1)} ms, mail ${a.mail.toFixed(0)} ms)`);
        } else {
          const b = await bareRound();
          if (r > 0) { times.bare.push(b.total); times.bareMail.push(b.mail); times.bareLive.push(b.live); }
          console.log(`  round ${r}${r === 0 ? ' (warm-up)' : ''} bare ${b.total.toFixed(0)} ms (live ${b.live.toFixed(1)} ms, mail ${b.mail.toFixed(0)} ms)`);
        }
      }
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const figures = {
      bench: 'operations-notice', quick, staff: STAFF, dashboards: DASHBOARDS, rounds: ROUNDS,
      appMedianMs: round(median(times.app), 0), appP99Ms: round(percentile(sorted(times.app), 0.99), 0),
      appAnsweredMedianMs: round(median(times.appAnswer), 1), appMailMedianMs: round(median(times.appMail), 0), appLiveMedianMs: round(median(times.appLive), 1),
      bareMedianMs: round(median(times.bare), 0), bareP99Ms: round(percentile(sorted(times.bare), 0.99), 0),
      bareMailMedianMs: round(median(times.bareMail), 0), bareLiveMedianMs: round(median(times.bareLive), 1),
      ratioMedian: round(median(times.app) / median(times.bare), 2),
      ratioMailMedian: round(median(times.appMail) / median(times.bareMail), 2), ratioLiveMedian: round(median(times.appLive) / median(times.bareLive), 1),
    };
    console.log(`  app median ${figures.appMedianMs} ms (live ${figures.appLiveMedianMs} ms, mail ${figures.appMailMedianMs} ms); baseline median ${figures.bareMedianMs} ms (live ${figures.bareLiveMedianMs} ms, mail ${figures.bareMailMedianMs} ms); ratio ${figures.ratioMedian}`);
    printFigures(figures);
  } finally {
    appBoards.close();
    bareBoards.close();
    bare.close();
    transport.close();
    await app.close();
    await database.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
