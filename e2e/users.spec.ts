import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, startE2E, uniqueEmail, type E2E } from './support/index.js';

interface School {
  id: string;
  name: string;
}

describe('users administration', () => {
  let e2e: E2E;
  let schools: School[];
  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    schools = (await admin.get<{ items: School[] }>('/schools')).items;
    await admin.close();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the system administrator adds a user with a role at a school, then grants another role at another school', async () => {
    expect(schools.length).toBeGreaterThanOrEqual(2);
    const [first, second] = [schools[0]!, schools[schools.length - 1]!];
    const email = uniqueEmail('users');
    const name = `Casey Newcomer ${email.slice(6, 12)}`;
    const { page, errors, failedRequests } = await e2e.signedInPage('sysadmin@demo.test');

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('table', { name: 'Users' }).waitFor();

    // Add the user in the dialog: name, e-mail and one role at one school.
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a user' });
    const form = dialog.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Full name').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Title').fill('Counselor');
    await form.getByLabel('Role 1').selectOption({ label: 'Counselor' });
    await form.getByLabel('Where 1').selectOption({ label: first.name });
    await form.getByRole('button', { name: 'Add user' }).click();

    // The temporary password is shown once, and it works.
    const added = page.getByRole('dialog', { name: 'User added' });
    await added.getByText(email).waitFor();
    const temporary = (await added.getByRole('figure', { name: 'Temporary password' }).locator('.secret-box').textContent())?.trim() ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    const newcomer = await apiSession(e2e.baseUrl, email, temporary);
    const session = await newcomer.get<{ grants: { role: string; schoolId: string | null }[] }>('/auth/session');
    expect(session.grants).toEqual([{ role: 'counselor', schoolId: first.id }]);
    await newcomer.close();

    // The user's page lists the role, and a second role is granted at another school.
    await added.getByRole('button', { name: 'Open the user' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const roles = page.getByRole('region', { name: 'Roles' });
    await roles.getByText(`· ${first.name}`).waitFor();
    const grant = roles.getByRole('form', { name: 'Grant a role' });
    await grant.getByLabel('Role').selectOption({ label: 'Security staff' });
    await grant.getByLabel('Where').selectOption({ label: second.name });
    await grant.getByRole('button', { name: 'Grant role' }).click();
    await roles.getByText(`Security staff granted (${second.name}).`).waitFor();
    await roles.getByText(`· ${second.name}`).waitFor();
    await roles.getByRole('button', { name: `Revoke Security staff at ${second.name}` }).waitFor();

    // Back in the list, a search finds the user with both roles.
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('search', { name: 'Filter users' }).getByLabel('Search').fill(email);
    const row = page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: email });
    await row.waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Users' }).getByRole('row').count()).toBe(2);
    const rolesText = await row.textContent();
    expect(rolesText).toContain(`Counselor (${first.name})`);
    expect(rolesText).toContain(`Security staff (${second.name})`);

    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('a duplicate e-mail is refused in the form, naming the field', async () => {
    const { page, errors } = await e2e.signedInPage('sysadmin@demo.test');
    await page.goto('/users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const form = page.getByRole('dialog', { name: 'Add a user' }).getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Full name').fill('Second Staff Account');
    await form.getByLabel('E-mail').fill('staff@demo.test');
    await form.getByLabel('Role 1').selectOption({ label: 'Staff' });
    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByRole('alert').waitFor();
    // The e-mail input is marked invalid and takes the focus so the person can correct it.
    await expect.poll(() => form.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => form.getByLabel('E-mail').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(errors.filter((e) => !/Failed to load resource: .* status of 409/.test(e))).toEqual([]);
  });
});
