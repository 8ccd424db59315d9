import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { appendFile, readFile, rename, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { canonicalRequest, encodeRfc3986, sha256Hex, signature } from '../files/sigv4.js';
import { TEST_TMP } from './database.js';

/** A running S3-compatible server for tests: one bucket, objects kept as files in a scratch folder. */
export interface TestS3Server {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The environment that points the app at this server (FILE_STORE=s3://bucket/prefix, S3_*). */
  env(prefix?: string, overrides?: Record<string, string>): Record<string, string>;
  /** Object names in the bucket, and the files holding their bytes (to look for plaintext at rest). */
  objects(): { name: string; file: string }[];
  /** Multipart uploads started and neither completed nor aborted. */
  pendingUploads(): string[];
  /** Makes every object and upload look `ms` older (the sweep leaves the last hour's alone). */
  backdate(ms: number): void;
  /** Requests refused for their signature or credentials, with the reason. */
  refused: string[];
  close(): Promise<void>;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Starts an S3-compatible server (path-style addressing) that checks every request's AWS Signature V4 as S3 does:
 * known access key, signature over the canonical request rebuilt from what arrived, x-amz-date within 15 minutes,
 * and the body's SHA-256 equal to x-amz-content-sha256. It answers PutObject, GetObject, DeleteObject,
 * ListObjectsV2 and the multipart calls (create, upload part, complete, abort, list) with S3's XML.
 */
export async function startS3Server(): Promise<TestS3Server> {
  mkdirSync(TEST_TMP, { recursive: true });
  const root = mkdtempSync(path.join(TEST_TMP, 's3-'));
  const [objectsDir, uploadsDir] = [path.join(root, 'objects'), path.join(root, 'uploads')];
  mkdirSync(objectsDir);
  mkdirSync(uploadsDir);
  const bucket = 'evidence-test';
  const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(30).toString('base64');
  const uploads = new Map<string, { name: string; initiated: Date }>();
  const refused: string[] = [];
  const fileOf = (name: string) => path.join(objectsDir, encodeURIComponent(name));

  /** The reason a request's signature is refused (null when it verifies). */
  function verify(req: http.IncomingMessage, url: URL): [number, string, string] | null {
    const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
    if (!auth) return [403, 'AccessDenied', 'missing or malformed Authorization'];
    const [, key, day, region, signed, given] = auth as unknown as string[];
    if (key !== accessKeyId) return [403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.'];
    const stamp = String(req.headers['x-amz-date'] ?? '');
    const when = Date.parse(stamp.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!(Math.abs(Date.now() - when) < 900_000) || stamp.slice(0, 8) !== day) return [403, 'RequestTimeTooSkewed', 'x-amz-date is missing or too far from now'];
    const headers = Object.fromEntries(signed!.split(';').map((h) => [h, String(req.headers[h] ?? '')]));
    if (!('host' in headers) || !('x-amz-content-sha256' in headers)) return [403, 'AccessDenied', 'host and x-amz-content-sha256 must be signed'];
    const canonicalPath = url.pathname.split('/').map((s) => encodeRfc3986(decodeURIComponent(s))).join('/');
    const query = [...url.searchParams.entries()];
    const canonical = canonicalRequest({ method: req.method ?? 'GET', path: canonicalPath, query, headers, payloadHash: headers['x-amz-content-sha256']! });
    const scope = `${day}/${region}/s3/aws4_request`;
    const expected = signature(secretAccessKey, day!, region!, 's3', ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonical.text)].join('\n'));
    return expected === given ? null : [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'];
  }

  /** Receives the body into `file`, refusing it when its SHA-256 is not the signed one. */
  async function receive(req: http.IncomingMessage, file: string): Promise<boolean> {
    const hash = createHash('sha256');
    const temp = `${file}.incoming-${randomBytes(4).toString('hex')}`;
    await pipeline(req, async function* (source) {
      for await (const chunk of source) {
        hash.update(chunk as Buffer);
        yield chunk;
      }
    }, createWriteStream(temp));
    if (hash.digest('hex') !== req.headers['x-amz-content-sha256']) {
      await rm(temp, { force: true });
      return false;
    }
    await rename(temp, file);
    return true;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://s3.test');
    const fail = (status: number, code: string, message: string) => {
      req.resume();
      res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xml(message)}</Message></Error>`);
    };
    const refusal = verify(req, url);
    if (refusal) {
      refused.push(`${refusal[1]}: ${req.method} ${url.pathname}`);
      return fail(...refusal);
    }
    const [, bucketName = '', ...rest] = url.pathname.split('/').map(decodeURIComponent);
    if (bucketName !== bucket) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist');
    const name = rest.join('/');
    const q = url.searchParams;
    const ok = (body: string, headers: Record<string, string> = {}) => void res.writeHead(200, { 'content-type': 'application/xml', ...headers }).end(body);
    if (!name && req.method === 'GET' && q.has('uploads')) {
      const prefix = q.get('prefix') ?? '';
      const listed = [...uploads].filter(([, u]) => u.name.startsWith(prefix));
      return ok(`<ListMultipartUploadsResult><Bucket>${bucket}</Bucket>${listed.map(([id, u]) => `<Upload><Key>${xml(u.name)}</Key><UploadId>${id}</UploadId><Initiated>${u.initiated.toISOString()}</Initiated></Upload>`).join('')}</ListMultipartUploadsResult>`);
    }
    if (!name && req.method === 'GET' && q.get('list-type') === '2') {
      const prefix = q.get('prefix') ?? '';
      const max = Math.min(Number(q.get('max-keys') ?? 1000), 1000);
      const after = q.get('continuation-token') ?? '';
      const all = server.objects().map((o) => o.name).filter((n) => n.startsWith(prefix) && n > after).sort();
      const page = all.slice(0, max);
      const urlEncoded = q.get('encoding-type') === 'url';
      const contents = page.map((n) => `<Contents><Key>${urlEncoded ? encodeURIComponent(n) : xml(n)}</Key><LastModified>${statSync(fileOf(n)).mtime.toISOString()}</LastModified><Size>${statSync(fileOf(n)).size}</Size></Contents>`);
      const more = all.length > page.length;
      return ok(`<ListBucketResult><Name>${bucket}</Name><KeyCount>${page.length}</KeyCount><IsTruncated>${more}</IsTruncated>${more ? `<NextContinuationToken>${xml(page.at(-1)!)}</NextContinuationToken>` : ''}${contents.join('')}</ListBucketResult>`);
    }
    if (!name) return fail(405, 'MethodNotAllowed', 'not supported by this test server');
    const uploadId = q.get('uploadId');
    if (uploadId && !uploads.has(uploadId)) return fail(404, 'NoSuchUpload', 'The specified upload does not exist');
    if (req.method === 'POST' && q.has('uploads')) {
      const id = randomBytes(12).toString('hex');
      uploads.set(id, { name, initiated: new Date() });
      mkdirSync(path.join(uploadsDir, id));
      req.resume();
      return ok(`<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${xml(name)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
    }
    if (req.method === 'PUT' && uploadId) {
      const part = path.join(uploadsDir, uploadId, String(Number(q.get('partNumber'))));
      if (!(await receive(req, part))) return fail(400, 'XAmzContentSHA256Mismatch', 'The body does not match x-amz-content-sha256');
      return ok('', { etag: `"${createHash('md5').update(await readFile(part)).digest('hex')}"` });
    }
    if (req.method === 'POST' && uploadId) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const numbers = [...chunks.join('').matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) => m[1]!);
      const target = `${fileOf(name)}.assembling`;
      for (const n of numbers) {
        const part = path.join(uploadsDir, uploadId, n);
        if (!existsSync(part)) return fail(400, 'InvalidPart', `part ${n} was not uploaded`);
        await appendFile(target, await readFile(part));
      }
      await rename(target, fileOf(name));
      rmSync(path.join(uploadsDir, uploadId), { recursive: true, force: true });
      uploads.delete(uploadId);
      return ok(`<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${xml(name)}</Key></CompleteMultipartUploadResult>`);
    }
    if (req.method === 'DELETE' && uploadId) {
      rmSync(path.join(uploadsDir, uploadId), { recursive: true, force: true });
      uploads.delete(uploadId);
      req.resume();
      return void res.writeHead(204).end();
    }
    if (req.method === 'PUT') {
      if (!(await receive(req, fileOf(name)))) return fail(400, 'XAmzContentSHA256Mismatch', 'The body does not match x-amz-content-sha256');
      return ok('', { etag: '"put"' });
    }
    if (req.method === 'GET') {
      if (!existsSync(fileOf(name))) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(statSync(fileOf(name)).size) });
      return pipeline(createReadStream(fileOf(name)), res);
    }
    if (req.method === 'DELETE') {
      rmSync(fileOf(name), { force: true });
      req.resume();
      return void res.writeHead(204).end();
    }
    return fail(405, 'MethodNotAllowed', 'not supported by this test server');
  }

  const http_ = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(`<Error><Code>InternalError</Code><Message>${xml(String(error))}</Message></Error>`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => http_.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(http_.address() as AddressInfo).port}`;
  const server: TestS3Server = {
    endpoint, bucket, accessKeyId, secretAccessKey, refused,
    env: (prefix = 'srodesk', overrides = {}) => ({
      FILE_STORE: `s3://${bucket}/${prefix}`, S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey, ...overrides,
    }),
    objects: () => readdirSync(objectsDir).filter((f) => !f.includes('.incoming-') && !f.endsWith('.assembling'))
      .map((f) => ({ name: decodeURIComponent(f), file: path.join(objectsDir, f) })),
    pendingUploads: () => [...uploads.keys()],
    backdate(ms) {
      const then = new Date(Date.now() - ms);
      for (const o of server.objects()) utimesSync(o.file, then, then);
      for (const u of uploads.values()) u.initiated = new Date(u.initiated.getTime() - ms);
    },
    close: () => new Promise<void>((resolve) => {
      http_.closeAllConnections();
      http_.close(() => resolve());
      rmSync(root, { recursive: true, force: true });
    }),
  };
  return server;
}
