import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, withQuery } from './api.ts';

type Query = Parameters<typeof withQuery>[1];

/** State of one GET: the data (kept while reloading the same resource), the error and whether it is loading. */
export interface Resource<T> {
  data: T | undefined;
  error: ApiError | Error | null;
  loading: boolean;
  /** Loads again (after a change); the current data stays on screen meanwhile. */
  reload: () => void;
  /** Replaces the data locally, for instance with the answer of a PATCH. */
  mutate: (data: T) => void;
}

interface Result<T> {
  key: string | null;
  url: string | null;
  data?: T;
  error?: ApiError | Error;
}

/**
 * Loads `GET /api<path>?<query>` and reloads when path or query change. Pass `null` as path to wait.
 * With `keepPrevious`, the last answer stays on screen while another query loads (lists with filters).
 */
export function useApiData<T>(
  path: string | null,
  query?: Query,
  options: { keepPrevious?: boolean } = {},
): Resource<T> {
  const url = path === null ? null : withQuery(path, query);
  const [version, setVersion] = useState(0);
  const key = url === null ? null : `${version} ${url}`;
  const [result, setResult] = useState<Result<T>>({ key: null, url: null });

  useEffect(() => {
    if (key === null || url === null) return;
    const controller = new AbortController();
    api.get<T>(url, undefined, controller.signal).then(
      (data) => setResult({ key, url, data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult((prev) => ({
          key,
          url,
          data: prev.url === url ? prev.data : undefined,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      },
    );
    return () => controller.abort();
  }, [key, url]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const mutate = useCallback((data: T) => setResult((prev) => ({ ...prev, data, error: undefined })), []);
  const sameResource = result.url === url || options.keepPrevious === true;
  return {
    data: sameResource ? result.data : undefined,
    error: result.key === key ? (result.error ?? null) : null,
    loading: url !== null && result.key !== key,
    reload,
    mutate,
  };
}

/** The value, updated only after it stopped changing for `delayMs` (search boxes). */
export function useDebounced<T>(value: T, delayMs = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** State of a form submission or another change: busy flag, last error, last success message. */
export interface Action<A extends unknown[]> {
  busy: boolean;
  error: ApiError | Error | null;
  success: string | null;
  /** Runs the change; resolves to true when it worked. Errors are kept in `error`, never thrown. */
  run: (...args: A) => Promise<boolean>;
  reset: () => void;
}

/**
 * Wraps an async change: tracks busy/error and sets `success` to the message the function returns.
 * Ignores a second run while one is in flight (double clicks).
 */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<string | void>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const inFlight = useRef(false);
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });
  const run = useCallback(async (...args: A) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setSuccess(null);
    try {
      const message = await fnRef.current(...args);
      setSuccess(message ?? null);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(null);
    setSuccess(null);
  }, []);
  return { busy, error, success, run, reset };
}

/** The message of an API error when it names this field (for highlighting the input). */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.field === field ? error.message : undefined;
}

/**
 * The text of a search box that commits (to the URL, a query) once typing pauses. Returns the live text
 * and its setter for the input.
 */
export function useSearchBox(
  committed: string,
  commit: (value: string) => void,
  delayMs = 300,
): [string, (value: string) => void] {
  const [text, setText] = useState(committed);
  const debounced = useDebounced(text, delayMs);
  const commitRef = useRef(commit);
  const last = useRef(debounced);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    // Only a change of the typed text commits; a change of `committed` from elsewhere must not be undone.
    if (last.current === debounced) return;
    last.current = debounced;
    commitRef.current(debounced.trim());
  }, [debounced]);
  return [text, setText];
}
