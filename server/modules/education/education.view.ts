import type { EducationClass, EducationClassDetail, FeedbackSummary, SurveyKind, Topic } from '../../../common/education.js';
import type { Db } from '../../db/connection.js';
import { questionsOf, topicName } from './education.policy.js';
import * as repo from './education.repository.js';
import * as surveys from './surveys.repository.js';

// How classes are shown: the list item, and the detail with its materials and feedback.

/** The number of a class as people say it: EDU-2026-0007. */
export const classNumber = (year: number, n: number) => `EDU-${year}-${String(n).padStart(4, '0')}`;

/** A class row as the contract shows it. */
export function toClass(row: repo.ClassRow, topics: Topic[]): EducationClass {
  const c = row.c;
  return {
    id: c.id, number: classNumber(c.year, c.number), schoolId: c.schoolId, schoolName: row.schoolName, topic: c.topic, topicName: topicName(topics, c.topic)!,
    status: c.status as EducationClass['status'], requestedBy: { id: c.requestedBy, name: row.requesterName, email: row.requesterEmail },
    preferredDates: c.preferredDates, gradeLevel: c.gradeLevel, classSize: c.classSize, requestNotes: c.requestNotes,
    instructor: c.instructorId ? { id: c.instructorId, name: row.instructorName ?? '' } : null, decisionReason: c.decisionReason,
    scheduledDate: c.scheduledDate, startTime: c.startTime, durationMinutes: c.durationMinutes, room: c.room, attendance: c.attendance,
    gradeLevels: c.gradeLevels, deliveryNotes: c.deliveryNotes, deliveredAt: c.deliveredAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

/** Average rating per question of the answers of one kind, two decimals. */
function averages(kind: SurveyKind, answers: { ratings: Record<string, number> }[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (answers.length === 0) return out;
  for (const { key } of questionsOf(kind)) {
    out[key] = Math.round((answers.reduce((sum, a) => sum + (a.ratings[key] ?? 0), 0) / answers.length) * 100) / 100;
  }
  return out;
}

/** The feedback of a class: the teacher's link and answer, and the students' answers summed up. */
export async function feedbackOf(db: Db, classId: string): Promise<FeedbackSummary> {
  const [links, answers] = await Promise.all([surveys.findSurveys(db, classId), surveys.findResponses(db, classId)]);
  const teacherLink = links.find((l) => l.kind === 'teacher');
  const teacherAnswer = answers.find((a) => a.kind === 'teacher');
  const students = answers.filter((a) => a.kind === 'student');
  return {
    teacher: {
      sentAt: teacherLink?.sentAt.toISOString() ?? null,
      answeredAt: links.find((l) => l.kind === 'teacher' && l.answeredAt)?.answeredAt?.toISOString() ?? null,
      ratings: teacherAnswer?.ratings ?? null,
      comment: teacherAnswer?.comment ?? null,
    },
    students: {
      open: links.some((l) => l.kind === 'student' && !l.closedAt),
      responses: students.length,
      averages: averages('student', students),
      comments: students.flatMap((a) => (a.comment ? [a.comment] : [])).slice(0, 50),
    },
  };
}

/** A class with its materials and feedback. */
export async function toDetail(db: Db, row: repo.ClassRow, topics: Topic[]): Promise<EducationClassDetail> {
  const [materials, feedback] = await Promise.all([repo.findMaterials(db, [row.c.id]), feedbackOf(db, row.c.id)]);
  return {
    ...toClass(row, topics),
    materials: materials.map(({ m, uploaderName }) => ({
      id: m.id, fileName: m.fileName, contentType: m.contentType, size: m.size, uploadedBy: { id: m.uploadedBy, name: uploaderName },
      uploadedAt: m.uploadedAt.toISOString(),
    })),
    feedback,
  };
}
