import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/passwords.js';
import { createTestDatabase, testEngine } from '../../test/database.js';
import { rows, type Database } from '../connection.js';
import { auditEvents, districts, tips, users } from '../schema/index.js';
import { codeHash } from '../../modules/tips/tips.anonymity.js';
import { countsOf, DEMO_ACCOUNTS, DEMO_PASSWORD, generateDemoData, type DemoData } from './generate.js';
import { birthRange } from './roster.js';
import { resetDatabase, seedDemoIfEmpty } from './seed.js';
import { expectEvery } from '../../test/expect-every.js';

const data: DemoData = generateDemoData();
const schoolById = new Map(data.schools.map((s) => [s.id, s]));
const userByEmail = new Map(data.users.map((u) => [u.email, u]));
const grantsOf = (userId: string) => data.grants.filter((g) => g.userId === userId);
const schoolName = (id: string | null | undefined) => (id ? schoolById.get(id)?.name : null);

describe('demo data generator', () => {
  it('is deterministic', () => {
    expect(generateDemoData()).toEqual(data);
    expect(JSON.stringify(generateDemoData())).toBe(JSON.stringify(data));
  });

  it('makes a Texas demo district without required two-step sign-in', () => {
    expect(data.district).toMatchObject({
      name: 'Riverbend Independent School District',
      state: 'TX',
      timezone: 'America/Chicago',
      lawEnforcementAgency: 'Riverbend ISD Police Department',
      isDemo: true,
      mfaRequiredRoles: [],
    });
  });

  it('has counts in the expected ranges', () => {
    const counts = countsOf(data);
    expect(counts.schools).toBe(12);
    expect(data.schools.filter((s) => s.level === 'high')).toHaveLength(2);
    expect(data.schools.filter((s) => s.level === 'middle')).toHaveLength(3);
    expect(data.schools.filter((s) => s.level === 'elementary')).toHaveLength(7);
    expect(counts.students).toBeGreaterThanOrEqual(6000);
    expect(counts.students).toBeLessThanOrEqual(7500);
    expect(counts.users).toBeGreaterThanOrEqual(190);
    expect(counts.users).toBeLessThanOrEqual(260);
    const staff = new Set(data.grants.filter((g) => g.role === 'staff').map((g) => g.userId));
    expect(staff.size).toBeGreaterThanOrEqual(140);
    expect(staff.size).toBeLessThanOrEqual(160);
    expect(new Set(data.grants.filter((g) => g.role === 'sro').map((g) => g.userId)).size).toBe(5);
    for (const school of data.schools) {
      const areas = data.areas.filter((a) => a.schoolId === school.id);
      expect(areas.length, school.name).toBeGreaterThanOrEqual(10);
      expect(areas.length, school.name).toBeLessThanOrEqual(25);
      expect(new Set(areas.map((a) => a.name)).size, school.name).toBe(areas.length);
      for (const area of areas) {
        if (area.parentId) expect(areas.some((a) => a.id === area.parentId)).toBe(true);
      }
      const enrolled = data.students.filter((s) => s.schoolId === school.id).length;
      const [low, high] =
        school.level === 'high' ? [900, 1100] : school.level === 'middle' ? [600, 700] : [350, 450];
      expect(enrolled, school.name).toBeGreaterThanOrEqual(low);
      expect(enrolled, school.name).toBeLessThanOrEqual(high);
    }
  });

  it('gives schools unique 12-digit NCES ids under the district id, and a principal', () => {
    const ids = data.schools.map((s) => s.ncesId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const school of data.schools) {
      expect(school.ncesId).toMatch(/^\d{12}$/);
      expect(school.ncesId.startsWith(data.district.ncesId!)).toBe(true);
      expect(school.principalName).toBeTruthy();
      expect(school.zip).toMatch(/^\d{5}$/);
    }
  });

  it('has every demo sign-in with its role and scope', () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = userByEmail.get(account.email);
      expect(user, account.email).toBeDefined();
      const grants = grantsOf(user!.id).filter((g) => g.role === account.role);
      expect(grants.length, account.email).toBeGreaterThan(0);
      if (['supervisor', 'director', 'sysadmin'].includes(account.role)) {
        expect(grants.map((g) => g.schoolId)).toEqual([null]);
      } else {
        expectEvery(grants, (g) => g.schoolId !== null);
      }
    }
    const sro = userByEmail.get('sro@demo.test')!;
    expect(sro.badgeNumber).toBeTruthy();
    expect(grantsOf(userByEmail.get('admin@demo.test')!.id).map((g) => schoolName(g.schoolId))).toEqual([
      'Riverbend High School',
    ]);
    expect(data.schools[0]!.principalName).toBe(userByEmail.get('admin@demo.test')!.name);
    expect(
      grantsOf(userByEmail.get('counselor@demo.test')!.id)
        .map((g) => schoolName(g.schoolId))
        .sort(),
    ).toEqual(['Lamar Middle School', 'Riverbend High School']);
  });

  it('links each elementary to one middle school and each middle school to one high school', () => {
    const targetsOf = (id: string) =>
      data.feeders.filter((f) => f.feederSchoolId === id).map((f) => schoolById.get(f.schoolId)!);
    for (const school of data.schools) {
      const targets = targetsOf(school.id);
      if (school.level === 'elementary')
        expect(
          targets.map((t) => t.level),
          school.name,
        ).toEqual(['middle']);
      if (school.level === 'middle')
        expect(
          targets.map((t) => t.level),
          school.name,
        ).toEqual(['high']);
      if (school.level === 'high') expect(targets, school.name).toEqual([]);
    }
  });

  it('assigns each SRO one secondary school as primary and covers every elementary exactly once', () => {
    const sros = [...new Set(data.assignments.map((a) => a.userId))];
    expect(sros).toHaveLength(5);
    const primaries = data.assignments.filter((a) => a.kind === 'primary');
    expect(primaries).toHaveLength(5);
    expect(new Set(primaries.map((a) => a.userId)).size).toBe(5);
    expectEvery(primaries, (a) => schoolById.get(a.schoolId)!.level !== 'elementary');
    for (const school of data.schools.filter((s) => s.level === 'elementary')) {
      expect(
        data.assignments.filter((a) => a.schoolId === school.id && a.kind === 'feeder'),
        school.name,
      ).toHaveLength(1);
    }
    for (const a of data.assignments) {
      expect(a).toMatchObject({ startsOn: '2026-08-01', endsOn: null });
      expect(
        data.grants.some((g) => g.userId === a.userId && g.role === 'sro' && g.schoolId === a.schoolId),
      ).toBe(true);
    }
    const demo = userByEmail.get('sro@demo.test')!;
    expect(
      data.assignments.filter((a) => a.userId === demo.id).map((a) => `${a.kind}:${schoolName(a.schoolId)}`),
    ).toEqual([
      'primary:Riverbend High School',
      'feeder:Travis Elementary School',
      'feeder:Mockingbird Hill Elementary School',
    ]);
  });

  it('keeps grants and e-mails unique', () => {
    const keys = data.grants.map((g) => `${g.userId}/${g.role}/${g.schoolId ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    const emails = data.users.map((u) => u.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('puts every student in a grade of their school, with a birth date that fits the grade', () => {
    const numbers = new Set<string>();
    for (const student of data.students) {
      const school = schoolById.get(student.schoolId)!;
      expect(student.grade).toBeGreaterThanOrEqual(school.gradeLow);
      expect(student.grade).toBeLessThanOrEqual(school.gradeHigh);
      const range = birthRange(student.grade!);
      const earliest = `${Number(range.from.slice(0, 4)) - 1}${range.from.slice(4)}`; // a retained student
      expect(
        student.dateOfBirth! >= earliest && student.dateOfBirth! <= range.to,
        `${student.dateOfBirth} grade ${student.grade}`,
      ).toBe(true);
      expect(student.idea && student.section504).toBe(false);
      expect(student.studentNumber).toMatch(/^\d{7}$/);
      numbers.add(student.studentNumber);
    }
    expect(numbers.size).toBe(data.students.length);
  });

  it('has realistic shares of programs and race/ethnicity', () => {
    const share = (f: (s: DemoData['students'][number]) => boolean) =>
      data.students.filter(f).length / data.students.length;
    expect(share((s) => !!s.idea)).toBeCloseTo(0.13, 1);
    expect(share((s) => !!s.section504)).toBeCloseTo(0.08, 1);
    expect(share((s) => !!s.englishLearner)).toBeCloseTo(0.2, 1);
    expect(share((s) => s.raceEthnicity === 'hispanic_latino')).toBeGreaterThan(0.45);
    expect(new Set(data.students.map((s) => s.raceEthnicity)).size).toBe(7);
  });

  it('gives each student one or two guardians, one primary, siblings sharing them, and only example e-mail domains', () => {
    const byStudent = new Map<string, DemoData['studentGuardians']>();
    for (const tie of data.studentGuardians)
      byStudent.set(tie.studentId, [...(byStudent.get(tie.studentId) ?? []), tie]);
    expect(byStudent.size).toBe(data.students.length);
    for (const ties of byStudent.values()) {
      expect(ties.length).toBeGreaterThanOrEqual(1);
      expect(ties.length).toBeLessThanOrEqual(2);
      expect(ties.filter((t) => t.isPrimary)).toHaveLength(1);
    }
    const children = new Map<string, number>();
    for (const tie of data.studentGuardians)
      children.set(tie.guardianId, (children.get(tie.guardianId) ?? 0) + 1);
    expect([...children.values()].filter((n) => n > 1).length).toBeGreaterThan(500);
    expect(data.studentGuardians.some((t) => t.restrictions?.startsWith('Court order'))).toBe(true);
    for (const guardian of data.guardians) {
      if (guardian.email) expect(guardian.email).toMatch(/@example\.(com|net)$/);
      if (guardian.phone) expect(guardian.phone).toMatch(/^\d{3}-555-01\d{2}$/);
    }
    expectEvery(data.users, (u) => /@(demo\.test|riverbendisd\.example\.org)$/.test(u.email));
  });
});

describe(`seeding the demo district (${testEngine()})`, () => {
  let database: Database;
  const lines: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const count = async (table: string): Promise<number> => {
    const result = await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    return Number(rows<{ n: number }>(result)[0]!.n);
  };

  it('seeds an empty database once, with the generated rows and an audit event', async () => {
    // How long seeding takes is measured by the startup benchmark, not asserted here.
    expect(await seedDemoIfEmpty(database.db, (line) => lines.push(line))).toBe(true);
    expect(lines.some((l) => l.includes('seeded'))).toBe(true);
    expect(await seedDemoIfEmpty(database.db, (line) => lines.push(line))).toBe(false);

    // The contracted clinician's account (student support) is seeded beside the generated people: one user, one grant.
    const generated = countsOf(data);
    const counts = { ...generated, users: generated.users + 1, grants: generated.grants + 1 };
    expect({
      district: await count('districts'),
      schools: await count('schools'),
      feeders: await count('school_feeders'),
      areas: await count('campus_areas'),
      users: await count('users'),
      grants: await count('role_grants'),
      assignments: await count('sro_assignments'),
      students: await count('students'),
      guardians: await count('guardians'),
      studentGuardians: await count('student_guardians'),
    }).toEqual(counts);

    const [district] = await database.db.select().from(districts);
    expect(district).toMatchObject({ id: data.district.id, isDemo: true, mfaRequiredRoles: [] });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.eventType, 'seed.created'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorLabel: 'system',
      districtId: data.district.id,
      subjectId: data.district.id,
    });
    expect(events[0]!.detail).toMatchObject({ counts: generated });
  }, 60_000);

  it('gives every account the demo password (hashed once)', async () => {
    const hashes = await database.db.selectDistinct({ hash: users.passwordHash }).from(users);
    expect(hashes).toHaveLength(1);
    expect(await verifyPassword(hashes[0]!.hash, DEMO_PASSWORD)).toBe(true);
  });

  it('prints a demo tip whose code and passphrase open it as the reporter page would', async () => {
    const line = lines.find((l) => l.startsWith('Demo anonymous tip'));
    const [, code, passphrase] = /code (\S+), passphrase (\S+)/.exec(line ?? '') ?? [];
    const [tip] = await database.db.select().from(tips).where(eq(tips.codeHash, codeHash(code ?? '')));
    expect(tip?.status).toBe('investigating');
    expect(await verifyPassword(tip!.passphraseHash, passphrase!)).toBe(true);
    expect(await count('threat_cases')).toBeGreaterThanOrEqual(9);
  });

  it('resets to an empty schema that migrates and seeds again', async () => {
    const log: string[] = [];
    await resetDatabase(database.db, (line) => log.push(line));
    expect(log.length).toBeGreaterThan(0);
    expect((await database.migrationVersion()).applied).toBe(0);
    await database.migrate();
    expect(await count('districts')).toBe(0);
    expect(await count('audit_events')).toBe(0);
    expect(await seedDemoIfEmpty(database.db, () => undefined)).toBe(true);
    expect(await count('students')).toBe(data.students.length);
  }, 60_000);
});
