import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountInvitations, auditEvents, outbox, roleGrants, users } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { settleImports } from './roster-import.service.js';

// Hand-written OneRoster packages (fixtures/README.md): a 1.1 teacher of two schools, a 1.2 teacher of classes.
function fixture(name: string, edit: Record<string, (text: string) => string> = {}): Record<string, Uint8Array> {
  const dir = path.join(import.meta.dirname, 'fixtures', name);
  return Object.fromEntries(readdirSync(dir).map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    return [file, Buffer.from(edit[file] ? edit[file](text) : text)];
  }));
}

let t: TestApp;
let districtId: string;
let elementary: { id: string };
let middle: { id: string };
const as: Record<string, TestClient> = {};

async function sync(files: Record<string, Uint8Array>, confirm = false) {
  t.clock.advance(60_000);
  const started = await as.sysadmin!.post(`/api/roster-imports?confirm=${confirm}`, Buffer.from(zipSync(files)), { 'content-type': 'application/zip' });
  expect(started.status, started.text).toBe(202);
  await settleImports();
  return (await as.sysadmin!.get(`/api/roster-imports/${started.body.id}`)).body;
}

const account = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0];
const invitationLink = async (email: string) => {
  const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, 'account.invitation')));
  return /\/set-password#([\w-]+)/.exec(mail!.body)?.[1];
};

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database, { name: 'Lone Star ISD' })).id;
  elementary = await createSchool(t.database, { districtId, ncesId: '481234500101', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
  middle = await createSchool(t.database, { districtId, ncesId: '481234500102', level: 'middle', gradeLow: 6, gradeHigh: 8 });
  await createUser(t.database, { email: 'admin@lonestar.test', districtId, grants: [{ role: 'sysadmin', schoolId: null }] });
  as.sysadmin = t.client();
  await as.sysadmin.signIn('admin@lonestar.test');
  // An account of another district already holds this e-mail.
  await createUser(t.database, { email: 'rlee@lonestar.test', grants: [{ role: 'staff', schoolId: null }] });
}, 60_000);

afterAll(async () => t?.close());

describe('staff accounts from the roster', () => {
  it('teachers become staff accounts granted at their schools, with a 7-day single-use invitation e-mailed, never a password', async () => {
    const report = await sync(fixture('oneroster-1.2-windows'));
    expect(report).toMatchObject({ status: 'succeeded', counts: { staffCreated: 1, invitationsQueued: 1, classes: 2, teacherAssignments: 1 } });
    // The guardian is no staff role: left aside.
    const teacher = await account('pnowak@lonestar.test');
    expect(teacher).toMatchObject({ districtId, name: 'Paula Nowak', active: true, passwordHash: '!invited' });
    const grants = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, teacher!.id));
    expect(grants.map((g) => [g.role, g.schoolId]).sort()).toEqual([['staff', elementary.id], ['staff', middle.id]].sort());
    const [invitation] = await t.db.select().from(accountInvitations).where(eq(accountInvitations.userId, teacher!.id));
    expect(invitation!.expiresAt.getTime() - t.clock.now().getTime()).toBe(7 * 86_400_000);
    const token = await invitationLink('pnowak@lonestar.test');
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(invitation!.tokenHash).not.toContain(token!);

    const anonymous = t.client();
    const weak = await anonymous.post('/api/auth/invitations/accept', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'validation_failed', field: 'password' });
    const accepted = await anonymous.post('/api/auth/invitations/accept', { token, password: 'a long new password 1' });
    expect(accepted.status, accepted.text).toBe(204);
    const again = await anonymous.post('/api/auth/invitations/accept', { token, password: 'another long password' });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
    const signIn = await t.client().post('/api/auth/sign-in', { email: 'pnowak@lonestar.test', password: 'a long new password 1' });
    expect(signIn.status, signIn.text).toBe(200);
    const [audited] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'account.invitation_accepted'), eq(auditEvents.subjectId, teacher!.id)));
    expect(audited).toMatchObject({ districtId });
  });

  it('an invitation link expires after 7 days', async () => {
    const report = await sync(fixture('oneroster-1.2-windows', {
      'users.csv': (text) => `${text}t-2,active,2026-07-01T12:00:00.000Z,true,bking,,Bo,King,,E-78,bking@lonestar.test,,,,,,,,,,,org-b,\r\n`,
      'roles.csv': (text) => `${text}r-8,active,2026-07-01T12:00:00.000Z,t-2,primary,aide,,,org-b,\r\n`,
    }));
    expect(report.counts).toMatchObject({ staffCreated: 1, staffUpdated: 0 });
    const token = await invitationLink('bking@lonestar.test');
    t.clock.advance(7 * 86_400_000 + 1000);
    const late = await t.client().post('/api/auth/invitations/accept', { token, password: 'a long new password 2' });
    expect(late.status).toBe(404);
    expect(late.body.error.code).toBe('not_found');
    await as.sysadmin!.signIn('admin@lonestar.test');
  });

  it('the role mapping is the district\'s: mapped to nothing, a role is not imported; an e-mail of another district is rejected', async () => {
    const bad = await as.sysadmin!.patch('/api/roster-imports/settings', { roleMap: { teacher: 'sysadmin' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const set = await as.sysadmin!.patch('/api/roster-imports/settings', { roleMap: { aide: null, teacher: 'security' } });
    expect(set.body.roleMap).toMatchObject({ aide: null, teacher: 'security', administrator: 'school_admin' });
    const report = await sync(fixture('oneroster-1.1-minimal'), true);
    expect(report.status).toBe('succeeded');
    expect(report.rejections).toEqual([
      { file: 'users.csv', line: 5, sourcedId: 'tch-2001', reason: 'email rlee@lonestar.test belongs to an account of another district' },
    ]);
    await as.sysadmin!.patch('/api/roster-imports/settings', { roleMap: { aide: 'staff', teacher: 'staff' } });
  });

  it('staff absent from a bulk users.csv are deactivated and cannot sign in; undo brings them back', async () => {
    // The 1.1 sync above listed neither Paula Nowak nor Bo King (two of two kept staff): they were deactivated on confirmation.
    expect(await account('pnowak@lonestar.test')).toMatchObject({ active: false });
    const refused = await t.client().post('/api/auth/sign-in', { email: 'pnowak@lonestar.test', password: 'a long new password 1' });
    expect(refused.status).toBe(401);
    const jobs = (await as.sysadmin!.get('/api/roster-imports')).body.items;
    const undone = await as.sysadmin!.post(`/api/roster-imports/${jobs[0].id}/undo`);
    expect(undone.status, undone.text).toBe(200);
    expect(await account('pnowak@lonestar.test')).toMatchObject({ active: true });
    const back = await t.client().post('/api/auth/sign-in', { email: 'pnowak@lonestar.test', password: 'a long new password 1' });
    expect(back.status).toBe(200);
  });

  it('a sync that would deactivate most staff stops for confirmation', async () => {
    const withoutStaff = fixture('oneroster-1.2-windows', {
      'users.csv': (text) => text.split('\r\n').filter((l) => !l.startsWith('t-1,')).join('\r\n'),
    });
    const report = await sync(withoutStaff);
    expect(report).toMatchObject({
      status: 'needs_confirmation', confirmation: { reasons: ['too_many_inactivated'], activeStaff: 2, staffToInactivate: 2, studentsToInactivate: 0 },
    });
    expect(await account('pnowak@lonestar.test')).toMatchObject({ active: true });
  });
});

describe('the teacher\'s class list at an alert', () => {
  it('a teacher gets only their own classes at the alert\'s school with their students; a colleague none; another district 404', async () => {
    // Announced at once (no cancel window), so every receiver of the school sees the alert.
    expect((await as.sysadmin!.patch('/api/alerts/settings', { cancelWindowSeconds: 0 })).status).toBe(200);
    const teacher = t.client();
    expect((await teacher.post('/api/auth/sign-in', { email: 'pnowak@lonestar.test', password: 'a long new password 1' })).status).toBe(200);
    const raised = await teacher.post('/api/alerts', { action: 'hold', schoolIds: [elementary.id], drill: true });
    expect(raised.status, raised.text).toBe(201);
    const mine = await teacher.get(`/api/alerts/${raised.body.id}/my-classes`);
    expect(mine.status).toBe(200);
    // Science 7 is hers too, but at the middle school, which this alert does not cover.
    expect(mine.body.items).toEqual([{
      sourcedId: 'cls-k1', schoolId: elementary.id, title: 'Kindergarten, Room 4', classCode: 'K-4', periods: '1',
      students: [{ id: expect.any(String), name: 'Johnny Doe, III', grade: 0 }],
    }]);
    await createUser(t.database, { email: 'colleague@lonestar.test', districtId, grants: [{ role: 'staff', schoolId: elementary.id }] });
    const colleague = t.client();
    await colleague.signIn('colleague@lonestar.test');
    expect((await colleague.get(`/api/alerts/${raised.body.id}/my-classes`)).body).toEqual({ items: [] });
    await createUser(t.database, { email: 'staff@other.test', grants: [{ role: 'staff', schoolId: null }] });
    const foreign = t.client();
    await foreign.signIn('staff@other.test');
    const hidden = await foreign.get(`/api/alerts/${raised.body.id}/my-classes`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('not_found');
  });
});
