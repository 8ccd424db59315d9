import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type AppConfig } from '../config.js';
import { CSRF_COOKIE, CSRF_HEADER } from '../auth/csrf.js';
import type { Database, Db } from '../db/connection.js';
import { ManualClock } from '../lib/clock.js';
import { createTestDatabase, TEST_TMP } from './database.js';
import { TEST_PASSWORD } from './fixtures.js';

/** A fixed secret so sealed values and CSRF tokens are reproducible within a test. */
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdefghijklmnopqr';

/** Options of `createTestApp`. */
export interface TestAppOptions {
  /** An SMTP URL (see `startSmtpServer`); without it the app sends no mail. */
  smtpUrl?: string;
  /** Where the clock starts; defaults to ManualClock's default (a school-day afternoon). */
  now?: Date;
  /** More environment for loadConfig, e.g. { PUBLIC_URL: 'https://sro.example.test' }. */
  env?: Record<string, string>;
  /** An existing database to use instead of a fresh one; `close()` then leaves it open. */
  database?: Database;
}

/** A built app on its own database with a hand-moved clock. */
export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Db;
  config: AppConfig;
  clock: ManualClock;
  /** A new HTTP client with an empty cookie jar. */
  client(): TestClient;
  close(): Promise<void>;
}

/** Configuration as loadConfig reads it from a test environment. */
export function testConfig(env: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    SESSION_SECRET: TEST_SESSION_SECRET,
    DATA_DIR: path.join(TEST_TMP, `data-${process.pid}`),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    // Tests sign in and post far faster than people: budgets loosened (rate-limit tests pass RATE_LIMIT_SCALE=1).
    RATE_LIMIT_SCALE: '1000',
    ...env,
  });
}

/** Builds the whole app, logger off, on a fresh test database (TEST_DB chooses the engine). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const ownsDatabase = !options.database;
  try {
    const config = testConfig({ ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}), ...options.env });
    const clock = new ManualClock(options.now);
    const app = await buildApp({ config, database, clock, logger: false });
    await app.ready();
    return {
      app, database, db: database.db, config, clock,
      client: () => new TestClient(app),
      close: async () => {
        await app.close();
        if (ownsDatabase) await database.close();
      },
    };
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
}

/** An answer as tests read it: status, headers and the JSON body (or null; text stays in `text`). */
export interface TestResponse {
  status: number;
  headers: LightMyRequestResponse['headers'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely and assert their shape
  body: any;
  text: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * An HTTP client over `app.inject` that behaves like the web app: it keeps cookies and echoes the
 * `sro_csrf` cookie in the `x-csrf-token` header of every request (fetching one first when it has none).
 */
export class TestClient {
  /** The cookie jar, by name; tests may read or tamper with it. */
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  /** Sends a request; a body is sent as JSON. `headers` add to (or override) the defaults. */
  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    if (method !== 'GET' && !this.cookies.has(CSRF_COOKIE)) await this.request('GET', '/api/health');
    const sent: Record<string, string> = {};
    if (this.cookies.size > 0) sent.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (csrf) sent[CSRF_HEADER] = csrf;
    const res = await this.app.inject({
      method, url, headers: { ...sent, ...headers }, ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const cookie of res.cookies) {
      const expired = cookie.expires instanceof Date && cookie.expires.getTime() <= Date.now();
      if (cookie.value === '' || expired || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    let parsed: unknown = null;
    if (res.body && String(res.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(res.body);
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body };
  }

  /** GET `url`. */
  get(url: string, headers?: Record<string, string>): Promise<TestResponse> {
    return this.request('GET', url, undefined, headers);
  }

  /** POST `body` as JSON. */
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse> {
    return this.request('POST', url, body, headers);
  }

  /** PATCH `body` as JSON. */
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse> {
    return this.request('PATCH', url, body, headers);
  }

  /** PUT `body` as JSON. */
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse> {
    return this.request('PUT', url, body, headers);
  }

  /** DELETE `url`. */
  delete(url: string, headers?: Record<string, string>): Promise<TestResponse> {
    return this.request('DELETE', url, undefined, headers);
  }

  /** Signs in; throws with the answer unless it is 200 (use `post('/api/auth/sign-in', …)` to test failures). */
  async signIn(email: string, password = TEST_PASSWORD): Promise<TestResponse> {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text}`);
    return res;
  }
}

/** A client of `app` signed in as `email`. */
export async function signedInClient(app: FastifyInstance | TestApp, email: string, password = TEST_PASSWORD): Promise<TestClient> {
  const client = new TestClient('app' in app && 'clock' in app ? app.app : (app as FastifyInstance));
  await client.signIn(email, password);
  return client;
}
