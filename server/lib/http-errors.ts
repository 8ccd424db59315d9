import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../common/errors.js';
import { AppError, sqlState } from './errors.js';

function send(reply: FastifyReply, error: AppError): void {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.field) body.error.field = error.field;
  if (error.rule) body.error.rule = error.rule;
  if (error.retryAfterSeconds !== undefined) {
    body.error.retryAfterSeconds = error.retryAfterSeconds;
    void reply.header('retry-after', String(error.retryAfterSeconds));
  }
  void reply.code(error.status).send(body);
}

/** Maps whatever was thrown to one JSON error answer; 5xx are logged with the request id, never shown. */
export function toAppError(error: FastifyError | Error): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const where = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    // An unknown field is named by its own key (under the object that holds it), not by that object.
    const unknownKey = (first?.params as { keys?: string[] } | undefined)?.keys?.[0];
    const field = [where, unknownKey].filter(Boolean).join('.') || context;
    return new AppError('validation_failed', `${field}: ${first?.message ?? 'is invalid'}`, { field });
  }
  const code = (error as FastifyError).code;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return new AppError('bad_request', 'The request body is not valid JSON');
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new AppError('bad_request', 'The request body is empty');
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', 'The request body is too large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('unsupported_media_type', 'Send the request body as application/json');
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return new AppError('bad_request', error.message);
  return null;
}

/**
 * What the log keeps of an unexpected error. A failed query's error (Drizzle's) repeats the query's
 * parameters, which hold names, e-mails and dates of birth, in its message, stack and `params`: the log
 * keeps the SQL text with placeholders, the SQLSTATE and the driver's message, never the values.
 */
export function loggableError(error: Error): Error | Record<string, unknown> {
  const failed = error as Error & { query?: unknown; params?: unknown };
  if (typeof failed.query !== 'string' || !('params' in failed)) return error;
  const cause = failed.cause as { name?: string; message?: string } | undefined;
  return {
    type: failed.name,
    message: `Failed query: ${failed.query}`,
    sqlState: sqlState(error),
    cause: cause ? { type: cause.name, message: cause.message } : undefined,
    stack: (failed.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n'),
  };
}

/** Installs the one error handler and the JSON not-found answer for unknown API routes. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (known) return send(reply, known);
    request.log.error({ err: loggableError(error), reqId: request.id }, 'request failed');
    send(reply, new AppError('internal', `Something went wrong on our side (reference ${request.id})`));
  });
}
