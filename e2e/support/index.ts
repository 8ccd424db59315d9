import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from './api.js';
import { launchBrowser, openPage, type TrackedPage, type Viewport } from './browser.js';
import { BASE_URL_ENV } from './global-setup.js';

export { apiSession, createUser, DEMO_PASSWORD, uniqueEmail, type ApiSession, type CreatedUser } from './api.js';
export { chromiumPath, DESKTOP, DISTRICT_TIME_ZONE, districtDay, hasChromium, launchBrowser, openPage, PHONE, type TrackedPage, type Viewport } from './browser.js';
export { expectNoHorizontalOverflow, signInThroughForm } from './pages.js';
export { expectAccessible } from './axe.js';
export { ensureBuilt, freePort, serverCommand, startServer, type RunningServer } from './server.js';

/** The URL of the run's shared server (started by the global setup). */
export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: run the browser tier with vitest -c e2e/vitest.config.ts`);
  return url;
}

/** A browser session of a spec file: pages it opens are closed by `close()`. */
export interface E2E {
  browser: Browser;
  baseUrl: string;
  /** A new page in its own context (own cookies), tracking console errors; a desktop window unless told. */
  page(viewport?: Viewport): Promise<TrackedPage>;
  /** A page whose context is signed in as `email` (a demo account unless `password` is given), via the API: fast, and specs of the sign-in form test the form itself. */
  signedInPage(email: string, password?: string, viewport?: Viewport): Promise<TrackedPage>;
  close(): Promise<void>;
}

/** Launches Chromium against the shared server; call in beforeAll and `close()` in afterAll. */
export async function startE2E(): Promise<E2E> {
  const url = baseUrl();
  const browser = await launchBrowser();
  const pages: TrackedPage[] = [];
  const page = async (viewport?: Viewport) => {
    const tracked = await openPage(browser, url, viewport);
    pages.push(tracked);
    return tracked;
  };
  return {
    browser,
    baseUrl: url,
    page,
    async signedInPage(email, password = DEMO_PASSWORD, viewport) {
      const tracked = await page(viewport);
      const csrf = await tracked.context.request.get(`${url}/api/health`);
      const token = (await tracked.context.cookies(url)).find((c) => c.name === 'sro_csrf')?.value;
      if (!csrf.ok() || !token) throw new Error('no CSRF cookie from /api/health');
      const res = await tracked.context.request.post(`${url}/api/auth/sign-in`, {
        data: { email, password }, headers: { 'x-csrf-token': token },
      });
      if (res.status() !== 200) throw new Error(`sign-in of ${email} answered ${res.status()}: ${await res.text()}`);
      return tracked;
    },
    async close() {
      for (const p of pages) await p.close().catch(() => undefined);
      await browser.close();
    },
  };
}
