import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAVIGATION } from '../common/navigation.js';
import { maySee } from '../common/need-to-know.js';
import { roleHas } from '../common/permissions.js';
import { ROLE_LABELS, type Role } from '../common/roles.js';
import { DEMO_PASSWORD, PHONE, expectNoHorizontalOverflow, signInThroughForm, startE2E, type E2E } from './support/index.js';

/** The demo sign-ins of the README and the one role each holds. */
const DEMO_USERS: [string, Role][] = [
  ['sro@demo.test', 'sro'],
  ['supervisor@demo.test', 'supervisor'],
  ['admin@demo.test', 'school_admin'],
  ['counselor@demo.test', 'counselor'],
  ['security@demo.test', 'security'],
  ['staff@demo.test', 'staff'],
  ['director@demo.test', 'director'],
  ['sysadmin@demo.test', 'sysadmin'],
];

/** The side navigation a role should see: the dashboard and every built capability its permissions open. */
function expectedNavigation(role: Role): string[] {
  const shown = (item: (typeof NAVIGATION)[number]) => roleHas(role, item.permission) || (item.alsoForRoles ?? []).includes(role);
  return ['Dashboard', ...NAVIGATION.filter((item) => item.built && shown(item)).map((item) => item.label)];
}

const GREETING = /^Good (morning|afternoon|evening), \S+/;

describe('sign-in', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the navigation differs by role the way the permission map says', () => {
    // Guards the table below against a map that would make every role see the same pages.
    expect(expectedNavigation('staff')).not.toContain('Users');
    expect(expectedNavigation('sro')).not.toContain('Students');
    expect(expectedNavigation('sysadmin')).toEqual(expect.arrayContaining(['Users', 'Audit log', 'Students']));
    expect(expectedNavigation('supervisor')).toContain('SRO assignments');
  });

  it.each(DEMO_USERS)('%s signs in through the form and lands on the dashboard of a %s', async (email, role) => {
    const { page, errors, failedRequests } = await e2e.page();
    await signInThroughForm(page, email, DEMO_PASSWORD);

    const heading = page.getByRole('heading', { level: 1, name: GREETING });
    await heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const session = (await (await page.request.get('/api/auth/session')).json()) as { user: { name: string } };
    expect(await heading.textContent()).toContain(session.user.name.split(' ')[0]);
    await page.getByRole('button', { name: `Account: ${session.user.name}` }).waitFor();
    await page.getByRole('listitem').filter({ hasText: ROLE_LABELS[role] }).first().waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(expectedNavigation(role));

    // A page the role may not open is refused in the app as well, not only hidden from the menu; one of a data
    // category the role never sees (accounts are administration) reads as absent, like a denied record.
    if (!roleHas(role, 'user.manage')) {
      await page.goto('/users');
      const refused = maySee([role], false, 'administration') ? 'Not available to you' : 'Page not found';
      await page.getByRole('heading', { level: 1, name: refused }).waitFor();
    }
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('works with the keyboard alone: sign in, skip link, user menu, sign out', async () => {
    const { page, errors } = await e2e.page();
    await page.goto('/');
    const focused = (name: string) => page.getByLabel(name, { exact: true }).evaluate((el) => el === document.activeElement);
    await expect.poll(() => focused('E-mail')).toBe(true);
    await page.keyboard.type('staff@demo.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: GREETING }).waitFor();

    // The first Tab reaches the skip link, which moves the focus to the main column.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    // The user menu opens with Enter, closes with Escape (focus back on its button), and signs out.
    const account = page.getByRole('button', { name: /^Account: / });
    await account.focus();
    await page.keyboard.press('Enter');
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    expect(await account.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('on a 360 px phone the SRO and the administrator reach every page through the menu without sideways scrolling', async () => {
    for (const [email, role] of DEMO_USERS.filter(([, r]) => r === 'sro' || r === 'sysadmin')) {
      const { page, errors } = await e2e.page(PHONE);
      await signInThroughForm(page, email, DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: GREETING }).waitFor();
      await expectNoHorizontalOverflow(page, `${role} dashboard`);

      for (const label of expectedNavigation(role).slice(1)) {
        const menu = page.getByRole('button', { name: 'Menu' });
        await menu.click();
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
        const h1 = page.getByRole('heading', { level: 1 });
        await h1.waitFor();
        // The drawer closes on navigation and the new page's heading takes the focus for screen readers.
        await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        // Pages with several sections show several spinners at once.
        await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
        await expectNoHorizontalOverflow(page, `${role} ${label}`);
      }
      expect(errors).toEqual([]);
    }
  });
});
