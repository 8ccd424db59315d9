import type { ErrorBody, ErrorCode } from '@common/errors.ts';

/** An error answer of the API (or a network failure, code `network`). */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** When the answer arrived (ms since epoch), so a retry-after can count down. */
  readonly receivedAt = Date.now();

  constructor(status: number, body: ErrorBody['error'] | { code: 'network'; message: string }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = 'field' in body ? body.field : undefined;
    this.retryAfterSeconds = 'retryAfterSeconds' in body ? body.retryAfterSeconds : undefined;
  }
}

const CSRF_COOKIE = 'sro_csrf';
const CSRF_HEADER = 'x-csrf-token';

/** Value of a cookie readable by scripts, or undefined. */
function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

// The server sets the CSRF cookie on any /api answer; one cheap GET gets it when it is absent.
let csrfPromise: Promise<void> | null = null;
async function ensureCsrfCookie(): Promise<void> {
  if (readCookie(CSRF_COOKIE)) return;
  csrfPromise ??= fetch('/api/health', { credentials: 'same-origin' })
    .then(() => undefined)
    .catch(() => undefined)
    .finally(() => {
      csrfPromise = null;
    });
  await csrfPromise;
}

/** Listeners told when a call answers 401 (the session ended, or now needs two-step sign-in). */
const unauthenticatedListeners = new Set<() => void>();

/** Subscribes to "the session has ended" (an API call answered 401); returns the unsubscribe function. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `path?query`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (body.error && typeof body.error.message === 'string')
      return new ApiError(response.status, body.error);
  } catch {
    // Not JSON (a proxy error page, for example): fall through to a generic message.
  }
  const code: ErrorCode = response.status >= 500 ? 'internal' : 'bad_request';
  return new ApiError(response.status, {
    code,
    message: `The server answered ${response.status} ${response.statusText}`.trim(),
  });
}

/** Sends one request to the API and returns the parsed JSON (undefined for 204). Throws ApiError. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  extraHeaders?: Record<string, string>,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (method !== 'GET' && method !== 'HEAD') {
    await ensureCsrfCookie();
    headers[CSRF_HEADER] = readCookie(CSRF_COOKIE) ?? '';
  }
  // A file goes as the raw body with its own type (PDF uploads); anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined)
    headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      code: 'network',
      message: 'Cannot reach SRO Desk. Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const error = await errorOf(response);
    const sessionChanged = error.code === 'unauthenticated' || error.code === 'mfa_required';
    if (sessionChanged && !path.startsWith('/auth/')) for (const l of unauthenticatedListeners) l();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The typed API client: `api.get<T>('/schools', { q })`, `api.post<T>('/schools', body)`... */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', withQuery(path, query), undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** Sends a file as the raw request body (content type from the file). */
  upload: <T>(method: 'POST' | 'PUT', path: string, file: Blob) => request<T>(method, path, file),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** POSTs JSON and answers the response as a file (a generated export), with the name the server gave it. */
  download: async (path: string, body: unknown): Promise<{ blob: Blob; fileName: string }> => {
    await ensureCsrfCookie();
    const response = await fetch(`/api${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: readCookie(CSRF_COOKIE) ?? '' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await errorOf(response);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
    return { blob: await response.blob(), fileName };
  },
};

/** A readable message for anything thrown by a call. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Try again.';
}

/**
 * Uploads a file as the raw request body (its own Content-Type) with progress reports (0..1).
 * XMLHttpRequest rather than fetch because only it reports upload progress. Throws ApiError like request().
 */
export async function upload<T>(
  path: string,
  file: File,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  await ensureCsrfCookie();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader(CSRF_HEADER, readCookie(CSRF_COOKIE) ?? '');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, {
          code: 'network',
          message: 'The upload failed. Check your connection and try again.',
        }),
      );
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as Partial<ErrorBody> | undefined)?.error;
      if (error && typeof error.message === 'string') return reject(new ApiError(xhr.status, error));
      const code: ErrorCode =
        xhr.status === 413 ? 'payload_too_large' : xhr.status >= 500 ? 'internal' : 'bad_request';
      reject(
        new ApiError(xhr.status, {
          code,
          message: `The server answered ${xhr.status} ${xhr.statusText}`.trim(),
        }),
      );
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
