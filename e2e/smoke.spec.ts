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

  it('signed out, the app loads its scripts and styles (they are not behind sign-in)', async () => {
    const { page, errors, failedRequests } = await e2e.page();
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/assets/')) statuses.push(r.status());
    });
    await page.goto('/');
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('an API path written with escapes is still checked for the CSRF token', async () => {
    // The router decodes %61 to "a"; the CSRF check must follow the route, not the raw URL.
    for (const path of ['/api/auth/sign-in', '/%61pi/auth/sign-in']) {
      const res = await fetch(`${e2e.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'sro@demo.test', password: 'srodesk-demo' }),
      });
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    }
  });
});
