import { hash, verify } from '@node-rs/argon2';

/** argon2id (algorithm 2) with OWASP's minimum: 19 MiB, 2 passes, 1 lane. */
export const PASSWORD_HASH_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// Under the test runner only (vitest sets VITEST in its processes and the servers they spawn) a cheap cost:
// thousands of sign-ins per suite run would otherwise spend minutes in argon2. Never in production; a hash
// keeps its parameters, so verification of either kind works everywhere.
const TEST_OPTIONS = { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/** The cost new hashes get: the production cost, or the test cost inside the test runner. */
export function passwordHashOptions(env: NodeJS.ProcessEnv = process.env) {
  return env.VITEST && env.NODE_ENV !== 'production' ? TEST_OPTIONS : PASSWORD_HASH_OPTIONS;
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions());
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
