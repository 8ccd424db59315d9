import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startE2E, type CreatedUser, type E2E } from './support/index.js';

/** Sends the sign-in form and waits for the server's answer; returns its HTTP status. */
async function submitSignIn(page: Page, email: string, password: string): Promise<number> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Password').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in') && r.request().method() === 'POST'),
    form.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  return response.status();
}

/** The text of the form's error, once shown. */
async function formError(page: Page): Promise<string> {
  const alert = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

// The browser reports every 4xx answer as "Failed to load resource"; the refused sign-ins are expected.
const refusedSignIn = (e: string) => /Failed to load resource: .* status of (401|429)/.test(e);

describe('sign-in failure and lockout', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  // Users of its own: locking a demo account would break the specs that sign in with it.
  const newUser = (name: string): Promise<CreatedUser> => createUser(e2e.baseUrl, { prefix: 'lockout', name });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a wrong password and an unknown e-mail get the same error and the form stays', async () => {
    const user = await newUser('Wrong Password');
    const { page, errors } = await e2e.page();
    await page.goto('/');
    expect(await submitSignIn(page, user.email, 'wrong-password-1')).toBe(401);
    const wrongPassword = await formError(page);
    expect(wrongPassword).toMatch(/E-mail or password is wrong/);

    // An address nobody has (so no real account counts towards a lockout) reads exactly the same.
    expect(await submitSignIn(page, `nobody-${user.email}`, 'wrong-password-1')).toBe(401);
    expect(await formError(page)).toBe(wrongPassword);
    expect(await page.getByRole('form', { name: 'Sign in' }).getByLabel('E-mail').inputValue()).toBe(`nobody-${user.email}`);
    expect(errors.filter((e) => !refusedSignIn(e))).toEqual([]);
  });

  it('the fifth failure locks the account for 10 minutes, even against the right password', async () => {
    const user = await newUser('Locked Out');
    const { page, errors } = await e2e.page();
    await page.goto('/');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await submitSignIn(page, user.email, `wrong-password-${attempt}`)).toBe(401);
      expect(await formError(page)).toMatch(/E-mail or password is wrong/);
    }
    expect(await submitSignIn(page, user.email, 'wrong-password-5')).toBe(429);
    await expect.poll(() => formError(page)).toMatch(/Too many failed attempts\. Try again in 10 minutes\./);

    // Locked: the right password is refused too, and the page still says how long to wait.
    expect(await submitSignIn(page, user.email, user.temporaryPassword)).toBe(429);
    expect(await formError(page)).toMatch(/Try again in (9|10) minutes/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(errors.filter((e) => !refusedSignIn(e))).toEqual([]);
  });

  it('the lockout concerns that account only: another user still signs in', async () => {
    const locked = await newUser('Locked Neighbour');
    const other = await newUser('Unlocked Tester');
    const { page } = await e2e.page();
    await page.goto('/');
    for (let attempt = 1; attempt <= 5; attempt += 1) await submitSignIn(page, locked.email, `wrong-${attempt}`);
    expect(await submitSignIn(page, locked.email, locked.temporaryPassword)).toBe(429);
    expect(await submitSignIn(page, other.email, other.temporaryPassword)).toBe(200);
    // A temporary password leads to choosing a new one before anything else.
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
  });
});
