import { MyPresence } from '../notices/MyPresence.tsx';
import { usePresence } from '../notices/usePresence.ts';

/** The SRO's own status on the dashboard, so "leaving the building" is one tap from the first screen. */
export function MyStatusCard() {
  const presence = usePresence(null);
  if (!presence.data) return null;
  return <MyPresence statuses={presence.data.items} onChange={presence.reload} />;
}
