import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  DEMO_PASSWORD,
  launchBrowser,
  openPage,
  serverCommand,
  startServer,
  type RunningServer,
  type TrackedPage,
} from './support/index.js';
import { ROOT, waitForHealth } from './support/server.js';

/** Stops a server process and waits for its exit (its data folder stays). */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Signs a new page in as a demo account through the API. */
async function signIn(
  browser: Browser,
  url: string,
  email: string,
): Promise<{ tracked: TrackedPage; csrf: string }> {
  const tracked = await openPage(browser, url);
  await tracked.context.request.get(`${url}/api/health`);
  const csrf = (await tracked.context.cookies(url)).find((c) => c.name === 'sro_csrf')?.value ?? '';
  const res = await tracked.context.request.post(`${url}/api/auth/sign-in`, {
    data: { email, password: DEMO_PASSWORD },
    headers: { 'x-csrf-token': csrf },
  });
  expect(res.status()).toBe(200);
  // Sign-in issues a new CSRF token bound to the session.
  const current = (await tracked.context.cookies(url)).find((c) => c.name === 'sro_csrf')?.value ?? '';
  return { tracked, csrf: current };
}

// Its own server (the shared one must not be restarted under the other specs).
describe('live alerts survive a server restart', () => {
  let server: RunningServer;
  let restarted: ChildProcess | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (restarted) await stopProcess(restarted);
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('shows that the connection is down, reconnects on its own and then shows the next alert', async () => {
    const { tracked: staff } = await signIn(browser, server.url, 'staff@demo.test');
    await staff.page.goto('/');
    const layer = staff.page.locator('.alert-layer');
    await staff.page.locator('[data-live-state="live"]').waitFor({ state: 'attached' });

    await stopProcess(server.child);
    await expect.poll(() => layer.getAttribute('data-live-state')).toBe('reconnecting');
    await staff.page.getByText('Live alerts are reconnecting…').waitFor();

    // The same data folder and port: sessions and cookies stay valid.
    const { args } = serverCommand();
    let output = '';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(server.port),
      HOST: '127.0.0.1',
      DATA_DIR: server.dataDir,
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.PUBLIC_URL;
    restarted = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    restarted.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    restarted.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await waitForHealth(server.url, restarted, 60_000, () => output);
    await staff.page.locator('[data-live-state="live"]').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await staff.page.getByText('Live alerts are reconnecting…').count()).toBe(0);

    const { tracked: admin, csrf } = await signIn(browser, server.url, 'admin@demo.test');
    const session = (await (await admin.context.request.get(`${server.url}/api/auth/session`)).json()) as {
      schools: { id: string }[];
    };
    const raised = await admin.context.request.post(`${server.url}/api/alerts`, {
      data: { action: 'hold', drill: true, schoolIds: [session.schools[0]!.id] },
      headers: { 'x-csrf-token': csrf },
    });
    expect(raised.status()).toBe(201);
    const { id } = (await raised.json()) as { id: string };
    const overlay = staff.page.getByRole('alertdialog');
    await overlay.waitFor({ timeout: 15_000 });
    expect(await overlay.getAttribute('data-alert-id')).toBe(id);
    expect(await overlay.innerText()).toContain('HOLD');
    // Only the refused connections while the server was down, and the 503 a stopping server answers a reconnect
    // attempt in its last moments (graceful shutdown); no script error.
    const expected = (e: string) => e.includes('ERR_CONNECTION_REFUSED') || e.includes('503 (Service Unavailable)');
    expect(staff.errors.filter((e) => !expected(e))).toEqual([]);
  });
});
