import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, createUser, signInThroughForm, startE2E, type E2E } from './support/index.js';

/** The code an authenticator app shows for `secret`, `stepsAhead` 30-second steps from now. */
function codeFor(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/** A 6-digit code valid in no step the server accepts (now and one step either side). */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1, 2].map((step) => codeFor(secret, step)));
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

async function openUserMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Account: ${name}` }).click();
}

const GREETING = /^Good (morning|afternoon|evening), /;

describe('two-step sign-in (TOTP)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a new user chooses a password, enrols from the profile page, signs out and signs in with a code', async () => {
    // A user of its own: two-step sign-in on a demo account would stop the other specs signing in with it.
    const user = await createUser(e2e.baseUrl, { prefix: 'mfa', name: 'Morgan Factor' });
    const password = 'a-long-new-passphrase-9';
    const { page, errors } = await e2e.page();

    // First sign-in with the temporary password: a new password comes before anything else.
    await signInThroughForm(page, user.email, user.temporaryPassword);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    const change = page.getByRole('form', { name: 'Change password' });
    await change.getByLabel('Current password').fill(user.temporaryPassword);
    await change.getByLabel('New password').fill(password);
    await change.getByLabel('Type the new one again').fill(password);
    await change.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('heading', { level: 1, name: GREETING }).waitFor();

    // Enrolment from the profile page, reading the set-up key as a person would type it into an app.
    await openUserMenu(page, user.name);
    await page.getByRole('link', { name: 'Profile and security' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profile and security' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByRole('button', { name: 'Start set-up' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const keyText = await page.getByRole('figure', { name: /set-up key/i }).locator('.secret-box').textContent();
    const secret = (keyText ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const confirm = page.getByRole('form', { name: 'Confirm two-step sign-in' });
    await confirm.getByLabel('6-digit code').fill(wrongCode(secret));
    await confirm.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await confirm.getByRole('alert').waitFor();
    await confirm.getByLabel('6-digit code').fill(codeFor(secret));
    await confirm.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByText('Two-step sign-in is on.', { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Two-step sign-in' }).getByText('On', { exact: true }).waitFor();

    // Sign out from the user menu: back at the sign-in form.
    await openUserMenu(page, user.name);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();

    // The password alone no longer signs in: the code step follows, and a wrong code is refused.
    await signInThroughForm(page, user.email, password);
    await page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    const step = page.getByRole('form', { name: 'Two-step sign-in code' });
    await step.getByLabel('6-digit code').fill(wrongCode(secret));
    await step.getByRole('button', { name: 'Verify' }).click();
    await step.getByRole('alert').waitFor();
    expect(await page.request.get('/api/users?pageSize=1').then((r) => r.status())).toBe(401);

    // The next step's code (the server allows one step of drift) so it differs from the enrolment code.
    await step.getByLabel('6-digit code').fill(codeFor(secret, 1));
    await step.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: GREETING }).waitFor();
    await page.getByRole('button', { name: `Account: ${user.name}` }).waitFor();
    expect(await page.getByText('Two-step sign-in is off for your account').count()).toBe(0);

    // The browser reports the refused codes (4xx answers) as failed loads; nothing else may appear.
    expect(errors.filter((e) => !/Failed to load resource: .* status of (400|401)/.test(e))).toEqual([]);
  });

  it('when the district requires it for a role, a new user of that role enrols before anything else', async () => {
    const director = await apiSession(e2e.baseUrl, 'director@demo.test');
    const before = (await director.get<{ mfaRequiredRoles: string[] }>('/district')).mfaRequiredRoles;
    try {
      // The district safety director turns the policy on for security staff in District settings.
      const { page: settings, errors: settingsErrors } = await e2e.signedInPage('director@demo.test');
      await settings.goto('/district');
      const form = settings.getByRole('form', { name: 'District settings' });
      const policy = form.getByRole('group', { name: 'Roles that must use two-step sign-in' });
      await policy.getByLabel('Security staff').check();
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('District settings saved.').waitFor();
      expect(settingsErrors).toEqual([]);

      const user = await createUser(e2e.baseUrl, { prefix: 'mfa-policy', name: 'Sam Guard', grants: [{ role: 'security', schoolId: null }] });
      const { page, errors } = await e2e.page();
      await signInThroughForm(page, user.email, user.temporaryPassword);
      await page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' }).waitFor();
      expect(await page.request.get('/api/schools').then((r) => r.status())).toBe(401);
      await page.getByRole('button', { name: 'Start set-up' }).click();
      const keyText = await page.getByRole('figure', { name: /set-up key/i }).locator('.secret-box').textContent();
      const confirm = page.getByRole('form', { name: 'Confirm two-step sign-in' });
      await confirm.getByLabel('6-digit code').fill(codeFor((keyText ?? '').replace(/\s/g, '')));
      await confirm.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

      // Then the temporary password is replaced, and the dashboard opens.
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      const change = page.getByRole('form', { name: 'Change password' });
      await change.getByLabel('Current password').fill(user.temporaryPassword);
      await change.getByLabel('New password').fill('guard-own-passphrase-1');
      await change.getByLabel('Type the new one again').fill('guard-own-passphrase-1');
      await change.getByRole('button', { name: 'Save new password' }).click();
      await page.getByRole('heading', { level: 1, name: GREETING }).waitFor();
      expect(errors.filter((e) => !/Failed to load resource: .* status of 401/.test(e))).toEqual([]);
    } finally {
      // The server is shared: the demo security account must sign in without a code in the other specs.
      await director.patch('/district', { mfaRequiredRoles: before });
      await director.close();
    }
  });
});
