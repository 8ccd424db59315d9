import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, apiSession, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

interface School {
  id: string;
  name: string;
}
interface Calendar {
  schoolId: string | null;
  firstDay: string;
  lastDay: string;
}
interface RuleResult {
  ruleId: string;
  status: string;
  periods: { counted: number; required: number | null; daysLeft: number | null }[];
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const schoolYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) >= 7 ? 0 : 1);

describe('drills', () => {
  let e2e: E2E;
  let school: School;
  let ruleTitle: string;
  let ruleId: string;
  let today: string;
  beforeAll(async () => {
    e2e = await startE2E();
    // The director records drills and edits rules district-wide. A rule of the spec's own (one bomb threat
    // drill observed by emergency management, in a window that closes tomorrow) starts at risk whatever
    // the demo drills are, and one drill recorded in the browser meets it.
    const director = await apiSession(e2e.baseUrl, 'director@demo.test');
    try {
      const schools = (await director.get<{ items: School[] }>('/schools')).items;
      school = schools[schools.length - 1]!;
      const probe = await director.get<{ today: string }>(`/compliance/schools/${school.id}`);
      today = probe.today;
      const year = schoolYearOf(today);
      const calendars = (await director.get<{ items: Calendar[] }>(`/calendars?schoolYear=${year}&schoolId=${school.id}`)).items;
      let calendar = calendars.find((c) => c.schoolId === school.id) ?? calendars.find((c) => c.schoolId === null);
      if (!calendar || !(calendar.firstDay <= today && today < calendar.lastDay)) {
        // Without a calendar covering today nothing is judged: the school gets one spanning the school year.
        const [firstDay, lastDay] = [`${year}-07-01`, `${year + 1}-06-30`];
        calendar = await director.put<Calendar>('/calendars', {
          schoolId: school.id, schoolYear: year, firstDay, lastDay,
          semesters: [{ start: firstDay, end: lastDay }], summerSession: null, closedDays: [],
        });
      }
      const { atRiskDays } = await director.get<{ atRiskDays: number }>('/drill-rules');
      expect(atRiskDays).toBeGreaterThanOrEqual(1);
      ruleTitle = `Bomb threat drill with emergency management ${Date.now().toString(36)}`;
      // The window's first day is the calendar's first day (day 1); it ends tomorrow.
      const rule = await director.post<{ id: string }>('/drill-rules', {
        schoolId: school.id,
        title: ruleTitle,
        drillTypes: ['bomb_threat'],
        minCount: 1,
        period: 'school_year',
        window: { kind: 'days_from_start', days: daysBetween(calendar!.firstDay, today) + 2 },
        requiresObserver: 'emergency_management',
      });
      ruleId = rule.id;
      const before = await director.get<{ rules: RuleResult[] }>(`/compliance/schools/${school.id}`);
      expect(before.rules.find((r) => r.ruleId === ruleId)?.status).toBe('at_risk');
    } finally {
      await director.close();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the director records a drill after the fact and watches the rule turn from at risk to met', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('director@demo.test');
    await page.goto(`/drills?schoolId=${school.id}`);
    await page.getByRole('heading', { level: 1, name: 'Drills' }).waitFor();
    const rules = page.getByRole('list', { name: 'Drill rules' });
    const card = rules.getByRole('listitem').filter({ has: page.getByRole('heading', { name: ruleTitle }) });
    await card.getByText('At risk').first().waitFor();
    expect(await card.textContent()).toMatch(/0 of 1 drill · 1 day left/);

    await page.getByRole('button', { name: 'Record a drill' }).click();
    const form = page.getByRole('dialog', { name: 'Record a drill' }).getByRole('form', { name: 'Record a drill' });
    await form.getByLabel('Drill type').selectOption({ label: 'Bomb threat' });
    // Recorded the day after it happened: the real date is entered.
    const yesterday = new Date(Date.parse(today) - DAY_MS).toISOString().slice(0, 10);
    await form.getByLabel('Date it happened').fill(yesterday);
    await form.getByLabel('Start time').fill('10:15');
    await form.getByLabel('Duration (minutes)').fill('18');
    await form.getByLabel('Participants').fill('412');
    await form.getByLabel('During a passing period').check();
    await form.getByRole('button', { name: 'Add an observer' }).click();
    await form.getByLabel('Observer 1', { exact: true }).selectOption({ label: 'Emergency management' });
    await form.getByLabel('Observer 1 name').fill('County OEM');
    await form.getByLabel('Problems found').fill('The east stairwell door did not latch.');
    await form.getByLabel('After-action notes').fill('Evacuation to the far field took 9 minutes.');
    await form.getByRole('button', { name: 'Add a task' }).click();
    await form.getByLabel('Task 1', { exact: true }).fill('Repair the east stairwell door latch');
    await form.getByLabel('Task 1 owner').fill('Facilities');
    await form.getByRole('button', { name: 'Record drill' }).click();

    await page.getByText(/The Bomb threat drill on .* is recorded\./).waitFor();
    await card.getByText('Met').first().waitFor();
    expect(await card.textContent()).toMatch(/1 of 1 drill\b/);
    expect(await card.textContent()).toContain('Counted: Bomb threat on');
    const calendar = page.getByRole('region', { name: 'Drill calendar' });
    const row = calendar.getByRole('row').filter({ hasText: 'Bomb threat' }).filter({ hasText: 'County OEM' });
    expect(await row.textContent()).toContain('18 min');
    expect(await row.textContent()).toContain('0 of 1 done');
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('the supervisor sees every school in the district overview on a phone and opens one', async () => {
    const { page, errors } = await e2e.signedInPage('supervisor@demo.test', undefined, PHONE);
    await page.goto('/drills?schoolId=all');
    const grid = page.getByRole('table', { name: /Drill compliance of every school/ });
    await grid.waitFor();
    const director = await apiSession(e2e.baseUrl, 'director@demo.test');
    const count = (await director.get<{ items: School[] }>('/schools')).items.length;
    await director.close();
    expect(await grid.locator('tbody tr').count()).toBe(count);
    await expectNoHorizontalOverflow(page, 'district overview');
    await grid.getByRole('button', { name: school.name }).click();
    await page.getByRole('list', { name: 'Drill rules' }).waitFor();
    await expectNoHorizontalOverflow(page, 'school compliance');
    expect(errors).toEqual([]);
  });
});
