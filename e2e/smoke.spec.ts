import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './support/index.js';

describe('smoke', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('serves the web app at / with its title and no console errors', async () => {
    const { page, errors } = await e2e.page();
    const res = await page.goto('/');
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.title()).toContain('SRO Desk');
    expect(errors).toEqual([]);
  });
});
