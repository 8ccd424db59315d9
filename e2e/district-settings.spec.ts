import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, startE2E, type ApiSession, type E2E } from './support/index.js';

describe('district settings', () => {
  let e2e: E2E;
  let api: ApiSession;
  let original: number;
  beforeAll(async () => {
    e2e = await startE2E();
    api = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    original = (await api.get<{ cancelWindowSeconds: number }>('/alerts/settings')).cancelWindowSeconds;
  });
  afterAll(async () => {
    // The specs share one server: the alert specs count on the demo district's cancel window.
    await api?.patch('/alerts/settings', { cancelWindowSeconds: original }).catch(() => undefined);
    await api?.close();
    await e2e?.close();
  });

  it('the system administrator sets the alert cancel window on the district page, on a phone, and a value over the maximum is held back', async () => {
    const { page, errors } = await e2e.signedInPage('sysadmin@demo.test', undefined, { width: 360, height: 740 });
    await page.goto('/district');
    const form = page.getByRole('form', { name: 'Emergency alert settings' });
    const field = form.getByLabel('Cancel window (seconds)');
    await expect.poll(() => field.inputValue()).toBe(String(original));

    await field.fill('45');
    await form.getByRole('button', { name: 'Save alert settings' }).click();
    // Over the 30-second maximum: the browser holds the form back and says why on the field.
    expect(await field.evaluate((el) => (el as HTMLInputElement).validity.rangeOverflow)).toBe(true);
    expect((await api.get<{ cancelWindowSeconds: number }>('/alerts/settings')).cancelWindowSeconds).toBe(original);

    await field.fill('8');
    await form.getByRole('button', { name: 'Save alert settings' }).click();
    await form.getByText('Alerts now wait 8 seconds before they go out.').waitFor();
    expect((await api.get<{ cancelWindowSeconds: number }>('/alerts/settings')).cancelWindowSeconds).toBe(8);
    await page.reload();
    await expect.poll(() => page.getByRole('form', { name: 'Emergency alert settings' }).getByLabel('Cancel window (seconds)').inputValue()).toBe('8');
    expect(errors).toEqual([]);
  });
});
