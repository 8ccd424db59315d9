import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches the stored argon2 hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// A hash of a random string, verified against when the e-mail is unknown so both cases take as long.
let decoyHash: Promise<string> | undefined;
/** A hash to verify against for unknown accounts (equal timing for unknown and wrong). */
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}
