import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'playwright-core';
import { apiSession, expectNoHorizontalOverflow, PHONE, startE2E, type E2E } from './support/index.js';

/** Sends a tip through the public API as an anonymous reporter (no session); returns its marker. */
async function anonymousTip(baseUrl: string, schoolId: string, description: string): Promise<void> {
  const context = await request.newContext({ baseURL: baseUrl });
  try {
    await context.get('/api/health');
    const csrf = (await context.storageState()).cookies.find((c) => c.name === 'sro_csrf')?.value ?? '';
    const { token } = (await (await context.get('/api/public/tips/token')).json()) as { token: string };
    const res = await context.post('/api/public/tips', {
      data: { token, schoolId, category: 'threat_of_violence', description, where: 'Cafeteria' },
      headers: { 'x-csrf-token': csrf },
    });
    if (res.status() !== 201) throw new Error(`tip answered ${res.status()}: ${await res.text()}`);
  } finally {
    await context.dispose();
  }
}

describe('threat assessment', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a case goes from a tip to a very serious classification with its tasks and a safety plan', async () => {
    const admin = await apiSession(e2e.baseUrl, 'admin@demo.test');
    const { items: schools } = await admin.get<{ items: { id: string; name: string }[] }>('/schools');
    const school = schools.find((s) => s.name === 'Riverbend High School');
    if (!school) throw new Error('no Riverbend High School in the demo district');
    const { items: students } = await admin.get<{
      items: { lastName: string; firstName: string; studentNumber: string }[];
    }>(`/students?schoolId=${school.id}&pageSize=1`);
    const student = students[0];
    if (!student) throw new Error('no student at Riverbend High School');
    await admin.close();

    const marker = `V${Date.now()}`;
    await anonymousTip(
      e2e.baseUrl,
      school.id,
      `${marker} A student posted that he will shoot people at lunch on Friday.`,
    );

    // The counselor opens a case from the tip.
    const counselor = await e2e.signedInPage('counselor@demo.test');
    const { page } = counselor;
    const tips = (await (await counselor.context.request.get('/api/tips?limit=200')).json()) as {
      items: { id: string; excerpt: string }[];
    };
    const tip = tips.items.find((t) => t.excerpt.startsWith(marker));
    if (!tip) throw new Error('the tip is not in the counselor queue');
    await page.goto(`/tips/${tip.id}`);
    await page.getByRole('link', { name: 'Open a threat assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open a threat assessment' }).waitFor();
    const form = page.getByRole('form', { name: 'Open a threat assessment' });
    // The tip's words are the threat as reported.
    await expect.poll(() => form.getByLabel('Threat as reported').inputValue()).toContain(marker);
    await form.getByLabel('Student of concern').fill(student.studentNumber);
    await form
      .getByRole('button', { name: new RegExp(student.lastName) })
      .first()
      .click();
    await form.getByLabel('Intended victims').fill('Students in the cafeteria at lunch');
    await form
      .getByRole('checkbox', { name: /Daniel Reyes/ })
      .first()
      .check();
    await form.getByRole('button', { name: 'Open the case' }).click();
    await page.waitForURL(/\/threats\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: /^Case / }).waitFor();

    // Step 1: evaluate.
    const evaluation = page.getByRole('form', { name: 'Evaluate the threat' });
    await evaluation
      .getByLabel('Student’s account')
      .fill('He says he was angry and did not mean it, but he named a date.');
    await evaluation.getByLabel('Witness accounts').fill('Two classmates saw the post and are afraid.');
    await evaluation.getByRole('button', { name: 'Record the evaluation' }).click();
    await page.getByRole('heading', { name: 'Step 1 · Evaluation' }).waitFor();

    // Steps 2-3: a rationale is required; then very serious.
    const classify = page.getByRole('form', { name: 'Classify the threat' });
    await classify.getByRole('radio', { name: /Very serious substantive/ }).check();
    await classify
      .getByLabel('Rationale')
      .fill('A threat to shoot, with a date and place; the family owns firearms.');
    await classify.getByRole('button', { name: 'Classify' }).click();
    await page.getByRole('heading', { name: /Classification: Very serious substantive/ }).waitFor();

    // The guidelines' tasks appear, each with a due date.
    const tasks = page.getByRole('list', { name: 'Tasks' });
    for (const kind of [
      'immediate_precautions',
      'consult_law_enforcement',
      'notify_victim_parents',
      'mental_health_evaluation',
      'safety_plan',
    ]) {
      await tasks.locator(`[data-task-kind="${kind}"]`).waitFor();
    }
    await tasks.getByText('Mental health and safety evaluation').waitFor();
    // The counselor takes the evaluation and marks the precautions done.
    const mh = tasks.locator('[data-task-kind="mental_health_evaluation"]');
    await mh.getByRole('combobox', { name: /Owner of/ }).selectOption({ label: 'Marisol Delgado' });
    await expect.poll(() => mh.innerText()).toContain('Marisol Delgado');
    await tasks.getByRole('button', { name: /Mark “Take immediate protective precautions” done/ }).click();
    await expect
      .poll(() => tasks.locator('[data-task-kind="immediate_precautions"]').innerText())
      .toContain('done');

    // The safety plan with two review dates.
    await page.getByRole('button', { name: 'Write the plan' }).click();
    const plan = page.getByRole('form', { name: 'Safety plan' });
    await plan.getByLabel('Measures').fill('Daily bag check on arrival\nEscort between classes');
    await plan.getByLabel('Supports').fill('Weekly counseling');
    const inTwoWeeks = new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10);
    const inSixWeeks = new Date(Date.now() + 42 * 86400_000).toISOString().slice(0, 10);
    await plan.getByRole('textbox', { name: 'Review 1', exact: true }).fill(inTwoWeeks);
    await plan.getByRole('button', { name: 'Add a review date' }).click();
    await plan.getByRole('textbox', { name: 'Review 2', exact: true }).fill(inSixWeeks);
    await plan.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('Daily bag check on arrival').waitFor();
    await page.getByRole('list', { name: 'Review dates' }).getByText('(next)').waitFor();

    // An interview note.
    const note = page.getByRole('form', { name: 'Add a note' });
    await note.getByLabel('Interviewee').fill('The student');
    await note.getByLabel('Their role').selectOption('subject');
    await note
      .getByLabel('Note', { exact: true })
      .fill('Calm, regrets the post; has access to a rifle at home.');
    await note.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Notes' }).getByText('has access to a rifle at home').waitFor();

    // The case reads well on a phone, and the list shows it very serious with its next review.
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 'case page on a phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/threats');
    const row = page.getByRole('row').filter({ has: page.locator(`a[href="/threats/${caseId}"]`) });
    await row.getByText('Very serious substantive').waitFor();

    // The summary PDF is there for the team.
    const pdf = await counselor.context.request.get(`/api/threat-cases/${caseId}/summary.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // The district safety director sees the case; a security officer has no threat assessment at all.
    const director = await e2e.signedInPage('director@demo.test');
    await director.page.goto(`/threats/${caseId}`);
    await director.page.getByText('Daily bag check on arrival').waitFor();
    const security = await e2e.signedInPage('security@demo.test');
    await security.page.goto(`/threats/${caseId}`);
    await security.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await security.page.getByText('Daily bag check on arrival').count()).toBe(0);

    expect(counselor.errors).toEqual([]);
    expect(director.errors).toEqual([]);
  });
});
