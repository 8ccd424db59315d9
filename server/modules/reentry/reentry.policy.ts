import { canAtSchool, type Actor } from '../../auth/access.js';

/**
 * Why the actor may see a re-entry plan or a problem-solving team of `schoolId`: as a member (holding support.plan
 * there), or as an overseer (support.oversee: school administrators, the district safety director). Null: not at all.
 * Members and overseers may also change it.
 */
export function accessTo(actor: Actor, schoolId: string, memberIds: readonly string[]): 'member' | 'overseer' | null {
  if (memberIds.includes(actor.userId) && canAtSchool(actor, 'support.plan', schoolId)) return 'member';
  if (canAtSchool(actor, 'support.oversee', schoolId)) return 'overseer';
  return null;
}

/** The members to store: the given ones plus whoever must stay (the creator), without repeats. */
export function memberSet(memberIds: readonly string[], keep: readonly string[] = []): string[] {
  return [...new Set([...keep, ...memberIds])];
}
