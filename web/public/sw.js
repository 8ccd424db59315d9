/* global self, caches */
/* SRO Desk service worker. Two jobs:
   1. The app shell offline: on install it keeps the page and every file of the build (precache.json, written by the
      Vite build) in the Cache Storage; page loads go to the network first and fall back to the kept page, built
      files (hashed names, never changed) come from the cache first. The API is never cached here: the offline work
      queue lives in IndexedDB per user (web/src/lib/offline-store.ts), never in a cache another account could read.
   2. Web Push: shows notifications (alerts, life-safety tips, escalations and the bell's other kinds as each user
      chose) and opens the linked page when one is clicked. Payload: { title, body, url, kind, tag }. */
const SHELL = 'srodesk-shell-v1';

/**
 * Keeps the page and the files it names (the shell: entry script, styles); with `all`, every file of the build
 * (precache.json, written by the Vite build), so pages never opened also open offline. Files of older builds are
 * dropped. A failure leaves the cache as it was: files are also kept as they are fetched.
 */
async function precache(all) {
  const cache = await caches.open(SHELL);
  const wanted = new Set(['/', '/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png', '/icons/icon-512.png']);
  try {
    const page = await fetch('/', { cache: 'no-cache' });
    if (!page.ok) return;
    const html = await page.clone().text();
    await cache.put('/', page);
    for (const m of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) wanted.add(m[1]);
    const list = all ? await fetch('/precache.json', { cache: 'no-cache' }) : null;
    if (list && list.ok) for (const f of await list.json()) wanted.add(`/${f}`);
  } catch {
    return; /* offline: keep what is kept */
  }
  const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  await Promise.all([...wanted].filter((f) => f !== '/' && !kept.has(f)).map((f) =>
    fetch(f, { cache: 'no-cache' }).then((r) => (r.ok ? cache.put(f, r) : undefined)).catch(() => undefined)));
  if (all) {
    for (const request of await cache.keys()) {
      const p = new URL(request.url).pathname;
      if (p.startsWith('/assets/') && !wanted.has(p)) await cache.delete(request);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache(false).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== SHELL) await caches.delete(name);
    await self.clients.claim();
  })());
});
// The app asks for every file once it has been open a while (not at install: a quick visit should not download
// every page), and again after each start, so a new release's files are kept without waiting for a new worker.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'precache') event.waitUntil(precache(true));
});

async function pageFirst(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/', response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match('/');
    if (kept) return kept;
    throw error;
  }
}

async function fileFirst(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await (await caches.open(SHELL)).match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // The API, the live stream, other sites and anything but GET go straight to the network, untouched.
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(pageFirst(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(fileFirst(request));
  else event.respondWith(networkFirst(request));
});

self.addEventListener('push', (event) => {
  let data = { title: 'SRO Desk', body: '', url: '/', kind: '', tag: undefined };
  try {
    if (event.data) data = { ...data, ...event.data.json() };
  } catch {
    /* not JSON: show the default title */
  }
  const urgent = /^(alert|notification\.(life_safety|alert|escalation))/.test(data.kind);
  event.waitUntil(self.registration.showNotification(data.title, {
    body: data.body, tag: data.tag, data: { url: data.url }, icon: '/icons/icon-192.png', requireInteraction: urgent, renotify: Boolean(data.tag),
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/', self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find((w) => w.url === url) ?? windows[0];
    if (open) {
      await open.focus();
      if (open.url !== url && 'navigate' in open) await open.navigate(url);
      return;
    }
    await self.clients.openWindow(url);
  })());
});
