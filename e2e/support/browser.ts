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

/** The demo district's zone: browsers and day computations of the specs use it. */
export const DISTRICT_TIME_ZONE = 'America/Chicago';

/** Today (offset by `days`) as YYYY-MM-DD on the demo district's calendar. */
export function districtDay(days = 0, at = Date.now()): string {
  const wall = new Intl.DateTimeFormat('en-CA', { timeZone: DISTRICT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const [y, m, d] = wall.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** A laptop screen. */
export const DESKTOP: Viewport = { width: 1280, height: 800 };
/** The narrowest phone the pages support. */
export const PHONE: Viewport = { width: 360, height: 740 };

/** Opens a page in a new browser context (own cookies) whose relative URLs resolve against `baseUrl`. */
export async function openPage(browser: Browser, baseUrl: string, viewport: Viewport = DESKTOP): Promise<TrackedPage> {
  // The browser runs on the demo district's clock (America/Chicago), as its users' browsers do, whatever the machine's TZ.
  const context = await browser.newContext({
    baseURL: baseUrl, viewport, isMobile: viewport.width < 600, hasTouch: viewport.width < 600, timezoneId: DISTRICT_TIME_ZONE,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation away aborts pending requests; that is not a fault of the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.setDefaultTimeout(15_000);
  return { page, context, errors, failedRequests, close: () => context.close() };
}
