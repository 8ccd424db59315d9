import { createHash, randomBytes } from 'node:crypto';
import {
  BUILT_IN_TOPIC_LABELS, BUILT_IN_TOPICS, STUDENT_QUESTION_LABELS, STUDENT_QUESTIONS, TEACHER_QUESTION_LABELS, TEACHER_QUESTIONS,
  type ClassStatus, type SurveyKind, type Topic,
} from '../../../common/education.js';
import { AppError } from '../../lib/errors.js';

// Pure rules of education programs: the topic catalogue, the life of a class, survey tokens and answers.

/** The built-in catalogue followed by the district's own topics. */
export function catalogue(districtTopics: { key: string; name: string; active: boolean }[]): Topic[] {
  return [
    ...BUILT_IN_TOPICS.map((key) => ({ key, name: BUILT_IN_TOPIC_LABELS[key], builtIn: true, active: true })),
    ...districtTopics.map((t) => ({ key: t.key, name: t.name, builtIn: false, active: t.active })),
  ];
}

/** The name of a topic key; an unknown key (never expected) shows as itself. */
export function topicName(topics: Topic[], key: string | null): string | null {
  if (key === null) return null;
  return topics.find((t) => t.key === key)?.name ?? key;
}

/** 400 naming `field` unless the key is an active topic of the catalogue. */
export function requireActiveTopic(topics: Topic[], key: string, field = 'topic'): void {
  if (!topics.some((t) => t.key === key && t.active)) {
    throw new AppError('validation_failed', `${field}: must be an active topic of the catalogue`, { field });
  }
}

/** The key of a district topic: `custom_` and its name in lower case with underscores. */
export function customTopicKey(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 50);
  if (!slug) throw new AppError('validation_failed', 'name: must contain letters or digits', { field: 'name' });
  return `custom_${slug}`;
}

/** The statuses each step of a class starts from. */
export const STEP_FROM: Record<'accept' | 'decline' | 'schedule' | 'cancel' | 'deliver' | 'edit', readonly ClassStatus[]> = {
  accept: ['requested'],
  decline: ['requested'],
  schedule: ['accepted', 'scheduled'],
  cancel: ['requested', 'accepted', 'scheduled'],
  // A delivered class may be recorded again to correct attendance or notes.
  deliver: ['scheduled', 'delivered'],
  edit: ['requested'],
};

const STEP_VERB: Record<keyof typeof STEP_FROM, string> = {
  accept: 'accepted', decline: 'declined', schedule: 'scheduled', cancel: 'cancelled', deliver: 'recorded as delivered', edit: 'changed',
};

/** 409 unless the class is in a status the step starts from. */
export function requireStep(step: keyof typeof STEP_FROM, status: string): void {
  if (!STEP_FROM[step].includes(status as ClassStatus)) {
    throw new AppError('conflict', `status: a ${status} class cannot be ${STEP_VERB[step]}`, { field: 'status' });
  }
}

/** Attendance may not exceed the size of the class the teacher asked for: 400 naming `attendance`. */
export function requireAttendance(attendance: number, classSize: number): void {
  if (attendance > classSize) {
    throw new AppError('validation_failed', `attendance: must not exceed the class size of ${classSize}`, { field: 'attendance' });
  }
}

/** A new survey token (URL-safe, 256 bits) and the hash kept of it. */
export function newSurveyToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: surveyTokenHash(token) };
}

/** The SHA-256 kept of a survey token: the token itself is never stored. */
export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The link of a survey. */
export function surveyUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/survey/${token}`;
}

/** The questions of a survey kind with their labels. */
export function questionsOf(kind: SurveyKind): { key: string; label: string }[] {
  return kind === 'teacher'
    ? TEACHER_QUESTIONS.map((key) => ({ key, label: TEACHER_QUESTION_LABELS[key] }))
    : STUDENT_QUESTIONS.map((key) => ({ key, label: STUDENT_QUESTION_LABELS[key] }));
}

/** 400 naming `ratings` unless every question of the kind, and nothing else, is rated. */
export function requireRatings(kind: SurveyKind, ratings: Record<string, number>): void {
  const keys = questionsOf(kind).map((q) => q.key);
  const given = Object.keys(ratings);
  if (given.length !== keys.length || !keys.every((k) => given.includes(k))) {
    throw new AppError('validation_failed', `ratings: rate each of ${keys.join(', ')}`, { field: 'ratings' });
  }
}

/** The e-mail inviting the requesting teacher to rate a delivered class. */
export function feedbackMail(teacher: { name: string }, c: { topicName: string; schoolName: string; date: string }, url: string) {
  return {
    subject: `How did the ${c.topicName} class go?`,
    body: [
      `Hello ${teacher.name},`, '',
      `Your school resource officer taught ${c.topicName} at ${c.schoolName} on ${c.date}.`,
      'Please take a minute to rate the class (5 questions, no sign-in needed; the link works once):', '', url, '',
      'Thank you.',
    ].join('\n'),
  };
}

/** Minutes as hours with two decimals. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
