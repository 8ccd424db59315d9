import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, apiSession, createUser, expectNoHorizontalOverflow, startE2E, type CreatedUser, type E2E } from './support/index.js';

interface School {
  id: string;
  name: string;
}

describe('SRO assignments', () => {
  let e2e: E2E;
  let school: School;
  let officer: CreatedUser;
  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    const schools = (await admin.get<{ items: School[] }>('/schools')).items;
    await admin.close();
    school = schools[Math.floor(schools.length / 2)]!;
    // An officer of this spec's own, so the assignment it makes is the only one of that officer.
    officer = await createUser(e2e.baseUrl, { prefix: 'sro', name: 'Officer Jordan Assignee', grants: [{ role: 'sro', schoolId: school.id }] });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the supervisor, on a 360 px phone, assigns an SRO to a school and sees it listed', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('supervisor@demo.test', undefined, PHONE);
    await page.goto('/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SRO assignments' }).click();
    await page.getByRole('heading', { level: 1, name: 'SRO assignments' }).waitFor();
    await page.getByRole('table', { name: 'SRO assignments' }).waitFor();
    await expectNoHorizontalOverflow(page, 'assignments list');

    await page.getByRole('button', { name: 'Assign an SRO' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Assign an SRO' });
    const form = dialog.getByRole('form', { name: 'Assign an SRO' });
    await form.getByLabel('SRO').selectOption({ label: officer.name });
    await form.getByLabel('School').selectOption({ label: school.name });
    await form.getByLabel('Assignment').selectOption({ label: 'Primary school' });
    expect(await form.getByLabel('Starts on').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel('Notes').fill('Covers the morning drop-off.');
    // The dialog fits the phone too.
    expect(await dialog.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await form.getByRole('button', { name: 'Assign SRO' }).click();

    await page.getByText(`${officer.name} is assigned to ${school.name}.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);

    // Listed among the current assignments; the SRO filter narrows the list to it.
    await page.getByRole('search', { name: 'Filter assignments' }).getByLabel('SRO').selectOption({ label: officer.name });
    const table = page.getByRole('table', { name: 'SRO assignments' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: officer.name }).count()).toBe(1);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const row = table.getByRole('row').filter({ hasText: officer.name });
    const text = await row.textContent();
    expect(text).toContain(school.name);
    expect(text).toContain('Primary');
    expect(text).toContain('Current');
    expect(text).toContain('Open-ended');
    expect(text).toContain('Covers the morning drop-off.');
    await row.getByRole('link', { name: school.name }).waitFor();
    await row.getByRole('button', { name: `End assignment of ${officer.name} at ${school.name}` }).waitFor();
    await expectNoHorizontalOverflow(page, 'assignments after assigning');

    // The officer sees the assignment on their own dashboard.
    const own = await e2e.page(PHONE);
    const api = await apiSession(e2e.baseUrl, officer.email, officer.temporaryPassword);
    await api.post('/auth/password', { currentPassword: officer.temporaryPassword, newPassword: 'officer-own-passphrase' });
    await api.close();
    await own.page.goto('/');
    const signIn = own.page.getByRole('form', { name: 'Sign in' });
    await signIn.getByLabel('E-mail').fill(officer.email);
    await signIn.getByLabel('Password').fill('officer-own-passphrase');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await own.page.getByRole('heading', { level: 1, name: /^Good / }).waitFor();
    const mine = own.page.getByRole('region', { name: 'Your assignments' });
    await mine.getByRole('link', { name: school.name }).waitFor();
    expect(await mine.textContent()).toContain('Primary');
    expect(own.errors).toEqual([]);

    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('the header school switcher narrows the list to one school and is remembered after a reload', async () => {
    const supervisor = await apiSession(e2e.baseUrl, 'supervisor@demo.test');
    const all = (await supervisor.get<{ items: { schoolId: string; schoolName: string }[] }>('/assignments?current=true')).items;
    await supervisor.close();
    const chosen = all[0]!;
    const atChosen = all.filter((a) => a.schoolId === chosen.schoolId).length;
    expect(atChosen).toBeLessThan(all.length);

    const { page, errors } = await e2e.signedInPage('supervisor@demo.test');
    await page.goto('/assignments');
    const table = page.getByRole('table', { name: 'SRO assignments' });
    await expect.poll(() => table.getByRole('row').count()).toBe(all.length + 1);

    await page.getByRole('banner').getByLabel('School').selectOption({ label: chosen.schoolName });
    await expect.poll(() => table.getByRole('row').count()).toBe(atChosen + 1);
    for (const text of await table.getByRole('row').allTextContents()) {
      if (!text.startsWith('SRO')) expect(text).toContain(chosen.schoolName);
    }
    await page.reload();
    await expect.poll(() => page.getByRole('banner').getByLabel('School').inputValue()).toBe(chosen.schoolId);
    await expect.poll(() => table.getByRole('row').count()).toBe(atChosen + 1);
    expect(errors).toEqual([]);
  });
});
