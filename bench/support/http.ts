// HTTP helpers shared by benchmarks: a bare Server-Sent Events broadcaster (the baseline of live delivery) and a
// password sign-in that answers the cookies of the session.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_PASSWORD } from '../../server/test/fixtures.js';

/** A bare SSE broadcaster: GET /live holds a connection, POST /broadcast writes one `eventType` frame to every one. */
export async function bareBroadcaster(eventType: string) {
  const streams: http.ServerResponse[] = [];
  let id = 0;
  const server = http.createServer((req, res) => {
    if (req.url === '/live') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write('retry: 1000\n\n');
      streams.push(res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const frame = `id: ${++id}\nevent: ${eventType}\ndata: ${Buffer.concat(chunks).toString('utf8')}\n\n`;
      for (const s of streams) s.write(frame);
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => { for (const s of streams) s.end(); server.close(); } };
}

/** Signs in with the test password; answers the CSRF and session cookies as one Cookie header. */
export async function signIn(base: string, email: string): Promise<string> {
  const health = await fetch(`${base}/api/health`);
  const csrf = health.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_csrf='))!;
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': csrf.slice('sro_csrf='.length) }, body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return `${csrf}; ${res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_session='))}`;
}
