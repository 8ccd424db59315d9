import { useEffect, useRef } from 'react';
import type { PresenceStatus } from '@common/notices.ts';
import { useApiData, type Resource } from '../../lib/hooks.ts';
import { useLive, useLiveMessages } from '../alerts/live.tsx';

const sameSlot = (a: PresenceStatus, b: PresenceStatus) => a.schoolId === b.schoolId && a.sro.id === b.sro.id;

/**
 * Where the SROs of my schools are, kept current by the live stream: a `notice.presence` message replaces the
 * status of its SRO at its school, and a re-established stream reloads the list (messages may have been missed).
 */
export function usePresence(schoolId: string | null, enabled = true): Resource<{ items: PresenceStatus[] }> {
  const resource = useApiData<{ items: PresenceStatus[] }>(enabled ? '/presence' : null, {
    schoolId: schoolId ?? undefined,
  });
  const { resyncs } = useLive();
  const { reload, mutate } = resource;
  const dataRef = useRef(resource.data);
  useEffect(() => {
    dataRef.current = resource.data;
  });
  const firstResync = useRef(resyncs);
  useEffect(() => {
    if (resyncs !== firstResync.current) reload();
  }, [resyncs, reload]);
  useLiveMessages((message) => {
    if (message.type !== 'notice.presence' || !enabled) return;
    const status = message.payload.status;
    if (schoolId && status.schoolId !== schoolId) return;
    const current = dataRef.current;
    if (!current) return reload();
    const known = current.items.some((s) => sameSlot(s, status));
    mutate({
      items: known
        ? current.items.map((s) => (sameSlot(s, status) ? status : s))
        : [...current.items, status],
    });
  });
  return resource;
}
