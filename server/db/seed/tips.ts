/**
 * A fall term of anonymous tips (12 Aug to 15 Nov 2026) at every demo school, in every status, with their
 * reporter/staff dialogues, and CSTAG threat-assessment cases at each classification with teams, tasks,
 * notes and safety plans. A pure function of the demo data and a fixed seed: no clock, no Math.random.
 */
import { createHash } from 'node:crypto';
import { CSTAG_TASKS, LIFE_SAFETY_CATEGORIES, THREAT_TASK_LABELS, type ThreatCaseStatus, type TipOutcome, type TipStatus } from '../../../common/tip-constants.js';
import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import type { recordCounters, threatCaseMembers, threatCases, threatNotes, threatTasks, tipLinks, tipMessages, tips } from '../schema/index.js';
import type { DemoData } from './model.js';
import { Rng } from './random.js';
import { CRISIS_LINE, HOAX_STORY, STAFF_LINES, STAFF_LINES_ES, THREAT_STORIES, TIP_STORIES, type TipStory } from './tip-stories.js';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** The rows of the demo tips and threat cases, in insertion order, and the demo tip a reporter can open. */
export interface TipHistory {
  tips: Row<typeof tips>[];
  messages: Row<typeof tipMessages>[];
  cases: Row<typeof threatCases>[];
  members: Row<typeof threatCaseMembers>[];
  tasks: Row<typeof threatTasks>[];
  notes: Row<typeof threatNotes>[];
  links: Row<typeof tipLinks>[];
  counters: Row<typeof recordCounters>[];
  demo: { code: string; passphrase: string; number: string; schoolName: string };
}

/** The passphrase of every demo tip (its argon2 hash is computed once by the seed, like the demo password). */
export const DEMO_TIP_PASSPHRASE = 'river-maple-cloud-otter-lantern';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 7, 12);
const END = Date.UTC(2026, 10, 16);
const HS1 = 'Riverbend High School';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIPS_PER_LEVEL: Record<string, number> = { high: 12, middle: 7, elementary: 3 };

/** The threat cases: which story, where, and how far the case has come. `days` is the tip's age at END. */
const CASES: { school: string; story: number; state: ThreatCaseStatus; days: number; source?: 'direct' }[] = [
  { school: HS1, story: 0, state: 'resolved_transient', days: 20 },
  { school: HS1, story: 2, state: 'monitoring', days: 35 },
  { school: HS1, story: 4, state: 'very_serious', days: 6 },
  { school: HS1, story: 3, state: 'closed', days: 70 },
  { school: HS1, story: 1, state: 'open', days: 1, source: 'direct' },
  { school: 'Lamar Middle School', story: 1, state: 'closed', days: 60 },
  { school: 'Lamar Middle School', story: 5, state: 'monitoring', days: 40 },
  { school: 'Lamar Middle School', story: 0, state: 'evaluated', days: 3 },
  { school: 'Cedar Ridge High School', story: 2, state: 'serious', days: 8 },
  { school: 'Cedar Ridge High School', story: 4, state: 'closed', days: 80 },
  { school: 'Bluebonnet Middle School', story: 0, state: 'closed', days: 50 },
];

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A school-day time `days` before END (13:15-22:45 UTC is 7:15-16:45 Central). */
const dayTime = (rng: Rng, days: number) => END - Math.ceil(days) * DAY + (13 * 60 + 15 + rng.int(0, 570)) * MIN;

/** Generates the demo tips and threat cases of `data`; every tip's passphrase hash is `passphraseHash`. */
export function generateTipHistory(data: DemoData, passphraseHash: string, seed = 0x7195): TipHistory {
  const rng = new Rng(seed);
  const out: TipHistory = { tips: [], messages: [], cases: [], members: [], tasks: [], notes: [], links: [], counters: [], demo: { code: '', passphrase: DEMO_TIP_PASSPHRASE, number: '', schoolName: HS1 } };
  const districtId = data.district.id;
  const demoUsers = new Set(data.users.filter((u) => u.email.endsWith('@demo.test')).map((u) => u.id));
  const studentsAt = new Map<string, DemoData['students']>();
  for (const s of data.students) studentsAt.set(s.schoolId, [...(studentsAt.get(s.schoolId) ?? []), s]);
  /** Users of `role` at a school, the demo account first when it is one of them. */
  const holders = (schoolId: string, role: string) => {
    const ids = [...new Set(data.grants.filter((g) => g.schoolId === schoolId && g.role === role).map((g) => g.userId))];
    return [...ids.filter((id) => demoUsers.has(id)), ...rng.shuffle(ids.filter((id) => !demoUsers.has(id)))];
  };
  const triagers = (schoolId: string) => ['sro', 'school_admin'].flatMap((r) => holders(schoolId, r)).filter((id, i, all) => all.indexOf(id) === i);
  const codeOf = () => Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => CROCKFORD[rng.int(0, 31)]).join('')).join('-');
  const fill = (text: string, names: { student: string; other: string }) => text.replaceAll('{student}', names.student).replaceAll('{other}', names.other);

  /** One tip and its dialogue; answers its id. */
  const addTip = (schoolId: string, story: TipStory, createdAt: number, status: TipStatus, outcome: TipOutcome | null, opts: { unread?: boolean; names?: { student: string; other: string } } = {}) => {
    const pool = studentsAt.get(schoolId) ?? [];
    const name = (s: DemoData['students'][number]) => `${s.firstName} ${s.lastName}`;
    const names = opts.names ?? { student: name(rng.pick(pool)), other: name(rng.pick(pool)) };
    const id = rng.uuid();
    const code = codeOf();
    const lifeSafety = LIFE_SAFETY_CATEGORIES.includes(story.category);
    const team = triagers(schoolId);
    const staff = team.length > 0 ? team[0]! : null;
    const hoax = outcome === 'hoax';
    // Life-safety tips are acknowledged within minutes, others within the school day.
    const acknowledgedAt = status === 'new' || !staff ? null : createdAt + (lifeSafety ? rng.int(2, 9) * MIN : rng.int(20, 300) * MIN);
    let t = acknowledgedAt ?? createdAt;
    let lastReporter: number | null = null;
    if (acknowledgedAt && staff && !hoax) {
      const lines = story.language === 'es' ? STAFF_LINES_ES : STAFF_LINES;
      const say = (author: 'staff' | 'reporter', body: string) => {
        t += author === 'staff' ? rng.int(5, 90) * MIN : rng.int(20, 600) * MIN;
        out.messages.push({ id: rng.uuid(), tipId: id, author, staffUserId: author === 'staff' ? staff : null, body, createdAt: new Date(t) });
        if (author === 'reporter') lastReporter = t;
      };
      if (story.category === 'self_harm') say('staff', CRISIS_LINE);
      say('staff', lines[0]!);
      for (const [i, reply] of story.reporterReplies.entries()) {
        say('reporter', fill(reply, names));
        if (i < story.reporterReplies.length - 1) say('staff', lines[1]!);
      }
      if (status === 'closed') say('staff', lines[2]!);
    }
    const closedAt = status === 'closed' ? t + rng.int(1, 48) * HOUR : null;
    out.tips.push({
      id, districtId, schoolId, number: '', codeHash: createHash('sha256').update(code).digest('hex'), passphraseHash,
      category: story.category, description: fill(story.description, names), whenText: story.when ?? null, whereText: story.where ?? null,
      whoText: story.who ? fill(story.who, names) : null, language: story.language ?? 'en', status, outcome, lifeSafety,
      lifeSafetyBy: lifeSafety ? 'category' : null, hoax, createdAt: new Date(createdAt),
      acknowledgedAt: acknowledgedAt ? new Date(acknowledgedAt) : null, acknowledgedBy: acknowledgedAt ? staff : null,
      closedAt: closedAt ? new Date(closedAt) : null, lastReporterMessageAt: lastReporter ? new Date(lastReporter) : null,
      staffReadAt: acknowledgedAt && !opts.unread ? new Date(Math.max(t, acknowledgedAt)) : null, updatedAt: new Date(closedAt ?? t),
    });
    return { id, code, names, at: createdAt };
  };

  for (const school of data.schools) {
    const count = TIPS_PER_LEVEL[school.level] ?? 3;
    for (let i = 0; i < count; i++) {
      const story = rng.pick(TIP_STORIES);
      const days = rng.int(0, (END - START) / DAY - 1) + rng.next();
      const status: TipStatus = days < 2 ? rng.pick(['new', 'acknowledged'] as const) : days < 14 ? rng.pick(['acknowledged', 'investigating'] as const)
        : rng.chance(0.1) ? 'investigating' : 'closed';
      const outcome = status === 'closed' ? rng.weighted([['resolved', 5], ['referred', 3], ['unfounded', 2], ['duplicate', 1], ['insufficient_information', 1]] as const) : null;
      addTip(school.id, story, dayTime(rng, days), status, outcome, { unread: status === 'investigating' && rng.chance(0.5) });
    }
  }
  // Riverbend High, the demo campus, has each status for sure: a life-safety tip nobody has acknowledged yet,
  // a plain new one, the demo tip the reporter page can open, and a hoax bomb threat.
  const hs1 = data.schools.find((s) => s.name === HS1)!;
  addTip(hs1.id, TIP_STORIES[0]!, END - 25 * MIN, 'new', null);
  addTip(hs1.id, TIP_STORIES[4]!, END - 3 * HOUR, 'new', null);
  const demo = addTip(hs1.id, TIP_STORIES[3]!, dayTime(rng, 4), 'investigating', null, { unread: true });
  out.demo.code = demo.code;
  addTip(hs1.id, HOAX_STORY, dayTime(rng, 45), 'closed', 'hoax');

  for (const plan of CASES) {
    const school = data.schools.find((s) => s.name === plan.school)!;
    const story = THREAT_STORIES[plan.story]!;
    const threat = story.threat!;
    const subject = rng.pick(studentsAt.get(school.id)!);
    const names = { student: `${subject.firstName} ${subject.lastName}`, other: (() => { const o = rng.pick(studentsAt.get(school.id)!); return `${o.firstName} ${o.lastName}`; })() };
    const closed = plan.state === 'closed';
    const tipAt = dayTime(rng, plan.days);
    const tip = plan.source === 'direct' ? null : addTip(school.id, story, tipAt, closed ? 'closed' : 'investigating', closed ? 'referred' : null, { names });
    const team = [...holders(school.id, 'sro').slice(0, 1), ...holders(school.id, 'school_admin').slice(0, 1), ...holders(school.id, 'counselor').slice(0, 1)]
      .filter((id) => ROLE_PERMISSIONS[data.grants.find((g) => g.userId === id)!.role].includes('threat.read'));
    const opener = team[0]!;
    const id = rng.uuid();
    const openedAt = tipAt + rng.int(1, 3) * HOUR;
    const evaluatedAt = plan.state === 'open' ? null : openedAt + rng.int(3, 20) * HOUR;
    const classifiedAt = plan.state === 'open' || plan.state === 'evaluated' ? null : evaluatedAt! + rng.int(1, 4) * HOUR;
    const classification = classifiedAt ? threat.classification : null;
    const substantive = classification === 'serious' || classification === 'very_serious';
    const planned = substantive && threat.measures ? {
      measures: threat.measures, supports: threat.supports ?? [], reviewDates: [7, 30, 60].map((d) => ymd(classifiedAt! + d * DAY)),
    } : null;
    const closedAt = closed ? classifiedAt! + rng.int(20, 40) * DAY : null;
    out.cases.push({
      id, districtId, schoolId: school.id, number: '', source: tip ? 'tip' : 'direct', tipId: tip?.id ?? null, subjectStudentId: subject.id,
      threatAsReported: fill(threat.threatAsReported, names), intendedVictims: threat.intendedVictims ? fill(threat.intendedVictims, names) : null,
      status: plan.state, classification, classificationRationale: classifiedAt ? threat.rationale : null,
      resolution: classification === 'transient' ? fill(threat.resolution!, names) : null, classifiedAt: classifiedAt ? new Date(classifiedAt) : null,
      evaluation: evaluatedAt ? { studentAccount: threat.studentAccount, witnessAccounts: threat.witnessAccounts } : null,
      evaluatedAt: evaluatedAt ? new Date(evaluatedAt) : null, evaluatedBy: evaluatedAt ? opener : null,
      safetyPlan: planned, safetyPlanUpdatedAt: planned ? new Date(classifiedAt! + 2 * DAY) : null,
      nextReviewOn: planned && !closed ? planned.reviewDates.find((d) => d >= ymd(END)) ?? null : null,
      openedBy: opener, openedAt: new Date(openedAt), closedAt: closedAt ? new Date(closedAt) : null,
      closingSummary: closed ? `${classification === 'transient' ? 'Resolved at the first meeting' : 'Safety plan completed; no further concerns at the last review'}. No further incidents reported.` : null,
      updatedAt: new Date(closedAt ?? classifiedAt ?? evaluatedAt ?? openedAt),
    });
    for (const userId of team) out.members.push({ caseId: id, userId });
    if (tip) out.links.push({ tipId: tip.id, kind: 'threat_case', targetId: id, createdBy: opener, createdAt: new Date(openedAt) });
    const note = (kind: 'interview' | 'theme' | 'monitoring', at: number, body: string, extra: Partial<Row<typeof threatNotes>> = {}) =>
      out.notes.push({ id: rng.uuid(), caseId: id, kind, body, authorId: rng.pick(team), occurredOn: ymd(at), createdAt: new Date(at), ...extra });
    if (evaluatedAt) {
      note('interview', evaluatedAt - HOUR, threat.studentAccount, { interviewee: names.student, intervieweeRole: 'student (subject)' });
      note('interview', evaluatedAt - 30 * MIN, threat.witnessAccounts, { interviewee: 'Two student witnesses', intervieweeRole: 'witness' });
      for (const theme of threat.themes) note('theme', evaluatedAt, theme.body, { theme: theme.theme });
    }
    if (substantive) {
      CSTAG_TASKS[classification].forEach((task, i) => {
        const due = classifiedAt! + task.dueDays * DAY;
        const done = plan.state === 'monitoring' || closed || due < END - 2 * DAY;
        out.tasks.push({
          id: rng.uuid(), caseId: id, kind: task.kind, title: THREAT_TASK_LABELS[task.kind], ownerUserId: team[i % team.length]!, dueOn: ymd(due),
          doneAt: done ? new Date(Math.max(classifiedAt! + HOUR, due - rng.int(1, 20) * HOUR)) : null, note: null, createdAt: new Date(classifiedAt!),
        });
      });
    }
    if (plan.state === 'monitoring' || (closed && substantive)) {
      for (let week = 1; week <= 3; week++) note('monitoring', classifiedAt! + week * 7 * DAY, `Week ${week} check-in: attending classes, no new concerns from teachers.`);
    }
  }

  // Tip references are random (the service draws them; here from the seed, so the demo stays the same run to run);
  // case numbers follow opening order.
  const byTime = <T extends { createdAt?: Date; openedAt?: Date }>(rows: T[]) => [...rows].sort((a, b) => (a.createdAt ?? a.openedAt)!.getTime() - (b.createdAt ?? b.openedAt)!.getTime());
  const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const reference = () => Array.from({ length: 8 }, () => crockford[rng.int(0, 31)]).join('').replace(/^(.{4})/, 'T-$1-');
  const taken = new Set<string>();
  byTime(out.tips).forEach((tip) => {
    let number = reference();
    while (taken.has(number)) number = reference();
    taken.add(number);
    tip.number = number;
  });
  byTime(out.cases).forEach((c, i) => { c.number = `TA-2026-${String(i + 1).padStart(4, '0')}`; });
  out.demo.number = out.tips.find((t) => t.codeHash === createHash('sha256').update(demo.code).digest('hex'))!.number;
  out.counters.push({ districtId, kind: 'tip', year: 2026, lastValue: out.tips.length }, { districtId, kind: 'threat', year: 2026, lastValue: out.cases.length });
  return out;
}
