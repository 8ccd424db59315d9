import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, expectNoHorizontalOverflow, PHONE, startE2E, type E2E } from './support/index.js';

/** The seeded staff member of a contracted mental-health vendor (a counselor-role account of the directory entry). */
const VENDOR_EMAIL = 'vendor@demo.test';

interface Target {
  id: string;
  name: string;
  kind: string;
}
interface Referral {
  id: string;
  status: string;
  outcome: string | null;
  outcomeSummary: string | null;
  notes: unknown[] | null;
  receiver: { organization: { id: string; name: string } | null };
}

// The loop of a referral to a contracted provider: the SRO refers a student, the vendor's staff member finds it in
// their inbox, accepts, schedules, keeps a clinical note and closes it; the SRO sees the outcome, never the note.
describe('support referrals: an SRO refers a student to a vendor and the vendor closes it', () => {
  let e2e: E2E;
  let student: { id: string; firstName: string; lastName: string; preferredName: string | null };
  let vendor: Target;
  const tag = Date.now().toString(36);
  const details = `Withdrawn after the fight on the bus; asked me for help (${tag}).`;
  const clinical = `Clinical: screening positive for anxiety (${tag})`;
  let referralId = '';

  beforeAll(async () => {
    e2e = await startE2E();
    const sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    const session = await sro.get<{ schools: { id: string; name: string }[] }>('/auth/session');
    const school = session.schools.find((s) => s.name === 'Riverbend High School')!;
    const targets = await sro.get<{ organizations: Target[] }>(`/support/referral-targets?schoolId=${school.id}`);
    const me = await apiSession(e2e.baseUrl, VENDOR_EMAIL);
    const account = await me.get<{ user: { organizationId?: string | null } }>('/auth/session');
    await me.close();
    vendor = targets.organizations.find((o) => o.id === account.user.organizationId) ?? targets.organizations.find((o) => o.kind === 'mental_health_vendor')!;
    const counselor = await apiSession(e2e.baseUrl, 'counselor@demo.test');
    const roster = await counselor.get<{ items: (typeof student)[] }>(`/students?schoolId=${school.id}&pageSize=5`);
    await counselor.close();
    await sro.close();
    student = roster.items[0]!;
    expect(vendor).toBeTruthy();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  const studentName = () => `${student.preferredName ?? student.firstName} ${student.lastName}`;

  it('the SRO refers the student from the support page and sees it waiting', async () => {
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Student support' }).click();
    await page.getByRole('heading', { level: 1, name: 'Student support' }).waitFor();
    await page.getByRole('button', { name: 'Refer a student' }).click();
    const dialog = page.getByRole('dialog', { name: 'Refer a student' });
    await dialog.getByRole('searchbox', { name: 'Student' }).fill(student.lastName);
    await dialog.getByRole('button', { name: new RegExp(studentName()) }).first().click();
    await dialog.getByLabel('Refer to').selectOption({ label: `${vendor.name} (mental-health vendor)` });
    await dialog.getByLabel('Reason').selectOption({ label: 'Grief or trauma' });
    await dialog.getByLabel('Urgency').selectOption({ label: 'Urgent' });
    await dialog.getByLabel('Guardian consent').selectOption({ label: 'Guardian consent obtained' });
    await dialog.getByLabel('What you observed').fill(details);
    await dialog.getByRole('button', { name: 'Send referral' }).click();
    await page.getByText(`is referred to ${vendor.name}.`, { exact: false }).waitFor();

    await page.getByLabel('Referrals', { exact: true }).selectOption({ label: 'Sent by me' });
    const card = page.getByRole('listitem', { name: `Referral of ${studentName()} to ${vendor.name}` }).first();
    await card.getByText('Waiting for acceptance').waitFor();
    await card.getByRole('link', { name: studentName() }).click();
    await page.getByRole('heading', { level: 1, name: `Referral of ${studentName()}` }).waitFor();
    await page.getByText(details).waitFor();
    referralId = page.url().split('/').pop()!;
    // The referrer does not handle it: no clinical notes, no buttons of the receiver.
    expect(await page.getByRole('region', { name: 'Clinical notes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(tracked.errors).toEqual([]);
  });

  it('the vendor accepts, schedules, writes a clinical note and closes the loop', async () => {
    const tracked = await e2e.signedInPage(VENDOR_EMAIL);
    const { page } = tracked;
    await page.goto('/support');
    const card = page.getByRole('listitem', { name: `Referral of ${studentName()} to ${vendor.name}` }).first();
    await card.getByRole('link', { name: studentName() }).click();
    await page.getByRole('heading', { level: 1, name: `Referral of ${studentName()}` }).waitFor();

    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('dialog', { name: 'Accept the referral' }).getByRole('button', { name: 'Accept the referral' }).click();
    await page.getByText('The referral is accepted.').waitFor();

    await page.getByRole('button', { name: 'Schedule the first appointment' }).click();
    let dialog = page.getByRole('dialog', { name: 'Schedule the first appointment' });
    const when = new Date(Date.now() + 2 * 86_400_000);
    const local = `${when.toISOString().slice(0, 10)}T15:30`;
    await dialog.getByLabel('Appointment', { exact: true }).fill(local);
    await dialog.getByRole('button', { name: 'Schedule the first appointment' }).click();
    await page.getByText('The appointment is scheduled.').waitFor();

    await page.getByRole('button', { name: 'Add a clinical note' }).click();
    dialog = page.getByRole('dialog', { name: 'Add a clinical note' });
    await dialog.getByLabel('Note', { exact: true }).fill(clinical);
    await dialog.getByRole('button', { name: 'Add a clinical note' }).click();
    await page.getByRole('region', { name: 'Clinical notes' }).getByText(clinical).waitFor();

    await page.getByRole('button', { name: 'Close the loop' }).click();
    dialog = page.getByRole('dialog', { name: 'Close the loop' });
    await dialog.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Receiving ongoing services' });
    await dialog.getByLabel('Closing line for the referrer (optional)').fill('Seen twice; continues weekly.');
    await dialog.getByRole('button', { name: 'Close the loop' }).click();
    await page.getByText('The referral is closed.').waitFor();
    await page.getByRole('region', { name: 'Referral' }).locator('.badge', { hasText: 'Closed' }).waitFor();

    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 'a closed referral on a phone');
    expect(tracked.errors).toEqual([]);
  });

  it('the SRO sees the referral closed with its outcome and never the clinical note', async () => {
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.goto(`/support/referrals/${referralId}`);
    await page.getByText('Receiving ongoing services: Seen twice; continues weekly.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(clinical);

    const sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    const seen = await sro.get<Referral>(`/support/referrals/${referralId}`);
    await sro.close();
    expect(seen).toMatchObject({ status: 'closed', outcome: 'ongoing_services', notes: null });
    expect(seen.receiver.organization?.id).toBe(vendor.id);
    expect(tracked.errors).toEqual([]);
  });
});

// Need to know: the officer's private note of a mentoring contact is theirs; the supervisor sees only that it happened.
describe('student support: a mentoring contact with a private note', () => {
  let e2e: E2E;
  const tag = Date.now().toString(36);
  const privateNote = `Talked about his father's arrest (${tag})`;
  let student: { firstName: string; lastName: string; preferredName: string | null };
  let other: typeof student;

  beforeAll(async () => {
    e2e = await startE2E();
    const counselor = await apiSession(e2e.baseUrl, 'counselor@demo.test');
    const session = await counselor.get<{ schools: { id: string; name: string }[] }>('/auth/session');
    const school = session.schools.find((s) => s.name === 'Riverbend High School')!;
    const roster = await counselor.get<{ items: (typeof student)[] }>(`/students?schoolId=${school.id}&pageSize=5&page=2`);
    await counselor.close();
    student = roster.items[0]!;
    other = roster.items.find((s) => s.lastName !== student.lastName)!;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the SRO records it and reads the note again; the supervisor sees the contact without the note', async () => {
    const name = `${student.preferredName ?? student.firstName} ${student.lastName}`;
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.goto('/support/mentoring');
    await page.getByRole('heading', { level: 1, name: 'Student support' }).waitFor();
    await page.getByRole('button', { name: 'Record a contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a contact' });
    await dialog.getByLabel('School').selectOption({ label: 'Riverbend High School' });
    await dialog.getByLabel('Student').fill(student.lastName);
    await dialog.getByRole('button', { name: new RegExp(name) }).first().click();
    await dialog.getByLabel('Topic').selectOption({ label: 'Family' });
    await dialog.getByLabel('Duration (minutes)').fill('20');
    await dialog.getByLabel('Private note').fill(privateNote);
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await page.getByText(`The contact with ${name} is saved.`).waitFor();
    const row = page.getByRole('table', { name: 'Mentoring and counseling contacts' }).getByRole('row').filter({ hasText: name }).first();
    await row.getByRole('button', { name: /^Open contact/ }).click();
    await page.getByRole('dialog', { name: 'Contact' }).getByLabel('Private note').waitFor();
    expect(await page.getByRole('dialog', { name: 'Contact' }).getByLabel('Private note').inputValue()).toBe(privateNote);
    await page.keyboard.press('Escape');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 'mentoring contacts on a phone');
    expect(tracked.errors).toEqual([]);

    const supervisor = await e2e.signedInPage('supervisor@demo.test');
    await supervisor.page.goto('/support/mentoring');
    const seen = supervisor.page.getByRole('table', { name: 'Mentoring and counseling contacts' }).getByRole('row').filter({ hasText: name });
    await seen.first().getByText('Family').waitFor();
    expect(await seen.first().getByRole('button', { name: /^Open/ }).count()).toBe(0);
    expect(await supervisor.page.locator('main').innerText()).not.toContain(privateNote);
    expect(supervisor.errors).toEqual([]);
  });

  it('the SRO records a mediation between two students and a parent', async () => {
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.goto('/support/mentoring');
    await page.getByRole('button', { name: 'Record a mediation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a mediation' });
    await dialog.getByLabel('School').selectOption({ label: 'Riverbend High School' });
    for (const [i, s] of [student, other].entries()) {
      await dialog.getByLabel(`Student (party ${i + 1})`).fill(s.lastName);
      await dialog.getByRole('button', { name: new RegExp(`${s.preferredName ?? s.firstName} ${s.lastName}`) }).first().click();
    }
    await dialog.getByRole('button', { name: 'Add a party' }).click();
    await dialog.getByLabel('Party 3 is').selectOption({ label: 'Another person' });
    await dialog.getByLabel('Name (party 3)').fill(`Dana Parent${tag}`);
    await dialog.getByLabel('Relation (party 3)').fill('parent');
    await dialog.getByLabel('Outcome').selectOption({ label: 'Resolved' });
    await dialog.getByRole('button', { name: 'Save mediation' }).click();
    await page.getByText('The mediation is saved.').waitFor();
    await page.getByRole('table', { name: 'Conflict mediations' }).getByText(`Dana Parent${tag}`, { exact: false }).waitFor();
    expect(tracked.errors).toEqual([]);
  });
});

// Re-entry plans and problem-solving teams are worked by their members: a counselor opens a plan for a student
// returning from detention and records a check-in; an SRO starts a truancy team with a case and an action item.
describe('student support: a re-entry plan and a problem-solving team', () => {
  let e2e: E2E;
  const tag = Date.now().toString(36);
  let student: { firstName: string; lastName: string; preferredName: string | null };

  beforeAll(async () => {
    e2e = await startE2E();
    const counselor = await apiSession(e2e.baseUrl, 'counselor@demo.test');
    const session = await counselor.get<{ schools: { id: string; name: string }[] }>('/auth/session');
    const school = session.schools.find((s) => s.name === 'Riverbend High School')!;
    const roster = await counselor.get<{ items: (typeof student)[] }>(`/students?schoolId=${school.id}&pageSize=5&page=3`);
    await counselor.close();
    student = roster.items[0]!;
  });
  afterAll(async () => {
    await e2e?.close();
  });
  const nameOf = () => `${student.preferredName ?? student.firstName} ${student.lastName}`;

  it('the counselor opens a re-entry plan with a goal and records a check-in', async () => {
    const tracked = await e2e.signedInPage('counselor@demo.test');
    const { page } = tracked;
    await page.goto('/support/reentry');
    await page.getByRole('button', { name: 'New re-entry plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'New re-entry plan' });
    await dialog.getByLabel('Student').fill(student.lastName);
    await dialog.getByRole('button', { name: new RegExp(nameOf()) }).first().click();
    await dialog.getByLabel('Returning from').fill(`Harlan County Juvenile Detention ${tag}`);
    await dialog.getByLabel('End').fill(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByRole('checkbox', { name: 'Daniel Reyes' }).check();
    await dialog.getByLabel('Goal 1').fill('Attends every class for four weeks');
    await dialog.getByRole('button', { name: 'Create the plan' }).click();
    await page.getByRole('heading', { level: 1, name: `Re-entry plan: ${nameOf()}` }).waitFor();
    await page.getByRole('region', { name: /^Team/ }).getByText('Daniel Reyes').waitFor();

    const checkIn = page.getByRole('form', { name: 'Add a check-in' });
    await checkIn.getByLabel('Progress').selectOption({ label: 'Some concerns' });
    await checkIn.getByLabel('Check-in note').fill(`Late twice this week ${tag}`);
    await checkIn.getByRole('button', { name: 'Add check-in' }).click();
    await page.getByRole('region', { name: 'Check-ins' }).getByText(`Late twice this week ${tag}`).waitFor();
    await page.getByLabel(/Status of goal/).selectOption({ label: 'Met' });
    await page.getByText('The goal is saved.').waitFor();
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 're-entry plan on a phone');
    expect(tracked.errors).toEqual([]);
  });

  it('the SRO starts a truancy team with a case and an action item', async () => {
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.goto('/support/teams');
    await page.getByRole('button', { name: 'New team' }).click();
    const dialog = page.getByRole('dialog', { name: 'New problem-solving team' });
    await dialog.getByLabel('Name').fill(`Attendance team ${tag}`);
    await dialog.getByLabel('Focus').selectOption({ label: 'Truancy' });
    await dialog.getByLabel('School').selectOption({ label: 'Riverbend High School' });
    await dialog.getByRole('checkbox', { name: 'Marisol Delgado' }).check();
    await dialog.getByRole('button', { name: 'Create the team' }).click();
    await page.getByRole('heading', { level: 1, name: `Attendance team ${tag}` }).waitFor();

    await page.getByRole('button', { name: 'Add a case' }).click();
    let step = page.getByRole('dialog', { name: 'Add a case' });
    await step.getByLabel('Student').fill(student.lastName);
    await step.getByRole('button', { name: new RegExp(nameOf()) }).first().click();
    await step.getByLabel('Concern').fill('Eleven absences since October');
    await step.getByRole('button', { name: 'Add case' }).click();
    await page.getByRole('table', { name: 'Student cases' }).getByText('Eleven absences since October').waitFor();

    await page.getByRole('button', { name: 'Add an action item' }).click();
    step = page.getByRole('dialog', { name: 'Add an action item' });
    await step.getByLabel('What').fill(`Home visit with the counselor ${tag}`);
    await step.getByLabel('Owner').selectOption({ label: 'Marisol Delgado' });
    await step.getByLabel('For case').selectOption({ label: nameOf() });
    await step.getByRole('button', { name: 'Add action item' }).click();
    const item = page.getByRole('table', { name: 'Action items' }).getByRole('row').filter({ hasText: `Home visit with the counselor ${tag}` });
    await item.getByText('Marisol Delgado').waitFor();
    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 'a team on a phone');
    expect(tracked.errors).toEqual([]);
  });
});
