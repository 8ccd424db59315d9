import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';

/** Where an autosaved draft stands. */
export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'partial' | 'error' | 'conflict';

/** A stale save: what the server holds now, to compare with what the user typed. */
export interface Conflict<T> {
  theirs: T;
  theirVersion: number;
}

interface Options<T> {
  /** The value being edited; a change (by JSON) schedules a save. */
  value: T;
  /** The version the value was based on. */
  version: number;
  /** Sends the value with its base version; resolves to the new version. A 409 ApiError means stale. */
  save: (value: T, version: number) => Promise<number>;
  /** Loads what the server holds now (called after a 409). */
  loadCurrent: () => Promise<{ value: T; version: number }>;
  /** Quiet time before a save. */
  delayMs?: number;
  /** Off while the record is not editable. */
  enabled?: boolean;
  /** Key of a browser-storage copy kept until the server has the text (a dropped connection loses nothing). */
  storageKey?: string;
}

/** The state and controls of one autosaved draft. */
export interface Autosave<T> {
  status: AutosaveStatus;
  error: Error | null;
  lastSavedAt: Date | null;
  version: number;
  conflict: Conflict<T> | null;
  /** Saves at once (before submitting); resolves to the version saved, or null when it failed. */
  flush: () => Promise<number | null>;
  /** Resolves a conflict by saving mine over theirs. */
  keepMine: () => Promise<void>;
  /** Resolves a conflict by taking the server's copy; `apply` puts it into the form. */
  takeTheirs: (apply: (theirs: T) => void) => void;
}

/** Reads a draft copy left in browser storage by an earlier visit (undefined when none or unreadable). */
export function readStoredDraft<T>(key: string): { value: T; version: number } | undefined {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as { value: T; version: number }) : undefined;
  } catch {
    return undefined;
  }
}

function store(key: string | undefined, value: unknown, version: number): void {
  if (!key) return;
  try {
    window.localStorage.setItem(key, JSON.stringify({ value, version }));
  } catch {
    // storage full or blocked: the server save still runs
  }
}

function forget(key: string | undefined): void {
  if (!key) return;
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing to clean up
  }
}

/**
 * Saves a draft a moment after typing stops, with the version it was based on. A stale save (409) stops
 * saving and reports the server's copy so the page can show what changed and let the user choose.
 */
export function useAutosave<T>({
  value,
  version: initialVersion,
  save,
  loadCurrent,
  delayMs = 1200,
  enabled = true,
  storageKey,
}: Options<T>): Autosave<T> {
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [error, setError] = useState<Error | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const versionRef = useRef(initialVersion);
  const savedJson = useRef(JSON.stringify(value));
  const valueRef = useRef(value);
  const saveRef = useRef(save);
  const loadRef = useRef(loadCurrent);
  const inFlight = useRef<Promise<number | null> | null>(null);
  const conflictRef = useRef(false);
  useEffect(() => {
    valueRef.current = value;
    saveRef.current = save;
    loadRef.current = loadCurrent;
  });

  // The record was reloaded from the server with a newer version: that is the new base.
  useEffect(() => {
    if (initialVersion > versionRef.current) {
      versionRef.current = initialVersion;
      setVersion(initialVersion);
    }
  }, [initialVersion]);

  const setBase = useCallback((next: number) => {
    versionRef.current = next;
    setVersion(next);
  }, []);

  const runSave = useCallback(async (): Promise<number | null> => {
    if (inFlight.current) await inFlight.current;
    if (conflictRef.current) return null;
    const current = valueRef.current;
    const json = JSON.stringify(current);
    if (json === savedJson.current) return versionRef.current;
    const attempt = (async () => {
      setStatus('saving');
      setError(null);
      try {
        const next = await saveRef.current(current, versionRef.current);
        savedJson.current = json;
        setBase(next);
        setLastSavedAt(new Date());
        if (JSON.stringify(valueRef.current) === json) forget(storageKey);
        setStatus(JSON.stringify(valueRef.current) === json ? 'saved' : 'pending');
        return next;
      } catch (e) {
        // The server holds a new version but not all of it (parts refused or not sendable): never "saved".
        const partial = e instanceof Error && typeof (e as { version?: unknown }).version === 'number' ? (e as Error & { version: number }) : null;
        if (partial) {
          savedJson.current = json;
          setBase(partial.version);
          setLastSavedAt(new Date());
          setError(partial);
          setStatus('partial');
          return partial.version;
        }
        if (e instanceof ApiError && e.status === 409) {
          conflictRef.current = true;
          try {
            const theirs = await loadRef.current();
            setConflict({ theirs: theirs.value, theirVersion: theirs.version });
          } catch (loadError) {
            setError(loadError instanceof Error ? loadError : new Error(String(loadError)));
          }
          setStatus('conflict');
          return null;
        }
        setError(e instanceof Error ? e : new Error(String(e)));
        setStatus('error');
        return null;
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [setBase, storageKey]);

  const json = JSON.stringify(value);
  useEffect(() => {
    if (!enabled || conflictRef.current || json === savedJson.current) return;
    store(storageKey, JSON.parse(json) as unknown, versionRef.current);
    setStatus('pending');
    const timer = window.setTimeout(() => void runSave(), delayMs);
    return () => window.clearTimeout(timer);
  }, [json, enabled, delayMs, runSave, storageKey]);

  // Leaving the page with unsaved text: ask the browser to warn (the stored copy survives anyway).
  useEffect(() => {
    if (!enabled) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (JSON.stringify(valueRef.current) !== savedJson.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [enabled]);

  const keepMine = useCallback(async () => {
    if (!conflict) return;
    conflictRef.current = false;
    setBase(conflict.theirVersion);
    setConflict(null);
    savedJson.current = '';
    await runSave();
  }, [conflict, runSave, setBase]);

  const takeTheirs = useCallback(
    (apply: (theirs: T) => void) => {
      if (!conflict) return;
      conflictRef.current = false;
      savedJson.current = JSON.stringify(conflict.theirs);
      setBase(conflict.theirVersion);
      forget(storageKey);
      apply(conflict.theirs);
      setConflict(null);
      setStatus('saved');
    },
    [conflict, setBase, storageKey],
  );

  return { status, error, lastSavedAt, version, conflict, flush: runSave, keepMine, takeTheirs };
}
