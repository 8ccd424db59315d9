import { CERTIFICATION_DUE_DAYS } from '../../../common/preparedness.js';
import { canAtSchool, scopeOf, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';
import { addDays, daysBetween } from '../calendars/calendars.days.js';

/** An SRO as supervision sees them: the schools they serve (grants and assignments) and a district-wide flag. */
export interface SroInfo { id: string; districtWide: boolean; schoolIds: string[] }

/**
 * True when the actor supervises the SRO: `certification.manage` district-wide, or at one of the SRO's
 * schools. Certifications are personnel records: nobody else but the SRO sees them.
 */
export function supervises(actor: Actor, sro: SroInfo): boolean {
  const scope = scopeOf(actor, 'certification.manage');
  if (scope.all) return true;
  return !sro.districtWide && sro.schoolIds.some((s) => canAtSchool(actor, 'certification.manage', s));
}

/** valid, due (expires within 60 days), lapsed (expired) or no_expiry; with days to expiry. */
export function certificationState(expiresOn: string | null, today: string) {
  if (!expiresOn) return { state: 'no_expiry' as const, daysToExpiry: null };
  const days = daysBetween(today, expiresOn);
  if (days < 0) return { state: 'lapsed' as const, daysToExpiry: days };
  return { state: days <= CERTIFICATION_DUE_DAYS ? 'due' as const : 'valid' as const, daysToExpiry: days };
}

/** The last day of the due window. */
export function dueUntil(today: string): string {
  return addDays(today, CERTIFICATION_DUE_DAYS);
}

/** Refuses an expiry before the issue date. */
export function requireDates(issuedOn: string, expiresOn: string | null | undefined): void {
  if (expiresOn && expiresOn < issuedOn) throw new AppError('validation_failed', 'expiresOn: must not be before issuedOn', { field: 'expiresOn' });
}

/** The media type of a document from its first bytes: PDF, PNG or JPEG; else 400 on `file`. */
export function documentType(bytes: Buffer): string {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  throw new AppError('validation_failed', 'file: send a PDF, PNG or JPEG', { field: 'file' });
}
