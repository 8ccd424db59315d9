import type { MediationOutcome, MentoringTopic } from '../../../common/mentoring.js';
import { contactTitle, mediationTitle } from '../../modules/mentoring/mentoring.policy.js';
import type { activityEntries, mediationParties, mediations, mentoringContacts } from '../schema/index.js';
import type { DemoData } from './model.js';
import { Rng } from './random.js';

/*
 * Mentoring demo data: a term (about fourteen weeks up to today) of the demo SRO's mentoring and informal counseling
 * contacts and conflict mediations at the schools they serve, each with its triad activity log entry. A pure function
 * of the demo data and today.
 */

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Everything the mentoring seed inserts, in insertion order. */
export interface MentoringSeed {
  contacts: Row<typeof mentoringContacts>[];
  mediations: Row<typeof mediations>[];
  parties: Row<typeof mediationParties>[];
  activity: Row<typeof activityEntries>[];
}

const NOTES: Record<MentoringTopic, readonly string[]> = {
  academics: ['Behind in algebra; walked over to the tutoring room together.', 'Worried about failing English; set a check-in for Friday.'],
  attendance: ['Missing first period; says the bus is late. Told the attendance clerk.', 'Three absences this week; sister is sick at home.'],
  behavior: ['Talked about the shouting match in the cafeteria; agreed on a cool-down pass.', 'Follow-up on the warning; doing better in class.'],
  family: ['Parents separating; wants someone to talk to. Mentioned the counselor.', 'Moved in with grandmother; new bus route.'],
  peer_conflict: ['Group chat drama with former friends; agreed to mute and report.', 'Rumour going around about her; wants it to stop.'],
  substance_use: ['Caught vaping last month; talked about quitting resources.', 'Asked what happens if a friend has pills at school.'],
  safety: ['Feels unsafe walking home past the park; mapped another route.', 'Asked about the lockdown drill; was scared.'],
  career: ['Interested in criminal justice; told him about the cadet program.', 'Wants to be an EMT; gave her the dual-credit flyer.'],
  other: ['Stopped by to say hello and talk about the football game.', 'Asked how to report a lost phone.'],
};
const TOPICS: readonly (readonly [MentoringTopic, number])[] = [
  ['academics', 3], ['attendance', 3], ['behavior', 3], ['family', 2], ['peer_conflict', 3], ['substance_use', 1], ['safety', 1], ['career', 2], ['other', 1],
];
const OUTCOMES: readonly (readonly [MediationOutcome, number])[] = [['resolved', 6], ['partially_resolved', 3], ['unresolved', 1]];
const OTHERS = [['Ms. Alvarez', 'parent'], ['Mr. Jenkins', 'teacher'], ['Coach Rivera', 'staff member'], ['Mrs. Patel', 'parent']] as const;

/** The day `n` days after `day` (YYYY-MM-DD). */
export function addDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The instant of a wall-clock time on a day in a time zone. */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(guess).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess.getTime() - (local - guess.getTime()));
}

/** Weekdays from `from` to `to`, inclusive. */
export function weekdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDay(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d);
  }
  return days;
}

/** Generates the demo SRO's contacts and mediations of the term ending `today`. */
export function generateMentoring(data: DemoData, today: string, seed = 20261013): MentoringSeed {
  const rng = new Rng(seed);
  const districtId = data.district.id;
  const timezone = data.district.timezone ?? 'America/Chicago';
  const sro = data.users.find((u) => u.email === 'sro@demo.test')!;
  const schoolIds = data.grants.filter((g) => g.userId === sro.id && g.schoolId).map((g) => g.schoolId!);
  // A caseload: a dozen students of the main school and a few of each other school, seen again and again.
  const caseload = schoolIds.flatMap((schoolId, i) => data.students.filter((s) => s.schoolId === schoolId && s.active !== false).slice(0, i === 0 ? 14 : 5));
  const nameOf = (s: (typeof caseload)[number]) => `${s.preferredName ?? s.firstName} ${s.lastName}`;
  const out: MentoringSeed = { contacts: [], mediations: [], parties: [], activity: [] };
  const stamp = (at: Date) => ({ createdAt: at, updatedAt: at });
  const log = (sourceType: 'mentoring_contact' | 'mediation', id: string, schoolId: string, at: Date, minutes: number, title: string) => out.activity.push({
    id: rng.uuid(), districtId, schoolId, userId: sro.id, kind: sourceType === 'mediation' ? 'mediation' : 'mentoring', triadRole: 'mentoring',
    startedAt: at, durationMinutes: minutes, title, sourceType, sourceId: id, createdBy: sro.id, ...stamp(at),
  });

  const days = weekdays(addDay(today, -98), today);
  days.forEach((day, i) => {
    const count = rng.weighted([[0, 3], [1, 5], [2, 2]] as const);
    for (let c = 0; c < count; c++) {
      const student = rng.pick(caseload);
      const topic = rng.weighted(TOPICS);
      const at = zonedInstant(day, `${String(rng.int(7, 14)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`, timezone);
      if (at.getTime() > Date.parse(`${today}T23:59:59Z`)) continue;
      const minutes = rng.pick([10, 15, 15, 20, 20, 30, 45]);
      const id = rng.uuid();
      out.contacts.push({
        id, districtId, schoolId: student.schoolId, studentId: student.id, authorId: sro.id, kind: rng.chance(0.7) ? 'mentoring' : 'counseling',
        occurredAt: at, durationMinutes: minutes, topic, note: rng.chance(0.8) ? rng.pick(NOTES[topic]) : null, ...stamp(at),
      });
      log('mentoring_contact', id, student.schoolId, at, minutes, contactTitle(topic));
    }
    if (i % 7 !== 3) return;
    // About one mediation a week: two students of one school, sometimes with a parent or teacher at the table.
    const schoolId = rng.weighted(schoolIds.map((id, k) => [id, k === 0 ? 4 : 1] as const));
    const pool = caseload.filter((s) => s.schoolId === schoolId);
    const [a, b] = rng.shuffle(pool);
    if (!a || !b) return;
    const outcome = rng.weighted(OUTCOMES);
    const at = zonedInstant(day, `${String(rng.int(9, 14)).padStart(2, '0')}:30`, timezone);
    const minutes = rng.pick([20, 30, 30, 45, 60]);
    const id = rng.uuid();
    const other = rng.chance(0.4) ? rng.pick(OTHERS) : null;
    out.mediations.push({
      id, districtId, schoolId, authorId: sro.id, occurredAt: at, durationMinutes: minutes, outcome,
      followUpOn: outcome === 'resolved' ? null : addDay(day, 7),
      note: `Mediated between ${nameOf(a)} and ${nameOf(b)}${other ? ` with ${other[0]}` : ''}; ${outcome === 'resolved' ? 'they shook hands' : 'agreed to stay apart for now'}.`,
      ...stamp(at),
    });
    out.parties.push({ id: rng.uuid(), mediationId: id, position: 0, studentId: a.id }, { id: rng.uuid(), mediationId: id, position: 1, studentId: b.id });
    if (other) out.parties.push({ id: rng.uuid(), mediationId: id, position: 2, name: other[0], relation: other[1] });
    const bodies = [{ kind: 'student' as const, studentId: a.id }, { kind: 'student' as const, studentId: b.id }, ...(other ? [{ kind: 'other' as const, name: other[0] }] : [])];
    log('mediation', id, schoolId, at, minutes, mediationTitle(bodies));
  });
  return out;
}
