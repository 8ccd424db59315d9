import type { ErrorBody, ErrorCode } from '@common/errors.ts';
import type { TipToken } from '@common/tips.ts';
import { ApiError, api } from '../../lib/api.ts';

export type { PublicSchool } from '@common/tips.ts';

/** The public school search (no sign-in). */
export const publicSchoolsPath = '/public/tips/schools';

let cached: TipToken | null = null;
let cachedProof: string | undefined;

/** Leading zero bits of a SHA-256 digest. */
function zeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Finds a proof for a token issued under a flood (docs/adr/0002-tip-flood.md): about a second of work. */
async function solve(token: string, difficulty: number): Promise<string> {
  const encoder = new TextEncoder();
  for (let start = 0; ; start += 256) {
    const batch = Array.from({ length: 256 }, (_, i) => String(start + i));
    const digests = await Promise.all(batch.map((p) => crypto.subtle.digest('SHA-256', encoder.encode(`${token}:${p}`))));
    const found = digests.findIndex((d) => zeroBits(new Uint8Array(d)) >= difficulty);
    if (found >= 0) return batch[found]!;
  }
}

/**
 * The abuse-control token every public POST carries: fetched once and reused until a minute before it
 * expires (it is counted by the server in memory, never stored, and identifies nobody). Under a flood the
 * token asks for a proof of work, solved here once per token.
 */
export async function tipToken(fresh = false): Promise<string> {
  if (!fresh && cached && Date.parse(cached.expiresAt) - Date.now() > 60_000) return cached.token;
  cached = await api.get<TipToken>('/public/tips/token');
  cachedProof = cached.pow ? await solve(cached.token, cached.pow.difficulty) : undefined;
  return cached.token;
}

/** The proof of work of the current token, if the line asked for one. */
export function tipProof(): string | undefined {
  return cachedProof;
}

const CSRF_COOKIE = 'sro_csrf';

function csrfToken(): string {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return '';
}

/**
 * POSTs a JSON body with upload progress (0..1): the tip with its attachment travels as one JSON body, and
 * only XMLHttpRequest reports how much of it was sent. Throws ApiError like the app's request().
 */
export async function postWithProgress<T>(
  path: string,
  body: unknown,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  if (!csrfToken()) await fetch('/api/health', { credentials: 'same-origin' }).catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: 'Cannot reach the tip line.' }));
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
      const error = (parsed as Partial<ErrorBody> | undefined)?.error;
      if (error && typeof error.message === 'string') return reject(new ApiError(xhr.status, error));
      const code: ErrorCode =
        xhr.status === 413 ? 'payload_too_large' : xhr.status >= 500 ? 'internal' : 'bad_request';
      reject(new ApiError(xhr.status, { code, message: `The server answered ${xhr.status}` }));
    };
    xhr.send(JSON.stringify(body));
  });
}

/** The file's bytes as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
