import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, expectNoHorizontalOverflow, PHONE, startE2E, type E2E } from './support/index.js';

interface ClassDetail {
  id: string;
  number: string;
  status: string;
  scheduledDate: string | null;
  startTime: string | null;
  attendance: number | null;
  gradeLevels: number[];
  materials: { fileName: string }[];
  feedback: { students: { responses: number } };
}

/** A day `days` from today as YYYY-MM-DD (UTC; the demo district's day is the same or one earlier). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// The whole life of a class: a teacher asks for it, the SRO accepts and schedules it, teaches it, records the
// delivery with a handout, opens the student survey whose public page a student answers without an account.
describe('education: a teacher requests a class and the SRO schedules and records it', () => {
  let e2e: E2E;
  const tag = Date.now().toString(36);
  const note = `Third period, please (${tag})`;
  let classId = '';
  let number = '';

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the teacher sends a request from the education page and sees it waiting', async () => {
    const tracked = await e2e.signedInPage('staff@demo.test');
    const { page } = tracked;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Education programs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Education programs' }).waitFor();
    await page.getByRole('button', { name: 'Request a class' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Request a class' });
    await dialog.getByLabel('Topic').selectOption({ label: 'Cyber safety' });
    await dialog.getByLabel('Grade').selectOption({ label: '10' });
    await dialog.getByLabel('Class size').fill('28');
    await dialog.getByLabel('Preferred date 1').fill(dayFromNow(1));
    await dialog.getByRole('button', { name: 'Add another date' }).click();
    await dialog.getByLabel('Preferred date 2').fill(dayFromNow(2));
    await dialog.getByLabel('Notes for the officer').fill(note);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    const sent = page.getByText(/Your request for “Cyber safety” is sent \((EDU-[\d-]+)\)/);
    await sent.waitFor();
    number = /\((EDU-[\d-]+)\)/.exec(await sent.innerText())![1]!;
    const card = page.getByRole('listitem', { name: new RegExp(`Request ${number}`) });
    await card.getByText('Requested', { exact: true }).waitFor();

    const teacher = await apiSession(e2e.baseUrl, 'staff@demo.test');
    const mine = await teacher.get<{ items: { id: string; number: string; requestNotes: string }[] }>('/education/my-requests');
    await teacher.close();
    const created = mine.items.find((c) => c.number === number)!;
    expect(created.requestNotes).toBe(note);
    classId = created.id;

    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 'teacher requests on a phone');
    expect(tracked.errors).toEqual([]);
  });

  it('the SRO accepts and schedules it, records the delivery with a handout, and a student answers the survey', async () => {
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.goto('/education?status=requested&schoolId=all');
    await page.getByRole('heading', { level: 1, name: 'Education programs' }).waitFor();
    await page.getByRole('link', { name: new RegExp(number) }).click();
    await page.getByRole('heading', { level: 1, name: `Cyber safety · ${number}` }).waitFor();

    // Delivery is recorded once a class has started: the SRO fits it in yesterday, before writing it up.
    await page.getByRole('button', { name: 'Accept…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Accept the request' });
    await dialog.getByLabel('Date').fill(dayFromNow(-1));
    await dialog.getByLabel('Start time').fill('10:15');
    await dialog.getByLabel('Duration (minutes)').fill('50');
    await dialog.getByLabel('Room').fill('B-204');
    await dialog.getByRole('button', { name: 'Accept and schedule' }).click();
    await page.getByText(`${number} is accepted and scheduled.`).waitFor();
    await page.getByRole('region', { name: 'Details' }).locator('.badge', { hasText: 'Scheduled' }).waitFor();

    await page.getByLabel('Upload materials').setInputFiles({
      name: `handout-${tag}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.getByRole('link', { name: `handout-${tag}.pdf` }).waitFor();

    await page.getByRole('button', { name: 'Record delivery…' }).click();
    dialog = page.getByRole('dialog', { name: 'Record the delivery' });
    await dialog.getByLabel('Students attending').fill('26');
    await dialog.getByLabel('Grade 11').check();
    await dialog.getByLabel('Notes').fill('Good questions about sextortion scams.');
    await dialog.getByRole('button', { name: 'Record delivery' }).click();
    await page.getByText(`Delivery of ${number} is recorded.`).waitFor();
    await page.getByRole('region', { name: 'Details' }).locator('.badge', { hasText: 'Delivered' }).waitFor();

    await page.getByRole('button', { name: 'Open a student survey' }).click();
    const link = page.getByLabel('Student survey link');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/survey\/[\w-]+$/);

    // A student opens the link on a phone, without an account.
    const student = await e2e.page(PHONE);
    await student.page.goto(url);
    await student.page.getByRole('heading', { level: 1, name: 'Class feedback' }).waitFor();
    await student.page.getByRole('button', { name: 'Send feedback' }).click();
    await student.page.getByText(/Please answer every question/).waitFor();
    for (const group of await student.page.getByRole('group').all()) {
      await group.getByRole('radio', { name: /^4 · Agree/ }).check();
    }
    await student.page.getByLabel('Anything else? (optional)').fill(`Loved it ${tag}`);
    await student.page.getByRole('button', { name: 'Send feedback' }).click();
    await student.page.getByText('Thank you! Your feedback is sent.').waitFor();
    await expectNoHorizontalOverflow(student.page, 'the public survey on a phone');
    expect(student.errors).toEqual([]);

    await page.reload();
    const feedback = page.getByRole('region', { name: 'Feedback' });
    await feedback.getByText('1 response').waitFor();
    await feedback.getByText(`“Loved it ${tag}”`).waitFor();

    const sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    const detail = await sro.get<ClassDetail>(`/education/classes/${classId}`);
    await sro.close();
    expect(detail).toMatchObject({ status: 'delivered', scheduledDate: dayFromNow(-1), startTime: '10:15', attendance: 26 });
    expect(detail.gradeLevels).toEqual([10, 11]);
    expect(detail.materials.map((m) => m.fileName)).toEqual([`handout-${tag}.pdf`]);
    expect(detail.feedback.students.responses).toBe(1);

    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 'a delivered class on a phone');
    expect(tracked.errors).toEqual([]);
  });

  it('the teacher sees the class delivered, and the SRO reads the hours per topic', async () => {
    const teacher = await e2e.signedInPage('staff@demo.test');
    await teacher.page.goto('/education');
    const card = teacher.page.getByRole('listitem', { name: new RegExp(`Request ${number}`) });
    await card.getByText('Delivered', { exact: true }).waitFor();
    await card.getByText('26 students attended.').waitFor();
    expect(teacher.errors).toEqual([]);

    const sro = await e2e.signedInPage('sro@demo.test');
    await sro.page.goto(`/education/hours?schoolId=all&from=${dayFromNow(-40)}`);
    await sro.page.getByRole('heading', { level: 1, name: 'Education programs' }).waitFor();
    const chart = sro.page.getByRole('list', { name: 'Hours per topic' });
    await chart.getByText('Cyber safety').waitFor();
    await sro.page.getByRole('table', { name: /Education hours/ }).getByRole('cell', { name: 'Cyber safety' }).first().waitFor();
    expect(sro.errors).toEqual([]);
  });

  it('the SRO records an outreach event, which counts in the hours of the school', async () => {
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.goto('/education/outreach?schoolId=all');
    await page.getByRole('link', { name: 'Outreach' }).waitFor();
    await page.getByRole('button', { name: 'New outreach event' }).click();
    const dialog = page.getByRole('dialog', { name: 'New outreach event' });
    await dialog.getByLabel('Title').fill(`Parent night on vaping ${tag}`);
    await dialog.getByLabel('For', { exact: true }).selectOption({ label: 'Riverbend High School' });
    await dialog.getByLabel('Audience').selectOption({ label: 'Parents and families' });
    await dialog.getByLabel('Topic').selectOption({ label: 'Drug awareness' });
    await dialog.getByLabel('When').fill(`${dayFromNow(-2)}T18:30`);
    await dialog.getByLabel('Duration (minutes)').fill('90');
    await dialog.getByLabel('People reached').fill('45');
    await dialog.getByRole('button', { name: 'Save event' }).click();
    await page.getByText(`“Parent night on vaping ${tag}” is saved.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: `Parent night on vaping ${tag}` });
    await row.getByText('1 h 30 min').waitFor();

    await page.goto(`/education/hours?schoolId=all&from=${dayFromNow(-40)}&by=school`);
    await page.getByRole('list', { name: 'Hours per school' }).getByText('Riverbend High School').waitFor();
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 'education hours on a phone');
    expect(tracked.errors).toEqual([]);
  });
});
