import { constants } from 'node:os';
import type { FastifyServerOptions } from 'fastify';

const ERRNO = new Set([...Object.keys(constants.errno), 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Error codes explain failures and are never secret: a `code` that is an errno name (ECONNREFUSED), a SQLSTATE
 * (28P01), an upper-case code with an underscore (CONNECT_TIMEOUT, FST_ERR_...) or an app code (not_found) is
 * kept; anything else under a redacted key (a TOTP or tip code in a body) is hidden.
 */
function censorKeepingErrorCodes(value: unknown, path: string[]): unknown {
  if (path.at(-1) === 'code' && typeof value === 'string' && isErrorCode(value)) return value;
  return '[redacted]';
}

function isErrorCode(value: string): boolean {
  return ERRNO.has(value) || /^[0-9][0-9A-Z]{4}$/.test(value) || /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(value) || /^[a-z]+(_[a-z]+)+$/.test(value);
}

/**
 * pino options: request ids on every line, the URL without its query (it can hold names), and
 * cookies, tokens, passwords and personal fields redacted wherever they appear.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]', '*.password', '*.currentPassword', '*.newPassword', '*.code', '*.*.code',
        '*.email', '*.phone', '*.dateOfBirth', '*.firstName', '*.lastName', '*.token', '*.secret',
      ],
      censor: censorKeepingErrorCodes,
    },
    serializers: {
      req(request: { id: string; method: string; url: string }) {
        return { id: request.id, method: request.method, path: request.url.split('?')[0] };
      },
    },
  };
}
