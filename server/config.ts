import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { randomToken } from './lib/ids.js';
import { vapidKeysFromDataDir, type VapidKeys } from './lib/webpush.js';
import { PACKAGE_ROOT } from './lib/paths.js';
import type { S3Config } from './files/s3.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  // Default: <package root>/data, whatever the working directory (docs/OPERATIONS.md: set it outside the code).
  DATA_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('SRO Desk <no-reply@srodesk.local>'),
  SMS_PROVIDER: z.enum(['http', 'email-gateway']).optional(),
  SMS_URL: z.string().url().optional(),
  SMS_ACCOUNT: z.string().min(1).optional(),
  SMS_TOKEN: z.string().min(1).optional(),
  SMS_FROM: z.string().min(1).optional(),
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'VAPID_PUBLIC_KEY must be a base64url P-256 public key (65 bytes)').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'VAPID_PRIVATE_KEY must be a base64url P-256 private key (32 bytes)').optional(),
  PUSH_ALLOW_HTTP_LOOPBACK: z.enum(['true', 'false']).default('false'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  RATE_LIMIT_SCALE: z.coerce.number().min(0.01).max(100_000).default(1),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DB_CONNECT_TIMEOUT: z.coerce.number().int().min(1).max(120).default(5),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  FILE_STORE: z.union([z.enum(['db', 'dir']), z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\s]*)?$/, 'FILE_STORE must be db, dir or s3://bucket/prefix')]).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]+$/, 'S3_REGION must be a region name such as us-east-1').default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_SESSION_TOKEN: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  MASTER_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'MASTER_KEY must be 32 bytes in base64 (openssl rand -base64 32)').optional(),
}).superRefine((e, ctx) => {
  if (e.FILE_STORE?.startsWith('s3://')) {
    for (const name of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required when FILE_STORE=s3://...` });
    }
  }
  if (!e.VAPID_PUBLIC_KEY !== !e.VAPID_PRIVATE_KEY) {
    ctx.addIssue({ code: 'custom', path: [e.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'], message: 'set both VAPID keys or neither' });
  }
  if (e.SMS_PROVIDER !== 'http') return;
  for (const name of ['SMS_URL', 'SMS_ACCOUNT', 'SMS_TOKEN', 'SMS_FROM'] as const) {
    if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: `${name} is required when SMS_PROVIDER=http` });
  }
});

/** Text messages: an HTTP API of the common REST shape, or carriers' e-mail-to-SMS gateways through SMTP. */
export type SmsConfig =
  | { provider: 'http'; url: string; account: string; token: string; from: string }
  | { provider: 'email-gateway' };

/** Everything the server needs to know about its environment, validated once at start. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  sessionSecret: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Web Push VAPID keys (VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, else generated into the data folder); absent: generated per process. */
  vapid?: VapidKeys;
  /** Accept http://127.0.0.1 / localhost push endpoints (tests and development only; PUSH_ALLOW_HTTP_LOOPBACK). */
  pushAllowHttpLoopback?: boolean;
  /** SMS delivery (SMS_PROVIDER); absent: text messages wait in the outbox unsent. */
  sms?: SmsConfig;
  publicUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: boolean;
  /** Folder of the built SPA; served when it exists. */
  webDir: string;
  /** Secure cookies when the public URL is https. */
  secureCookies: boolean;
  /** Multiplies every rate-limit budget (server/lib/rate-limit.ts); tests loosen them. */
  rateLimitScale: number;
  /** PostgreSQL pool size per process (DB_POOL_MAX). */
  dbPoolMax?: number;
  /** Seconds to wait for a PostgreSQL connection before naming the host unreachable (DB_CONNECT_TIMEOUT). */
  dbConnectTimeout?: number;
  /** Bearer token of GET /metrics; without it the metrics route is disabled (404). */
  metricsToken?: string;
  /** Where file bytes go (FILE_STORE): `db` (default on PostgreSQL), `dir` (DATA_DIR/files, default on PGlite) or `s3`. */
  fileStore?: 'db' | 'dir' | 's3';
  /** The S3-compatible bucket (FILE_STORE=s3://bucket/prefix and S3_*); also read when files are moved out of it. */
  s3?: S3Config;
  /** Seconds a process answers readiness 503 after SIGTERM before it stops accepting (SHUTDOWN_DRAIN_SECONDS). */
  drainSeconds?: number;
  /** Master key (base64, 32 bytes) wrapping every file key; else generated into the data folder. */
  masterKey?: string;
}

/** Reads and validates configuration; a bad variable stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR ? path.resolve(e.DATA_DIR) : path.join(PACKAGE_ROOT, 'data');
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? sessionSecretFromDataDir(dataDir),
    pushAllowHttpLoopback: e.PUSH_ALLOW_HTTP_LOOPBACK === 'true',
    vapid: vapidKeysFromDataDir(dataDir, { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY }),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    ...(e.SMS_PROVIDER === 'http' ? { sms: { provider: 'http' as const, url: e.SMS_URL!, account: e.SMS_ACCOUNT!, token: e.SMS_TOKEN!, from: e.SMS_FROM! } }
      : e.SMS_PROVIDER === 'email-gateway' ? { sms: { provider: 'email-gateway' as const } } : {}),
    publicUrl,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'true',
    webDir: path.join(PACKAGE_ROOT, 'dist/web'),
    secureCookies: publicUrl.startsWith('https://'),
    rateLimitScale: e.RATE_LIMIT_SCALE,
    dbPoolMax: e.DB_POOL_MAX,
    dbConnectTimeout: e.DB_CONNECT_TIMEOUT,
    metricsToken: e.METRICS_TOKEN,
    masterKey: e.MASTER_KEY,
    drainSeconds: e.SHUTDOWN_DRAIN_SECONDS,
    fileStore: e.FILE_STORE?.startsWith('s3://') ? 's3' : (e.FILE_STORE as 'db' | 'dir' | undefined),
    ...(e.FILE_STORE?.startsWith('s3://') ? { s3: s3Config(e.FILE_STORE, e) } : {}),
  };
}

/**
 * The bucket of FILE_STORE=s3://bucket/prefix: AWS's regional endpoint unless S3_ENDPOINT names another server;
 * path-style addressing by default for such a server (MinIO and most self-hosted ones want it), virtual-hosted
 * on AWS; S3_FORCE_PATH_STYLE decides either way.
 */
function s3Config(url: string, e: z.infer<typeof envSchema>): S3Config {
  const [, bucket = '', rest = ''] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url) ?? [];
  return {
    endpoint: (e.S3_ENDPOINT ?? `https://s3.${e.S3_REGION}.amazonaws.com`).replace(/\/$/, ''),
    region: e.S3_REGION,
    bucket,
    prefix: rest && !rest.endsWith('/') ? `${rest}/` : rest,
    credentials: { accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY!, ...(e.S3_SESSION_TOKEN ? { sessionToken: e.S3_SESSION_TOKEN } : {}) },
    pathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === 'true' : Boolean(e.S3_ENDPOINT),
  };
}

/** A generated secret kept in the data folder so sessions survive restarts without configuration. */
function sessionSecretFromDataDir(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomToken(48);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
