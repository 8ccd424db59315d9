import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants } from '../db/schema/index.js';
import { createTestApp, type TestApp } from './app.js';
import { createTestDatabase, TEMPLATE_ENV, testEngine } from './database.js';
import { createDistrict, createSchool, createUser } from './fixtures.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';

// The harness proves itself here, so a failing module test is about the module, not the helpers.

describe(`test database helpers (${testEngine()})`, () => {
  it('hand out migrated clones of the run template that do not share rows', async () => {
    expect(process.env[TEMPLATE_ENV[testEngine()]]).toBeTruthy();
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect((await a.migrationVersion()).latest).not.toBeNull();
      const district = await createDistrict(a, { name: 'Only in A' });
      expect(district.id).toBeTruthy();
      const inB = await b.db.query.districts.findMany();
      expect(inB.map((d) => d.name)).not.toContain('Only in A');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('test app and client', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('answers health and hands out the CSRF cookie', async () => {
    const client = t.client();
    const res = await client.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { kind: t.database.kind } });
    expect(client.cookies.get('sro_csrf')).toBeTruthy();
  });

  it('refuses a state change without the CSRF header and accepts it with', async () => {
    const client = t.client();
    await client.get('/api/health');
    const refused = await client.post('/api/auth/sign-in', { email: 'x@y.test', password: 'wrong-password' }, { 'x-csrf-token': 'forged' });
    expect(refused.status).toBe(403);
    const wrong = await client.post('/api/auth/sign-in', { email: 'x@y.test', password: 'wrong-password' });
    expect(wrong.status).toBe(401);
  });

  it('signs a fixture user in with the session cookie', async () => {
    const district = await createDistrict(t.database);
    const school = await createSchool(t.database, { districtId: district.id, name: 'Harness High' });
    const user = await createUser(t.database, {
      email: 'harness@district.test', name: 'Harness User', districtId: district.id, grants: [{ role: 'sro', schoolId: school.id }],
    });
    const grants = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    expect(grants).toMatchObject([{ role: 'sro', schoolId: school.id }]);
    const client = t.client();
    await client.signIn('harness@district.test');
    expect(client.cookies.get('sro_session')).toBeTruthy();
    expect((await client.get(`/api/schools/${school.id}`)).body).toMatchObject({ id: school.id, name: 'Harness High' });
  });

  it('receives mail from the app over SMTP', async () => {
    await t.app.deps.mailer.send({ to: 'someone@district.test', subject: 'Grüße from the harness', text: 'Line one\nZeile zwei: ü' });
    const mail = await smtp.waitFor('someone@district.test');
    expect(mail.subject).toBe('Grüße from the harness');
    expect(mail.text).toBe('Line one\nZeile zwei: ü');
    expect(mail.headers.from).toContain('no-reply@srodesk.local');
  });
});
