import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, PHONE, expectNoHorizontalOverflow, startServer, type RunningServer } from './support/index.js';
import { ROOT } from './support/server.js';

// First run on an empty data folder (SEED_DEMO=false): the link printed at start-up opens the set-up page, the
// administrator enrols an authenticator, lands signed in, and the link is dead afterwards. Then the operator
// creates a second district from the Districts page.
function codeFor(secret: string, stepsAhead = 0): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })
    .generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

describe('first-run set-up in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let link: string;

  beforeAll(async () => {
    // The link is in the JSON log at info level (the human text is printed on a terminal only).
    server = await startServer({ env: { SEED_DEMO: 'false', LOG_LEVEL: 'info' } });
    const printed = /(http:\/\/\S+\/setup#[A-Za-z0-9_-]+)/.exec(server.output());
    expect(printed, server.output()).not.toBeNull();
    link = printed![1]!;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the district and its administrator with two-step sign-in, on a phone, and the link dies', async () => {
    const { page, errors, context } = await openPage(browser, server.url, PHONE);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Set up SRO Desk' }).waitFor();
    await expectNoHorizontalOverflow(page, 'set-up page');
    const form = page.getByRole('form', { name: 'District and administrator' });
    await form.getByLabel('District name').fill('Prairie View ISD');
    await form.getByLabel('State').selectOption('TX');
    await form.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await form.getByLabel('NCES district id (LEAID, optional)').fill('4812345');
    await form.getByLabel('Administrator name').fill('Pat Principal');
    await form.getByLabel('Administrator e-mail').fill('pat@prairie.example');
    await form.getByLabel('Administrator password').fill('prairie-view-passphrase');
    await form.getByRole('button', { name: 'Continue to two-step sign-in' }).click();
    // The server names the field it refused; nothing else moves on.
    await form.getByText('must be an IANA time zone such as America/Chicago', { exact: true }).waitFor();
    await form.getByLabel('Time zone').fill('America/Chicago');
    await form.getByRole('button', { name: 'Continue to two-step sign-in' }).click();

    await page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' }).waitFor();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const keyText = await page.getByRole('figure', { name: /set-up key/i }).locator('.secret-box').textContent();
    const secret = (keyText ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const finish = page.getByRole('form', { name: 'Finish set-up' });
    await finish.getByLabel('6-digit code').fill(codeFor(secret));
    await finish.getByRole('button', { name: 'Finish set-up' }).click();
    await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Pat/ }).waitFor();
    expect(new URL(page.url()).hash).toBe('');

    // The operator of the deployment adds a second district from the Districts page.
    await page.goto('/deployment');
    await page.getByRole('heading', { level: 1, name: 'Districts of this deployment' }).waitFor();
    await page.getByRole('table', { name: 'Districts of this deployment' }).getByText('Prairie View ISD').waitFor();
    const add = page.getByRole('form', { name: 'Add a district' });
    await add.getByLabel('District name').fill('Lakeshore Schools');
    await add.getByLabel('State').selectOption('MI');
    await add.getByLabel('Time zone').fill('America/Detroit');
    await add.getByLabel('Administrator name').fill('Lou Lakeshore');
    await add.getByLabel('Administrator e-mail').fill('lou@lakeshore.example');
    await add.getByLabel('Administrator password').fill('lakeshore-passphrase');
    await add.getByRole('button', { name: 'Create district' }).click();
    await add.getByText('Lakeshore Schools was created').waitFor();
    await page.getByRole('table', { name: 'Districts of this deployment' }).getByText('Lakeshore Schools').waitFor();
    // The school directory from the NCES CCD file: dry run, then apply.
    await page.goto('/data/schools');
    await page.getByRole('heading', { level: 1, name: 'School directory import' }).waitFor();
    await page.getByLabel('CCD school directory (CSV)').setInputFiles(path.join(ROOT, 'server/test/fixtures/ccd_sch_029_sample.csv'));
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const toAdd = page.getByRole('table', { name: 'Schools to add' });
    await toAdd.getByText('Eagle Ridge School, K-8').waitFor();
    expect(await toAdd.locator('tbody tr').count()).toBe(9);
    await page.getByRole('table', { name: 'Rows skipped' }).getByText('closed, and not in SRO Desk').waitFor();
    await page.getByRole('button', { name: 'Apply 9 changes' }).click();
    await page.getByRole('heading', { level: 2, name: 'Applied' }).waitFor();
    const listed = await page.request.get(`${server.url}/api/schools`);
    expect(listed.status()).toBe(200);
    expect(JSON.stringify(await listed.json())).toContain('Riverside Early College High School');

    // 400 of the refused time zone is the only failed request the page made.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await context.close();

    // The same link again: the page is gone, the sign-in form shows.
    const again = await openPage(browser, server.url);
    await again.page.goto(link);
    await again.page.getByRole('form', { name: 'Sign in' }).waitFor();
    await again.close();
  });

  it('the second district\'s administrator must set up two-step sign-in at first sign-in', async () => {
    const { page, errors, context } = await openPage(browser, server.url);
    await page.goto('/');
    const signIn = page.getByRole('form', { name: 'Sign in' });
    await signIn.getByLabel('E-mail').fill('lou@lakeshore.example');
    await signIn.getByLabel('Password').fill('lakeshore-passphrase');
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' }).waitFor();
    await page.getByText('Lakeshore Schools requires two-step sign-in').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
