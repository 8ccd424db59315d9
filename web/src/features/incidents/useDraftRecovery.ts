import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteDraft, readDraft, writeDraft, type StoredDraft } from '../../lib/draft-store.ts';

/** Where the check for an earlier copy stands, and what to do with one. */
export interface DraftRecovery<T> {
  /** A copy left by an earlier visit that differs from the server's, until the user restores or discards it. */
  offer: StoredDraft<T> | null;
  /** The key the autosave may write under: undefined until the earlier copy is settled, so it is never overwritten unseen. */
  storageKey: string | undefined;
  /** Takes the offered copy (the caller puts it on screen; the autosave then keeps and sends it). */
  restore: () => StoredDraft<T> | null;
  /** Drops the offered copy for good. */
  discard: () => void;
}

/** JSON with object keys sorted and some keys left out, so equal content compares equal whatever the order of its keys. */
export function contentOf(value: unknown, ignore: readonly string[] = []): string {
  return JSON.stringify(value, (k, v: unknown) => {
    if (ignore.includes(k)) return undefined;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
  });
}

/** A copy an earlier release kept in localStorage, moved into IndexedDB before it leaves localStorage. */
async function legacyCopy<T>(key: string, legacyKey: string | undefined): Promise<StoredDraft<T> | undefined> {
  if (!legacyKey) return undefined;
  try {
    const text = window.localStorage.getItem(legacyKey);
    const parsed = text ? (JSON.parse(text) as { value: T; version: number }) : undefined;
    if (!parsed || !('value' in parsed)) return undefined;
    const copy = { value: parsed.value, version: parsed.version, updatedAt: new Date().toISOString() };
    await writeDraft(key, copy);
    window.localStorage.removeItem(legacyKey);
    return copy;
  } catch {
    return undefined;
  }
}

/**
 * On opening an editor, looks for a copy an earlier visit left on this device (a crash, a closed tab, a refused
 * part). A copy equal to what the server holds is dropped quietly; one that differs is offered back.
 */
export function useDraftRecovery<T>({
  key,
  server,
  same = (a, b) => contentOf(a) === contentOf(b),
  legacyKey,
}: {
  key: string;
  /** What the server holds now (read once, when the editor opens). */
  server: T;
  same?: (stored: T, server: T) => boolean;
  legacyKey?: string;
}): DraftRecovery<T> {
  const [offer, setOffer] = useState<StoredDraft<T> | null>(null);
  const [settled, setSettled] = useState(false);
  const serverRef = useRef(server);
  const sameRef = useRef(same);

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = (await readDraft<T>(key)) ?? (await legacyCopy<T>(key, legacyKey));
      if (!live) return;
      if (stored && !sameRef.current(stored.value, serverRef.current)) setOffer(stored);
      else {
        if (stored) void deleteDraft(key);
        setSettled(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [key, legacyKey]);

  const restore = useCallback(() => {
    setOffer(null);
    setSettled(true);
    return offer;
  }, [offer]);

  const discard = useCallback(() => {
    void deleteDraft(key);
    setOffer(null);
    setSettled(true);
  }, [key]);

  return { offer, storageKey: settled ? key : undefined, restore, discard };
}
