import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, expectAccessible, expectNoHorizontalOverflow, PHONE, startE2E, type ApiSession, type E2E } from './support/index.js';

interface Session {
  user: { id: string };
  schools: { id: string; name: string }[];
}

// The "today" home: what needs each role, live; the principal's remind button; the escalated life-safety tip.
describe('the today home', () => {
  let e2e: E2E;
  let sro: ApiSession;
  let supervisor: ApiSession;
  let school: { id: string; name: string };
  let sroId: string;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    e2e = await startE2E();
    sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    supervisor = await apiSession(e2e.baseUrl, 'supervisor@demo.test');
    const session = await sro.get<Session>('/auth/session');
    sroId = session.user.id;
    school = session.schools.find((s) => s.name === 'Riverbend High School')!;
  });
  afterAll(async () => {
    await sro?.close();
    await supervisor?.close();
    await e2e?.close();
  });

  it('shows the SRO a report returned to them (live, without reload) and an event they cover today', async () => {
    const event = await supervisor.post<{ id: string }>('/events', {
      schoolId: school.id, kind: 'game', title: `Home game ${tag}`,
      startsAt: new Date(Date.now() + 30 * 60_000).toISOString(), endsAt: new Date(Date.now() + 90 * 60_000).toISOString(),
    });
    await supervisor.put(`/events/${event.id}/coverage`, { sroId });
    const draft = await sro.post<{ id: string; number: string; version: number }>('/incidents', {
      schoolId: school.id, occurredAt: new Date(Date.now() - 3600_000).toISOString(), summary: `Vaping ${tag}`, narrative: 'Seen vaping in a restroom.',
      offenses: [{ kind: 'school', category: 'vaping' }], persons: [{ kind: 'visitor', role: 'suspect', firstName: 'Rowan', lastName: `Home${tag}` }],
    });
    const submitted = await sro.post<{ version: number }>(`/incidents/${draft.id}/submit`, { version: draft.version });

    const { page, errors, failedRequests } = await e2e.signedInPage('sro@demo.test', undefined, PHONE);
    await page.goto('/');
    const today = page.getByRole('list', { name: 'What needs you' });
    await today.waitFor();
    await page.locator('[data-live-state="live"]').waitFor({ state: 'attached' });
    await today.getByRole('link', { name: /events? you cover today/ }).waitFor();
    // The demo may already hold returned reports: the count goes up by one, live.
    const returnedCount = async () => {
      const item = today.getByRole('listitem').filter({ has: page.getByRole('link', { name: /returned to you for changes/ }) });
      return (await item.count()) === 0 ? 0 : Number(await item.locator('.need-count').innerText());
    };
    const before = await returnedCount();

    await supervisor.post(`/incidents/${draft.id}/return`, { version: submitted.version, comment: 'Add the witness statement' });
    await expect.poll(returnedCount, { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(async () => page.getByRole('button', { name: /Notifications, [1-9]\d* unread/ }).count(), { timeout: 10_000 }).toBe(1);
    await expectNoHorizontalOverflow(page, 'the SRO home on a phone');
    await expectAccessible(page, 'the SRO home');
    expect([...errors, ...failedRequests]).toEqual([]);
  });

  it('lets the principal remind the staff who have not acknowledged a plan, once', async () => {
    const principal = await apiSession(e2e.baseUrl, 'admin@demo.test');
    const title = `Reunification annex ${tag}`;
    try {
      await principal.post('/plans', { schoolId: school.id, kind: 'protocol', title, body: 'Family reunification site and roles.' });
    } finally {
      await principal.close();
    }
    const { page, errors, failedRequests } = await e2e.signedInPage('admin@demo.test');
    await page.goto('/');
    const item = page.getByRole('listitem').filter({ hasText: title });
    await item.waitFor();
    await item.getByRole('button', { name: 'Remind' }).click();
    await item.getByRole('status').filter({ hasText: /^Reminded \d+$/ }).waitFor();

    const admin = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    try {
      const outbox = await admin.get<{ items: { to: string; subject: string }[] }>('/outbox?pageSize=200');
      expect(outbox.items.some((m) => m.to === 'staff@demo.test' && m.subject.includes(title))).toBe(true);
    } finally {
      await admin.close();
    }
    // A second reminder within the interval is refused, and says when the next one is possible.
    await item.getByRole('button', { name: 'Remind' }).click();
    await item.getByText(/the next reminder is possible from/).waitFor();
    // The refused second reminder (409) is the only failed request.
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('escalates a life-safety tip left unacknowledged past the timeout to the director', async () => {
    // The demo's life-safety tip has waited for weeks: the escalation sweep (at start, then every 30 s) takes every step.
    const director = await apiSession(e2e.baseUrl, 'director@demo.test');
    try {
      await expect.poll(async () => (await director.get<{ items: { title: string }[] }>('/notifications')).items
        .some((n) => n.title.startsWith('ESCALATED: life-safety tip')), { timeout: 120_000, interval: 2000 }).toBe(true);
    } finally {
      await director.close();
    }
    const { page, errors, failedRequests } = await e2e.signedInPage('director@demo.test');
    await page.goto('/');
    await page.getByRole('list', { name: 'What needs you' }).getByRole('link', { name: 'Life-safety tips not acknowledged' }).waitFor();
    await page.getByRole('button', { name: /Notifications, [1-9]\d* unread/ }).click();
    const escalated = page.getByRole('region', { name: 'Notifications' }).getByRole('link', { name: /^Unread: ESCALATED: life-safety tip T-/ }).first();
    await escalated.click();
    await page.getByText(/to the district director/).waitFor();
    expect([...errors, ...failedRequests]).toEqual([]);
  }, 180_000);
});
