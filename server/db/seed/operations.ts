/**
 * The fall term of daily operations (12 Aug to 13 Nov 2026): every SRO's and security officer's patrols, visibility
 * periods and traffic duty; a lock-up check list per school walked weekly (a few failed items, each with its work
 * order); the SROs' classes, mentoring contacts, meetings and events; and the log entry of every cleared call.
 * A pure function of the demo data and a fixed seed: no clock, no Math.random.
 */
import { DEFAULT_TRIAD_ROLE, type ActivityKind, type ActivitySource } from '../../../common/activity.js';
import { PATROL_ACTIVITY_KIND, type PatrolKind } from '../../../common/patrols.js';
import type {
  activityEntries, calls, patrolCheckItems, patrolCheckResults, patrolCheckRuns, patrolChecklists, patrolEntries, workOrders,
} from '../schema/index.js';
import type { DemoData } from './model.js';
import { Rng } from './random.js';
import { patrolTitle } from '../../modules/patrols/patrols.policy.js';
import { CHECK_ITEMS, FAILURES, TOPICS, type AreaKind } from './operations-text.js';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** A work order of a failed check item, numbered when inserted (the district's counter decides the number). */
export type UnnumberedWorkOrder = Omit<Row<typeof workOrders>, 'number'>;

/** The rows of the demo's operations, in insertion order. */
export interface Operations {
  patrols: Row<typeof patrolEntries>[];
  checklists: Row<typeof patrolChecklists>[];
  items: Row<typeof patrolCheckItems>[];
  runs: Row<typeof patrolCheckRuns>[];
  workOrders: UnnumberedWorkOrder[];
  results: Row<typeof patrolCheckResults>[];
  activity: Row<typeof activityEntries>[];
}

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = Date.UTC(2026, 7, 12);
const END = Date.UTC(2026, 10, 14);
/** Minutes after midnight UTC of the school day's fixed moments (Central time + 5 h, close enough for a demo). */
const ARRIVAL = 12 * 60 + 25;
const LUNCH = 16 * 60 + 50;
const DISMISSAL = 20 * 60 + 20;

/** Every weekday of the term, as midnight UTC. */
function schoolDays(): number[] {
  const days: number[] = [];
  for (let d = START; d < END; d += DAY) if (![0, 6].includes(new Date(d).getUTCDay())) days.push(d);
  return days;
}

/** Generates the operations of `data`; `callRows` are the demo's calls (their cleared ones enter the log). */
export function generateOperations(data: DemoData, callRows: readonly Row<typeof calls>[], seed = 0x0b5e7): Operations {
  const rng = new Rng(seed);
  const out: Operations = { patrols: [], checklists: [], items: [], runs: [], workOrders: [], results: [], activity: [] };
  const districtId = data.district.id;
  const days = schoolDays();
  const areasOf = (schoolId: string, kinds: readonly AreaKind[]) => data.areas.filter((a) => a.schoolId === schoolId && kinds.includes(a.kind as AreaKind));
  const log = (e: {
    schoolId: string | null; userId: string; kind: ActivityKind; at: number; minutes: number; title: string;
    participants?: number | null; source?: [ActivitySource, string];
  }) => {
    out.activity.push({
      id: rng.uuid(), districtId, schoolId: e.schoolId, userId: e.userId, kind: e.kind, triadRole: DEFAULT_TRIAD_ROLE[e.kind],
      startedAt: new Date(e.at), durationMinutes: Math.max(1, Math.min(1440, Math.round(e.minutes))), title: e.title.slice(0, 200),
      participants: e.participants ?? null, sourceType: e.source?.[0] ?? null, sourceId: e.source?.[1] ?? null, createdBy: e.userId,
      createdAt: new Date(e.at + e.minutes * MIN), updatedAt: new Date(e.at + e.minutes * MIN),
    });
  };
  const patrol = (schoolId: string, officerId: string, kind: PatrolKind, at: number, minutes: number, notes: string | null = null) => {
    const area = rng.chance(0.8) ? areaFor(kind, (kinds) => areasOf(schoolId, kinds), rng) : null;
    const id = rng.uuid();
    out.patrols.push({
      id, districtId, schoolId, officerId, kind, areaId: area?.id ?? null, startedAt: new Date(at), durationMinutes: minutes, notes,
      createdAt: new Date(at + minutes * MIN), updatedAt: new Date(at + minutes * MIN),
    });
    log({ schoolId, userId: officerId, kind: PATROL_ACTIVITY_KIND[kind], at, minutes, title: patrolTitle(kind, area?.name ?? null), source: ['patrol_entry', id] });
  };

  const grantSchools = (userId: string, role: string) => data.grants.filter((g) => g.userId === userId && g.role === role && g.schoolId).map((g) => g.schoolId!);
  const sros = [...new Set(data.grants.filter((g) => g.role === 'sro').map((g) => g.userId))];
  const guards = [...new Set(data.grants.filter((g) => g.role === 'security').map((g) => g.userId))];

  for (const sro of sros) {
    const schools = grantSchools(sro, 'sro');
    const primary = data.assignments.find((a) => a.userId === sro && a.kind === 'primary')?.schoolId ?? schools[0]!;
    const feeders = schools.filter((s) => s !== primary);
    for (const day of days) {
      if (rng.chance(0.04)) continue;
      const at = (minutes: number) => day + minutes * MIN;
      patrol(primary, sro, 'visibility_arrival', at(ARRIVAL + rng.int(0, 10)), rng.int(20, 35));
      if (rng.chance(0.3)) patrol(primary, sro, 'traffic_control', at(ARRIVAL - 20), rng.int(25, 40));
      if (rng.chance(0.65)) patrol(primary, sro, 'visibility_lunch', at(LUNCH + rng.int(0, 20)), rng.int(30, 50));
      if (rng.chance(0.7)) patrol(primary, sro, 'interior', at(14 * 60 + rng.int(0, 90)), rng.int(15, 40));
      if (rng.chance(0.5)) patrol(primary, sro, rng.pick(['exterior', 'grounds', 'parking', 'bus_loop'] as const), at(18 * 60 + rng.int(0, 80)), rng.int(15, 30));
      if (rng.chance(0.1)) patrol(primary, sro, 'neighbourhood', at(21 * 60 + rng.int(0, 30)), rng.int(20, 45), 'Walked the blocks along the route home');
      if (feeders.length && rng.chance(0.3)) patrol(rng.pick(feeders), sro, 'interior', at(19 * 60 + rng.int(0, 40)), rng.int(20, 45));
      patrol(primary, sro, 'visibility_dismissal', at(DISMISSAL + rng.int(0, 10)), rng.int(20, 35));
      const weekday = new Date(day).getUTCDay();
      if (rng.chance(0.35)) {
        const topic = rng.pick(TOPICS);
        log({ schoolId: rng.chance(0.75) || !feeders.length ? primary : rng.pick(feeders), userId: sro, kind: 'class', at: at(15 * 60 + rng.int(0, 120)), minutes: rng.pick([45, 50, 55, 90]), title: topic, participants: rng.int(14, 32) });
      }
      for (let m = rng.int(0, 2); m > 0; m--) {
        log({ schoolId: primary, userId: sro, kind: 'mentoring', at: at(15 * 60 + rng.int(0, 300)), minutes: rng.int(10, 30), title: rng.pick(['Check-in with a student', 'Lunch with the mentoring group', 'Talked with a student after a conflict']) });
      }
      if (weekday === 2) log({ schoolId: primary, userId: sro, kind: 'meeting', at: at(14 * 60), minutes: 45, title: 'Weekly meeting with the administration' });
      if (weekday === 5 && rng.chance(0.6)) log({ schoolId: primary, userId: sro, kind: 'event', at: at(23 * 60 + 30), minutes: rng.int(150, 210), title: rng.pick(['Football game', 'Volleyball game', 'Band concert', 'Homecoming dance']) });
    }
  }
  for (const guard of guards) {
    const school = grantSchools(guard, 'security')[0];
    if (!school) continue;
    for (const day of days) {
      if (rng.chance(0.05)) continue;
      patrol(school, guard, 'exterior', day + (ARRIVAL - 30) * MIN, rng.int(20, 30));
      patrol(school, guard, rng.pick(['interior', 'parking', 'grounds'] as const), day + (15 * 60 + rng.int(0, 240)) * MIN, rng.int(20, 45));
    }
  }
  checks(data, days, rng, out, areasOf, log);
  for (const c of callRows) {
    if (!c.clearedAt || !c.assignedUserId || !c.id) continue;
    const start = (c.arrivedAt ?? c.receivedAt) as Date;
    log({ schoolId: c.schoolId, userId: c.assignedUserId, kind: 'call', at: start.getTime(), minutes: ((c.clearedAt as Date).getTime() - start.getTime()) / MIN, title: `Call ${c.number}: ${c.summary}`, source: ['call', c.id] });
  }
  return out;
}

/** An area of the school that suits the patrol, or null. */
function areaFor(kind: PatrolKind, areas: (kinds: readonly AreaKind[]) => { id: string; name: string }[], rng: Rng) {
  const kinds: Partial<Record<PatrolKind, readonly AreaKind[]>> = {
    interior: ['floor', 'common'], exterior: ['perimeter'], grounds: ['field'], parking: ['parking'], bus_loop: ['bus_loop'],
    visibility_arrival: ['bus_loop', 'parking'], visibility_lunch: ['common'], visibility_dismissal: ['bus_loop', 'parking'], traffic_control: ['parking'],
  };
  const found = kinds[kind] ? areas(kinds[kind]) : [];
  return found.length ? rng.pick(found) : null;
}

/** One lock-up list per school, walked every Monday by the school's security officer or SRO. */
function checks(
  data: DemoData, days: number[], rng: Rng, out: Operations,
  areasOf: (schoolId: string, kinds: readonly AreaKind[]) => { id: string; name: string }[],
  log: (e: { schoolId: string; userId: string; kind: ActivityKind; at: number; minutes: number; title: string; source: [ActivitySource, string] }) => void,
) {
  const districtId = data.district.id;
  for (const school of data.schools) {
    const walker = data.grants.find((g) => g.schoolId === school.id && g.role === 'security')?.userId
      ?? data.grants.find((g) => g.schoolId === school.id && g.role === 'sro')?.userId;
    if (!walker) continue;
    const listId = rng.uuid();
    const name = 'Morning lock-up check';
    out.checklists.push({ id: listId, districtId, schoolId: school.id, name, createdBy: walker, createdAt: new Date(START - 3 * DAY), updatedAt: new Date(START - 3 * DAY) });
    const items = CHECK_ITEMS.map(([label, kinds], position) => {
      const area = kinds.length ? areasOf(school.id, kinds)[0] ?? null : null;
      const item = { id: rng.uuid(), checklistId: listId, position, label, areaId: area?.id ?? null };
      out.items.push(item);
      return item;
    });
    for (const day of days.filter((d) => new Date(d).getUTCDay() === 1)) {
      const at = day + (ARRIVAL - 45) * MIN;
      const runId = rng.uuid();
      const failed = items.filter(() => rng.chance(0.02));
      out.runs.push({ id: runId, districtId, schoolId: school.id, checklistId: listId, officerId: walker, startedAt: new Date(at), durationMinutes: 25, notes: null, failedCount: failed.length, itemCount: items.length, createdAt: new Date(at + 25 * MIN) });
      for (const item of items) {
        const fails = failed.includes(item);
        const note = fails ? rng.pick(FAILURES[item.position] ?? ['Not working']) : null;
        let workOrderId: string | null = null;
        if (fails) {
          workOrderId = rng.uuid();
          const closed = at < END - 21 * DAY;
          const created = new Date(at + 25 * MIN);
          out.workOrders.push({
            id: workOrderId, districtId, schoolId: school.id, areaId: item.areaId, title: `Failed check: ${item.label}`, description: note, priority: 'normal',
            status: closed ? 'completed' : 'open', source: 'patrol_check', sourceId: runId, ownerKind: 'district_maintenance',
            dueOn: new Date(at + 14 * DAY).toISOString().slice(0, 10), closedAt: closed ? new Date(at + rng.int(2, 10) * DAY) : null,
            closureNotes: closed ? 'Repaired by district maintenance' : null, createdBy: walker, createdAt: created, updatedAt: created,
          });
        }
        out.results.push({ runId, itemId: item.id, position: item.position, label: item.label, areaId: item.areaId, passed: !fails, note, workOrderId });
      }
      log({ schoolId: school.id, userId: walker, kind: 'security_check', at, minutes: 25, title: `Security check: ${name}`, source: ['patrol_check_run', runId] });
    }
  }
}
