import { ERROR_STATUS, type ErrorCode } from '../../common/errors.js';

/** The one error type the application throws on purpose; the error handler turns it into an answer. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly retryAfterSeconds?: number;
  /** The data-quality rule that refused the input (NIBRS edits), when one did. */
  readonly rule?: string;

  constructor(code: ErrorCode, message: string, options: { field?: string; retryAfterSeconds?: number; rule?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.rule = options.rule;
  }

  /** The HTTP status of this error's code. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A record that does not exist, or that the user may not see: both read the same. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}

/** The SQLSTATE of a database error, wherever the driver put it (Drizzle wraps it in `cause`). */
export function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 3 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Runs `work`; a unique-key violation becomes a 409 naming `field`. */
export async function uniqueOr409<T>(work: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (sqlState(error) === '23505') throw new AppError('conflict', message, { field });
    throw error;
  }
}
