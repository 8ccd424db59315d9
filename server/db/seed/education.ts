import { createHash } from 'node:crypto';
import { BUILT_IN_TOPIC_LABELS, STUDENT_QUESTIONS, TEACHER_QUESTIONS, type BuiltInTopic, type ClassStatus } from '../../../common/education.js';
import type {
  activityEntries, educationClasses, educationMaterials, educationSurveyResponses, educationSurveys, educationTopics, outreachEvents,
  recordCounters,
} from '../schema/index.js';
import { addDay, zonedInstant } from './mentoring.js';
import type { DemoData } from './model.js';
import { Rng } from './random.js';

/*
 * Education demo data: class requests of the demo SRO's schools in every status (the demo teacher has one of each),
 * delivered classes with attendance, a handout, the teacher's feedback and student answers, community outreach, a
 * district topic, and the triad log entries of what was taught. A pure function of the demo data and today.
 */

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Everything the education seed inserts, in insertion order. */
export interface EducationSeed {
  topics: Row<typeof educationTopics>[];
  classes: Row<typeof educationClasses>[];
  /** Materials with their content, which goes into the encrypted file store. */
  materials: (Row<typeof educationMaterials> & { content: Buffer })[];
  surveys: Row<typeof educationSurveys>[];
  responses: Row<typeof educationSurveyResponses>[];
  outreach: Row<typeof outreachEvents>[];
  counters: Row<typeof recordCounters>[];
  activity: Row<typeof activityEntries>[];
}

/** A one-page PDF saying `text`, with a correct cross-reference table. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** [status, day offset from today, topic]: delivered in the past, scheduled ahead, requests waiting. */
const PLAN: readonly (readonly [ClassStatus, number, BuiltInTopic])[] = [
  ['delivered', -88, 'bullying_prevention'], ['delivered', -74, 'cyber_safety'], ['delivered', -61, 'drug_awareness'],
  ['delivered', -47, 'personal_safety'], ['delivered', -33, 'conflict_resolution'], ['delivered', -26, 'law_related_education'],
  ['delivered', -19, 'digital_citizenship'], ['delivered', -12, 'college_career_readiness'], ['delivered', -5, 'bullying_prevention'],
  ['scheduled', 6, 'cyber_safety'], ['scheduled', 13, 'drug_awareness'], ['accepted', 20, 'personal_safety'],
  ['requested', 16, 'digital_citizenship'], ['requested', 23, 'conflict_resolution'], ['requested', 30, 'bullying_prevention'],
  ['declined', 9, 'law_related_education'], ['cancelled', 4, 'cyber_safety'],
];
const COMMENTS = ['Students were still talking about it the next day.', 'Great real-life examples.', 'A bit long for 5th graders.', null, null];

/** Generates the education rows of the demo district as of `today`. */
export function generateEducation(data: DemoData, today: string, seed = 20261020): EducationSeed {
  const rng = new Rng(seed);
  const districtId = data.district.id;
  const timezone = data.district.timezone ?? 'America/Chicago';
  const sro = data.users.find((u) => u.email === 'sro@demo.test')!;
  const teacher = data.users.find((u) => u.email === 'staff@demo.test')!;
  const schoolIds = data.grants.filter((g) => g.userId === sro.id && g.schoolId).map((g) => g.schoolId!);
  // Who may ask for a class at a school: its staff, counselors and administrators (education.request).
  const teachersOf = (schoolId: string) => data.grants
    .filter((g) => ['staff', 'counselor', 'school_admin'].includes(g.role) && g.schoolId === schoolId && g.userId !== teacher.id).map((g) => g.userId);
  const school = (id: string) => data.schools.find((s) => s.id === id)!;
  const out: EducationSeed = { topics: [], classes: [], materials: [], surveys: [], responses: [], outreach: [], counters: [], activity: [] };
  out.topics.push({ id: rng.uuid(), districtId, key: 'custom_dating_violence_prevention', name: 'Dating violence prevention' });
  const numbers = new Map<number, number>();
  const log = (kind: 'class' | 'outreach', sourceType: 'education_class' | 'outreach_event', id: string, schoolId: string | null, at: Date,
    minutes: number, title: string, participants: number) => out.activity.push({
    id: rng.uuid(), districtId, schoolId, userId: sro.id, kind, triadRole: 'education', startedAt: at, durationMinutes: minutes, title,
    participants, sourceType, sourceId: id, createdBy: sro.id, createdAt: at, updatedAt: at,
  });

  PLAN.forEach(([status, offset, topic], i) => {
    // The demo teacher (main school) asks for every other class, so their page shows each status.
    const mine = i % 2 === 0 || ['accepted', 'declined', 'cancelled'].includes(status);
    const schoolId = mine || teachersOf(schoolIds[i % schoolIds.length]!).length === 0 ? schoolIds[0]! : schoolIds[i % schoolIds.length]!;
    const others = teachersOf(schoolId);
    const requester = mine || others.length === 0 ? teacher.id : rng.pick(others);
    const level = school(schoolId);
    const gradeLevel = rng.int(Math.max(level.gradeLow ?? 0, 0), level.gradeHigh ?? 12);
    const classSize = rng.int(18, 30);
    const day = addDay(today, offset);
    const requestedAt = zonedInstant(addDay(day, status === 'requested' ? -30 - offset + rng.int(1, 10) : -21), '16:10', timezone);
    const year = requestedAt.getUTCFullYear();
    numbers.set(year, (numbers.get(year) ?? 0) + 1);
    const decided = status !== 'requested';
    const scheduled = status === 'scheduled' || status === 'delivered';
    const startTime = `${String(rng.int(8, 13)).padStart(2, '0')}:${rng.pick(['00', '30'])}`;
    const minutes = rng.pick([45, 50, 50, 60, 90]);
    const startsAt = zonedInstant(day, startTime, timezone);
    const attendance = status === 'delivered' ? classSize - rng.int(0, 4) : null;
    const id = rng.uuid();
    out.classes.push({
      id, districtId, schoolId, year, number: numbers.get(year)!, topic, status, requestedBy: requester,
      preferredDates: [day, addDay(day, 2)], gradeLevel, classSize, requestNotes: rng.chance(0.6) ? 'Any period after lunch works best.' : null,
      instructorId: decided && status !== 'declined' && status !== 'cancelled' ? sro.id : null,
      decisionReason: status === 'declined' ? 'Out for in-service training that week; please pick another date.' : status === 'cancelled' ? 'State testing moved to that day.' : null,
      scheduledDate: scheduled ? day : null, startTime: scheduled ? startTime : null, startsAt: scheduled ? startsAt : null,
      durationMinutes: scheduled ? minutes : null, room: scheduled ? `Room ${rng.int(100, 240)}` : null, attendance,
      gradeLevels: status === 'delivered' ? [gradeLevel] : [], deliveryNotes: status === 'delivered' ? 'Good discussion; handout sent home.' : null,
      deliveredAt: status === 'delivered' ? new Date(startsAt.getTime() + minutes * 60_000) : null,
      createdAt: requestedAt, updatedAt: requestedAt,
    });
    if (status !== 'delivered') return;
    const name = BUILT_IN_TOPIC_LABELS[topic];
    log('class', 'education_class', id, schoolId, startsAt, minutes, `${name} class (${attendance} students reached)`, attendance!);
    const after = new Date(startsAt.getTime() + (minutes + 30) * 60_000);
    if (i % 3 === 0) {
      out.materials.push({
        id: rng.uuid(), classId: id, fileName: `${topic.replace(/_/g, '-')}-handout.pdf`, contentType: 'application/pdf', content: tinyPdf(`${name}: what to do`),
        size: tinyPdf(`${name}: what to do`).length, uploadedBy: sro.id, uploadedAt: after,
      });
    }
    // The teacher's link (only its hash is kept: nobody can answer it again), answered for all but the latest classes.
    const teacherSurvey = rng.uuid();
    const answered = offset < -10;
    out.surveys.push({ id: teacherSurvey, classId: id, kind: 'teacher', tokenHash: createHash('sha256').update(rng.uuid()).digest('hex'), sentAt: after, answeredAt: answered ? addHours(after, 20) : null });
    if (answered) {
      out.responses.push({
        id: rng.uuid(), surveyId: teacherSurvey, classId: id, kind: 'teacher', comment: rng.pick(COMMENTS), createdAt: addHours(after, 20),
        ratings: Object.fromEntries(TEACHER_QUESTIONS.map((q) => [q, rng.weighted([[5, 5], [4, 3], [3, 1]] as const)])),
      });
    }
    if (i % 2 === 1) return;
    const studentSurvey = rng.uuid();
    out.surveys.push({ id: studentSurvey, classId: id, kind: 'student', tokenHash: createHash('sha256').update(rng.uuid()).digest('hex'), sentAt: after, closedAt: addHours(after, 72) });
    for (let r = rng.int(4, Math.min(attendance!, 12)); r > 0; r--) {
      out.responses.push({
        id: rng.uuid(), surveyId: studentSurvey, classId: id, kind: 'student', comment: rng.chance(0.25) ? rng.pick(['Fun!', 'I learned what to do if someone is bullied.', 'More videos please']) : null,
        createdAt: addHours(after, rng.int(1, 48)), ratings: Object.fromEntries(STUDENT_QUESTIONS.map((q) => [q, rng.weighted([[5, 4], [4, 4], [3, 2], [2, 1]] as const)])),
      });
    }
  });
  for (const [year, last] of numbers) out.counters.push({ districtId, kind: 'education', year, lastValue: last });

  const events: readonly [number, string | null, string, string, BuiltInTopic | null, number, number][] = [
    [-80, schoolIds[0]!, 'Parent night: vaping and THC pens', 'parents', 'drug_awareness', 90, 64],
    [-55, schoolIds[1] ?? schoolIds[0]!, 'Family safety night', 'parents', 'personal_safety', 75, 41],
    [-40, null, 'Neighborhood association meeting: school zone traffic', 'community', null, 60, 28],
    [-21, schoolIds[0]!, 'Career day: careers in law enforcement', 'students', 'college_career_readiness', 120, 150],
    [-8, schoolIds[2] ?? schoolIds[0]!, 'PTA talk: keeping kids safe online', 'parents', 'cyber_safety', 45, 33],
  ];
  for (const [offset, schoolId, title, audience, topic, minutes, reached] of events) {
    const at = zonedInstant(addDay(today, offset), '18:30', timezone);
    const id = rng.uuid();
    out.outreach.push({
      id, districtId, schoolId, title, audience, topic, occurredAt: at, durationMinutes: minutes, peopleReached: reached,
      notes: 'Sign-in sheet kept at the front office.', recordedBy: sro.id, createdAt: at, updatedAt: at,
    });
    log('outreach', 'outreach_event', id, schoolId, at, minutes, `Outreach: ${title} (${reached} people reached)`, reached);
  }
  return out;
}

function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}
