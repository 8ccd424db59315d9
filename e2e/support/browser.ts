import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The Chromium binary: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** True when the Chromium binary exists (the browser tier is skipped otherwise). */
export function hasChromium(): boolean {
  return existsSync(chromiumPath());
}

// Headless, no sandbox (containers run as root), and nothing that phones home or stalls on first run.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Launches headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  if (!hasChromium()) throw new Error(`no Chromium at ${chromiumPath()}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: chromiumPath(), args: ARGS });
}

/** A page with the problems it reported: console errors, uncaught exceptions, failed requests. */
export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** Console messages of type error and uncaught page errors, in order. */
  errors: string[];
  /** Requests that failed at the network level (not HTTP error statuses). */
  failedRequests: string[];
  close(): Promise<void>;
}

/** The size of a page's window; a desktop unless told (`PHONE` is a small phone). */
export interface Viewport {
  width: number;
  height: number;
}

/** A laptop screen. */
export const DESKTOP: Viewport = { width: 1280, height: 800 };
/** The narrowest phone the pages support. */
export const PHONE: Viewport = { width: 360, height: 740 };

/** Opens a page in a new browser context (own cookies) whose relative URLs resolve against `baseUrl`. */
export async function openPage(browser: Browser, baseUrl: string, viewport: Viewport = DESKTOP): Promise<TrackedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation away aborts pending requests; that is not a fault of the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.setDefaultTimeout(15_000);
  return { page, context, errors, failedRequests, close: () => context.close() };
}
