import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { TOTP, URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_TEMPLATES } from '../drill-rules/drill-rules.templates.js';
import { auditEvents, districts, drillRules, drillRuleSettings, roleGrants, setupTokens, users } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { issueSetupToken } from './setup.service.js';
import { announceFirstRunSetup } from './setup.startup.js';

// First-run set-up through the one-time link: the page's three calls, the link's life, and what is created.
let t: TestApp;
let token: string;
const HOUR = 60 * 60 * 1000;

const form = {
  districtName: 'Riverside ISD', state: 'TX', timezone: 'America/Chicago', leaid: '4812345',
  adminName: 'Ana Admin', adminEmail: 'Ana.Admin@Riverside.example', adminPassword: 'a-long-enough-password',
};

function codeFor(otpauthUrl: string, steps = 0): string {
  const otp = URI.parse(otpauthUrl);
  if (!(otp instanceof TOTP)) throw new Error('expected a TOTP URL');
  return otp.generate({ timestamp: t.clock.now().getTime() + steps * 30_000 });
}

async function count(table: typeof districts | typeof users | typeof drillRules) {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  const lines: string[] = [];
  const url = await announceFirstRunSetup(t.app, (text) => lines.push(text));
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/setup#[A-Za-z0-9_-]{40,}$/);
  expect(lines.join('')).toContain(url);
  token = url!.split('#')[1]!;
}, 60_000);

afterAll(async () => t?.close());

describe('the set-up link', () => {
  it('is stored only as its SHA-256 and expires 24 hours after start-up; start-up audits that it issued one', async () => {
    const rows = await t.db.select().from(setupTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0]!.expiresAt.getTime() - t.clock.now().getTime()).toBe(24 * HOUR);
    const issued = await t.db.select().from(auditEvents).where(eq(auditEvents.eventType, 'setup.link_issued'));
    expect(issued).toHaveLength(1);
    expect(JSON.stringify(issued[0]!.detail)).not.toContain(token);
  });

  it('is checked without a session: the live link answers its expiry and the states; a wrong one 404', async () => {
    const anonymous = t.client();
    expect((await anonymous.get('/api/setup/status')).body).toEqual({ setupRequired: true });
    const ok = await anonymous.post('/api/setup/check', { token });
    expect(ok.status).toBe(200);
    expect(ok.body.states.map((s: { code: string }) => s.code)).toEqual(['NY', 'IL', 'TX', 'MI', 'CA', 'FL']);
    const wrong = await anonymous.post('/api/setup/check', { token: `${token.slice(0, -4)}AAAA` });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('not_found');
  });

  it('stops working after 24 hours', async () => {
    t.clock.advance(24 * HOUR + 1000);
    try {
      const res = await t.client().post('/api/setup/check', { token });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    } finally {
      t.clock.advance(-(24 * HOUR + 1000));
    }
  });

  it('a new start-up ends the previous link and issues another', async () => {
    const second = await issueSetupToken(t.db, t.clock);
    expect((await t.client().post('/api/setup/check', { token })).status).toBe(404);
    expect((await t.client().post('/api/setup/check', { token: second!.token })).status).toBe(200);
    token = second!.token;
  });
});

describe('the set-up form', () => {
  it.each([
    [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    [{ timezone: '+01:00' }, 'timezone'],
    [{ state: 'ZZ' }, 'state'],
    [{ leaid: '48123' }, 'leaid'],
    [{ adminPassword: 'short' }, 'adminPassword'],
    [{ adminEmail: 'not-an-email' }, 'adminEmail'],
    [{ districtName: ' ' }, 'districtName'],
  ])('refuses %j with 400 naming the field', async (change, field) => {
    const res = await t.client().post('/api/setup/authenticator', { token, ...form, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.field).toBe(field);
  });

  it('a wrong authenticator code (or none offered yet) writes nothing', async () => {
    const client = t.client();
    const early = await client.post('/api/setup/complete', { token, ...form, code: '123456' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'conflict', field: 'code' });
    const offer = await client.post('/api/setup/authenticator', { token, ...form });
    expect(offer.status).toBe(200);
    expect(offer.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/SRO%20Desk:ana\.admin%40riverside\.example\?/);
    expect(offer.body.qrSvg).toMatch(/^<svg/);
    const wrongCode = String((Number(codeFor(offer.body.otpauthUrl)) + 1) % 1_000_000).padStart(6, '0');
    const res = await client.post('/api/setup/complete', { token, ...form, code: wrongCode });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'code' });
    expect(await count(districts)).toBe(0);
    expect(await count(users)).toBe(0);
    expect(await count(drillRules)).toBe(0);
  });
});

describe('finishing set-up', () => {
  it('creates the district with its state drill rules and an enrolled administrator, signs them in, and kills the link', async () => {
    const client = t.client();
    const offer = await client.post('/api/setup/authenticator', { token, ...form });
    const res = await client.post('/api/setup/complete', { token, ...form, code: codeFor(offer.body.otpauthUrl) });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('signed_in');
    expect(res.body.user).toMatchObject({ email: 'ana.admin@riverside.example', mfaEnabled: true });
    expect(res.body.permissions).toContain('deployment.manage');

    const [district] = await t.db.select().from(districts);
    expect(district).toMatchObject({ name: 'Riverside ISD', state: 'TX', timezone: 'America/Chicago', ncesId: '4812345', isDemo: false });
    expect(district!.mfaRequiredRoles).toContain('sysadmin');
    const [settings] = await t.db.select().from(drillRuleSettings).where(eq(drillRuleSettings.districtId, district!.id));
    expect(settings!.state).toBe('TX');
    expect(await count(drillRules)).toBe(STATE_TEMPLATES.TX.rules.length);
    const [admin] = await t.db.select().from(users);
    expect(admin).toMatchObject({ districtId: district!.id, mfaEnabled: true, deploymentAdmin: true, name: 'Ana Admin' });
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
    const grants = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, admin!.id));
    expect(grants.map((g) => [g.role, g.schoolId])).toEqual([['sysadmin', null]]);
    const done = await t.db.select().from(auditEvents).where(eq(auditEvents.eventType, 'setup.completed'));
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ districtId: district!.id, actorUserId: admin!.id, subjectId: district!.id });

    // The administrator works at once: the district page answers.
    expect((await client.get('/api/district')).status).toBe(200);

    // The link is dead, and so is every route of the page.
    const anonymous = t.client();
    for (const [url, body] of [
      ['/api/setup/check', { token }], ['/api/setup/authenticator', { token, ...form }],
      ['/api/setup/complete', { token, ...form, code: codeFor(offer.body.otpauthUrl, 1) }],
    ] as const) {
      const again = await anonymous.post(url, body);
      expect(again.status, url).toBe(404);
      expect(again.body.error.code).toBe('not_found');
    }
    expect((await anonymous.get('/api/setup/status')).body).toEqual({ setupRequired: false });
    expect(await issueSetupToken(t.db, t.clock)).toBeNull();
    expect(await announceFirstRunSetup(t.app, () => undefined)).toBeNull();
  });

  it('the administrator signs in again with password and a fresh authenticator code', async () => {
    t.clock.advance(2 * 60 * 1000);
    const client = t.client();
    const first = await client.post('/api/auth/sign-in', { email: form.adminEmail, password: form.adminPassword });
    expect(first.body.state).toBe('mfa_pending');
    const [admin] = await t.db.select().from(users);
    const secret = t.app.deps.box.open(admin!.mfaSecret!);
    const code = new TOTP({ issuer: 'SRO Desk', secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: t.clock.now().getTime() });
    const verified = await client.post('/api/auth/mfa/verify', { code });
    expect(verified.status).toBe(200);
    expect(verified.body.state).toBe('signed_in');
  });
});
