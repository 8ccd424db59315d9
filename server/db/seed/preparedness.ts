import { schoolYearOf, type DrillType } from '../../../common/preparedness.js';
import { addDays, dayOf, InstructionalDays } from '../../modules/calendars/calendars.days.js';
import { STATE_TEMPLATES } from '../../modules/drill-rules/drill-rules.templates.js';
import type {
  drillRules, drillRuleSettings, drills, planAcknowledgements, safetyPlanReviews, safetyPlans, safetyPlanVersions, schoolCalendars,
  sroCertifications, trainingAttendance, trainingRequirements, trainingSessions,
} from '../schema/index.js';
import type { DemoData } from './model.js';
import { Rng } from './random.js';

/*
 * Preparedness demo data: Texas rules, the district calendar of last and this school year, two school years of
 * drills at every school (mostly met; some missed last year; this year something missed, something at risk),
 * plans with versions, reviews and acknowledgements, staff training and SRO certifications (one due, one lapsed).
 * A pure function of the demo data and today: the same day gives the same rows.
 */

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Everything the preparedness seed inserts, in insertion order. */
export interface PreparednessSeed {
  settings: Row<typeof drillRuleSettings>[];
  rules: Row<typeof drillRules>[];
  calendars: Row<typeof schoolCalendars>[];
  drills: Row<typeof drills>[];
  plans: Row<typeof safetyPlans>[];
  versions: Row<typeof safetyPlanVersions>[];
  reviews: Row<typeof safetyPlanReviews>[];
  acknowledgements: Row<typeof planAcknowledgements>[];
  requirements: Row<typeof trainingRequirements>[];
  sessions: Row<typeof trainingSessions>[];
  attendance: Row<typeof trainingAttendance>[];
  certifications: Row<typeof sroCertifications>[];
}

/** The n-th weekday (0 Sunday..6 Saturday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return dayOf(year, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
}

/** A Texas-style calendar of school year `y`: mid-August to late May, two semesters, breaks, a summer session. */
export function demoCalendar(y: number) {
  const firstDay = nthWeekday(y, 8, 3, 3);
  const lastDay = addDays(nthWeekday(y + 1, 5, 1, 4), 4);
  const thanksgiving = nthWeekday(y, 11, 4, 4);
  return {
    firstDay, lastDay,
    semesters: [{ start: firstDay, end: `${y}-12-19`, name: 'Fall' }, { start: `${y + 1}-01-06`, end: lastDay, name: 'Spring' }],
    summerStart: nthWeekday(y + 1, 6, 1, 2), summerEnd: addDays(nthWeekday(y + 1, 6, 1, 2), 32),
    closedDays: [
      { start: nthWeekday(y, 9, 1, 1), end: nthWeekday(y, 9, 1, 1), name: 'Labor Day' },
      { start: addDays(thanksgiving, -3), end: addDays(thanksgiving, 1), name: 'Thanksgiving break' },
      { start: `${y}-12-20`, end: `${y + 1}-01-05`, name: 'Winter break' },
      { start: nthWeekday(y + 1, 3, 1, 2), end: addDays(nthWeekday(y + 1, 3, 1, 2), 4), name: 'Spring break' },
    ],
  };
}

/** The first instructional day on or after `day` (inside the year), or null. */
function schoolDayFrom(days: InstructionalDays, day: string): string | null {
  for (let d = day, i = 0; i < 20; d = addDays(d, 1), i++) if (days.isInstructional(d)) return d;
  return null;
}

/** Generates the preparedness rows of the demo district as of `today` (YYYY-MM-DD). */
export function generatePreparedness(data: DemoData, today: string, seed = 20260905): PreparednessSeed {
  const rng = new Rng(seed);
  const districtId = data.district.id;
  const userOf = (email: string) => data.users.find((u) => u.email === email)!;
  const sro = userOf('sro@demo.test');
  const admin = userOf('admin@demo.test');
  const director = userOf('director@demo.test');
  const hs1 = data.schools[0]!;
  const at = (day: string, hour = 15) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const current = schoolYearOf(today);
  const out: PreparednessSeed = {
    settings: [{ districtId, state: 'TX', atRiskDays: 14 }], rules: [], calendars: [], drills: [], plans: [], versions: [], reviews: [],
    acknowledgements: [], requirements: [], sessions: [], attendance: [], certifications: [],
  };

  STATE_TEMPLATES.TX.rules.forEach((r, i) => out.rules.push({ ...r, id: rng.uuid(), districtId, schoolId: null, position: i + 1 }));
  // A district rule whose window closes ten days from today, so the demo always shows a rule at risk.
  const soon = addDays(today, 10);
  out.rules.push({
    id: rng.uuid(), districtId, schoolId: hs1.id, drillTypes: ['reunification'], minCount: 1, period: 'school_year', position: 99,
    window: { kind: 'dates', to: soon.slice(5) }, title: 'Reunification drill before the district deadline', notes: 'Set by the district safety office',
    minInstructionalDays: null, requiresObserver: null, requiresSecondaryEgress: false, schoolLevels: null,
  });

  for (const year of [current - 1, current]) {
    const cal = demoCalendar(year);
    out.calendars.push({ id: rng.uuid(), districtId, schoolId: null, schoolYear: year, ...cal });
    const days = new InstructionalDays(cal);
    data.schools.forEach((school, s) => {
      const recorder = data.grants.find((g) => g.schoolId === school.id && g.role === 'sro')?.userId ?? sro.id;
      const add = (type: DrillType, day: string | null, extra: Partial<Row<typeof drills>> = {}) => {
        if (!day || day > today) return;
        out.drills.push({
          id: rng.uuid(), districtId, schoolId: school.id, type, status: 'completed', date: day, startTime: `${String(8 + rng.int(0, 5)).padStart(2, '0')}:${rng.chance(0.5) ? '00' : '30'}`,
          durationMinutes: rng.int(6, 25), participants: rng.int(300, 1800), recordedBy: recorder, completedAt: at(day, 20),
          observers: type === 'fire_evacuation' && rng.chance(0.3) ? [{ kind: 'fire_department', name: 'Riverbend Fire Dept.' }] : [], ...extra,
        });
      };
      // A fire drill on the second Wednesday of each month with 10+ instructional days (a school skips one).
      for (const [key, count] of days.byMonth) {
        const [y, m] = key.split('-').map(Number) as [number, number];
        if (count < 10) continue;
        const skip = (year < current && s === 2 && m === 2) || (year === current && s === 5 && m === 9) || (year === current && s === 3 && key === `${today.slice(0, 7)}`) || (year === current && s === 0 && key === today.slice(0, 7));
        if (!skip) add('fire_evacuation', schoolDayFrom(days, nthWeekday(y, m, 3, 2)));
      }
      add('lockdown', schoolDayFrom(days, addDays(cal.firstDay, 30 + s)), { conditions: s % 4 === 1 ? ['passing_period'] : [] });
      if (!(year === current && s === 4)) add('lockdown', schoolDayFrom(days, `${year + 1}-02-0${2 + (s % 7)}`));
      add('secure', schoolDayFrom(days, `${year}-10-1${s % 10}`));
      add('shelter_severe_weather', schoolDayFrom(days, `${year + 1}-03-2${s % 8}`));
      if (!(year < current && s === 1)) add('shelter_hazmat', schoolDayFrom(days, `${year + 1}-01-2${s % 8}`));
      if (s === 0 && year < current) add('reunification', schoolDayFrom(days, `${year}-09-1${s}`), { notes: 'Tabletop with the district office' });
    });
  }
  // One drill recorded after the fact, a week late, with problems found and follow-ups.
  const late = out.drills.find((d) => d.schoolId === hs1.id && d.type === 'lockdown');
  if (late) {
    Object.assign(late, {
      completedAt: at(addDays(late.date, 7)), problemsFound: 'Door B-114 did not latch; the PA was not heard in the gym.',
      afterActionNotes: 'Hall sweep took 3 minutes. Re-train substitutes on the lockdown card.',
      observers: [{ kind: 'law_enforcement', name: 'Riverbend ISD PD' }],
      followUps: [{ task: 'Repair door B-114 latch', owner: 'Facilities', dueOn: addDays(late.date, 14), done: true }, { task: 'Add a gym PA speaker', owner: 'Principal', dueOn: null, done: false }],
    });
  }
  // One scheduled drill ahead.
  out.drills.push({ id: rng.uuid(), districtId, schoolId: hs1.id, type: 'fire_evacuation', status: 'scheduled', date: addDays(today, 3), startTime: '10:00', recordedBy: sro.id });

  // Plans: a district EOP and SRP protocol; an EOP per high school with two versions.
  const plan = (schoolId: string | null, kind: 'eop' | 'protocol', title: string, bodies: string[], reviewedOn: string | null) => {
    const id = rng.uuid();
    const versions = bodies.map((body, i) => ({
      id: rng.uuid(), planId: id, version: i + 1, format: 'text' as const, body, changeSummary: i === 0 ? 'First version' : 'Annual update',
      createdBy: schoolId ? admin.id : director.id, createdAt: at(addDays(today, -400 + i * 300)),
    }));
    out.plans.push({ id, districtId, schoolId, kind, title, currentVersionId: versions.at(-1)!.id });
    out.versions.push(...versions);
    if (reviewedOn) out.reviews.push({ id: rng.uuid(), planId: id, versionId: versions.at(-1)!.id, approvedBy: schoolId ? admin.id : director.id, reviewedOn });
    return versions.at(-1)!.id;
  };
  const srpVersion = plan(null, 'protocol', 'Standard Response Protocol: district procedures', [
    'Every school uses the Standard Response Protocol: Hold, Secure, Lockdown, Evacuate, Shelter. Each action ends with an All Clear.\n\nReunification follows the Standard Reunification Method at the designated site of each school.',
  ], addDays(today, -60));
  plan(null, 'eop', 'District emergency operations plan', ['Basic plan, functional annexes (evacuation, lockdown, shelter, reunification, continuity), hazard annexes (severe weather, hazmat).'], addDays(today, -200));
  for (const school of data.schools.filter((x) => x.level === 'high')) {
    plan(school.id, 'eop', `${school.name} emergency operations plan`, [
      `${school.name}: command post in the main office; alternate in the field house. Evacuation site: stadium.`,
      `${school.name}: command post in the main office; alternate in the field house. Evacuation site: stadium; off-site: First Baptist Church.`,
    ], school.id === hs1.id ? addDays(today, -30) : addDays(today, -380));
  }
  // Most staff of HS1 acknowledged the SRP protocol; the demo staff account has not, so the demo can.
  const hs1People = data.grants.filter((g) => g.schoolId === hs1.id && g.role === 'staff').map((g) => g.userId);
  const demoStaff = userOf('staff@demo.test').id;
  for (const userId of hs1People.filter((u) => u !== demoStaff).slice(0, Math.max(0, hs1People.length - 3))) {
    out.acknowledgements.push({ versionId: srpVersion, userId, acknowledgedAt: at(addDays(today, -20)) });
  }

  // Training: SRP annual training is required of staff; a session at each high school in August.
  const requirementId = rng.uuid();
  out.requirements.push({ id: requirementId, districtId, schoolId: null, topic: 'Standard Response Protocol annual training', roles: ['staff', 'security', 'counselor'], validMonths: 12 });
  for (const school of data.schools.filter((x) => x.level === 'high')) {
    const id = rng.uuid();
    const presenter = data.grants.find((g) => g.schoolId === school.id && g.role === 'sro')?.userId ?? sro.id;
    out.sessions.push({ id, districtId, schoolId: school.id, topic: 'Standard Response Protocol for staff', requirementId, heldOn: addDays(demoCalendar(current).firstDay, -3), durationMinutes: 60, materials: 'SRP poster, lockdown card, slides', presenterId: presenter });
    const staff = data.grants.filter((g) => g.schoolId === school.id && g.role === 'staff' && g.userId !== demoStaff).map((g) => g.userId);
    for (const userId of staff.slice(0, Math.ceil(staff.length * 0.7))) out.attendance.push({ sessionId: id, userId });
  }

  // Certifications of every SRO; the demo SRO's first aid is due in 30 days, another SRO's in-service lapsed.
  const sros = [...new Set(data.grants.filter((g) => g.role === 'sro').map((g) => g.userId))];
  sros.forEach((userId, i) => {
    const cert = (kind: string, name: string, issuedOn: string, expiresOn: string | null, hours: number | null) =>
      out.certifications.push({ id: rng.uuid(), districtId, userId, kind, name, issuedOn, expiresOn, hours, issuer: kind === 'first_aid' ? 'American Red Cross' : 'NASRO', createdBy: userId });
    cert('basic_sro', 'NASRO Basic SRO course', addDays(today, -900 - i * 100), null, 40);
    const firstAidExpires = userId === sro.id ? addDays(today, 30) : addDays(today, 300 + i * 20);
    cert('first_aid', 'First aid / CPR / AED', addDays(firstAidExpires, -730), firstAidExpires, 4);
    const inServiceExpires = i === 1 ? addDays(today, -20) : addDays(today, 200);
    cert('annual_in_service', 'Annual SRO in-service', addDays(inServiceExpires, -365), inServiceExpires, 8);
  });
  return out;
}
