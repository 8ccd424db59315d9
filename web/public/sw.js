/* global self */
/* SRO Desk service worker: shows Web Push notifications (alerts, life-safety tips, escalations and the bell's
   other kinds as each user chose) and opens the linked page when one is clicked. Payload: { title, body, url, kind, tag }. */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let data = { title: 'SRO Desk', body: '', url: '/', kind: '', tag: undefined };
  try {
    if (event.data) data = { ...data, ...event.data.json() };
  } catch {
    /* not JSON: show the default title */
  }
  const urgent = /^(alert|notification\.(life_safety|alert|escalation))/.test(data.kind);
  event.waitUntil(self.registration.showNotification(data.title, {
    body: data.body, tag: data.tag, data: { url: data.url }, icon: '/favicon.svg', requireInteraction: urgent, renotify: Boolean(data.tag),
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
