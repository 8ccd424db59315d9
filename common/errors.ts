/** The closed set of error codes the API answers with, and the HTTP status of each. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  nothing_to_change: 400,
  unauthenticated: 401,
  mfa_required: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // A juvenile or sealed record opens only with a stated reason (common/read-reasons.ts); the client asks and retries.
  reason_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  locked_out: 429,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; retryAfterSeconds?: number; rule?: string };
}
