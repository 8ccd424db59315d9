import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the app (signed out) and fills and sends the sign-in form, found by its labels (the password step only). */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Asserts nothing sticks out sideways: the document is no wider than the window and the main column
 * no wider than itself (wide tables must scroll inside their own wrapper instead).
 */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const sizes = await page.evaluate(() => {
    const main = document.querySelector('main');
    const wide = [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return {
      document: document.documentElement.scrollWidth,
      window: document.documentElement.clientWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
      wide,
    };
  });
  expect(sizes.document, `${where}: the page is wider than the window: ${sizes.wide.join(', ')}`).toBeLessThanOrEqual(sizes.window);
  expect(sizes.main, `${where}: the main column overflows: ${sizes.wide.join(', ')}`).toBeLessThanOrEqual(0);
}
