import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import type { TOTP} from 'otpauth';
import { URI } from 'otpauth';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../db/connection.js';
import { districts, drillRules, users } from '../../db/schema/index.js';
import { createTestApp, TEST_SESSION_SECRET } from '../../test/app.js';
import { adminUrl, ROOT, TEST_TMP, testEngine } from '../../test/database.js';

// `npm run setup -- ...` exactly as the README documents it, on the engine of the run (an empty data folder, or an
// empty PostgreSQL database the command migrates itself).
const ARGS = ['--district', 'Lakeside Unified', '--state', 'CA', '--timezone', 'America/Los_Angeles', '--admin-email', 'lee@lakeside.example', '--admin-name', 'Lee Admin'];
const PASSWORD = 'a-scripted-install-password';
let env: Record<string, string>;
let dropDatabase: (() => Promise<void>) | null = null;

function run(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'setup', '--', ...args], {
      cwd: ROOT, env: { ...process.env, ...env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.end(options.stdin ?? '');
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

async function openTarget(): Promise<Database> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { max: 2 }) : openPglite({ dataDir: path.join(env.DATA_DIR!, 'pglite') });
}

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(TEST_TMP, 'setup-cli-'));
  env = { DATA_DIR: dataDir, SESSION_SECRET: TEST_SESSION_SECRET, LOG_LEVEL: 'silent' };
  if (testEngine() === 'postgres') {
    const name = `srodesk_t_${process.pid}_cli${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const sql = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    };
  }
});

afterAll(async () => dropDatabase?.());

describe('npm run setup', () => {
  it('prints its usage and exits 64 when a flag is missing, and refuses a password on the command line', async () => {
    const missing = await run(ARGS.slice(0, 4));
    expect(missing.code).toBe(64);
    expect(missing.err).toContain('Missing --timezone, --admin-email, --admin-name');
    expect(missing.err).toContain('Usage: npm run setup');
    const argvPassword = await run([...ARGS, '--password', PASSWORD]);
    expect(argvPassword.code).toBe(64);
    expect(argvPassword.err).toMatch(/Unknown option '--password'/);
  }, 120_000);

  it('refuses a bad time zone or a short password with exit 65, naming the flag, and creates nothing', async () => {
    const zone = await run(ARGS.map((a) => (a === 'America/Los_Angeles' ? 'Pacific/Atlantis' : a)), { env: { SETUP_ADMIN_PASSWORD: PASSWORD } });
    expect(zone.code).toBe(65);
    expect(zone.err).toContain('--timezone: must be an IANA time zone');
    const short = await run(ARGS, { stdin: 'short\n' });
    expect(short.code).toBe(65);
    expect(short.err).toContain('password (SETUP_ADMIN_PASSWORD or standard input): must be at least 12 characters');
    const database = await openTarget();
    try {
      await database.migrate();
      expect(await database.db.select().from(districts)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('creates the district and its enrolled administrator from a password on standard input, then refuses to run again', async () => {
    const first = await run(ARGS, { stdin: `${PASSWORD}\n` });
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('District created: Lakeside Unified (CA, America/Los_Angeles)');
    expect(first.out).not.toContain(PASSWORD);
    const otpauth = /otpauth: (otpauth:\/\/\S+)/.exec(first.out)![1]!;

    const again = await run(ARGS.map((a) => (a === 'Lakeside Unified' ? 'Second District' : a)), { env: { SETUP_ADMIN_PASSWORD: PASSWORD } });
    expect(again.code).toBe(73);
    expect(again.err).toContain('already has a district');

    const database = await openTarget();
    const t = await createTestApp({ database, now: new Date() });
    try {
      const rows = await t.db.select().from(districts);
      expect(rows.map((d) => [d.name, d.state, d.timezone])).toEqual([['Lakeside Unified', 'CA', 'America/Los_Angeles']]);
      expect((await t.db.select().from(drillRules)).length).toBeGreaterThan(0);
      const [admin] = await t.db.select().from(users);
      expect(admin).toMatchObject({ email: 'lee@lakeside.example', mfaEnabled: true, deploymentAdmin: true });
      // The printed secret is the account's: password plus its code signs in.
      const client = t.client();
      expect((await client.signIn('lee@lakeside.example', PASSWORD)).body.state).toBe('mfa_pending');
      const otp = URI.parse(otpauth) as TOTP;
      const verified = await client.post('/api/auth/mfa/verify', { code: otp.generate({ timestamp: t.clock.now().getTime() }) });
      expect(verified.status).toBe(200);
      expect(verified.body.state).toBe('signed_in');
    } finally {
      await t.close();
      await database.close();
    }
  }, 180_000);
});
