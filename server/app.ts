import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { CsrfTokens } from './auth/csrf.js';
import { installAuth, routeTable } from './auth/plugin.js';
import type { AppConfig } from './config.js';
import type { Database } from './db/connection.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { AppDeps } from './lib/deps.js';
import { AppError } from './lib/errors.js';
import { installErrorHandling } from './lib/http-errors.js';
import { installUploadGuard, sanitizingValidatorCompiler } from './lib/input.js';
import { completeOpenApi } from './lib/openapi.js';
import { installSecurityHeaders } from './lib/security-headers.js';
import { installRateLimits } from './lib/rate-limit.js';
import { installSessionRevocation } from './auth/revocation.js';
import { loggerOptions } from './lib/logger.js';
import { createSmsProvider } from './lib/sms.js';
import { generateVapidKeys, vapidSubject, WebPushSender } from './lib/webpush.js';
import { Mailer } from './lib/mailer.js';
import { SecretBox } from './lib/secret-box.js';
import { registerModules } from './modules/index.js';
import { installOperations, isSpaPath } from './ops/operations.js';
import { installFileStore } from './files/registry.js';
import { installRetention } from './modules/retention/retention.job.js';
import { installSealing } from './modules/sealing/sealing.files.js';
import { installListExports } from './modules/exports/exports.plugin.js';

export type { AppDeps } from './lib/deps.js';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** Options of `buildApp` beyond configuration; tests pass a clock and quiet logs. */
export interface BuildOptions {
  config: AppConfig;
  database: Database;
  clock?: Clock;
  logger?: boolean;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: NodeJS.WritableStream;
}

/** Builds the whole HTTP application around an open, migrated database. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger === false
      ? false
      : { ...(loggerOptions(config.logLevel) as object), ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const box = new SecretBox(config.sessionSecret);
  const mailer = new Mailer(config.smtpUrl, config.mailFrom);
  app.decorate('deps', {
    config,
    database,
    clock: options.clock ?? systemClock,
    box,
    csrf: new CsrfTokens(box),
    mailer,
    sms: createSmsProvider(config.sms, mailer),
    push: new WebPushSender(config.vapid ?? generateVapidKeys(), vapidSubject(config.publicUrl, config.mailFrom)),
  } satisfies AppDeps);
  app.addHook('onClose', async () => app.deps.mailer.close());
  installOperations(app);
  installFileStore(app);
  installSealing(app);
  installRetention(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  app.setValidatorCompiler(sanitizingValidatorCompiler);
  installSecurityHeaders(app);
  installRateLimits(app, config.rateLimitScale);
  installSessionRevocation(app);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await app.register(fastifyCookie);
  installAuth(app);
  installUploadGuard(app);
  installListExports(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SRO Desk API',
        version: '0.1.0',
        license: { name: 'Proprietary: licensed to the districts and agencies that run it', identifier: 'LicenseRef-Proprietary' },
        description: 'The API of SRO Desk. Sign in with POST /api/auth/sign-in; state-changing requests carry the x-csrf-token header echoing the sro_csrf cookie.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sro_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documents) =>
      'openapiObject' in documents ? completeOpenApi(documents.openapiObject as Parameters<typeof completeOpenApi>[0], routeTable.get(app) ?? []) : documents.swaggerObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(registerModules, { prefix: '/api' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  const webDir = config.webDir;
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir, wildcard: false, index: false, maxAge: '1h',
      // index.html names the current build's hashed files: a cached copy would load a previous release.
      setHeaders: (reply, filePath) => {
        // The service worker and its file list must be checked on every start, or an update waits a day.
        if (['index.html', 'sw.js', 'precache.json', 'manifest.webmanifest'].includes(path.basename(filePath))) void reply.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // A missing file (an old build's script, a typo) is a 404, not the app page served with the wrong type.
    const isFile = /\.[a-z0-9]+$/i.test(request.url.split('?')[0]!) || request.url.startsWith('/assets/');
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb || isFile || !isSpaPath(request.url.split('?')[0]!)) {
      throw new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    // History fallback: every page path of the single-page app answers with index.html.
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return app;
}
