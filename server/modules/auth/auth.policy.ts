/** Sign-in throttling: at most this many password (or code) checks per account... */
export const MAX_FAILED_SIGN_INS = 5;
/** ...per window this long; the rest answer 429 without hashing. */
export const LOCKOUT_MS = 10 * 60 * 1000;

/** Seconds left on a lock, or 0 when not locked. */
export function lockSecondsLeft(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}
