import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoHorizontalOverflow, PHONE, startE2E, type E2E, type TrackedPage } from './support/index.js';

// The smallest valid PNG: one transparent pixel.
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Fills the public tip form (already open) for Riverbend High School and sends it; returns code and passphrase. */
async function submitTip(
  page: Page,
  category: RegExp,
  description: string,
): Promise<{ code: string; passphrase: string }> {
  const form = page.getByRole('form', { name: /Report a concern anonymously|Informar una preocupación/ });
  await form.getByRole('searchbox').fill('Riverbend High');
  await form.getByRole('button', { name: /Riverbend High School/ }).click();
  await form.getByRole('radio', { name: category }).check();
  await form.getByRole('textbox', { name: /What happened|Qué pasó/ }).fill(description);
  await form.getByRole('textbox', { name: /^(Where\?|¿Dónde\?)$/ }).fill('Bus 12');
  await form.getByRole('button', { name: /Send my tip|Enviar mi aviso/ }).click();
  const code = await page.locator('[data-secret="code"]').innerText();
  const passphrase = await page.locator('[data-secret="passphrase"]').innerText();
  return { code: code.trim(), passphrase: passphrase.trim() };
}

/** The id of the tip whose text starts with `marker`, as staff finds it in the queue. */
async function tipIdByMarker(staff: TrackedPage, marker: string): Promise<string> {
  const res = await staff.context.request.get('/api/tips?limit=200');
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { id: string; excerpt: string }[] };
  const tip = items.find((t) => t.excerpt.startsWith(marker));
  if (!tip) throw new Error(`no tip in the queue starts with "${marker}"`);
  return tip.id;
}

describe('anonymous tips', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a reporter submits a tip in Spanish on a phone, the team answers, and the reporter reads the answer and writes back', async () => {
    const reporter = await e2e.page(PHONE);
    const { page } = reporter;
    // From the sign-in page, without an account.
    await page.goto('/');
    await page.getByRole('link', { name: 'Report a concern anonymously' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report a concern anonymously' }).waitFor();
    await page.getByRole('button', { name: 'Ver esta página en español' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Informar una preocupación de forma anónima' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectNoHorizontalOverflow(page, 'tip form on a phone');

    // Sending without a school names the school field, in Spanish.
    const form = page.getByRole('form', { name: 'Informar una preocupación de forma anónima' });
    await form.getByRole('radio', { name: 'Acoso o ciberacoso' }).check();
    await form.getByRole('textbox', { name: /Qué pasó/ }).fill('x');
    await form.getByRole('button', { name: 'Enviar mi aviso' }).click();
    await form.getByText('Elige tu escuela de la lista.').first().waitFor();

    const marker = `T${Date.now()}`;
    const description = `${marker} Unos chicos molestan a un alumno de noveno en el autobús.`;
    // A photo goes with it (a 1×1 PNG), sent with a progress bar.
    await form
      .getByLabel('Agrega una foto o un PDF (opcional)')
      .setInputFiles({ name: 'captura.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1, 'base64') });
    await form.getByText(/captura\.png/).waitFor();
    const secrets = await submitTip(page, /^Acoso o ciberacoso$/, description);
    expect(secrets.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(secrets.passphrase.length).toBeGreaterThan(8);
    await page.getByText('Anótalos o tómales una foto ahora.').waitFor();
    await expectNoHorizontalOverflow(page, 'tip receipt on a phone');
    // Nothing of the page came from another host.
    const foreign = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => !u.startsWith(location.origin)),
    );
    expect(foreign).toEqual([]);

    // The SRO of the school finds it in the queue and answers with a canned reply.
    const sro = await e2e.signedInPage('sro@demo.test');
    const tipId = await tipIdByMarker(sro, marker);
    await sro.page.goto(`/tips/${tipId}`);
    await sro.page.getByText(description).waitFor();
    const photo = await sro.context.request.get(`/api/tips/${tipId}/attachment`);
    expect(photo.status()).toBe(200);
    expect(photo.headers()['content-type']).toContain('image/png');
    await sro.page.getByRole('link', { name: 'Open the attachment' }).waitFor();
    const reply = sro.page.getByRole('form', { name: 'Reply to the reporter' });
    await reply.getByLabel('Canned reply').selectOption('more_info');
    await expect
      .poll(() => reply.getByRole('textbox', { name: 'Reply' }).inputValue())
      .toContain('Can you tell us more');
    await reply.getByRole('textbox', { name: 'Reply' }).fill('Gracias. ¿En qué ruta de autobús pasa esto?');
    await reply.getByRole('button', { name: 'Send reply' }).click();
    await sro.page
      .getByRole('list', { name: 'Messages' })
      .getByText('¿En qué ruta de autobús pasa esto?')
      .waitFor();
    // Staff marks it investigating.
    const triage = sro.page.getByRole('form', { name: 'Triage' });
    await triage.getByLabel('Status').selectOption('investigating');
    await triage.getByRole('button', { name: 'Save triage' }).click();
    await triage.getByText('The tip was updated.').waitFor();

    // Later the reporter checks the tip: a wrong passphrase answers like an unknown code.
    await page.getByRole('link', { name: 'Consultar mi aviso' }).first().click();
    const check = page.getByRole('form', { name: 'Consultar mi aviso' });
    await check.getByLabel('Código del aviso').fill(secrets.code);
    await check.getByLabel('Frase secreta').fill('wrong-words-here');
    await check.getByRole('button', { name: 'Abrir mi aviso' }).click();
    await check.getByText('Ningún aviso coincide con este código y esta frase.').waitFor();
    await check.getByLabel('Frase secreta').fill(secrets.passphrase);
    await check.getByRole('button', { name: 'Abrir mi aviso' }).click();
    await page.getByText('¿En qué ruta de autobús pasa esto?').waitFor();
    expect(await page.locator('[data-tip-status]').innerText()).toBe('En investigación');
    await expectNoHorizontalOverflow(page, 'tip dialogue on a phone');

    // The reporter answers; staff sees it.
    const answer = page.getByRole('form', { name: 'Responde o cuéntanos más' });
    await answer
      .getByRole('textbox', { name: 'Responde o cuéntanos más' })
      .fill('Es el autobús 12, por la tarde.');
    await answer.getByRole('button', { name: 'Enviar' }).click();
    await page.getByText('Tu mensaje fue enviado.').waitFor();
    await sro.page.setViewportSize(PHONE);
    await sro.page.reload();
    await sro.page
      .getByRole('list', { name: 'Messages' })
      .getByText('Es el autobús 12, por la tarde.')
      .waitFor();
    await expectNoHorizontalOverflow(sro.page, 'staff tip page on a phone');

    // The one refused look-up (wrong passphrase, 404) is the browser's only complaint.
    expect(reporter.errors.filter((e) => !/Failed to load resource: .* status of 404/.test(e))).toEqual([]);
    expect(sro.errors).toEqual([]);
  });

  it('a life-safety tip raises a notice on the SRO dashboard at once, with a timer until acknowledged; acknowledging takes it down on every dashboard', async () => {
    const sro = await e2e.signedInPage('sro@demo.test');
    await sro.page.goto('/');
    await sro.page.locator('[data-live-state="live"]').waitFor({ state: 'attached' });
    const supervisor = await e2e.signedInPage('supervisor@demo.test');
    await supervisor.page.goto('/');
    await supervisor.page.locator('[data-live-state="live"]').waitFor({ state: 'attached' });

    const reporter = await e2e.page(PHONE);
    await reporter.page.goto('/report?lang=en');
    const marker = `L${Date.now()}`;
    const description = `${marker} A student said he will bring a gun to school tomorrow.`;
    await submitTip(reporter.page, /^Weapon$/, description);
    await reporter.page.getByText('If someone is in danger right now, call 911.').first().waitFor();

    // The dashboard shows it without a reload.
    const notice = sro.page.locator('.life-safety-notice');
    await notice.waitFor({ timeout: 10_000 });
    await notice
      .getByText(/Weapon/)
      .first()
      .waitFor();
    await notice.locator('[data-timer="unacknowledged"]').first().waitFor();

    // Opening and acknowledging it stops the timer, and the supervisor's dashboard drops the notice without a reload.
    const tipId = await tipIdByMarker(sro, marker);
    const supervisorNotice = supervisor.page.locator(`.life-safety-notice a[href="/tips/${tipId}"]`);
    await supervisorNotice.waitFor({ timeout: 10_000 });
    await sro.page.locator(`a[href="/tips/${tipId}"]`).click();
    await sro.page.getByText(description).waitFor();
    await sro.page.locator('[data-timer="unacknowledged"]').waitFor();
    await sro.page.getByRole('button', { name: 'Acknowledge' }).click();
    await sro.page.getByText(/Acknowledged after/).waitFor();
    expect(await sro.page.locator('[data-timer="unacknowledged"]').count()).toBe(0);
    await supervisorNotice.waitFor({ state: 'detached', timeout: 10_000 });
    expect(supervisor.errors).toEqual([]);

    // The queue lists it with the life-safety badge.
    await sro.page.goto('/tips');
    await sro.page.getByRole('table', { name: /Tip queue/ }).waitFor();
    expect(sro.errors).toEqual([]);
    expect(reporter.errors).toEqual([]);
  });
});
