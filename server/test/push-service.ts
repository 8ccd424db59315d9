import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A browser's side of a push subscription: its ECDH key pair and auth secret, and the endpoint at the test push service. */
export interface TestPushClient {
  ecdh: ECDH;
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
}

/** One message the test push service accepted, decrypted with the subscriber's private key. */
export interface ReceivedPush {
  id: string;
  payload: unknown;
  headers: { ttl: string | undefined; urgency: string | undefined; contentEncoding: string | undefined };
  jwt: { aud: string; exp: number; sub: string };
}

/** A running RFC 8030 push service for tests. */
export interface TestPushService {
  origin: string;
  received: ReceivedPush[];
  /** Requests refused, with the reason. */
  refused: string[];
  /** A new subscriber (the browser side), with its endpoint here. */
  subscribe(): TestPushClient;
  /** Answers 410 Gone for this subscriber from now on (the user revoked the permission). */
  expire(client: TestPushClient): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

const hkdf = (ikm: Buffer, salt: Buffer, info: string | Buffer, length: number) => Buffer.from(hkdfSync('sha256', ikm, salt, typeof info === 'string' ? Buffer.from(info) : info, length));

/**
 * Starts a push service (RFC 8030 section 5: POST to the subscription's endpoint, 201 Created) that checks the
 * VAPID Authorization (RFC 8292: an ES256 JWT for this origin, verified with the `k` key) and decrypts the
 * aes128gcm body (RFC 8291) with the subscriber's private key, as a browser would.
 */
export async function startPushService(): Promise<TestPushService> {
  const clients = new Map<string, { ecdh: ECDH; auth: Buffer; gone: boolean }>();
  const received: ReceivedPush[] = [];
  const refused: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const refuse = (status: number, why: string) => {
        refused.push(why);
        res.writeHead(status).end(why);
      };
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1];
      const client = id ? clients.get(id) : undefined;
      if (req.method !== 'POST' || !client) return refuse(404, 'no such subscription');
      if (client.gone) return refuse(410, 'gone');
      const auth = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(req.headers.authorization ?? '');
      if (!auth) return refuse(401, 'no VAPID authorization');
      const [, h, c, sig, k] = auth as unknown as [string, string, string, string, string];
      const pub = Buffer.from(k, 'base64url');
      const key = createPublicKey({ format: 'jwk', key: { kty: 'EC', crv: 'P-256', x: pub.subarray(1, 33).toString('base64url'), y: pub.subarray(33).toString('base64url') } });
      if (!verify('sha256', Buffer.from(`${h}.${c}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'))) return refuse(403, 'bad VAPID signature');
      const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string };
      const jwt = JSON.parse(Buffer.from(c, 'base64url').toString()) as ReceivedPush['jwt'];
      if (header.alg !== 'ES256' || jwt.aud !== origin || jwt.exp * 1000 < Date.now() - 86_400_000 * 365 * 10) return refuse(403, 'bad VAPID claims');
      if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'not aes128gcm');
      try {
        const body = Buffer.concat(chunks);
        const salt = body.subarray(0, 16);
        const idlen = body.readUInt8(20);
        const asPublic = body.subarray(21, 21 + idlen);
        const record = body.subarray(21 + idlen);
        const secret = client.ecdh.computeSecret(asPublic);
        const ikm = hkdf(secret, client.auth, Buffer.concat([Buffer.from('WebPush: info\0'), client.ecdh.getPublicKey(), asPublic]), 32);
        const decipher = createDecipheriv('aes-128-gcm', hkdf(ikm, salt, 'Content-Encoding: aes128gcm\0', 16), hkdf(ikm, salt, 'Content-Encoding: nonce\0', 12));
        decipher.setAuthTag(record.subarray(record.length - 16));
        const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
        let end = padded.length - 1;
        while (end >= 0 && padded[end] === 0) end--;
        if (padded[end] !== 2) return refuse(400, 'no last-record delimiter');
        received.push({
          id: id!, payload: JSON.parse(padded.subarray(0, end).toString('utf8')) as unknown, jwt,
          headers: { ttl: req.headers.ttl as string | undefined, urgency: req.headers.urgency as string | undefined, contentEncoding: req.headers['content-encoding'] },
        });
        for (const w of [...waiters]) if (received.length >= w.count) w.resolve();
        res.writeHead(201, { location: `${origin}/message/${received.length}` }).end();
      } catch (error) {
        refuse(400, `cannot decrypt: ${(error as Error).message}`);
      }
    });
  });
  const waiters: { count: number; resolve: () => void }[] = [];
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin, received, refused,
    subscribe() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomBytes(8).toString('hex');
      clients.set(id, { ecdh, auth, gone: false });
      return { ecdh, subscription: { endpoint: `${origin}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } } };
    },
    expire(client) {
      clients.get(client.subscription.endpoint.split('/').pop()!)!.gone = true;
    },
    waitFor(count, timeoutMs = 5000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} push messages within ${timeoutMs} ms; refused: ${refused.join('; ')}`)), timeoutMs);
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(received); } });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
