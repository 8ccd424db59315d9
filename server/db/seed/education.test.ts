import { describe, expect, it } from 'vitest';
import { CLASS_STATUSES } from '../../../common/education.js';
import { generateEducation } from './education.js';
import { generateDemoData } from './generate.js';
import { generateMentoring } from './mentoring.js';
import { expectEvery } from '../../test/expect-every.js';

const data = generateDemoData();
const TODAY = '2026-11-20';
const sro = data.users.find((u) => u.email === 'sro@demo.test')!;
const teacher = data.users.find((u) => u.email === 'staff@demo.test')!;
const served = new Set(data.grants.filter((g) => g.userId === sro.id).map((g) => g.schoolId));

describe('mentoring demo data', () => {
  const m = generateMentoring(data, TODAY);

  it('is the same for the same day', () => {
    expect(generateMentoring(data, TODAY)).toEqual(m);
  });

  it('gives the demo SRO a term of contacts and mediations with students of the schools they serve, none in the future', () => {
    expect(m.contacts.length).toBeGreaterThan(40);
    expect(m.mediations.length).toBeGreaterThan(8);
    const studentSchool = new Map(data.students.map((s) => [s.id, s.schoolId]));
    for (const c of m.contacts) {
      expect(c.authorId).toBe(sro.id);
      expect(served.has(c.schoolId)).toBe(true);
      expect(studentSchool.get(c.studentId)).toBe(c.schoolId);
      expect(c.durationMinutes).toBeGreaterThanOrEqual(1);
      expect((c.occurredAt as Date).toISOString().slice(0, 10) <= TODAY).toBe(true);
    }
    for (const p of m.parties.filter((x) => x.studentId)) {
      expect(studentSchool.get(p.studentId!)).toBe(m.mediations.find((x) => x.id === p.mediationId)!.schoolId);
    }
  });

  it('logs each contact and mediation once in the triad log, without student names', () => {
    expect(m.activity).toHaveLength(m.contacts.length + m.mediations.length);
    expect(new Set(m.activity.map((a) => a.sourceId)).size).toBe(m.activity.length);
    const names = data.students.map((s) => s.lastName);
    for (const a of m.activity) expect(names.some((n) => a.title.includes(n))).toBe(false);
  });
});

describe('education demo data', () => {
  const e = generateEducation(data, TODAY);

  it('has class requests in every status, and the demo teacher has one of each', () => {
    expect(new Set(e.classes.map((c) => c.status))).toEqual(new Set(CLASS_STATUSES));
    expect(new Set(e.classes.filter((c) => c.requestedBy === teacher.id).map((c) => c.status))).toEqual(new Set(CLASS_STATUSES));
    for (const c of e.classes) expect(served.has(c.schoolId)).toBe(true);
  });

  it('delivers classes in the past with attendance within the class size, feedback from teachers and students', () => {
    const delivered = e.classes.filter((c) => c.status === 'delivered');
    expect(delivered.length).toBeGreaterThan(5);
    for (const c of delivered) {
      expect(c.scheduledDate! < TODAY).toBe(true);
      expect(c.attendance!).toBeLessThanOrEqual(c.classSize);
    }
    expect(e.responses.filter((r) => r.kind === 'teacher').length).toBeGreaterThan(4);
    expect(e.responses.filter((r) => r.kind === 'student').length).toBeGreaterThan(10);
    expectEvery(e.materials, (m) => m.content.subarray(0, 5).toString() === '%PDF-');
    expect(e.activity.filter((a) => a.kind === 'class')).toHaveLength(delivered.length);
    expect(e.activity.filter((a) => a.kind === 'outreach')).toHaveLength(e.outreach.length);
  });

  it('numbers classes without gaps and keeps the counter at the last number', () => {
    for (const counter of e.counters) {
      const numbers = e.classes.filter((c) => c.year === counter.year).map((c) => c.number).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(counter.lastValue).toBe(numbers.length);
    }
  });
});
