import { createHash, createHmac } from 'node:crypto';

/** An access key pair (and, for temporary credentials, the session token) that signs requests. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What a signature covers: method, encoded path, query pairs, headers (lower-case names) and the payload's SHA-256. */
export interface SignedParts {
  method: string;
  /** The path as sent, each segment already RFC 3986 encoded (S3 paths are not encoded twice). */
  path: string;
  query: readonly (readonly [string, string])[];
  headers: Record<string, string>;
  payloadHash: string;
}

/** The lower-case hex SHA-256 of a payload (the empty payload's hash signs GET, HEAD and DELETE). */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, so `!*'()` too. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonical request of SigV4 and its signed-headers list (every header given is signed). */
export function canonicalRequest(parts: SignedParts): { text: string; signedHeaders: string } {
  const names = Object.keys(parts.headers).map((h) => h.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(parts.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const headers = names.map((h) => `${h}:${String(lower[h]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const query = parts.query.map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`).join('&');
  const signedHeaders = names.join(';');
  return { text: [parts.method, parts.path || '/', query, headers, signedHeaders, parts.payloadHash].join('\n'), signedHeaders };
}

/** The hex signature of `stringToSign` with the key derived for a day, region and service. */
export function signature(secret: string, day: string, region: string, service: string, stringToSign: string): string {
  const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** `20150830T123600Z`: the timestamp format of x-amz-date. */
export function amzDate(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Signs a request with AWS Signature Version 4 (header form): adds x-amz-date (and the session token) to the
 * headers, which must already hold `host`, and returns them with the Authorization header.
 */
export function signRequest(
  parts: SignedParts, options: { credentials: Credentials; region: string; service: string; now: Date },
): Record<string, string> {
  const stamp = amzDate(options.now);
  const day = stamp.slice(0, 8);
  const headers: Record<string, string> = { ...parts.headers, 'x-amz-date': stamp };
  if (options.credentials.sessionToken) headers['x-amz-security-token'] = options.credentials.sessionToken;
  const canonical = canonicalRequest({ ...parts, headers });
  const scope = `${day}/${options.region}/${options.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonical.text)].join('\n');
  const sig = signature(options.credentials.secretAccessKey, day, options.region, options.service, toSign);
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${options.credentials.accessKeyId}/${scope}, SignedHeaders=${canonical.signedHeaders}, Signature=${sig}`;
  return headers;
}
