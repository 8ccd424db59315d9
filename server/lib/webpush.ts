import { createECDH, createPrivateKey, generateKeyPairSync, hkdfSync, randomBytes, sign, createCipheriv, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Web Push without a library: message encryption (RFC 8291, aes128gcm of RFC 8188), VAPID (RFC 8292, ES256 JWT)
// and delivery to the push service (RFC 8030), all with node:crypto and fetch.

/** The application server's VAPID key pair: P-256, base64url (public: 65-byte uncompressed point, private: 32-byte d). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** A browser's PushSubscription as stored: endpoint, and its keys in base64url. */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

const b64u = (b: Buffer) => b.toString('base64url');

/** A new P-256 key pair for VAPID. */
export function generateVapidKeys(): VapidKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = privateKey.export({ format: 'jwk' });
  const pub = publicKey.export({ format: 'jwk' });
  return {
    publicKey: b64u(Buffer.concat([Buffer.from([4]), Buffer.from(pub.x!, 'base64url'), Buffer.from(pub.y!, 'base64url')])),
    privateKey: jwk.d!,
  };
}

/**
 * The VAPID keys: VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY when both are set, else `vapid.json` in the data folder,
 * generated on first start (like the session secret), so subscriptions survive restarts without configuration.
 */
export function vapidKeysFromDataDir(dataDir: string, env: { publicKey?: string; privateKey?: string }): VapidKeys {
  if (env.publicKey && env.privateKey) return { publicKey: env.publicKey, privateKey: env.privateKey };
  const file = path.join(dataDir, 'vapid.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as VapidKeys;
  mkdirSync(dataDir, { recursive: true });
  const keys = generateVapidKeys();
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/** Record size announced in the aes128gcm header: one record carries the whole (small) message. */
const RECORD_SIZE = 4096;

/**
 * Encrypts a push message for one subscription (RFC 8291 section 3.4): an ephemeral ECDH P-256 key, HKDF of the
 * shared secret with the subscription's auth secret, then one aes128gcm record (RFC 8188) with its header
 * (salt, record size, the ephemeral public key as key id). At most 3993 bytes of plaintext.
 */
export function encryptPushPayload(plaintext: Buffer, target: { p256dh: string; auth: string }, fixed?: { salt: Buffer; ecdh: ReturnType<typeof createECDH> }): Buffer {
  const uaPublic = Buffer.from(target.p256dh, 'base64url');
  const authSecret = Buffer.from(target.auth, 'base64url');
  if (uaPublic.length !== 65 || uaPublic[0] !== 4) throw new Error('p256dh is not an uncompressed P-256 point');
  if (authSecret.length !== 16) throw new Error('auth is not 16 bytes');
  if (plaintext.length > RECORD_SIZE - 103) throw new Error('push message too long');
  const ecdh = fixed?.ecdh ?? createECDH('prime256v1');
  if (!fixed) ecdh.generateKeys();
  const asPublic = ecdh.getPublicKey();
  const ecdhSecret = ecdh.computeSecret(uaPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const salt = fixed?.salt ?? randomBytes(16);
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  // The last (only) record: plaintext, then the delimiter 0x02 (RFC 8188 section 2).
  const body = Buffer.concat([cipher.update(Buffer.concat([plaintext, Buffer.from([2])])), cipher.final(), cipher.getAuthTag()]);
  const header = Buffer.alloc(21);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header.writeUInt8(asPublic.length, 20);
  return Buffer.concat([header, asPublic, body]);
}

/** The VAPID private key as a KeyObject (built once per sender, not per message). */
function vapidPrivateKey(keys: VapidKeys): KeyObject {
  const pub = Buffer.from(keys.publicKey, 'base64url');
  return createPrivateKey({
    format: 'jwk',
    key: { kty: 'EC', crv: 'P-256', d: keys.privateKey, x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33, 65)) },
  });
}

/** The VAPID Authorization header for an endpoint (RFC 8292): an ES256 JWT for the push service's origin, and the key. */
export function vapidAuthorization(endpoint: string, keys: VapidKeys, subject: string, now: Date, ttlSeconds = 12 * 3600, key: KeyObject = vapidPrivateKey(keys)): string {
  const header = b64u(Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'ES256' })));
  const claims = b64u(Buffer.from(JSON.stringify({ aud: new URL(endpoint).origin, exp: Math.floor(now.getTime() / 1000) + ttlSeconds, sub: subject })));
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' });
  return `vapid t=${header}.${claims}.${b64u(signature)}, k=${keys.publicKey}`;
}

/** The VAPID `sub` claim: the https public URL, else the sender address as a mailto: URL. */
export function vapidSubject(publicUrl: string, mailFrom: string): string {
  if (publicUrl.startsWith('https://')) return publicUrl;
  return `mailto:${/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim()}`;
}

/** Lifetime of a VAPID token (RFC 8292: at most 24 hours). */
const VAPID_TTL_SECONDS = 12 * 3600;

/** The push service says the subscription no longer exists (404 or 410): forget it, do not retry. */
export class PushSubscriptionGone extends Error {}

/** Sends encrypted push messages with VAPID; throws on failure (the outbox retries), `PushSubscriptionGone` on 404/410. */
export class WebPushSender {
  private readonly key: KeyObject;
  // One signed VAPID token per push service, reused for half its 12-hour life (RFC 8292 allows reuse until it
  // expires): an alert to 300 devices at one service signs once, not 300 times.
  private readonly tokens = new Map<string, { header: string; signedAt: number }>();

  constructor(readonly keys: VapidKeys, private readonly subject: string, private readonly timeoutMs = 10_000) {
    this.key = vapidPrivateKey(keys);
  }

  private authorization(endpoint: string, now: Date): string {
    const origin = new URL(endpoint).origin;
    const cached = this.tokens.get(origin);
    const at = now.getTime();
    if (cached && at >= cached.signedAt && at - cached.signedAt < VAPID_TTL_SECONDS * 500) return cached.header;
    const header = vapidAuthorization(endpoint, this.keys, this.subject, now, VAPID_TTL_SECONDS, this.key);
    this.tokens.set(origin, { header, signedAt: at });
    return header;
  }

  async send(target: PushTarget, payload: object, now: Date, ttlSeconds = 86_400): Promise<void> {
    const response = await fetch(target.endpoint, {
      method: 'POST',
      headers: {
        authorization: this.authorization(target.endpoint, now),
        'content-encoding': 'aes128gcm',
        'content-type': 'application/octet-stream',
        ttl: String(ttlSeconds),
        urgency: 'high',
      },
      body: encryptPushPayload(Buffer.from(JSON.stringify(payload)), target),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (response.status === 404 || response.status === 410) throw new PushSubscriptionGone(`Push service answered ${response.status}: subscription gone`);
    if (!response.ok) throw new Error(`Push service answered ${response.status}: ${text.slice(0, 200)}`);
  }
}
