/**
 * Demo alert history: past drills at every school with their timelines and staff check-ins, and one past
 * reunification drill at Riverbend High School. A pure function of the demo data and a fixed seed.
 */
import { directiveOf, SRP, type SrpAction } from '../../../common/alerts.js';
import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import type {
  alertCheckIns, alerts, alertSchools, alertTimeline, reunificationRequests, reunifications,
} from '../schema/index.js';
import type { DemoData } from './model.js';
import { Rng } from './random.js';

/** The rows of the demo alert history, in insertion order. */
export interface AlertHistory {
  alerts: (typeof alerts.$inferInsert)[];
  alertSchools: (typeof alertSchools.$inferInsert)[];
  timeline: (typeof alertTimeline.$inferInsert)[];
  checkIns: (typeof alertCheckIns.$inferInsert)[];
  reunifications: (typeof reunifications.$inferInsert)[];
  requests: (typeof reunificationRequests.$inferInsert)[];
}

const DRILLS: { action: SrpAction; day: string; location?: string; hazard?: 'tornado' }[] = [
  { action: 'lockdown', day: '2026-09-03' },
  { action: 'evacuate', day: '2026-09-17', location: 'the football field' },
  { action: 'shelter', day: '2026-10-08', hazard: 'tornado' },
];
const ROOMS = ['Room 101', 'Room 104', 'Room 112', 'Room 118', 'Room 203', 'Room 207', 'Library', 'Gym', 'Cafeteria', 'Front office', 'Band hall', 'Science lab'];
const at = (day: string, minutes: number, seconds = 0): Date => new Date(Date.parse(`${day}T14:00:00Z`) + minutes * 60_000 + seconds * 1000);

/** Generates the demo alert history of `data`. */
export function generateAlertHistory(data: DemoData, seed = 0xa1e27): AlertHistory {
  const rng = new Rng(seed);
  const out: AlertHistory = { alerts: [], alertSchools: [], timeline: [], checkIns: [], reunifications: [], requests: [] };
  const names = new Map(data.users.map((u) => [u.id, u.name]));
  const grantsAt = (schoolId: string) => data.grants.filter((g) => g.schoolId === schoolId);
  let firstEvacuation: { alertId: string; schoolId: string; day: string; raisedBy: string } | null = null;

  for (const school of data.schools) {
    const grants = grantsAt(school.id);
    const staff = [...new Set(grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('alert.receive')).map((g) => g.userId))];
    const managers = grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('alert.manage')).map((g) => g.userId);
    if (staff.length === 0 || managers.length === 0) continue;
    for (const drill of DRILLS) {
      if (drill.action === 'shelter' && school.level !== 'elementary' && school.level !== 'high') continue;
      const id = rng.uuid();
      const raisedBy = rng.pick(managers);
      const raisedAt = at(drill.day, rng.int(0, 90));
      const announcedAt = new Date(raisedAt.getTime() + 5000);
      const clearedAt = new Date(raisedAt.getTime() + rng.int(12, 25) * 60_000);
      const clearedBy = rng.pick(managers);
      out.alerts.push({
        id, districtId: data.district.id, action: drill.action, location: drill.location ?? null, hazard: drill.hazard ?? null,
        strategy: drill.hazard ? 'shelter_area' : null, details: `Scheduled ${SRP[drill.action].term.toLowerCase()} drill`, drill: true,
        status: 'cleared', raisedBy, raisedAt, announceAt: announcedAt, announcedAt, clearedAt, clearedBy,
        clearNote: 'Drill complete',
      });
      out.alertSchools.push({ alertId: id, schoolId: school.id });
      const entry = (kind: string, when: Date, actorId: string | null, detail: Record<string, unknown>) =>
        out.timeline.push({ alertId: id, schoolId: school.id, kind, at: when, actorId, actorName: actorId ? names.get(actorId) ?? null : null, detail });
      entry('raised', raisedAt, raisedBy, { action: drill.action, drill: true, schoolIds: [school.id], cancelWindowSeconds: 5, directive: directiveOf(drill) });
      entry('announced', announcedAt, null, { staffExpected: staff.length });
      entry('delivered', new Date(announcedAt.getTime() + 200), null, { screens: Math.max(1, staff.length - rng.int(0, 2)) });
      entry('emailed', new Date(announcedAt.getTime() + 3000), null, { sent: staff.length, failed: 0 });
      for (const userId of staff) {
        if (rng.chance(0.08)) continue; // some never check in: the board shows them
        const help = rng.chance(0.06);
        const checkedInAt = new Date(announcedAt.getTime() + rng.int(20, 240) * 1000);
        const counts = { studentsWithMe: rng.int(0, 30), missing: rng.chance(0.1) ? 1 : 0, extra: rng.chance(0.1) ? 1 : 0, injured: help ? 1 : 0 };
        const location = drill.action === 'evacuate' ? 'Football field' : rng.pick(ROOMS);
        const note = help ? 'Student with asthma needs the nurse' : null;
        out.checkIns.push({
          id: rng.uuid(), alertId: id, schoolId: school.id, userId, status: help ? 'need_help' : 'safe', location, ...counts, note, checkedInAt,
        });
        entry(help ? 'help_requested' : 'check_in', checkedInAt, userId, { location, ...counts, note });
      }
      entry('all_clear', clearedAt, clearedBy, { note: 'Drill complete' });
      if (drill.action === 'evacuate' && !firstEvacuation && school.name === 'Riverbend High School') {
        firstEvacuation = { alertId: id, schoolId: school.id, day: drill.day, raisedBy };
      }
    }
  }
  if (firstEvacuation) reunificationOf(rng, data, firstEvacuation, out);
  return out;
}

function reunificationOf(rng: Rng, data: DemoData, evacuation: { alertId: string; schoolId: string; day: string; raisedBy: string }, out: AlertHistory): void {
  const id = rng.uuid();
  const openedAt = at(evacuation.day, 120);
  out.reunifications.push({
    id, districtId: data.district.id, schoolId: evacuation.schoolId, alertId: evacuation.alertId, site: 'Riverbend Community Center',
    drill: true, status: 'closed', openedBy: evacuation.raisedBy, openedAt, closedBy: evacuation.raisedBy, closedAt: at(evacuation.day, 210),
  });
  const guardiansById = new Map(data.guardians.map((g) => [g.id, g]));
  const enrolled = data.students.filter((s) => s.schoolId === evacuation.schoolId).slice(0, 40);
  let minute = 125;
  let refusedOne = false;
  for (const student of rng.shuffle(enrolled).slice(0, 8)) {
    const ties = data.studentGuardians.filter((t) => t.studentId === student.id);
    const allowed = ties.find((t) => t.mayPickUp);
    const barred = ties.find((t) => !t.mayPickUp);
    minute += rng.int(2, 8);
    const base = {
      reunificationId: id, studentId: student.id, idType: 'drivers_license', idChecked: true, requestedBy: evacuation.raisedBy,
      requestedAt: at(evacuation.day, minute), updatedAt: at(evacuation.day, minute + 6),
    };
    if (!refusedOne && barred) {
      const g = guardiansById.get(barred.guardianId)!;
      refusedOne = true;
      out.requests.push({
        id: rng.uuid(), ...base, guardianId: g.id, adultName: `${g.firstName} ${g.lastName}`, status: 'refused',
        refusalReason: `${g.firstName} ${g.lastName} (${barred.relationship}) is not allowed to pick this student up${barred.restrictions ? `: ${barred.restrictions}` : ''}`,
      });
    }
    if (!allowed) continue;
    const g = guardiansById.get(allowed.guardianId)!;
    out.requests.push({
      id: rng.uuid(), ...base, guardianId: g.id, adultName: `${g.firstName} ${g.lastName}`, status: 'released',
      runnerName: rng.pick(['Coach Harris', 'Ms. Patel', 'Mr. Nguyen']), runnerSentAt: at(evacuation.day, minute + 1),
      studentConfirmed: true, initials: rng.pick(['DR', 'KM', 'LT']), releasedAt: at(evacuation.day, minute + 6),
    });
  }
  if (!refusedOne) {
    const student = enrolled[0]!;
    out.requests.push({
      id: rng.uuid(), reunificationId: id, studentId: student.id, adultName: 'Unlisted adult', idType: 'state_id', idChecked: true,
      status: 'refused', refusalReason: 'Unlisted adult is not listed among the student\'s guardians on the roster: release only to a listed, authorized adult',
      requestedBy: evacuation.raisedBy, requestedAt: at(evacuation.day, minute + 3), updatedAt: at(evacuation.day, minute + 4),
    });
  }
}
