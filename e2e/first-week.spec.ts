import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../server/test/smtp.js';
import { launchBrowser, openPage, signInThroughForm, startServer, type RunningServer, type TrackedPage } from './support/index.js';
import { ROOT } from './support/server.js';

// The "done when" of going live (issue 14), as a new user follows the README: an empty data folder without the demo,
// the set-up link from the log, set-up with two-step sign-in, the NCES school directory, a OneRoster package from
// the district's SIS, the invitation e-mail (a real SMTP server), the teacher's first sign-in, a drill with the
// teacher's class in the check-in, a backup from the Backups page, the data folder wiped, `npm run restore`, and
// the restarted server with everything back.

const TEACHER = { email: 'terry.teacher@riverside.example', name: 'Terry Teacher', password: 'terry-chooses-a-passphrase' };
const ADMIN = { email: 'ana@riverside.example', name: 'Ana Admin', password: 'riverside-admin-passphrase' };
const BACKUP_KEY = 'first week backup passphrase';
// A first start migrates an empty database: on a machine shared with other work that takes minutes.
const STARTUP_MS = 480_000;
// Kept in the service environment, not in the data folder: a wiped folder must not take them along (README).
const SECRETS = { SESSION_SECRET: 'first-week-session-secret-of-at-least-32-characters', MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };

function codeFor(secret: string, stepsAhead = 0): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })
    .generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

/** CSV as SIS exports write it: every field quoted, CRLF line ends. */
const csv = (rows: string[][]) => rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';

/** A OneRoster 1.1 package with the specification's full headers: Riverside High (by NCES id), a teacher, three students, a class. */
function rosterPackage(): Buffer {
  const school = 'org-rhs';
  const students = [['stu-1', 'Avery', 'Stone'], ['stu-2', 'Blake', 'Rivera'], ['stu-3', 'Casey', 'Nguyen']];
  const files: Record<string, string> = {
    'manifest.csv': csv([
      ['propertyName', 'value'], ['manifest.version', '1.0'], ['oneroster.version', '1.1'],
      ['file.academicSessions', 'absent'], ['file.categories', 'absent'], ['file.classes', 'bulk'], ['file.classResources', 'absent'],
      ['file.courses', 'absent'], ['file.courseResources', 'absent'], ['file.demographics', 'absent'], ['file.enrollments', 'bulk'],
      ['file.lineItems', 'absent'], ['file.orgs', 'bulk'], ['file.resources', 'absent'], ['file.results', 'absent'], ['file.users', 'bulk'],
      ['source.systemName', 'Example SIS'], ['source.systemCode', 'example'],
    ]),
    'orgs.csv': csv([
      ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
      ['org-district', '', '', 'Riverside ISD', 'district', '4812345', ''],
      [school, '', '', 'Riverside High School', 'school', '481234500101', 'org-district'],
    ]),
    'users.csv': csv([
      ['sourcedId', 'status', 'dateLastModified', 'enabledUser', 'orgSourcedIds', 'role', 'username', 'userIds', 'givenName', 'familyName',
        'middleName', 'identifier', 'email', 'sms', 'phone', 'agentSourcedIds', 'grades', 'password'],
      ['tch-1', '', '', 'true', school, 'teacher', 'tteacher', '', 'Terry', 'Teacher', '', 'T-100', TEACHER.email, '', '', '', '', ''],
      ...students.map(([id, given, family], i) =>
        [id!, '', '', 'true', school, 'student', `${given!.toLowerCase()}${i}`, '', given!, family!, '', `S-${i + 1}`, '', '', '', '', '10', '']),
    ]),
    'classes.csv': csv([
      ['sourcedId', 'status', 'dateLastModified', 'title', 'grades', 'courseSourcedId', 'classCode', 'classType', 'location',
        'schoolSourcedId', 'termSourcedIds', 'subjects', 'subjectCodes', 'periods'],
      ['cls-1', '', '', 'Biology, Period 2', '10', 'crs-bio', 'BIO-2', 'scheduled', 'Room 114', school, 'term-1', 'Science', '', '2'],
    ]),
    'enrollments.csv': csv([
      ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate'],
      ['enr-t', '', '', 'cls-1', school, 'tch-1', 'teacher', 'true', '', ''],
      ...students.map(([id]) => [`enr-${id}`, '', '', 'cls-1', school, id!, 'student', 'false', '', '']),
    ]),
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)]))));
}

/** Runs an npm script the way the README shows it, in the install folder. */
function npmRun(args: string[], env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 600_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the first week of a real district, from an empty data folder to a restore', () => {
  const dataDir = path.join(ROOT, '.test-tmp', `e2e-${process.pid}-1`);
  const backupDir = path.join(ROOT, '.test-tmp', `e2e-${process.pid}-2`);
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let secret = '';
  let alertId = '';
  let env: Record<string, string>;

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backupDir, { recursive: true, force: true });
    mkdirSync(backupDir, { recursive: true });
    smtp = await startSmtpServer();
    env = { SEED_DEMO: 'false', LOG_LEVEL: 'info', SMTP_URL: smtp.url, BACKUP_KEY, BACKUP_DIR: backupDir, ...SECRETS };
    server = await startServer({ env, dataDir, keepDataDir: true, timeoutMs: STARTUP_MS });
    browser = await launchBrowser();
  }, STARTUP_MS + 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('sets up the district, imports schools and people, and the invited teacher checks in with their class', async () => {
    const printed = /(http:\/\/\S+\/setup#[A-Za-z0-9_-]+)/.exec(server.output());
    expect(printed, server.output()).not.toBeNull();
    const admin = await openPage(browser, server.url);
    const { page } = admin;
    await page.goto(printed![1]!);
    const form = page.getByRole('form', { name: 'District and administrator' });
    await form.getByLabel('District name').fill('Riverside ISD');
    await form.getByLabel('State').selectOption('TX');
    await form.getByLabel('Time zone').fill('America/Chicago');
    await form.getByLabel('NCES district id (LEAID, optional)').fill('4812345');
    await form.getByLabel('Administrator name').fill(ADMIN.name);
    await form.getByLabel('Administrator e-mail').fill(ADMIN.email);
    await form.getByLabel('Administrator password').fill(ADMIN.password);
    await form.getByRole('button', { name: 'Continue to two-step sign-in' }).click();
    const keyText = await page.getByRole('figure', { name: /set-up key/i }).locator('.secret-box').textContent();
    secret = (keyText ?? '').replace(/\s/g, '');
    const finish = page.getByRole('form', { name: 'Finish set-up' });
    await finish.getByLabel('6-digit code').fill(codeFor(secret));
    await finish.getByRole('button', { name: 'Finish set-up' }).click();
    await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Ana/ }).waitFor();

    // The school directory: dry run, then apply.
    await page.goto('/data/schools');
    await page.getByLabel('CCD school directory (CSV)').setInputFiles(path.join(ROOT, 'server/test/fixtures/ccd_sch_029_sample.csv'));
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await page.getByRole('table', { name: 'Schools to add' }).getByText('Riverside High School', { exact: true }).waitFor();
    await page.getByRole('button', { name: /^Apply \d+ changes$/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Applied' }).waitFor();

    // The SIS's OneRoster package, as one zip, from the Data exchange page.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data exchange' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data exchange' }).waitFor();
    await page.getByLabel('OneRoster package').setInputFiles({ name: 'riverside-oneroster.zip', mimeType: 'application/zip', buffer: rosterPackage() });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const counts = page.getByRole('region', { name: 'This import' }).getByLabel('Import counts');
    await counts.waitFor({ timeout: 60_000 });
    await expect.poll(() => counts.innerText(), { timeout: 60_000 }).toMatch(/Students created\s*3/);
    expect(await counts.innerText()).toMatch(/Rejected rows\s*0/);
    expect(admin.errors).toEqual([]);

    // The invitation e-mail arrives through the outbox (sent every 30 s) at the SMTP server; its link sets the password.
    const mail = await smtp.waitFor(TEACHER.email, 90_000);
    const link = /(http:\/\/\S+\/set-password#[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeDefined();
    const teacher = await openPage(browser, server.url);
    await teacher.page.goto(link!);
    const choose = teacher.page.getByRole('form', { name: 'Choose your password' });
    await choose.getByLabel('New password', { exact: true }).fill(TEACHER.password);
    await choose.getByLabel('New password again').fill(TEACHER.password);
    await choose.getByRole('button', { name: 'Set password' }).click();
    await teacher.page.getByRole('link', { name: 'Go to sign-in' }).click();
    await signInThroughForm(teacher.page, TEACHER.email, TEACHER.password);
    await teacher.page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Terry/ }).waitFor();
    await teacher.page.locator('[data-live-state="live"]').waitFor({ state: 'attached' });

    // The teacher raises a lockdown drill; once announced, the check-in offers the class of the roster.
    alertId = await raiseDrill(teacher);
    const overlay = teacher.page.getByRole('alertdialog');
    await overlay.waitFor({ timeout: 30_000 });
    const classList = overlay.getByRole('group', { name: 'My class list' });
    await classList.getByText('Period 2 · Biology, Period 2 (3)').waitFor();
    await classList.getByLabel('Blake Rivera').uncheck();
    await classList.getByRole('button', { name: 'Use my class list' }).click();
    const checkIn = overlay.getByRole('form', { name: 'Check in' });
    await checkIn.getByRole('radio', { name: 'Safe' }).check();
    await checkIn.getByLabel('Room or area').fill('Room 114');
    expect(await checkIn.getByLabel('Students with me', { exact: true }).inputValue()).toBe('2');
    await checkIn.getByRole('button', { name: 'Check in' }).click();
    await teacher.page.getByText('Checked in: safe at Room 114').waitFor();
    expect(teacher.errors).toEqual([]);
    await teacher.close();

    // The administrator takes a backup from the Backups page while the server runs.
    await page.goto('/backups');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('table', { name: 'Backups, newest first' }).getByText('Written').first().waitFor({ timeout: 240_000 });
    expect(admin.errors).toEqual([]);
    await admin.close();
  }, 900_000);

  it('after the data folder is wiped and the backup restored with npm run restore, everything is back', async () => {
    const archives = readdirSync(backupDir).filter((f) => f.endsWith('.srodesk-backup'));
    expect(archives).toHaveLength(1);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);

    const restored = npmRun(['restore', '--', path.join(backupDir, archives[0]!)], { DATA_DIR: dataDir, BACKUP_KEY, ...SECRETS });
    expect(restored.status, restored.output).toBe(0);
    expect(restored.output).toMatch(/Restored .*: \d+ tables/);

    server = await startServer({ env, dataDir, keepDataDir: true, timeoutMs: STARTUP_MS });
    // A restored district is not a new one: no set-up link.
    expect(server.output()).not.toMatch(/\/setup#/);

    // The administrator signs in with password and two-step code (the sealed secret came back with the same SESSION_SECRET).
    const admin = await openPage(browser, server.url);
    await signInThroughForm(admin.page, ADMIN.email, ADMIN.password);
    const step = admin.page.getByRole('form', { name: 'Two-step sign-in code' });
    await step.getByLabel('6-digit code').fill(codeFor(secret, 1));
    await step.getByRole('button', { name: 'Verify' }).click();
    await admin.page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Ana/ }).waitFor();
    const schools = (await (await admin.page.request.get(`${server.url}/api/schools`)).json()) as { items: { name: string }[] };
    expect(schools.items.map((s) => s.name)).toContain('Riverside High School');
    // The roster sync's report, with what it did, is back.
    const imports = await admin.page.request.get(`${server.url}/api/roster-imports`);
    expect(imports.status(), await imports.text()).toBe(200);
    expect(((await imports.json()) as { items: { status: string; counts: { studentsCreated: number; staffCreated: number } }[] }).items)
      .toEqual([expect.objectContaining({ status: 'succeeded', counts: expect.objectContaining({ studentsCreated: 3, staffCreated: 1 }) })]);
    expect(admin.errors).toEqual([]);
    await admin.close();

    // The teacher signs in with the password set through the invitation, and their class is back.
    const teacher = await openPage(browser, server.url);
    await signInThroughForm(teacher.page, TEACHER.email, TEACHER.password);
    await teacher.page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening), Terry/ }).waitFor();
    // The drill and the teacher's check-in are on record.
    const alert = await teacher.page.request.get(`${server.url}/api/alerts/${alertId}`);
    expect(alert.status()).toBe(200);
    expect(await alert.json()).toMatchObject({ id: alertId, drill: true });
    const checkIns = await teacher.page.request.get(`${server.url}/api/alerts/${alertId}/check-ins/mine`);
    expect(((await checkIns.json()) as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ status: 'safe', location: 'Room 114', studentsWithMe: 2, missing: 1 }),
    ]);
    const classes = await teacher.page.request.get(`${server.url}/api/alerts/${alertId}/my-classes`);
    expect(classes.status()).toBe(200);
    const { items } = (await classes.json()) as { items: { title: string; students: { name: string }[] }[] };
    expect(items.map((c) => [c.title, c.students.length])).toEqual([['Biology, Period 2', 3]]);
    expect(teacher.errors).toEqual([]);
    await teacher.close();
  }, 900_000);
});

/** Raises a lockdown drill from the raise page and answers the alert's id. */
async function raiseDrill(tracked: TrackedPage): Promise<string> {
  const { page } = tracked;
  await page.goto('/alerts/raise');
  await page.getByRole('radio', { name: /^LOCKDOWN/ }).check();
  await page.getByRole('radio', { name: 'Drill', exact: true }).check();
  await page.getByRole('button', { name: /^Raise LOCKDOWN/ }).click();
  const window = page.locator('.cancel-window');
  await window.waitFor();
  const id = await window.getAttribute('data-alert-id');
  if (!id) throw new Error('the cancel window names no alert');
  return id;
}
