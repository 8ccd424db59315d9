import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, PHONE, startE2E, type E2E } from './support/index.js';

interface PatrolEntry {
  id: string;
  notes: string | null;
}
interface Checklist {
  id: string;
  name: string;
  items: { id: string }[];
}
interface SessionBody {
  schools: { id: string }[];
}

describe('offline (installable app)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('serves the manifest, the icons and the service worker the installed app needs', async () => {
    const { context } = await e2e.page();
    const manifest = await context.request.get('/manifest.webmanifest');
    expect(manifest.headers()['content-type']).toContain('application/manifest+json');
    const body = (await manifest.json()) as { display: string; start_url: string; icons: { sizes: string; src: string }[] };
    expect(body).toMatchObject({ display: 'standalone', start_url: '/' });
    for (const size of ['192x192', '512x512']) {
      const icon = body.icons.find((i) => i.sizes === size)!;
      const png = await context.request.get(icon.src);
      expect(png.headers()['content-type']).toBe('image/png');
      // A real PNG of the stated size: the signature and the IHDR width.
      const bytes = await png.body();
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(Number(size.split('x')[0]));
    }
    const sw = await context.request.get('/sw.js');
    expect(sw.headers()['content-type']).toContain('javascript');
    expect(sw.headers()['cache-control']).toBe('no-cache');
  });

  it('an officer runs a check and logs a patrol without signal; back online they go in order, the patrol arrives once, the refused check waits in "Not sent"', async () => {
    const tag = Date.now().toString(36);
    const api = await apiSession(e2e.baseUrl, 'sro@demo.test');
    const schoolId = (await api.get<SessionBody>('/auth/session')).schools[0]!.id;
    const list = await api.post<Checklist>('/patrol-checklists', { schoolId, name: `Offline lock-up ${tag}`, items: [{ label: 'Side door' }] });

    const { page, context, errors } = await e2e.signedInPage('sro@demo.test', undefined, PHONE);
    await page.goto('/patrols');
    await page.getByRole('heading', { level: 1, name: 'Patrols & checks' }).waitFor();
    // The service worker takes the page; a reload under it keeps the page's files for offline use.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Patrols & checks' }).waitFor();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The worker keeps every file of the build when asked (the app asks after a minute of use).
    const wanted = (await (await context.request.get('/precache.json')).json()) as string[];
    await page.evaluate(() => navigator.serviceWorker.controller!.postMessage({ type: 'precache' }));
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('srodesk-shell-v1')).keys()).length), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(wanted.length);

    // The signal drops during a security check: the run is kept, on a list archived before the signal returns
    // (the server will refuse it).
    await page.getByRole('link', { name: 'Security checks' }).click();
    const card = page.getByRole('list', { name: 'Check lists' }).getByRole('listitem').filter({ hasText: list.name });
    await card.getByRole('button', { name: /^Run / }).click();
    const run = page.getByRole('dialog').getByRole('form');
    await run.locator('.check-item').first().getByRole('radio', { name: 'Pass' }).check();
    await context.setOffline(true);
    const banner = page.getByRole('status', { name: 'Offline work' });
    await banner.getByText('You are offline.').waitFor();
    await run.getByRole('button', { name: 'Save check' }).click();
    await page.getByText(/the check is kept on this device/).waitFor();
    await banner.getByText('1 not yet sent').waitFor();
    await api.patch(`/patrol-checklists/${list.id}`, { archived: true });

    // Then a patrol.
    await page.getByRole('link', { name: 'Patrol log' }).click();
    const note = `Offline lot walk ${tag}`;
    const form = page.getByRole('form', { name: 'Log a patrol' });
    await form.getByRole('radio', { name: 'Parking' }).check();
    await form.getByRole('button', { name: '10 min' }).click();
    await form.getByLabel('Notes').fill(note);
    await form.getByRole('button', { name: 'Log patrol' }).click();
    await form.getByText(/kept on this device/).waitFor();
    await banner.getByText('2 not yet sent').waitFor();

    // The app opens without signal (page and files from the service worker, the session kept on the device) and
    // lists the patrol as not yet sent.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Patrols & checks' }).waitFor();
    const unsent = page.getByRole('list', { name: 'Patrols not yet sent' });
    await unsent.getByRole('listitem').filter({ hasText: 'Patrol: Parking, 10 min' }).getByText('Not yet sent', { exact: true }).waitFor();
    await banner.getByText('2 not yet sent').waitFor();

    // Nothing reached the server while offline.
    const before = await api.get<{ items: PatrolEntry[] }>('/patrols?mine=true&limit=50');
    expect(before.items.filter((p) => p.notes === note)).toEqual([]);

    await context.setOffline(false);
    await banner.getByText('1 not sent: needs you').waitFor({ timeout: 30_000 });
    const after = await api.get<{ items: PatrolEntry[] }>('/patrols?mine=true&limit=50');
    expect(after.items.filter((p) => p.notes === note)).toHaveLength(1);

    await banner.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Not yet sent' }).waitFor();
    const refused = page.getByRole('list', { name: 'Not sent' }).getByRole('listitem').filter({ hasText: `Security check: ${list.name}` });
    await refused.getByText('Reason: checklistId: the check list is archived').waitFor();
    // Retrying does not drop it: the server says the same, and it stays listed until the user discards it.
    await refused.getByRole('button', { name: /^Retry / }).click();
    await refused.getByText(/the check list is archived/).waitFor();
    await refused.getByRole('button', { name: /^Discard / }).click();
    await page.getByRole('dialog', { name: 'Discard this work?' }).getByRole('button', { name: 'Discard' }).click();
    await page.getByText('The server refused nothing.').waitFor();
    await expect.poll(() => banner.count()).toBe(0);

    // The patrol is still there once, sent with its Idempotency-Key.
    const final = await api.get<{ items: PatrolEntry[] }>('/patrols?mine=true&limit=50');
    expect(final.items.filter((p) => p.notes === note)).toHaveLength(1);
    await api.close();
    // Offline, the failed requests are expected; nothing else may go wrong on the page.
    expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/.test(e))).toEqual([]);
  });

  it('a push message of an alert reaches the service worker and shows a notification that stays until acted on', async () => {
    const { page, context } = await e2e.signedInPage('sro@demo.test');
    await context.grantPermissions(['notifications']);
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Headless Chromium has no push service: the DevTools protocol hands the worker the message a push service
    // would deliver, in the shape the alert announcer sends (server/modules/alerts/alerts.announcer.ts).
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const active = registrations.find((r) => r.scopeURL === `${e2e.baseUrl}/` && !r.isDeleted);
        if (active) resolve(active.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const tag = `alert:e2e-${Date.now().toString(36)}`;
    const payload = { title: 'DRILL: Lockdown at North High', body: 'Locks, lights, out of sight.', url: '/alerts', kind: 'alert.push', tag };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: e2e.baseUrl, registrationId: await registrationId, data: JSON.stringify(payload) });
    const shown = () => page.evaluate(async (t) => {
      const notes = await (await navigator.serviceWorker.ready).getNotifications({ tag: t });
      return notes.map((n) => ({ title: n.title, body: n.body, requireInteraction: n.requireInteraction, url: (n.data as { url: string }).url }));
    }, tag);
    await expect.poll(shown, { timeout: 15_000 }).toEqual([{ title: payload.title, body: payload.body, requireInteraction: true, url: '/alerts' }]);
  });
});
