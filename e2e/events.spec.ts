import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

interface School {
  id: string;
  name: string;
}
interface Event {
  id: string;
  title: string;
  uncovered: boolean;
  coverage: { sro: { id: string; name: string } } | null;
}
interface ActivityEntry {
  kind: string;
  source: { type: string; id: string } | null;
}

/** An ISO instant `days` from now at the given local hour. */
function at(days: number, hour: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return d.toISOString();
}

describe('event coverage', () => {
  let e2e: E2E;
  let school: School;
  let event: Event;
  beforeAll(async () => {
    e2e = await startE2E();
    // An event of the spec's own at Riverbend High School, nobody covering it yet.
    const supervisor = await apiSession(e2e.baseUrl, 'supervisor@demo.test');
    try {
      const schools = (await supervisor.get<{ items: School[] }>('/schools')).items;
      school = schools.find((s) => s.name === 'Riverbend High School')!;
      event = await supervisor.post<Event>('/events', {
        schoolId: school.id,
        kind: 'game',
        title: `JV basketball vs. Cedar Park ${Date.now().toString(36)}`,
        place: 'Main gym',
        startsAt: at(9, 18),
        endsAt: at(9, 21),
      });
      expect(event.uncovered).toBe(true);
    } finally {
      await supervisor.close();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the supervisor finds the uncovered event and assigns an SRO; it is covered and in the SRO activity log', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('supervisor@demo.test');
    await page.goto(`/events?schoolId=${school.id}&show=uncovered&from=${at(8, 12).slice(0, 10)}`);
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    const card = page.locator(`[data-event-id="${event.id}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain('Uncovered');
    expect(await card.innerText()).toContain('Nobody covers this event yet.');

    await card.getByRole('button', { name: `Assign an SRO to ${event.title}` }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp('^Assign an SRO') });
    await dialog.getByRole('radio', { name: /Daniel Reyes/ }).check();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await page.getByText(`Daniel Reyes covers “${event.title}”.`).waitFor();
    // Only uncovered events are listed: the event has left the list.
    await expect.poll(() => page.locator(`[data-event-id="${event.id}"]`).count()).toBe(0);

    // All events: it is there, covered by the SRO, without the badge.
    await page.getByLabel('Show').selectOption('');
    const covered = page.locator(`[data-event-id="${event.id}"]`);
    await covered.waitFor();
    expect(await covered.innerText()).toContain('Covered by Daniel Reyes');
    expect(await covered.innerText()).not.toContain('Uncovered');
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalOverflow(page, 'events on a phone');

    // The SRO sees it as covered by them, and the coverage is in their activity log as an event.
    const sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    try {
      const seen = await sro.get<Event>(`/events/${event.id}`);
      expect(seen.coverage?.sro.name).toBe('Daniel Reyes');
      const day = at(9, 18).slice(0, 10);
      const activity = await sro.get<{ items: ActivityEntry[] }>(`/activity?from=${day}&to=${day}&limit=100`);
      expect(activity.items.some((a) => a.kind === 'event' && a.source?.type === 'event_coverage')).toBe(true);
    } finally {
      await sro.close();
    }
    expect([...errors, ...failedRequests]).toEqual([]);
  });
});
