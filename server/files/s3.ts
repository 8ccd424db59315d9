import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { encodeRfc3986, sha256Hex, signRequest, type Credentials } from './sigv4.js';

/** Where and how to reach an S3-compatible bucket (FILE_STORE=s3://bucket/prefix and the S3_* variables). */
export interface S3Config {
  /** `https://s3.<region>.amazonaws.com`, or a MinIO/Ceph/Garage/R2 address (S3_ENDPOINT). */
  endpoint: string;
  region: string;
  bucket: string;
  /** Prepended to every object name: `srodesk/` keeps the store's objects apart in a shared bucket. */
  prefix: string;
  credentials: Credentials;
  /** `https://endpoint/bucket/key` (MinIO and most self-hosted servers) instead of `https://bucket.endpoint/key`. */
  pathStyle: boolean;
}

/** Bytes per part of a multipart upload (S3 wants at least 5 MiB for all but the last part). */
export const PART_BYTES = 8 * 1024 * 1024;
/** How long to wait for a server's response headers before calling it unreachable. */
const HEADERS_TIMEOUT_MS = 15_000;

/** An answer of the object store that was not a success, with S3's error code (`AccessDenied`, `NoSuchBucket`). */
export class S3Error extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** An object's name and age as a listing shows it. */
export interface ListedObject { name: string; lastModified: Date }

/** An unfinished multipart upload (an upload interrupted by a crash): aborted by the sweep. */
export interface PendingUpload { name: string; uploadId: string; initiated: Date }

function xmlValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
}

/**
 * A bucket of an S3-compatible object store, spoken to with plain HTTP and SigV4 (no SDK): objects are written
 * from a stream (one PUT, or a multipart upload in PART_BYTES parts, so memory stays flat whatever the size) and
 * read as a stream.
 */
export class S3Bucket {
  constructor(readonly config: S3Config) {}

  /** `s3://bucket/prefix at endpoint`: how messages name this store (never the credentials). */
  get label(): string {
    return `s3://${this.config.bucket}/${this.config.prefix} at ${this.config.endpoint}`;
  }

  /** One request, signed; sent again once when a kept-alive connection turned out closed (bodies are buffers). */
  private async send(method: string, name: string | null, query: [string, string][] = [], body?: Buffer, extra: Record<string, string> = {}): Promise<Response> {
    try {
      return await this.sendOnce(method, name, query, body, extra);
    } catch (error) {
      if (!(error instanceof S3Error) || !['UND_ERR_SOCKET', 'ECONNRESET'].includes(error.code)) throw error;
      return this.sendOnce(method, name, query, body, extra);
    }
  }

  private async sendOnce(method: string, name: string | null, query: [string, string][], body: Buffer | undefined, extra: Record<string, string>): Promise<Response> {
    const base = new URL(this.config.endpoint);
    const host = this.config.pathStyle ? base.host : `${this.config.bucket}.${base.host}`;
    const segments = [...(this.config.pathStyle ? [this.config.bucket] : []), ...(name === null ? [] : name.split('/'))];
    const path = `${base.pathname.replace(/\/$/, '')}/${segments.map(encodeRfc3986).join('/')}`;
    const payloadHash = sha256Hex(body ?? '');
    const headers = signRequest(
      { method, path, query, headers: { host, 'x-amz-content-sha256': payloadHash, ...extra }, payloadHash },
      { credentials: this.config.credentials, region: this.config.region, service: 's3', now: new Date() },
    );
    delete headers.host;
    const search = query.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${HEADERS_TIMEOUT_MS / 1000} s`)), HEADERS_TIMEOUT_MS);
    try {
      return await fetch(`${base.protocol}//${host}${path}${search ? `?${search}` : ''}`, { method, headers, body, signal: controller.signal });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new S3Error(0, cause?.code ?? 'Unreachable', `${this.label}: unreachable (${cause?.code ?? cause?.message ?? (error as Error).message})`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async check(response: Response, what: string): Promise<Response> {
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    const code = xmlValues(text, 'Code')[0] ?? `HTTP${response.status}`;
    const message = xmlValues(text, 'Message')[0] ?? response.statusText;
    throw new S3Error(response.status, code, `${this.label}: ${what} refused: ${response.status} ${code} (${message})`);
  }

  /** Checks that the bucket answers these credentials (a listing of one object under the prefix). */
  async probe(): Promise<void> {
    await this.check(await this.send('GET', null, [['list-type', '2'], ['max-keys', '1'], ['prefix', this.config.prefix]]), 'listing the bucket');
  }

  /**
   * Writes `source` as the object `name`: one PUT when it fits in a part, else a multipart upload that is aborted
   * when the source or the store fails part-way (no invisible parts left billed in the bucket).
   */
  async put(name: string, source: AsyncIterable<Buffer>): Promise<void> {
    const full = `${this.config.prefix}${name}`;
    let pending: Buffer[] = [];
    let length = 0;
    let uploadId: string | undefined;
    const parts: string[] = [];
    const flush = async () => {
      const body = Buffer.concat(pending);
      pending = [];
      length = 0;
      if (!uploadId) {
        const started = await this.check(await this.send('POST', full, [['uploads', '']]), 'starting an upload');
        uploadId = xmlValues(await started.text(), 'UploadId')[0];
        if (!uploadId) throw new S3Error(502, 'NoUploadId', `${this.label}: the store started an upload without an id`);
      }
      const response = await this.check(await this.send('PUT', full, [['partNumber', String(parts.length + 1)], ['uploadId', uploadId]], body), 'uploading a part');
      parts.push(response.headers.get('etag') ?? '');
    };
    try {
      for await (const piece of source) {
        pending.push(piece);
        length += piece.length;
        if (length >= PART_BYTES) await flush();
      }
      if (!uploadId) {
        await this.check(await this.send('PUT', full, [], Buffer.concat(pending)), 'writing an object');
        return;
      }
      if (length > 0) await flush();
      const xml = `<CompleteMultipartUpload>${parts.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
      const done = await this.check(await this.send('POST', full, [['uploadId', uploadId]], Buffer.from(xml)), 'completing an upload');
      // S3 may answer 200 with an error document when the completion fails late.
      const text = await done.text();
      if (text.includes('<Error>')) throw new S3Error(500, xmlValues(text, 'Code')[0] ?? 'InternalError', `${this.label}: completing an upload failed`);
    } catch (error) {
      if (uploadId) await this.abort(name, uploadId).catch(() => undefined);
      throw error;
    }
  }

  /** The bytes of object `name` as a stream, or null when there is no such object. */
  async get(name: string): Promise<AsyncIterable<Uint8Array> | null> {
    const response = await this.send('GET', `${this.config.prefix}${name}`);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    await this.check(response, 'reading an object');
    return response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : Readable.from([]);
  }

  /** Removes object `name` (no error when it is already gone). */
  async delete(name: string): Promise<void> {
    const response = await this.send('DELETE', `${this.config.prefix}${name}`);
    if (response.status !== 404) await this.check(response, 'removing an object');
  }

  /** Every object under the prefix, a page of 1,000 at a time, names without the prefix. */
  async *list(): AsyncGenerator<ListedObject> {
    let token: string | undefined;
    do {
      const query: [string, string][] = [['list-type', '2'], ['prefix', this.config.prefix], ['encoding-type', 'url'], ...(token ? [['continuation-token', token] as [string, string]] : [])];
      const xml = await (await this.check(await this.send('GET', null, query), 'listing the bucket')).text();
      for (const entry of xmlValues(xml, 'Contents')) {
        const name = decodeURIComponent(xmlValues(entry, 'Key')[0] ?? '');
        yield { name: name.slice(this.config.prefix.length), lastModified: new Date(xmlValues(entry, 'LastModified')[0] ?? 0) };
      }
      token = xmlValues(xml, 'IsTruncated')[0] === 'true' ? xmlValues(xml, 'NextContinuationToken')[0] : undefined;
    } while (token);
  }

  /** Multipart uploads under the prefix that were started and neither completed nor aborted. */
  async pendingUploads(): Promise<PendingUpload[]> {
    const xml = await (await this.check(await this.send('GET', null, [['uploads', ''], ['prefix', this.config.prefix]]), 'listing uploads')).text();
    return xmlValues(xml, 'Upload').map((u) => ({
      name: (xmlValues(u, 'Key')[0] ?? '').slice(this.config.prefix.length),
      uploadId: xmlValues(u, 'UploadId')[0] ?? '',
      initiated: new Date(xmlValues(u, 'Initiated')[0] ?? 0),
    }));
  }

  /** Aborts a multipart upload: its parts are deleted. */
  async abort(name: string, uploadId: string): Promise<void> {
    const response = await this.send('DELETE', `${this.config.prefix}${name}`, [['uploadId', uploadId]]);
    if (response.status !== 404) await this.check(response, 'aborting an upload');
  }
}
