import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { AppError } from './errors.js';

/**
 * The one input-sanitizing layer every route goes through, whatever its zod schema says: it runs before zod
 * on the params, query and body. A route that forgot the shared text helpers (common/text.ts) still never
 * hands a NUL or another control character to the database (PostgreSQL refuses NUL in text: a 500), never
 * stores two spellings of the same accented name (NFC), and never takes a string longer than any field allows.
 */

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The longest string any field of any route accepts: a tip attachment sent as base64 (5 MB of bytes). Every
 * field also has its own, smaller limit in its schema; the fuzz test (server/fuzz.test.ts) finds one without.
 */
export const MAX_ANY_STRING = 7 * 1024 * 1024;

/** Deeper than any route's body: refused before zod walks it (a stack-exhaustion guard). */
const MAX_DEPTH = 16;

/** Secrets are compared byte for byte with what was set: they are checked for controls but never rewritten. */
const VERBATIM_KEYS = /password|passphrase|secret|token|code$/i;

function fieldOf(path: (string | number)[], part: string): string {
  return path.length ? path.join('.') : part;
}

/**
 * Walks a parsed input in place: refuses forbidden characters, over-long strings and over-deep nesting with
 * an AppError naming the field; replaces every other string by its NFC form. Returns the error or null.
 */
export function sanitizeInput(value: unknown, part: string, path: (string | number)[] = [], depth = 0): AppError | null {
  if (depth > MAX_DEPTH) return new AppError('validation_failed', `${fieldOf(path, part)}: is nested too deeply`, { field: fieldOf(path, part) });
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') {
        const checked = checkString(item, part, [...path, i]);
        if (checked instanceof AppError) return checked;
        value[i] = checked;
      } else {
        const error = sanitizeInput(item, part, [...path, i], depth + 1);
        if (error) return error;
      }
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Readable)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (FORBIDDEN.test(key)) return new AppError('validation_failed', `${fieldOf(path, part)}: a field name holds a control character`, { field: fieldOf(path, part) });
      const item = record[key];
      if (typeof item === 'string') {
        const checked = checkString(item, part, [...path, key], VERBATIM_KEYS.test(key));
        if (checked instanceof AppError) return checked;
        record[key] = checked;
      } else {
        const error = sanitizeInput(item, part, [...path, key], depth + 1);
        if (error) return error;
      }
    }
  }
  return null;
}

function checkString(value: string, part: string, path: (string | number)[], verbatim = false): string | AppError {
  const field = fieldOf(path, part);
  if (value.length > MAX_ANY_STRING) return new AppError('validation_failed', `${field}: is too long`, { field });
  if (FORBIDDEN.test(value)) return new AppError('validation_failed', `${field}: must not contain control characters`, { field });
  return verbatim ? value : value.normalize('NFC');
}

/** Keys of a PATCH body that say which version is being changed, not what changes. */
const NOT_A_CHANGE = new Set(['version']);

/** True when a parsed PATCH body sets nothing (`{}`, or only the version it expects). */
export function isEmptyChange(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(([key, item]) => item === undefined || NOT_A_CHANGE.has(key));
}

/**
 * The validator compiler of the app: the sanitizing walk, then the route's zod schema, then (PATCH bodies)
 * the "nothing to change" rule, so an empty PATCH never reaches an UPDATE with no columns.
 */
export const sanitizingValidatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
  const part = route.httpPart === 'querystring' ? 'query' : (route.httpPart ?? 'body');
  const isPatchBody = route.method === 'PATCH' && route.httpPart === 'body';
  return (data: unknown) => {
    const error = sanitizeInput(data, part);
    if (error) return { error };
    const result = validate(data) as { value?: unknown; error?: Error };
    if (result.error) return result;
    // Judged on what was sent: a partial schema's defaults must not turn `{}` into a change.
    if (isPatchBody && (isEmptyChange(data) || isEmptyChange(result.value))) {
      return { error: new AppError('nothing_to_change', 'Nothing to change: send at least one field to update', { field: 'body' }) };
    }
    return result;
  };
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types a raw-body upload route accepts; anything else (JSON included) is a 415 before parsing. */
    uploadTypes?: readonly string[];
  }
}

function mediaTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Upload routes take only their declared media types: JSON, text or `null` never reaches a service expecting
 * bytes. Checked after the session and permission checks (install after installAuth), so an anonymous or
 * unauthorized caller still reads 401/403 whatever it sends.
 */
export function installUploadGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const types = request.routeOptions.config?.uploadTypes;
    if (!types) return;
    const body: unknown = request.body;
    if (!types.includes(mediaTypeOf(request)) || !(Buffer.isBuffer(body) || typeof body === 'string' || body instanceof Readable)) {
      throw new AppError('unsupported_media_type', `Send the file as ${types.join(', ')}`, { field: 'body' });
    }
  });
}
