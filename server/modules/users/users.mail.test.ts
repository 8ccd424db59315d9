import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client, createDistrict, createSchool, createUser, signedIn, startApp, startSmtp, type TestApp,
} from './users.test-support.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let schoolId: string;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startApp({ smtpUrl: smtp.url });
  const district = await createDistrict(t.db);
  schoolId = (await createSchool(t.db, district.id, 'North High')).id;
  await createUser(t.db, district.id, 'admin@isd.test', [{ role: 'sysadmin', schoolId: null }]);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('account e-mails', () => {
  it('e-mails a new user the sign-in address and the temporary password, which signs them in', async () => {
    const admin = await signedIn(t, 'admin@isd.test');
    const res = await admin.request('POST', '/api/users', { email: 'newbie@isd.test', name: 'Nell Newbie', grants: [{ role: 'staff', schoolId }] });
    expect(res.status).toBe(201);
    expect(res.body.emailed).toBe(true);
    const mail = smtp.messages.find((m) => m.to.includes('newbie@isd.test'));
    expect(mail).toBeDefined();
    expect(mail!.raw).toMatch(/^Subject: Your SRO Desk account/m);
    expect(mail!.raw).toContain('https://srodesk.example.test');
    expect(mail!.raw).toContain(`Temporary password: ${res.body.temporaryPassword}`);
    expect((await new Client(t.app).signIn('newbie@isd.test', res.body.temporaryPassword)).status).toBe(200);
  });

  it('e-mails the new temporary password after a reset', async () => {
    const admin = await signedIn(t, 'admin@isd.test');
    const { body } = await admin.request('GET', '/api/users?q=newbie');
    const res = await admin.request('POST', `/api/users/${body.items[0].id}/reset-password`);
    expect(res.body.emailed).toBe(true);
    const mail = smtp.messages.filter((m) => m.to.includes('newbie@isd.test')).at(-1)!;
    expect(mail.raw).toMatch(/^Subject: Your SRO Desk password was reset/m);
    expect(mail.raw).toContain(`Temporary password: ${res.body.temporaryPassword}`);
  });
});
