import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, apiSession, districtDay, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

interface Session {
  user: { id: string };
  schools: { id: string; name: string }[];
}

describe('leaving the building', () => {
  let e2e: E2E;
  let sroId: string;
  let school: { id: string; name: string };
  beforeAll(async () => {
    e2e = await startE2E();
    const sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    try {
      const session = await sro.get<Session>('/auth/session');
      sroId = session.user.id;
      school = session.schools.find((s) => s.name === 'Riverbend High School')!;
    } finally {
      await sro.close();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the SRO leaves from a phone and a staff dashboard shows it live; "back on campus" shows live too', async () => {
    // The teacher's dashboard, connected to the live stream before anything happens.
    const staff = await e2e.signedInPage('staff@demo.test');
    await staff.page.goto('/');
    await staff.page.locator('[data-live-state="live"]').waitFor({ state: 'attached' });
    const status = staff.page.locator(`[data-presence-school="${school.id}"][data-presence-sro="${sroId}"]`);
    await status.waitFor();
    expect(await status.getAttribute('data-presence-status')).toBe('on_campus');
    expect(await status.innerText()).toContain('On campus');

    const sro = await e2e.signedInPage('sro@demo.test', undefined, PHONE);
    await sro.page.goto('/notices');
    const form = sro.page.getByRole('form', { name: 'Leaving the building' });
    await form.waitFor();
    const schoolSelect = form.getByLabel('School');
    if (await schoolSelect.count()) await schoolSelect.selectOption(school.id);
    await form.getByRole('radio', { name: 'Court' }).check();
    await form.getByRole('button', { name: 'Back in 2 h' }).click();
    const backup = `Sgt. Angela Brooks 512-555-0132 ${Date.now().toString(36)}`;
    await form.getByLabel('Backup contact').fill(backup);
    await expectNoHorizontalOverflow(sro.page, 'leaving form on a phone');
    const tappedAt = Date.now();
    await form.getByRole('button', { name: 'Leaving the building' }).click();
    await sro.page.getByText(/^Leaving Riverbend High School: \d+ staff members? told\.$/).waitFor();

    // No reload on the teacher's side: the card turns to "away" with the reason, the return and the backup.
    await expect.poll(() => status.getAttribute('data-presence-status'), { timeout: 5000 }).toBe('away');
    const shownAfter = Date.now() - tappedAt;
    console.log(`[notices] staff dashboard showed the SRO away ${shownAfter} ms after the tap`);
    const text = await status.innerText();
    expect(text).toContain('Away from campus');
    expect(text).toContain('Reason: Court');
    expect(text).toContain(backup);

    // Back on campus from the phone: the dashboard follows.
    await sro.page.getByRole('button', { name: 'Back on campus' }).click();
    await sro.page.getByText('Back on campus at Riverbend High School: staff have been told.').waitFor();
    await expect.poll(() => status.getAttribute('data-presence-status'), { timeout: 5000 }).toBe('on_campus');

    // The notice went out by e-mail too: the outbox holds it for the teacher.
    const admin = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    try {
      const outbox = await admin.get<{ items: { to: string; subject: string }[] }>('/outbox?pageSize=200');
      expect(outbox.items.some((m) => m.to === 'staff@demo.test')).toBe(true);
    } finally {
      await admin.close();
    }
    for (const p of [staff, sro]) expect([...p.errors, ...p.failedRequests]).toEqual([]);
  });

  it('an advance notice of training shows its days of notice', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('sro@demo.test');
    await page.goto('/notices');
    await page.getByRole('button', { name: 'New advance notice' }).click();
    const form = page.getByRole('dialog').getByRole('form', { name: 'New advance notice' });
    // 21 days ahead on the district's calendar: the server counts days of notice there, whatever the hour in UTC.
    const day = districtDay(21);
    await form.getByLabel('Kind').selectOption('training');
    await form.getByLabel('From').fill(day);
    await form.getByLabel('To').fill(day);
    const coverage = `Officer Lee covers ${Date.now().toString(36)}`;
    await form.getByLabel('Who covers meanwhile').fill(coverage);
    await form.getByRole('button', { name: 'Send notice' }).click();
    await page.getByText(/^Advance notice sent to \d+ people\.$/).waitFor();
    const row = page.getByRole('table', { name: 'Advance notices' }).getByRole('row').filter({ hasText: coverage });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\b21 days/);
    expect([...errors, ...failedRequests]).toEqual([]);
  });

  it('the principal runs a meeting (agenda, minutes, an action item with an owner) and files the MOU as a PDF', async () => {
    const { page, context, errors, failedRequests } = await e2e.signedInPage('admin@demo.test');
    const stamp = Date.now().toString(36);
    await page.goto('/meetings');
    await page.getByRole('button', { name: 'New regular meeting' }).first().click();
    const series = page.getByRole('dialog').getByRole('form', { name: 'New regular meeting' });
    await series.getByLabel('Title').fill(`Weekly SRO check-in ${stamp}`);
    await series.getByRole('button', { name: 'Create the meetings' }).click();
    await page.getByText(`“Weekly SRO check-in ${stamp}” is set up.`).waitFor();
    const card = page.getByRole('list', { name: 'Regular meetings' }).getByRole('listitem').filter({ hasText: stamp });
    await card.getByRole('link').click();

    await page.getByRole('heading', { level: 1, name: `Weekly SRO check-in ${stamp}` }).waitFor();
    await page.getByRole('button', { name: 'Edit agenda' }).click();
    await page.getByRole('form', { name: 'Agenda' }).getByLabel('Agenda').fill('1. Lunch supervision\n2. Homecoming coverage');
    await page.getByRole('button', { name: 'Save agenda' }).click();
    await page.getByText('2. Homecoming coverage').waitFor();
    await page.getByRole('button', { name: 'Edit minutes' }).click();
    await page.getByRole('form', { name: 'Minutes' }).getByLabel('Minutes').fill(`Agreed on a second officer at the game ${stamp}`);
    await page.getByRole('button', { name: 'Save minutes' }).click();
    await page.getByText(`Agreed on a second officer at the game ${stamp}`).waitFor();

    const add = page.getByRole('form', { name: 'Add an action item' });
    await add.getByLabel('Action item').fill(`Ask the district for a second officer ${stamp}`);
    await add.getByLabel('Owner').fill('Reyes');
    await add.getByRole('button', { name: /Daniel Reyes/ }).click();
    await add.getByLabel('Due').fill('2030-01-15');
    await add.getByRole('button', { name: 'Add action item' }).click();
    const item = page.locator(`[data-action-item="Ask the district for a second officer ${stamp}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('Owner: Daniel Reyes');
    await item.getByRole('button', { name: /^Mark done/ }).click();
    await expect.poll(() => item.innerText()).toContain('Done');

    // The MOU: an uploaded PDF, current, and it opens as the same PDF.
    await page.goto('/meetings/documents');
    await page.getByRole('region', { name: 'Memorandum of understanding' }).getByRole('button', { name: 'Add a version' }).click();
    const upload = page.getByRole('dialog').getByRole('form');
    await upload.getByLabel('Title').fill(`MOU ${stamp}`);
    const pdf = Buffer.from(`%PDF-1.4\n% MOU ${stamp}\n%%EOF\n`, 'latin1');
    await upload.getByLabel('PDF file (up to 10 MB)').setInputFiles({ name: 'mou.pdf', mimeType: 'application/pdf', buffer: pdf });
    await upload.getByRole('button', { name: 'Save version' }).click();
    await page.getByText(`“MOU ${stamp}” is on file.`).waitFor();
    const doc = page.locator(`[data-document="MOU ${stamp}"]`);
    expect(await doc.innerText()).toContain('Current');
    const href = await doc.getByRole('link', { name: /^View PDF/ }).getAttribute('href');
    const file = await context.request.get(href!);
    expect(file.headers()['content-type']).toContain('application/pdf');
    expect((await file.body()).equals(pdf)).toBe(true);

    expect([...errors, ...failedRequests]).toEqual([]);
  });
});
