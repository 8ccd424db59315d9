import { Secret, TOTP } from 'otpauth';

const ISSUER = 'SRO Desk';

/** A new random TOTP secret (base32). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/**
 * The time step (30-second counter) of `code` when it is valid now, allowing one step of clock drift
 * either way; null when it is not. Callers store the step so that a code cannot be used twice.
 */
export function checkTotp(secret: string, code: string, at: Date): number | null {
  const delta = totp(secret, 'check').validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / 30_000) + delta;
}

/** The current code for a secret (used by tests and the demo tooling, never by the sign-in path). */
export function currentTotp(secret: string, at: Date = new Date()): string {
  return totp(secret, 'check').generate({ timestamp: at.getTime() });
}
