import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a token, hex; what is stored in place of a session token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
