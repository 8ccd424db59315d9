import { describe, expect, it } from 'vitest';
import { TIP_STATUSES } from '../../../common/tip-constants.js';
import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { codeHash } from '../../modules/tips/tips.anonymity.js';
import { generateDemoData } from './generate.js';
import { generateTipHistory } from './tips.js';
import { expectEvery } from '../../test/expect-every.js';

describe('demo tips and threat assessments', () => {
  const data = generateDemoData();
  const history = generateTipHistory(data, 'hash');

  it('is the same on every run', () => {
    expect(generateTipHistory(data, 'hash')).toEqual(history);
  });

  it('has tips at every school in every status, life-safety ones, a hoax and dialogues', () => {
    expect(new Set(history.tips.map((t) => t.schoolId)).size).toBe(data.schools.length);
    expect(new Set(history.tips.map((t) => t.status))).toEqual(new Set(TIP_STATUSES));
    expect(history.tips.filter((t) => t.lifeSafety).length).toBeGreaterThanOrEqual(5);
    expect(history.tips.filter((t) => t.hoax && t.outcome === 'hoax' && t.status === 'closed')).toHaveLength(1);
    for (const t of history.tips) expect(t.status === 'closed').toBe(t.outcome !== null);
    expectEvery(history.tips.filter((t) => t.status === 'new'), (t) => t.acknowledgedAt === null);
    const authors = new Set(history.messages.map((m) => m.author));
    expect(authors).toEqual(new Set(['reporter', 'staff']));
    expect(new Set(history.tips.map((t) => t.number)).size).toBe(history.tips.length);
  });

  it('stores the demo tip code as the service hashes it', () => {
    const tip = history.tips.find((t) => t.codeHash === codeHash(history.demo.code));
    expect(tip?.number).toBe(history.demo.number);
    expect(tip?.status).toBe('investigating');
    expect(new Set(history.tips.map((t) => t.codeHash)).size).toBe(history.tips.length);
  });

  it('has threat cases at each classification, teams that may see them, CSTAG tasks and safety plans', () => {
    for (const c of ['transient', 'serious', 'very_serious'] as const) {
      expect(history.cases.filter((k) => k.classification === c).length).toBeGreaterThanOrEqual(3);
    }
    expect(history.cases.some((c) => c.status === 'closed')).toBe(true);
    const demoUsers = new Set(data.users.filter((u) => ['sro@demo.test', 'admin@demo.test', 'counselor@demo.test'].includes(u.email)).map((u) => u.id));
    expect(new Set(history.members.filter((m) => demoUsers.has(m.userId)).map((m) => m.userId))).toEqual(demoUsers);
    for (const k of history.cases) {
      const team = history.members.filter((m) => m.caseId === k.id).map((m) => m.userId);
      for (const userId of team) {
        expect(data.grants.some((g) => g.userId === userId && g.schoolId === k.schoolId && ROLE_PERMISSIONS[g.role].includes('threat.read'))).toBe(true);
      }
      expect(team).toContain(k.openedBy);
      expect(data.students.find((s) => s.id === k.subjectStudentId)?.schoolId).toBe(k.schoolId);
      const tasks = history.tasks.filter((t) => t.caseId === k.id);
      if (k.classification === 'serious' || k.classification === 'very_serious') expect(tasks.length).toBeGreaterThan(0);
      for (const t of tasks) expect(team).toContain(t.ownerUserId);
      if (k.classification === 'very_serious') expect(k.safetyPlan?.measures.length).toBeGreaterThan(0);
      if (k.tipId) expect(history.links).toContainEqual(expect.objectContaining({ tipId: k.tipId, kind: 'threat_case', targetId: k.id }));
    }
  });
});
