import type { FastifyServerOptions } from 'fastify';

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
        'res.headers["set-cookie"]', '*.password', '*.currentPassword', '*.newPassword', '*.code',
        '*.email', '*.phone', '*.dateOfBirth', '*.firstName', '*.lastName', '*.token', '*.secret',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { id: string; method: string; url: string }) {
        return { id: request.id, method: request.method, path: request.url.split('?')[0] };
      },
    },
  };
}
