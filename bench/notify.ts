// A lockdown at a school of 300 staff reaching every device: time from raising it (POST /api/alerts, cancel
// window 0) until all 300 open screens (Server-Sent Events on /api/live) have `alert.announced`, the local RFC 8030
// push service (server/test/push-service.ts) has accepted and decrypted 300 Web Push messages, and the local SMS
// API (server/test/sms-api.ts) has accepted 300 text messages: all through the app's outbox. Baseline, measured in
// the same run with rounds interleaved: a bare loop sending the same 300 push messages (same encryption and VAPID,
// server/lib/webpush.ts) and 300 text messages (server/lib/sms.ts) to the same endpoints, as many at a time as the
// outbox sends (SEND_CONCURRENCY), while a bare Node.js http server broadcasts one SSE frame to 300 connections:
// no database, no HTTP request, no transaction. Figures: per round the time to the last device (median, p99),
// the p99 over every device's arrival, and the ratio of the medians. Goals: ratio <= 1.5, p99 to the last device
// < 2 s. Everything runs in this process (app, push service, SMS API, clients). PGlite on disk.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { createSession } from '../server/auth/sessions.js';
import { openPglite, type Database } from '../server/db/connection.js';
import { alertSettings, pushSubscriptions, roleGrants, users } from '../server/db/schema/index.js';
import { HttpSmsProvider } from '../server/lib/sms.js';
import { generateVapidKeys, WebPushSender } from '../server/lib/webpush.js';
import { SEND_CONCURRENCY } from '../server/modules/outbox/outbox.service.js';
import { testConfig } from '../server/test/app.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createSchool } from '../server/test/fixtures.js';
import { startPushService, type TestPushService } from '../server/test/push-service.js';
import { startSmsApi } from '../server/test/sms-api.js';
import { bareBroadcaster } from './support/http.js';
import { isQuick, median, percentile, printFigures, round } from './support/stats.js';

const quick = isQuick();
const STAFF = 300;
const ROUNDS = quick ? 3 : 8;
const GOAL_RATIO = 1.5;
const GOAL_LAST_P99_MS = 2000;
const TIMEOUT_MS = 60_000;
const SMS = { account: 'ACbench', token: 'bench-token' };
const now = () => performance.now();

interface Prepared { sroCookie: string; staffCookies: string[]; schoolId: string; phones: string[]; targets: { endpoint: string; p256dh: string; auth: string }[] }

/** A district with one school, its SRO and STAFF staff members, each with a session, a mobile number and one subscribed device. */
async function prepare(database: Database, push: TestPushService): Promise<Prepared> {
  const { db } = database;
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id, name: 'Benchmark High' });
  await db.insert(alertSettings).values({ districtId: district.id, cancelWindowSeconds: 0 });
  const tag = randomBytes(4).toString('hex');
  const rows = Array.from({ length: STAFF + 1 }, (_, i) => ({
    districtId: district.id, email: `bench-${tag}-${i}@notify.test`, name: i === 0 ? 'Officer Bench' : `Staff ${i}`, passwordHash: 'not-used',
    mobilePhone: i === 0 ? null : `+1512555${String(i).padStart(4, '0')}`,
  }));
  const inserted = await db.insert(users).values(rows).returning({ id: users.id, mobilePhone: users.mobilePhone });
  await db.insert(roleGrants).values(inserted.map((u, i) => ({ userId: u.id, role: i === 0 ? ('sro' as const) : ('staff' as const), schoolId: school.id })));
  const targets = inserted.slice(1).map(() => {
    const { subscription } = push.subscribe();
    return { endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh, auth: subscription.keys.auth };
  });
  await db.insert(pushSubscriptions).values(inserted.slice(1).map((u, i) => ({ districtId: district.id, userId: u.id, ...targets[i]!, device: 'bench', createdAt: new Date() })));
  const cookies: string[] = [];
  for (const u of inserted) cookies.push(`sro_session=${await createSession(db, u.id, false, new Date())}`);
  return { sroCookie: cookies[0]!, staffCookies: cookies.slice(1), schoolId: school.id, phones: inserted.slice(1).map((u) => u.mobilePhone!), targets };
}

/** Records the arrival time of every item pushed onto `list` (the test servers' received arrays). */
function timestamps<T>(list: T[]): number[] {
  const times: number[] = [];
  const push = list.push.bind(list);
  list.push = (...items: T[]) => {
    const at = now();
    for (let i = 0; i < items.length; i++) times.push(at);
    return push(...items);
  };
  return times;
}

/** N open SSE connections; `arrivals(k)` resolves with each connection's arrival time of its k-th `eventType`. */
async function openScreens(url: string, cookies: string[], eventType: string, ready: string) {
  const times: number[][] = cookies.map(() => []);
  const requests: http.ClientRequest[] = [];
  let waiter: { k: number; resolve: (t: number[]) => void } | null = null;
  const check = () => { if (waiter && times.every((t) => t.length >= waiter!.k)) { waiter.resolve(times.map((t) => t[waiter!.k - 1]!)); waiter = null; } };
  await Promise.all(cookies.map((cookie, i) => new Promise<void>((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) { reject(new Error(`screen ${i} answered ${res.statusCode}`)); return; }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const at = now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes(`event: ${ready}`) || (ready === 'retry' && block.startsWith('retry:'))) resolve();
          if (block.includes(`event: ${eventType}`)) { times[i]!.push(at); check(); }
        }
      });
    });
    req.on('error', reject);
    requests.push(req);
  })));
  return {
    arrivals: (k: number) => new Promise<number[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`screens: only ${times.filter((t) => t.length >= k).length} of ${times.length} got event ${k}`)), TIMEOUT_MS);
      waiter = { k, resolve: (t) => { clearTimeout(timer); resolve(t); } };
      check();
    }),
    close: () => { for (const r of requests) r.destroy(); },
  };
}

/** Resolves with the arrival times of items `from`..`from + count - 1` of `times` (polled every millisecond). */
function arrivals(times: number[], from: number, count: number, what: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const started = now();
    const timer = setInterval(() => {
      if (times.length >= from + count) { clearInterval(timer); resolve(times.slice(from, from + count)); }
      else if (now() - started > TIMEOUT_MS) { clearInterval(timer); reject(new Error(`${what}: only ${times.length - from} of ${count} arrived`)); }
    }, 1);
  });
}

/** Runs `work` on every item, `limit` at a time (the outbox's concurrency, without its database). */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => { while (next < items.length) await work(items[next++]!); }));
}

async function main(): Promise<void> {
  console.log(`notify${quick ? ' (quick)' : ''}: lockdown to ${STAFF} staff by screen, Web Push and SMS, ${ROUNDS} rounds; outbox vs a bare loop (${SEND_CONCURRENCY} at a time)`);
  const dir = path.join(TEST_TMP, `bench-notify-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const push = await startPushService();
  const sms = await startSmsApi(SMS);
  const pushTimes = timestamps(push.received);
  const smsTimes = timestamps(sms.messages);
  const database = await openPglite({ dataDir: dir });
  await database.migrate();
  const prepared = await prepare(database, push);
  const app = await buildApp({
    config: testConfig({ DATA_DIR: path.join(dir, 'files'), SMS_PROVIDER: 'http', SMS_URL: sms.url, SMS_ACCOUNT: SMS.account, SMS_TOKEN: SMS.token, SMS_FROM: '+15125550100' }),
    database, logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const bare = await bareBroadcaster('alert.announced');
  const barePush = new WebPushSender(generateVapidKeys(), 'mailto:bench@srodesk.test');
  const bareSms = new HttpSmsProvider({ url: sms.url, account: SMS.account, token: SMS.token, from: '+15125550100' });
  const appScreens = await openScreens(`${base}/api/live`, prepared.staffCookies, 'alert.announced', 'snapshot');
  const bareScreens = await openScreens(`${bare.base}/live`, prepared.staffCookies.map(() => ''), 'alert.announced', 'retry');
  try {
    const health = await fetch(`${base}/api/health`, { headers: { cookie: prepared.sroCookie } });
    const csrf = health.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_csrf='))!;
    const headers = { 'content-type': 'application/json', cookie: `${csrf}; ${prepared.sroCookie}`, 'x-csrf-token': csrf.slice(9) };
    const last = { app: [] as number[], bare: [] as number[] };
    const devices = { app: [] as number[], bare: [] as number[] };
    const parts = { appScreens: [] as number[], appPush: [] as number[], appSms: [] as number[], bareScreens: [] as number[], barePush: [] as number[], bareSms: [] as number[] };
    let appEvents = 0;
    let bareEvents = 0;
    let sample: { alert: { id: string; directive: string } } | null = null;

    /** Waits for every device of a round; answers the latencies (screens, push, SMS) from t0. */
    const collect = async (t0: number, screens: Promise<number[]>, pushFrom: number, smsFrom: number) => {
      const [s, p, m] = await Promise.all([screens, arrivals(pushTimes, pushFrom, STAFF, 'push'), arrivals(smsTimes, smsFrom, STAFF, 'sms')]);
      return { screens: s.map((t) => t - t0), push: p.map((t) => t - t0), sms: m.map((t) => t - t0) };
    };
    const appRound = async () => {
      const [pushFrom, smsFrom] = [pushTimes.length, smsTimes.length];
      appEvents += 1;
      const screens = appScreens.arrivals(appEvents);
      const t0 = now();
      const res = await fetch(`${base}/api/alerts`, { method: 'POST', headers, body: JSON.stringify({ action: 'lockdown', schoolIds: [prepared.schoolId], drill: true }) });
      if (res.status !== 201) throw new Error(`raising answered ${res.status}: ${await res.text()}`);
      const alert = await res.json() as { id: string; directive: string };
      const result = await collect(t0, screens, pushFrom, smsFrom);
      sample ??= { alert };
      // Not timed: the all-clear, so the next round raises a new alert.
      const cleared = await fetch(`${base}/api/alerts/${alert.id}/all-clear`, { method: 'POST', headers, body: '{}' });
      if (cleared.status !== 200) throw new Error(`all-clear answered ${cleared.status}: ${await cleared.text()}`);
      return result;
    };
    const bareRound = async () => {
      const [pushFrom, smsFrom] = [pushTimes.length, smsTimes.length];
      bareEvents += 1;
      const screens = bareScreens.arrivals(bareEvents);
      const t0 = now();
      const { alert } = sample!;
      const subject = `DRILL: LOCKDOWN at Benchmark High: ${alert.directive}`;
      const payload = { title: subject, body: alert.directive, url: `/alerts/${alert.id}`, kind: 'alert.push', tag: `alert:${alert.id}` };
      const broadcast = fetch(`${bare.base}/broadcast`, { method: 'POST', body: JSON.stringify(sample) }).then((r) => r.arrayBuffer());
      const messages = [
        ...prepared.targets.map((t) => () => barePush.send(t, payload, new Date(), 3600)),
        ...prepared.phones.map((to) => () => bareSms.send({ to, body: `${subject} Check in: http://localhost/alerts/${alert.id}` })),
      ];
      const sending = eachLimited(messages, SEND_CONCURRENCY, (send) => send());
      const [, , result] = await Promise.all([broadcast, sending, collect(t0, screens, pushFrom, smsFrom)]);
      return result;
    };

    // Round 0 warms both paths up and is not counted; the app goes first so the bare side has its alert to send.
    for (let r = 0; r <= ROUNDS; r++) {
      for (const which of r % 2 ? (['bare', 'app'] as const) : (['app', 'bare'] as const)) {
        const res = which === 'app' ? await appRound() : await bareRound();
        const all = [...res.screens, ...res.push, ...res.sms];
        const maxOf = (xs: number[]) => Math.max(...xs);
        const lastDevice = maxOf(all);
        if (r > 0) {
          last[which].push(lastDevice);
          devices[which].push(...all);
          parts[which === 'app' ? 'appScreens' : 'bareScreens'].push(maxOf(res.screens));
          parts[which === 'app' ? 'appPush' : 'barePush'].push(maxOf(res.push));
          parts[which === 'app' ? 'appSms' : 'bareSms'].push(maxOf(res.sms));
        }
        console.log(`  round ${r}${r === 0 ? ' (warm-up)' : ''} ${which.padEnd(4)} last device ${lastDevice.toFixed(0)} ms (screens ${maxOf(res.screens).toFixed(0)} ms, push ${maxOf(res.push).toFixed(0)} ms, sms ${maxOf(res.sms).toFixed(0)} ms)`);
      }
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const figures = {
      bench: 'notify', quick, staff: STAFF, rounds: ROUNDS, concurrency: SEND_CONCURRENCY,
      appLastMedianMs: round(median(last.app), 0), appLastP99Ms: round(percentile(sorted(last.app), 0.99), 0), appDeviceP99Ms: round(percentile(sorted(devices.app), 0.99), 0),
      appScreensMedianMs: round(median(parts.appScreens), 1), appPushMedianMs: round(median(parts.appPush), 0), appSmsMedianMs: round(median(parts.appSms), 0),
      bareLastMedianMs: round(median(last.bare), 0), bareLastP99Ms: round(percentile(sorted(last.bare), 0.99), 0), bareDeviceP99Ms: round(percentile(sorted(devices.bare), 0.99), 0),
      bareScreensMedianMs: round(median(parts.bareScreens), 1), barePushMedianMs: round(median(parts.barePush), 0), bareSmsMedianMs: round(median(parts.bareSms), 0),
      ratioMedian: round(median(last.app) / median(last.bare), 2),
    };
    console.log(`  app: last device median ${figures.appLastMedianMs} ms, p99 ${figures.appLastP99Ms} ms; bare: median ${figures.bareLastMedianMs} ms, p99 ${figures.bareLastP99Ms} ms; ratio ${figures.ratioMedian}`);
    printFigures({ ...figures, goal: { ratio: GOAL_RATIO, lastP99Ms: GOAL_LAST_P99_MS, met: figures.ratioMedian <= GOAL_RATIO && figures.appLastP99Ms < GOAL_LAST_P99_MS } });
  } finally {
    appScreens.close();
    bareScreens.close();
    bare.close();
    await app.close();
    await database.close();
    await push.close();
    await sms.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
