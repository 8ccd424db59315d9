import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

describe('directory', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the director adds a vendor serving one school, and a search finds it with its contact', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('director@demo.test');
    const name = `Hill Country Glass and Door ${Date.now().toString(36)}`;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.getByRole('button', { name: 'Add an entry' }).first().click();

    const form = page.getByRole('form', { name: 'New directory entry' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Kind').selectOption('maintenance_vendor');
    await form.getByLabel('Contact person').fill('Ramon Ortiz');
    await form.getByLabel('Phone').fill('512-555-0190');
    await form.getByLabel('E-mail').fill('service@hcglass.example');
    await form.getByLabel('Services').fill('Door closers, panic hardware, glazing repairs');
    await form.getByRole('checkbox', { name: 'Riverbend High School' }).check();
    await form.getByRole('button', { name: 'Add to directory' }).click();

    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} is in the directory.` })
      .waitFor();
    await page.getByRole('link', { name: 'Directory', exact: true }).first().click();

    const search = page.getByRole('search', { name: 'Filter the directory' });
    await search.getByLabel('Search').fill(name.split(' ').slice(-1)[0]!);
    const table = page.getByRole('table', { name: 'Directory entries' });
    await expect.poll(async () => table.getByRole('row').count()).toBe(2);
    const row = table.getByRole('row').filter({ hasText: name });
    const text = await row.textContent();
    expect(text).toContain('Maintenance vendor');
    expect(text).toContain('Ramon Ortiz');
    expect(text).toContain('Riverbend High School');

    await search.getByLabel('Kind').selectOption('law_enforcement');
    await expect.poll(async () => table.count()).toBe(0);
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('the directory fits a phone screen', async () => {
    const { page, errors } = await e2e.signedInPage('sro@demo.test', undefined, PHONE);
    await page.goto('/directory');
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page
      .getByRole('table', { name: 'Directory entries' })
      .or(page.getByText('The directory is empty.'))
      .waitFor();
    await expectNoHorizontalOverflow(page, 'directory');
    expect(await page.getByRole('button', { name: 'Add an entry' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
