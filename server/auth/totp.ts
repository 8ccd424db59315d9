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

/** True when `code` is valid now, allowing one 30-second step of clock drift either way. */
export function checkTotp(secret: string, code: string, at: Date): boolean {
  return totp(secret, 'check').validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null;
}

/** The current code for a secret (used by tests and the demo tooling, never by the sign-in path). */
export function currentTotp(secret: string, at: Date = new Date()): string {
  return totp(secret, 'check').generate({ timestamp: at.getTime() });
}
