import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { deleteDraft, writeDraft } from '../../lib/draft-store.ts';

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
  /**
   * Key of the IndexedDB copy kept until the server holds everything on screen (a dropped connection, a crash or
   * a closed tab loses nothing). Undefined while the page has not yet decided about an earlier copy.
   */
  storageKey?: string;
  /** More to keep with the copy, read when it is written. */
  storageExtra?: () => unknown;
}

/** The state and controls of one autosaved draft. */
export interface Autosave<T> {
  status: AutosaveStatus;
  error: Error | null;
  lastSavedAt: Date | null;
  version: number;
  conflict: Conflict<T> | null;
  /** True when unsent typing is kept on this device (false while an earlier copy awaits the user's choice, or without a key). */
  keptOnDevice: boolean;
  /** Saves at once (before submitting); resolves to the version saved, or null when it failed. */
  flush: () => Promise<number | null>;
  /** Resolves a conflict by saving mine over theirs. */
  keepMine: () => Promise<void>;
  /** Resolves a conflict by taking the server's copy; `apply` puts it into the form. */
  takeTheirs: (apply: (theirs: T) => void) => void;
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
  storageExtra,
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
  const extraRef = useRef(storageExtra);
  useEffect(() => {
    valueRef.current = value;
    saveRef.current = save;
    loadRef.current = loadCurrent;
    extraRef.current = storageExtra;
  });

  // The copy on this device follows the screen, never the server: it goes only when the server holds it all.
  const keepCopy = useCallback(
    (copy: unknown, base: number) => {
      if (!storageKey) return;
      void writeDraft(storageKey, { value: copy, version: base, updatedAt: new Date().toISOString(), extra: extraRef.current?.() });
    },
    [storageKey],
  );
  const dropCopy = useCallback(() => {
    if (storageKey) void deleteDraft(storageKey);
  }, [storageKey]);

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
        const caughtUp = JSON.stringify(valueRef.current) === json;
        if (caughtUp) dropCopy();
        else keepCopy(valueRef.current, next);
        setStatus(caughtUp ? 'saved' : 'pending');
        return next;
      } catch (e) {
        // The server holds a new version but not all of it (parts refused or not sendable): never "saved".
        const partial = e instanceof Error && typeof (e as { version?: unknown }).version === 'number' ? (e as Error & { version: number }) : null;
        if (partial) {
          savedJson.current = json;
          setBase(partial.version);
          keepCopy(valueRef.current, partial.version);
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
  }, [setBase, keepCopy, dropCopy]);

  const json = JSON.stringify(value);
  useEffect(() => {
    if (!enabled || conflictRef.current || json === savedJson.current) return;
    keepCopy(JSON.parse(json) as unknown, versionRef.current);
    setStatus('pending');
    const timer = window.setTimeout(() => void runSave(), delayMs);
    return () => window.clearTimeout(timer);
  }, [json, enabled, delayMs, runSave, keepCopy]);

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
      dropCopy();
      apply(conflict.theirs);
      setConflict(null);
      setStatus('saved');
    },
    [conflict, setBase, dropCopy],
  );

  return { status, error, lastSavedAt, version, conflict, keptOnDevice: Boolean(storageKey), flush: runSave, keepMine, takeTheirs };
}
