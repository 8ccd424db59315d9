import type { DirectoryKind } from '../../../common/directory.js';

/** Why an entry cannot be referenced (an unknown id reads the same as an inactive one), or null when it can. */
export function unusableReason(entry: { active: boolean; kind: string } | undefined, kinds?: readonly DirectoryKind[]): string | null {
  if (!entry || !entry.active) return 'no such directory entry';
  if (kinds && !kinds.includes(entry.kind as DirectoryKind)) return `must be one of: ${kinds.join(', ')}`;
  return null;
}
