import { createHash } from 'node:crypto';
import { AppError } from '../../lib/errors.js';

/**
 * The tip line's flood gate (docs/adr/0002-tip-flood.md). While tokens are issued at a normal rate a token is
 * free; when the line is flooded (more tokens issued in the current minute than FLOOD_TOKENS_PER_MINUTE) each
 * new token comes with a proof-of-work challenge, and a tip sent with it must carry a `proof`: a string such
 * that SHA-256(token ":" proof) starts with `difficulty` zero bits. A person's browser solves it in about a
 * second; a script pays the same for every tip, however many addresses it uses. Nothing here identifies anyone:
 * the gate counts tokens, not clients, and remembers challenges in memory only until their tokens expire.
 */
export const FLOOD_TOKENS_PER_MINUTE = 120;
/** Bits of work under a flood, and under a flood five times as large. */
export const FLOOD_DIFFICULTY = 16;
export const HEAVY_FLOOD_DIFFICULTY = 20;
const MAX_CHALLENGES = 200_000;

/** The number of leading zero bits of SHA-256(`token:proof`). */
export function workOf(token: string, proof: string): number {
  const digest = createHash('sha256').update(`${token}:${proof}`).digest();
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
}

/** Counts token issues per minute and holds the challenges of tokens issued under a flood. */
export class FloodGate {
  private minute = -1;
  private issued = 0;
  private readonly challenges = new Map<string, { difficulty: number; expiresAt: number }>();

  constructor(private readonly now: () => number, private readonly scale = 1) {}

  /**
   * The work a token issued now must carry (0: none), counting this issue; `lineBudgetSpent` (the line-wide token
   * budget of server/lib/rate-limit.ts is spent) asks for the heavy work whatever this gate counted.
   */
  difficultyForNewToken(lineBudgetSpent = false): number {
    const nowMs = this.now();
    const minute = Math.floor(nowMs / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.issued = 0;
    }
    this.issued++;
    const threshold = FLOOD_TOKENS_PER_MINUTE * this.scale;
    if (lineBudgetSpent) return HEAVY_FLOOD_DIFFICULTY;
    if (this.issued <= threshold) return 0;
    return this.issued > 5 * threshold ? HEAVY_FLOOD_DIFFICULTY : FLOOD_DIFFICULTY;
  }

  /** Remembers that `token` needs `difficulty` bits of work until it expires. */
  require(token: string, difficulty: number, expiresAt: number): void {
    if (this.challenges.size >= MAX_CHALLENGES) {
      const nowMs = this.now();
      for (const [key, c] of this.challenges) if (c.expiresAt <= nowMs) this.challenges.delete(key);
    }
    this.challenges.set(token, { difficulty, expiresAt });
  }

  /**
   * Refuses a tip whose token was issued under a flood without enough work (400 on `proof`); true when the tip
   * carried the work its token asked for, false when its token was free.
   */
  check(token: string, proof: string | undefined): boolean {
    const challenge = this.challenges.get(token);
    if (!challenge) return false;
    if (!proof || workOf(token, proof) < challenge.difficulty) {
      throw new AppError('validation_failed', `proof: the tip line is busy; this token needs a proof of work of ${challenge.difficulty} bits`, { field: 'proof' });
    }
    return true;
  }
}

/**
 * Runs the passphrase hashes of new tips (argon2: the tip line's CPU cost) at most `slots` at a time, tips that
 * carried verified work before tips sent with a free token. Under a flood the free tokens of the minute go to the
 * flood, and without this its tips' hashes would queue ahead of every real reporter's for many seconds.
 */
export class HashQueue {
  private running = 0;
  private readonly worked: (() => void)[] = [];
  private readonly free: (() => void)[] = [];

  constructor(private readonly slots: number) {}

  /** Runs `hash` when a slot is free; `worked` tips are served first. */
  async run<T>(worked: boolean, hash: () => Promise<T>): Promise<T> {
    if (this.running < this.slots) this.running++;
    else await new Promise<void>((resolve) => (worked ? this.worked : this.free).push(resolve));
    try {
      return await hash();
    } finally {
      // The slot passes straight to the next waiter, so the count only drops when nobody waits.
      const next = this.worked.shift() ?? this.free.shift();
      if (next) next();
      else this.running--;
    }
  }
}
