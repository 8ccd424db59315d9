/**
 * The demo's event coverage and communications over the fall term of 2026 and the rest of the school year: each
 * school's extracurricular events (past ones covered with notes; some upcoming ones uncovered, and one SRO booked on
 * two overlapping games), every SRO's leaving-the-building history and advance notices, a weekly meeting with each
 * primary school's administration (minutes and action items for the meetings held), and the MOU and written
 * expectations of every school. A pure function of the demo data and a fixed seed: no clock, no Math.random.
 * The SROs' activity log already holds their weekly meeting and Friday events (seed/operations.ts), so nothing is
 * logged twice here.
 */
import type { EventKind } from '../../../common/events.js';
import type { AdvanceKind } from '../../../common/notices.js';
import { occurrences } from '../../modules/meetings/meetings.policy.js';
import type {
  actionItems, advanceNotices, advanceNoticeSchools, meetingAttendance, meetings, meetingSeries, presenceNotices, schoolDocuments, schoolEvents,
} from '../schema/index.js';
import type { DemoData } from './model.js';
import { fictionalPhone, Rng } from './random.js';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** The rows of the demo's communications, in insertion order. */
export interface Communications {
  events: Row<typeof schoolEvents>[];
  presence: Row<typeof presenceNotices>[];
  advance: Row<typeof advanceNotices>[];
  advanceSchools: Row<typeof advanceNoticeSchools>[];
  series: Row<typeof meetingSeries>[];
  meetings: Row<typeof meetings>[];
  attendance: Row<typeof meetingAttendance>[];
  items: Row<typeof actionItems>[];
  documents: Row<typeof schoolDocuments>[];
}

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** The term of the operations demo: what happened before END is history, what comes after is planned. */
const START = Date.UTC(2026, 7, 12);
const END = Date.UTC(2026, 10, 14);
const ZONE = 'America/Chicago';

const EVENTS: Record<string, [EventKind, string, string, number][]> = {
  high: [
    ['game', 'Football vs. Cedar Ridge', 'Stadium', 180], ['game', 'Volleyball vs. Lakeview', 'Main gym', 120], ['dance', 'Homecoming dance', 'Cafeteria', 180],
    ['assembly', 'Pep rally', 'Main gym', 60], ['game', 'Basketball vs. Westfield', 'Main gym', 150], ['meeting', 'Parent night: safety and vaping', 'Library', 90],
    ['other', 'Band concert', 'Auditorium', 120], ['graduation', 'Graduation ceremony', 'Civic center arena', 180],
  ],
  middle: [
    ['game', 'Football vs. Bluebonnet', 'Stadium', 120], ['dance', 'Fall social', 'Gym', 120], ['assembly', 'Anti-bullying assembly', 'Gym', 60],
    ['meeting', 'PTA meeting', 'Library', 90], ['other', 'Choir concert', 'Cafeteria', 90],
  ],
  elementary: [
    ['other', 'Fall festival', 'Playground', 150], ['assembly', 'Safety assembly', 'Cafeteria', 45], ['meeting', 'PTA meeting', 'Library', 60],
    ['other', 'Science night', 'Gym', 90],
  ],
};
const AGENDA = ['Arrival and dismissal traffic', 'Campus visitors and door checks', 'Vaping in restrooms', 'Upcoming drills', 'Students of concern (no names in the minutes)', 'Events needing coverage'];
const MINUTES = [
  'Reviewed the week. The SRO will add a second pass of the east doors at lunch.',
  'Agreed the assistant principal handles discipline for the two vaping cases; the SRO talks with the students as mentor only.',
  'Dismissal traffic improved since the cones moved; keep the new pattern.',
  'Lockdown drill debrief: two classrooms could not lock from inside; facilities notified.',
  'Homecoming plan confirmed: SRO at the gate, two security staff inside.',
];
const ITEMS = ['Ask facilities for a lock on room 214', 'Send the drill schedule to staff', 'Schedule a vaping talk for 8th grade', 'Update the visitor sign-in sheet', 'Walk the fence line with the custodian', 'Share the event coverage list with coaches'];
const LEAVE_REASONS = ['Call for service', 'Court', 'Transport to juvenile detention', 'Meeting at the police department', 'Backing up another officer'];

/** Generates the communications of `data`. */
export function generateCommunications(data: DemoData, seed = 0xc0111): Communications {
  const rng = new Rng(seed);
  const out: Communications = { events: [], presence: [], advance: [], advanceSchools: [], series: [], meetings: [], attendance: [], items: [], documents: [] };
  const districtId = data.district.id;
  const primaryOf = new Map(data.assignments.filter((a) => a.kind === 'primary').map((a) => [a.schoolId, a.userId]));
  const admins = (schoolId: string) => data.grants.filter((g) => g.role === 'school_admin' && g.schoolId === schoolId).map((g) => g.userId);
  const staffCount = (schoolId: string) => new Set(data.grants.filter((g) => g.schoolId === schoolId).map((g) => g.userId)).size;
  const supervisor = data.grants.find((g) => g.role === 'supervisor')?.userId ?? data.users[0]!.id;
  const director = data.grants.find((g) => g.role === 'director')?.userId ?? supervisor;

  for (const school of data.schools) {
    const sro = primaryOf.get(school.id);
    const admin = admins(school.id)[0] ?? director;
    // Events: spread over the year, Fridays and Thursdays at 6 or 7 PM Central (23:00-24:00 UTC).
    const list = EVENTS[school.level] ?? EVENTS.elementary!;
    list.forEach(([kind, title, place, minutes], i) => {
      const graduation = kind === 'graduation';
      const day = graduation ? Date.UTC(2027, 4, 28) : START + (14 + i * rng.int(9, 16)) * DAY;
      const weekday = new Date(day).getUTCDay();
      const friday = day + (((5 - weekday + 7) % 7) - (rng.chance(0.3) ? 1 : 0)) * DAY;
      const startsAt = friday + (23 * 60 + (rng.chance(0.5) ? 0 : 30)) * MIN;
      const past = startsAt < END;
      const covered = sro && (past || rng.chance(0.5));
      out.events.push({
        id: rng.uuid(), districtId, schoolId: school.id, kind, title, place, startsAt: new Date(startsAt), endsAt: new Date(startsAt + minutes * MIN),
        coverSroId: covered ? sro : null, coverAssignedBy: covered ? supervisor : null, coverAssignedAt: covered ? new Date(startsAt - 10 * DAY) : null,
        notes: covered && past ? rng.pick(['No incidents. Crowd of about 600.', 'One fan escorted out for fighting at the gate; no arrest.', 'Quiet night; helped a lost child find her parents.', 'Traffic backed up after; directed the parking lot exit.']) : null,
        notesAt: covered && past ? new Date(startsAt + (minutes + 60) * MIN) : null,
        createdBy: admin, createdAt: new Date(startsAt - 21 * DAY), updatedAt: new Date(startsAt - 10 * DAY),
      });
    });

    // The MOU and the written expectations: last year's and this year's MOU, and one set of expectations.
    for (const [kind, title, body, at] of [
      ['mou', 'MOU 2025-26', 'Memorandum of understanding between the Riverbend ISD and the police department, 2025-26.', Date.UTC(2025, 7, 1)],
      ['mou', 'MOU 2026-27', mouText(school.name), Date.UTC(2026, 7, 3)],
      ['expectations', 'SRO expectations 2026-27', expectationsText(school.name), Date.UTC(2026, 7, 10)],
    ] as const) {
      out.documents.push({ id: rng.uuid(), districtId, schoolId: school.id, kind, title, format: 'text', body, uploadedBy: admin, uploadedAt: new Date(at) });
    }

    if (!sro) continue;
    // A weekly meeting with the administration, Tuesdays at 9 AM Central, held ones with minutes and action items.
    const seriesId = rng.uuid();
    const first = new Date(Date.UTC(2026, 7, 18, 14, 0));
    const until = '2027-05-25';
    out.series.push({
      id: seriesId, districtId, schoolId: school.id, title: 'SRO and administration weekly', place: 'Principal\'s office', recurrence: 'weekly',
      firstStartsAt: first, durationMinutes: 45, until, createdBy: admin, createdAt: new Date(START), updatedAt: new Date(START),
    });
    for (const startsAt of occurrences(first, 'weekly', until, ZONE)) {
      const id = rng.uuid();
      const held = startsAt.getTime() < END;
      out.meetings.push({
        id, districtId, schoolId: school.id, seriesId, title: 'SRO and administration weekly', place: 'Principal\'s office', startsAt, durationMinutes: 45,
        agenda: held || startsAt.getTime() < END + 7 * DAY ? rng.shuffle(AGENDA).slice(0, 3).map((a, i) => `${i + 1}. ${a}`).join('\n') : null,
        minutes: held ? rng.pick(MINUTES) : null, cancelled: held && rng.chance(0.05), createdBy: admin, createdAt: new Date(START), updatedAt: startsAt,
      });
      if (!held) continue;
      out.attendance.push({ id: rng.uuid(), meetingId: id, userId: sro, attended: true, recordedAt: new Date(startsAt.getTime() + 45 * MIN) });
      out.attendance.push({ id: rng.uuid(), meetingId: id, userId: admin, attended: rng.chance(0.9), recordedAt: new Date(startsAt.getTime() + 45 * MIN) });
      if (rng.chance(0.4)) {
        const due = new Date(startsAt.getTime() + rng.int(3, 14) * DAY);
        const done = due.getTime() < END && rng.chance(0.7);
        out.items.push({
          id: rng.uuid(), meetingId: id, title: rng.pick(ITEMS), ownerId: rng.chance(0.5) ? sro : admin, dueOn: due.toISOString().slice(0, 10),
          status: done ? 'done' : 'open', doneAt: done ? due : null, createdBy: sro, createdAt: startsAt, updatedAt: done ? due : startsAt,
        });
      }
    }

    // Leaving the building: one or two times a week, all of them over (the officer came back).
    for (let day = START + 2 * DAY; day < END - DAY; day += rng.int(2, 6) * DAY) {
      if ([0, 6].includes(new Date(day).getUTCDay())) continue;
      const leftAt = day + (14 * 60 + rng.int(0, 360)) * MIN;
      const away = rng.int(25, 150);
      out.presence.push({
        id: rng.uuid(), districtId, schoolId: school.id, sroId: sro, reason: rng.pick(LEAVE_REASONS), leftAt: new Date(leftAt),
        expectedReturnAt: new Date(leftAt + Math.round(away / 15) * 15 * MIN + 15 * MIN), backupContact: `Patrol sergeant, ${fictionalPhone(rng, '512')}`,
        returnedAt: new Date(leftAt + away * MIN), recipients: staffCount(school.id) - 1, createdAt: new Date(leftAt), updatedAt: new Date(leftAt + away * MIN),
      });
    }
  }

  bookTwice(data, out.events, supervisor);

  // Advance notices of every SRO: a training day given two weeks ahead, and (for some) a vacation after the term.
  const sros = [...new Set(data.assignments.map((a) => a.userId))];
  for (const sro of sros) {
    const schools = data.assignments.filter((a) => a.userId === sro).map((a) => a.schoolId);
    const plan: [AdvanceKind, number, number, number][] = [['training', START + rng.int(20, 60) * DAY, 2, rng.int(7, 21)]];
    if (rng.chance(0.5)) plan.push(['vacation', END + rng.int(10, 40) * DAY, rng.int(3, 5), rng.int(20, 45)]);
    if (rng.chance(0.2)) plan.push(['leave', START + rng.int(30, 80) * DAY, 1, rng.int(1, 3)]);
    for (const [kind, from, days, ahead] of plan) {
      const id = rng.uuid();
      const fromDate = new Date(from).toISOString().slice(0, 10);
      const toDate = new Date(from + (days - 1) * DAY).toISOString().slice(0, 10);
      out.advance.push({
        id, districtId, sroId: sro, kind, fromDate, toDate, daysNotice: ahead,
        note: kind === 'training' ? 'Advanced SRO course (TCOLE)' : null, coverage: kind === 'leave' ? null : 'Patrol district officer covers calls',
        recipients: new Set(schools.flatMap(admins)).size + 1, createdAt: new Date(from - ahead * DAY + 15 * 60 * MIN),
      });
      for (const schoolId of new Set(schools)) out.advanceSchools.push({ noticeId: id, schoolId });
    }
  }
  return out;
}

/**
 * One conflict to resolve: an SRO with a feeder school also covers an upcoming event there that overlaps an
 * upcoming event they cover at their primary school.
 */
function bookTwice(data: DemoData, events: Row<typeof schoolEvents>[], supervisor: string): void {
  for (const feeder of data.assignments.filter((a) => a.kind === 'feeder')) {
    const home = events.find((e) => e.coverSroId === feeder.userId && (e.startsAt as Date).getTime() > END);
    const there = events.find((e) => e.schoolId === feeder.schoolId && (e.startsAt as Date).getTime() > END && e.kind !== 'graduation');
    if (!home || !there) continue;
    const length = (there.endsAt as Date).getTime() - (there.startsAt as Date).getTime();
    there.startsAt = new Date((home.startsAt as Date).getTime() + 30 * MIN);
    there.endsAt = new Date((there.startsAt as Date).getTime() + length);
    Object.assign(there, { coverSroId: feeder.userId, coverAssignedBy: supervisor, coverAssignedAt: home.coverAssignedAt, notes: null, notesAt: null });
    return;
  }
}

function mouText(school: string): string {
  return `Memorandum of understanding between the Riverbend Independent School District and the Riverbend Police Department for ${school}, school year 2026-27.\n\n`
    + '1. The school resource officer is a sworn officer assigned to the campus and its feeder schools.\n'
    + '2. School discipline remains the responsibility of school administrators; the SRO does not enforce school rules.\n'
    + '3. The SRO serves as law enforcement officer, informal counselor and mentor, and educator (the NASRO triad).\n'
    + '4. Student records are shared only as FERPA allows; law-enforcement records stay with the police department.\n'
    + '5. The SRO and the principal meet weekly; this memorandum is reviewed every year before school starts.';
}

function expectationsText(school: string): string {
  return `Written expectations for the school resource officer at ${school}.\n\n`
    + '- Visible at arrival, lunch and dismissal.\n- Tell staff when leaving the building, with the expected return and a backup contact.\n'
    + '- Give advance notice of training and leave to the principal and the supervisor.\n- Teach at least one class a month.\n'
    + '- Attend the weekly meeting with the administration.';
}
