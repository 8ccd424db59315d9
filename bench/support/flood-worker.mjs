// Load generator of the tip-flood benchmark (bench/support/tip-flood.ts), run in worker threads so it does not
// share the event loop of the measuring thread. Each simulated client sends from its own loopback address
// (127.0.x.y: Linux routes all of 127/8 to lo), so the server's per-client budgets see distinct clients.
//   mode 'flood':     `clients` clients share an open-loop schedule of `rate` requests a second for `durationMs`,
//                     alternating GET token and POST tip (no proof of work: a script does not pay it); a client
//                     with `maxInFlight` requests unanswered skips its turn (counted as `skipped`).
//   mode 'reporter':  one person (a worker each, as each has a device of their own) starts after `delayMs` and
//                     follows the tip page: CSRF cookie, token, the proof of work when asked, submit; a 429 waits
//                     its Retry-After (as the page tells them) and tries again. The time spent solving is reported
//                     apart: on this machine it is taken from the server's cores, on a phone it is not.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { mode, base, schoolId, firstAddress } = workerData;
const target = new URL(base);
const description = 'Someone keeps pushing a sixth grader into the lockers before first period.';

function request(agent, localAddress, method, path, headers, body) {
  return new Promise((resolve) => {
    const req = http.request({
      agent, localAddress, host: target.hostname, port: target.port, path, method,
      headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (error) => resolve({ status: 0, headers: {}, body: String(error.code ?? error) }));
    req.end(body);
  });
}

async function csrfOf(agent, localAddress) {
  const res = await request(agent, localAddress, 'GET', '/api/health', {});
  const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('sro_csrf='));
  return cookie ? { cookie, 'x-csrf-token': cookie.slice('sro_csrf='.length) } : {};
}

function addressOf(n) {
  return `${firstAddress}.${n + 1}`;
}

async function flood() {
  const { clients, rate, durationMs, maxInFlight } = workerData;
  const people = await Promise.all(Array.from({ length: clients }, async (_, i) => {
    const localAddress = addressOf(i);
    const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight, localAddress });
    return { localAddress, agent, headers: await csrfOf(agent, localAddress), inFlight: 0, token: 'none', turn: 0 };
  }));
  const statuses = { token: {}, submit: {} };
  let sent = 0;
  let answered = 0;
  let skipped = 0;
  const start = performance.now();
  const end = start + durationMs;
  const pending = new Set();
  const count = (route, status) => {
    statuses[route][status] = (statuses[route][status] ?? 0) + 1;
  };
  const one = (p) => {
    const submit = p.turn++ % 2 === 1;
    p.inFlight++;
    sent++;
    const done = submit
      ? request(p.agent, p.localAddress, 'POST', '/api/public/tips', p.headers, JSON.stringify({ token: p.token, schoolId, category: 'bullying', description }))
        .then((res) => count('submit', res.status))
      : request(p.agent, p.localAddress, 'GET', '/api/public/tips/token', p.headers).then((res) => {
        count('token', res.status);
        if (res.status === 200) p.token = JSON.parse(res.body).token;
      });
    const settled = done.finally(() => {
      p.inFlight--;
      if (performance.now() <= end) answered++;
      pending.delete(settled);
    });
    pending.add(settled);
  };
  let next = 0;
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    for (; sent + skipped < due; next = (next + 1) % people.length) {
      const p = people[next];
      if (p.inFlight >= maxInFlight) skipped++;
      else one(p);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  for (const p of people) p.agent.destroy();
  return { sent, answered, skipped, seconds: durationMs / 1000, statuses };
}

function solve(token, difficulty) {
  for (let i = 0; ; i++) {
    const digest = createHash('sha256').update(`${token}:${i}`).digest();
    let bits = 0;
    for (const byte of digest) {
      if (byte === 0) {
        bits += 8;
        continue;
      }
      bits += Math.clz32(byte) - 24;
      break;
    }
    if (bits >= difficulty) return String(i);
  }
}

async function reporter() {
  const { index, delayMs, giveUpMs } = workerData;
  await new Promise((r) => setTimeout(r, delayMs));
  const localAddress = addressOf(index);
  const agent = new http.Agent({ keepAlive: true, localAddress });
  const started = performance.now();
  const steps = { tries: 0, refused: {}, powBits: [], solveMs: 0 };
  const wait = (res) => new Promise((r) => setTimeout(r, Math.max(1, Number(res.headers['retry-after'] ?? 1)) * 1000));
  try {
    const headers = await csrfOf(agent, localAddress);
    while (performance.now() - started < giveUpMs) {
      steps.tries++;
      const token = await request(agent, localAddress, 'GET', '/api/public/tips/token', headers);
      if (token.status !== 200) {
        steps.refused[`token ${token.status}`] = (steps.refused[`token ${token.status}`] ?? 0) + 1;
        await wait(token);
        continue;
      }
      const issued = JSON.parse(token.body);
      if (issued.pow) steps.powBits.push(issued.pow.difficulty);
      const solving = performance.now();
      const proof = issued.pow ? solve(issued.token, issued.pow.difficulty) : undefined;
      steps.solveMs += performance.now() - solving;
      const res = await request(agent, localAddress, 'POST', '/api/public/tips', headers, JSON.stringify({ token: issued.token, proof, schoolId, category: 'bullying', description }));
      if (res.status === 201) return { acceptedMs: performance.now() - started, ...steps };
      steps.refused[`submit ${res.status}`] = (steps.refused[`submit ${res.status}`] ?? 0) + 1;
      if (res.status === 429) await wait(res);
    }
    return { acceptedMs: null, ...steps };
  } finally {
    agent.destroy();
  }
}

parentPort.postMessage(mode === 'flood' ? await flood() : await reporter());
