/**
 * A year of calls for service and incidents in the demo district (16 Nov 2025 to 15 Nov 2026), in every
 * status: old reports approved (some with supplements, two sealed), recent ones in draft, submitted or
 * returned, a few calls still open. Deterministic like the rest of the demo: no clock, no Math.random.
 */
import { LABELS, type ActionKind, type IncidentStatus } from '../../../common/incidents.js';
import { K12_SCHOOL_LOCATION, nibrsOffense } from '../../../common/nibrs.js';
import type {
  calls, incidentActions, incidentOffenses, incidentPersons, incidentReferrals, incidentReviews, incidents, incidentSupplements,
  incidentTasks, incidentVersions, recordCounters,
} from '../schema/index.js';
import { localDay } from '../../modules/incidents/nibrs.report.js';
import { demoArrest, demoSegments } from './incident-segments.js';
import { STORIES, type Story } from './incident-stories.js';
import type { DemoData } from './model.js';
import { NAME_POOLS } from './names.js';
import type { Rng } from './random.js';

const DAY = 24 * 3600 * 1000;
const START = Date.UTC(2025, 10, 16);
const END = Date.UTC(2026, 10, 16);
/** Reports of the last two weeks are still being written and reviewed. */
const RECENT = END - 14 * DAY;

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Every row of the demo's case data, in insertion order. */
export interface CaseData {
  calls: Row<typeof calls>[];
  incidents: Row<typeof incidents>[];
  offenses: Row<typeof incidentOffenses>[];
  persons: Row<typeof incidentPersons>[];
  actions: Row<typeof incidentActions>[];
  supplements: Row<typeof incidentSupplements>[];
  versions: Row<typeof incidentVersions>[];
  reviews: Row<typeof incidentReviews>[];
  tasks: Row<typeof incidentTasks>[];
  referrals: Row<typeof incidentReferrals>[];
  counters: Row<typeof recordCounters>[];
}

function label(o: Story['offenses'][number]): string {
  return o.kind === 'nibrs' ? `${o.code} ${nibrsOffense(o.code)!.name}` : LABELS.category[o.category];
}

/** A school-day time in the window, weighted to the school year (summer is quiet), as a Date. */
function schoolTime(rng: Rng): Date {
  for (;;) {
    const day = START + rng.int(0, (END - START) / DAY - 1) * DAY;
    const d = new Date(day);
    const weekday = d.getUTCDay();
    const month = d.getUTCMonth();
    if (weekday === 0 || weekday === 6) continue;
    if ((month === 5 || month === 6) && !rng.chance(0.15)) continue;
    // 7:15 to 16:45 Central time is 13:15 to 22:45 UTC (close enough across daylight saving for a demo).
    return new Date(day + (13 * 60 + 15 + rng.int(0, 570)) * 60_000);
  }
}

function statusOf(rng: Rng, at: number): IncidentStatus {
  if (at >= RECENT) return rng.weighted([['draft', 4], ['submitted', 3], ['returned', 1], ['approved', 2]] as const);
  return rng.weighted([['approved', 94], ['submitted', 2], ['returned', 2], ['draft', 2]] as const);
}

/** Generates the case data of the demo district from its people, places and roster. */
export function generateCaseData(rng: Rng, data: DemoData): CaseData {
  const out: CaseData = { calls: [], incidents: [], offenses: [], persons: [], actions: [], supplements: [], versions: [], reviews: [], tasks: [], referrals: [], counters: [] };
  const districtId = data.district.id;
  const timezone = data.district.timezone ?? 'America/Chicago';
  const supervisor = data.grants.find((g) => g.role === 'supervisor')!.userId;
  const schoolById = new Map(data.schools.map((s) => [s.id, s]));
  const covered = data.assignments.map((a) => ({ schoolId: a.schoolId, sro: a.userId, weight: schoolById.get(a.schoolId)!.level === 'high' ? 6 : schoolById.get(a.schoolId)!.level === 'middle' ? 4 : 1 }));
  const staffAt = new Map<string, string[]>();
  for (const g of data.grants) if (g.role === 'staff' && g.schoolId) staffAt.set(g.schoolId, [...(staffAt.get(g.schoolId) ?? []), g.userId]);
  const studentsAt = new Map<string, DemoData['students']>();
  for (const s of data.students) studentsAt.set(s.schoolId, [...(studentsAt.get(s.schoolId) ?? []), s]);
  const areasAt = new Map<string, DemoData['areas']>();
  for (const a of data.areas) areasAt.set(a.schoolId, [...(areasAt.get(a.schoolId) ?? []), a]);
  const counters = new Map<string, number>();
  const next = (kind: 'incident' | 'call', year: number) => {
    const value = (counters.get(`${kind}:${year}`) ?? 0) + 1;
    counters.set(`${kind}:${year}`, value);
    return `${kind === 'call' ? 'C-' : ''}${year}-${String(value).padStart(6, '0')}`;
  };

  const events: { at: Date; story: Story | null; place: (typeof covered)[number] }[] = [];
  for (let i = 0; i < 1100; i++) events.push({ at: schoolTime(rng), story: rng.chance(0.62) ? null : rng.weighted(STORIES.map((s) => [s, s.weight] as const)), place: rng.weighted(covered.map((c) => [c, c.weight] as const)) });
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  let sealed = 0;
  for (const { at, story: drawn, place } of events) {
    const school = schoolById.get(place.schoolId)!;
    const story = drawn?.secondary && school.level === 'elementary' ? STORIES.find((s) => s.key === 'medical')! : drawn;
    const year = at.getUTCFullYear();
    const areas = areasAt.get(school.id) ?? [];
    const area = rng.pick(areas.filter((a) => !story || story.areaKinds.includes(a.kind)).concat(areas).slice(0, Math.max(1, areas.length)));
    const callId = rng.uuid();
    const received = new Date(at.getTime() - rng.int(2, 20) * 60_000);
    const open = at.getTime() > END - 3 * DAY && !story && rng.chance(0.5);
    const call = {
      id: callId, districtId, schoolId: school.id, number: next('call', year), source: rng.weighted([['staff', 6], ['dispatch', 2], ['tip', 1], ['self_initiated', 3]] as const),
      onCampus: true, areaId: area.id, priority: rng.weighted([['routine', 6], ['urgent', 3], ['emergency', 1]] as const),
      summary: story ? rng.pick(story.summary) : rng.pick(['Suspicious person near the fence', 'Parent dispute at pick-up', 'Traffic complaint in drop-off lane', 'Welfare check requested', 'Found property turned in', 'Alarm activation']),
      receivedAt: received, arrivedAt: open ? null : new Date(received.getTime() + rng.int(1, 12) * 60_000),
      clearedAt: open ? null : new Date(at.getTime() + rng.int(20, 90) * 60_000),
      disposition: open ? null : story ? 'report_taken' as const : rng.pick(['resolved', 'unfounded', 'gone_on_arrival', 'referred_to_school'] as const),
      assignedUserId: open && rng.chance(0.5) ? null : place.sro, takenById: rng.pick(staffAt.get(school.id) ?? [place.sro]),
      incidentId: null as string | null, createdAt: received, updatedAt: received,
    };
    out.calls.push(call);
    if (!story) continue;

    const id = rng.uuid();
    call.incidentId = id;
    const status = statusOf(rng, at.getTime());
    const pool = studentsAt.get(school.id) ?? [];
    const people: (Row<typeof incidentPersons> & { juvenile: boolean })[] = story.students.map((role, position) => {
      const s = rng.pick(pool);
      const birth = new Date(`${s.dateOfBirth}T00:00:00Z`);
      const juvenile = at.getTime() < Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate());
      return { id: rng.uuid(), incidentId: id, position, kind: 'student', role, studentId: s.id, firstName: s.preferredName ?? s.firstName, lastName: s.lastName, juvenile };
    });
    if (story.visitor) {
      const names = NAME_POOLS[rng.pick(['hispanic', 'white', 'black', 'asian'] as const)];
      people.push({ id: rng.uuid(), incidentId: id, position: people.length, kind: 'visitor', role: story.visitor, firstName: rng.pick(names.male), lastName: rng.pick(names.surnames), juvenile: false });
    }
    const fill = (text: string) => text.replace(/\{s(\d)\}/g, (_, n: string) => { const p = people[Number(n)]; return p ? `${p.firstName} ${p.lastName}` : 'the student'; })
      .replace('{area}', area.name.toLowerCase());
    const narrative = fill(rng.pick(story.narrative));
    const summary = rng.pick(story.summary);
    const acts: Row<typeof incidentActions>[] = [];
    for (const p of people.filter((x) => x.role === 'suspect')) {
      for (const [kind, p0] of story.actions) {
        if (!rng.chance(p0)) continue;
        acts.push({ id: rng.uuid(), incidentId: id, personId: kind === 'no_action' ? null : p.id, kind, at, implied: false, arrest: kind === 'arrest' ? demoArrest(story.offenses, p.juvenile, story.key) : null });
        if (kind === 'arrest') acts.push({ id: rng.uuid(), incidentId: id, personId: p.id, kind: 'referral_law_enforcement', at, implied: true });
      }
    }
    if (!people.some((p) => p.role === 'suspect') && story.students.length > 0) {
      const kind: ActionKind = story.actions[0]![0];
      acts.push({ id: rng.uuid(), incidentId: id, personId: kind === 'no_action' ? null : people[0]?.id ?? null, kind, at, implied: false });
    }
    const segments = demoSegments(story.key, story.offenses, people as { id: string; role: string }[], localDay(at, timezone));
    for (const p of people) p.nibrs = segments.persons.get(p.id!) ?? null;
    const createdAt = new Date(at.getTime() + 40 * 60_000);
    const submittedAt = status === 'draft' ? null : new Date(createdAt.getTime() + rng.int(1, 20) * 3600_000);
    const approvedAt = status === 'approved' ? new Date(submittedAt!.getTime() + rng.int(2, 48) * 3600_000) : null;
    const steps: ('created' | 'saved' | 'submitted' | 'returned' | 'approved')[] = ['created', 'saved'];
    if (status !== 'draft') steps.push('submitted');
    if (status === 'returned' || (status === 'approved' && rng.chance(0.15))) steps.push('returned', 'saved', 'submitted');
    if (status === 'approved') steps.push('approved');
    if (status === 'returned') steps.splice(steps.length - 2);
    const seal = status === 'approved' && sealed < 2 && at.getTime() < START + 120 * DAY && story.key === 'fight';
    if (seal) sealed++;
    out.incidents.push({
      id, districtId, schoolId: school.id, number: next('incident', year), areaId: area.id, onCampus: true, locationCode: K12_SCHOOL_LOCATION,
      occurredAt: at, summary, narrative, status, version: steps.length, hasJuvenile: people.some((p) => p.juvenile),
      offenseKeys: story.offenses.map((o) => (o.kind === 'nibrs' ? o.code : `school:${o.category}`)), callId, authorId: place.sro, property: segments.property,
      submittedAt, approvedAt, approvedById: approvedAt ? supervisor : null, createdAt, updatedAt: approvedAt ?? submittedAt ?? createdAt,
      ...(seal ? { sealedAt: new Date(START + 200 * DAY), sealedById: supervisor, sealedReason: 'Juvenile court order (demo)' } : {}),
    });
    out.offenses.push(...story.offenses.map((o, position) => ({ incidentId: id, position, kind: o.kind, nibrsCode: o.kind === 'nibrs' ? o.code : null, category: o.kind === 'school' ? o.category : null, attempted: false, weaponForce: o.weaponForce,
      nibrs: o.kind === 'nibrs' ? { offenderUsing: o.offenderUsing, bias: o.bias, criminalActivity: o.criminalActivity } : { offenderUsing: [], bias: [], criminalActivity: [] } })));
    out.persons.push(...people);
    out.actions.push(...acts);
    const snapshot = { number: out.incidents.at(-1)!.number, summary, narrative, offenses: story.offenses.map(label), persons: people.map((p) => `${p.firstName} ${p.lastName} (${p.role})`) };
    steps.forEach((event, i) => {
      const savedAt = new Date(createdAt.getTime() + i * 3600_000);
      const by = event === 'returned' || event === 'approved' ? supervisor : place.sro;
      const stepStatus = event === 'created' || event === 'saved' ? (steps.slice(0, i).includes('returned') ? 'returned' : 'draft') : event;
      out.versions.push({ incidentId: id, version: i + 1, status: stepStatus, event, snapshot: { ...snapshot, status: stepStatus, version: i + 1 }, savedById: by, savedAt });
      if (event === 'submitted' || event === 'returned' || event === 'approved') {
        out.reviews.push({ incidentId: id, event, comment: event === 'returned' ? 'Add the time officers arrived and the names of the staff present.' : null, byId: by, at: savedAt, version: i + 1 });
      }
    });
    if (status === 'approved' && rng.chance(0.08)) {
      const sid = rng.uuid();
      const pending = at.getTime() > END - 60 * DAY;
      const sAt = new Date(approvedAt!.getTime() + 2 * DAY);
      out.supplements.push({ id: sid, incidentId: id, number: 1, status: pending ? 'submitted' : 'approved', version: pending ? 2 : 3, narrative: 'Follow-up: spoke with the parent and reviewed additional video. No change to the findings.', authorId: place.sro, createdAt: sAt, updatedAt: sAt, submittedAt: sAt, approvedAt: pending ? null : sAt, approvedById: pending ? null : supervisor });
      out.versions.push({ incidentId: id, supplementId: sid, version: 1, status: 'draft', event: 'created', snapshot: { number: 1 }, savedById: place.sro, savedAt: sAt });
    }
    if (story.referral && status !== 'draft' && people.length > 0) {
      out.referrals.push({
        districtId, incidentId: id, schoolId: school.id, kind: story.referral, status: at.getTime() < RECENT ? 'closed' : 'open',
        summary: `${summary}. Please follow up under campus policy; the officer is available to discuss.`, referredById: place.sro, referredAt: createdAt,
        persons: people.filter((p) => p.kind === 'student').map((p) => ({ firstName: p.firstName, lastName: p.lastName, kind: p.kind, role: p.role })),
        offenses: story.offenses.map(label), handledById: null, handledAt: null,
      });
    }
    for (const arrest of acts.filter((a) => a.kind === 'arrest')) {
      const done = at.getTime() < RECENT;
      out.tasks.push(
        { incidentId: id, kind: 'notification', rule: 'superintendent_oral_24h', personId: arrest.personId, title: 'Notify the superintendent of the student\'s arrest (orally, within 24 hours)', ownerId: place.sro, dueAt: new Date(at.getTime() + DAY), doneAt: done ? new Date(at.getTime() + 3 * 3600_000) : null, doneById: done ? place.sro : null, createdById: place.sro, createdAt },
        { incidentId: id, kind: 'notification', rule: 'superintendent_written_7d', personId: arrest.personId, title: 'Send the superintendent written notice of the arrest (within 7 days)', ownerId: place.sro, dueAt: new Date(at.getTime() + 7 * DAY), doneAt: done ? new Date(at.getTime() + 2 * DAY) : null, doneById: done ? place.sro : null, createdById: place.sro, createdAt },
      );
    }
  }
  for (const [key, lastValue] of counters) {
    const [kind, year] = key.split(':');
    out.counters.push({ districtId, kind: kind!, year: Number(year), lastValue });
  }
  return out;
}
