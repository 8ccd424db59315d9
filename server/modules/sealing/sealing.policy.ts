import type { SealState } from '../../db/schema/index.js';
import { canAtSchool, isDistrictWide, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';
import type { PackageContent } from './sealing.repository.js';

/** The record's school is in the actor's scope for `permission` (a tombstone without school: district-wide only). */
function atSchool(actor: Actor, permission: 'incident.unseal' | 'incident.expunge', schoolId: string | null): boolean {
  return schoolId ? canAtSchool(actor, permission, schoolId) : isDistrictWide(actor, permission);
}

/** What the actor may do with a sealed record now (drives the buttons and the checks alike). */
export function sealActions(actor: Actor, seal: { state: SealState; schoolId: string | null }) {
  return {
    unseal: seal.state === 'sealed' && atSchool(actor, 'incident.unseal', seal.schoolId),
    expunge: seal.state === 'sealed' && atSchool(actor, 'incident.expunge', seal.schoolId),
  };
}

/** A seal the actor may see: its school within the scope of unsealing or expunging. */
export function seesSeal(actor: Actor, seal: { schoolId: string | null }): boolean {
  return atSchool(actor, 'incident.unseal', seal.schoolId) || atSchool(actor, 'incident.expunge', seal.schoolId);
}

/** Refuses a court-order step on a seal that is not (or not yet) simply sealed. */
export function checkSealed(seal: { state: SealState }): void {
  if (seal.state === 'sealing') throw new AppError('conflict', 'The sealing is still being completed; try again in a minute', { field: 'state' });
  if (seal.state !== 'sealed') throw new AppError('conflict', 'This record is no longer sealed', { field: 'state' });
}

/**
 * Every id and number that named the record in earlier audit details: the incident, its call, persons,
 * supplements, attachments, referrals, tasks and versions. Only these exact quoted values are replaced.
 */
export function auditNeedles(p: PackageContent): string[] {
  const ids = [p.incident.id, p.incident.number, p.call?.id, p.call?.number, ...p.versions.map((v) => v.id)];
  for (const list of Object.values(p.owned)) for (const row of list ?? []) ids.push(row.id);
  return ids.filter((v): v is string => typeof v === 'string' && /^[A-Za-z0-9-]{6,}$/.test(v));
}
