import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import type { Role } from '../../../common/roles.js';
import { buildApp } from '../../app.js';
import { hashPassword } from '../../auth/passwords.js';
import type { AppConfig } from '../../config.js';
import { openPglite, openPostgres, type Database, type Db } from '../../db/connection.js';
import { auditEvents, districts, roleGrants, schools, sessions, users } from '../../db/schema/index.js';
import { ManualClock } from '../../lib/clock.js';

// Test support of the users and assignments modules (used until the shared helpers of server/test exist).

export const PASSWORD = 'correct-horse-battery';

/** A built app on a fresh database, with a hand-moved clock. */
export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: ManualClock;
  close(): Promise<void>;
}

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (process.env.TEST_DB !== 'postgres') {
    const database = await openPglite();
    await database.migrate();
    return { database, drop: async () => undefined };
  }
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  const name = `sro_users_${randomUUID().replaceAll('-', '')}`;
  const admin = postgres(url.toString(), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 4 });
  await database.migrate();
  return {
    database,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** Builds the app on a fresh migrated database (PGlite, or PostgreSQL with TEST_DB=postgres). */
export async function startApp(options: { smtpUrl?: string } = {}): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  const config: AppConfig = {
    port: 0, host: '127.0.0.1', dataDir: '/nonexistent', sessionSecret: 's'.repeat(40), smtpUrl: options.smtpUrl,
    mailFrom: 'SRO Desk <no-reply@srodesk.test>', publicUrl: 'https://srodesk.example.test', logLevel: 'silent',
    seedDemo: false, webDir: '/nonexistent', secureCookies: false, rateLimitScale: 1000,
  };
  const clock = new ManualClock(new Date('2026-11-02T14:00:00Z'));
  const app = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  return {
    app, db: database.db, clock,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** An HTTP client with a cookie jar that echoes the CSRF cookie in its header, as the web app does. */
export class Client {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  /** Sends a request; the body is JSON when given. */
  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    if (method !== 'GET' && !this.cookies.has('sro_csrf')) await this.request('GET', '/api/auth/session');
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (this.cookies.has('sro_csrf')) headers['x-csrf-token'] = this.cookies.get('sro_csrf')!;
    const res = await this.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely
    return { status: res.statusCode, body: (res.body ? JSON.parse(res.body) : null) as any };
  }

  /** Signs in and returns the answer. */
  async signIn(email: string, password = PASSWORD) {
    return this.request('POST', '/api/auth/sign-in', { email, password });
  }
}

/** A signed-in client. */
export async function signedIn(t: TestApp, email: string, password = PASSWORD): Promise<Client> {
  const client = new Client(t.app);
  const res = await client.signIn(email, password);
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(res.body)}`);
  return client;
}

/** A district without a two-step sign-in requirement, so test users sign in with a password alone. */
export async function createDistrict(db: Db, name = 'Test ISD') {
  const [row] = await db.insert(districts).values({ name, state: 'TX', mfaRequiredRoles: [] }).returning();
  return row!;
}

let ncesCounter = 100000000000 + Math.floor(Math.random() * 800000000000);
/** A school of a district. */
export async function createSchool(db: Db, districtId: string, name: string) {
  const [row] = await db.insert(schools).values({
    districtId, ncesId: String(ncesCounter++), name, level: 'high', gradeLow: 9, gradeHigh: 12,
    street: '1 Main St', city: 'Austin', state: 'TX', zip: '78701', phone: '512-555-0100',
  }).returning();
  return row!;
}

let fixtureHash: Promise<string> | undefined;
/** A user with the given grants and the password PASSWORD. */
export async function createUser(
  db: Db, districtId: string, email: string, grants: { role: Role; schoolId: string | null }[], extra: { name?: string; badgeNumber?: string } = {},
) {
  fixtureHash ??= hashPassword(PASSWORD);
  const [row] = await db.insert(users).values({
    districtId, email, name: extra.name ?? email.split('@')[0]!, badgeNumber: extra.badgeNumber, passwordHash: await fixtureHash,
  }).returning();
  for (const g of grants) await db.insert(roleGrants).values({ userId: row!.id, ...g });
  return row!;
}

/** Audit events of a type (and subject), oldest first. */
export async function auditOf(db: Db, type: string, subjectId?: string) {
  const where = subjectId ? and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, subjectId)) : eq(auditEvents.eventType, type);
  return db.select().from(auditEvents).where(where).orderBy(auditEvents.id);
}

/** Number of live sessions of a user. */
export async function sessionCount(db: Db, userId: string) {
  return (await db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

/** The in-process SMTP server of the test harness (server/test/smtp.ts). */
export { startSmtpServer as startSmtp } from '../../test/smtp.js';
