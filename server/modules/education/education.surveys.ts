import type { PublicSurvey, SurveyKind, SurveyResponseBody } from '../../../common/education.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { queueMail } from '../outbox/outbox.service.js';
import { managedClass } from './education.access.js';
import { catalogue, feedbackMail, newSurveyToken, questionsOf, requireRatings, surveyTokenHash, surveyUrl, topicName } from './education.policy.js';
import * as repo from './education.repository.js';
import * as surveys from './surveys.repository.js';

// Feedback surveys: the requesting teacher's link (mailed, answered once) and the students' anonymous link (shown to
// the SRO, answered by at most as many students as attended). Tokens are kept only as hashes.

/** What the teacher's survey mail needs. */
export interface TeacherSurvey {
  classId: string; teacher: { name: string; email: string }; topicName: string; schoolName: string; date: string;
}

/** Opens a new teacher link (closing an unanswered older one) and queues its mail, inside the caller's transaction. */
export async function sendTeacherSurvey(tx: Db, ctx: ServiceContext, s: TeacherSurvey, publicUrl: string): Promise<void> {
  const now = ctx.clock.now();
  await surveys.closeOpen(tx, s.classId, 'teacher', now);
  const { token, hash } = newSurveyToken();
  await surveys.insertSurvey(tx, { classId: s.classId, kind: 'teacher', tokenHash: hash, sentAt: now });
  const mail = feedbackMail(s.teacher, s, surveyUrl(publicUrl, token));
  await queueMail(tx, ctx.clock, [{ districtId: ctx.actor.districtId, to: s.teacher.email, subject: mail.subject, body: mail.body, kind: 'education.feedback' }]);
  await writeAudit(tx, whoOf(ctx), { type: 'education.survey_sent', subjectType: 'education_class', subjectId: s.classId, detail: { kind: 'teacher' } });
}

async function deliveredClass(ctx: ServiceContext, id: string) {
  const row = await managedClass(ctx, id);
  if (row.c.status !== 'delivered') throw new AppError('conflict', 'status: surveys open once the class is delivered', { field: 'status' });
  return row;
}

/** Mails the teacher a new link when they have not answered yet (the old link stops working). */
export async function resendTeacherLink(ctx: ServiceContext, id: string, publicUrl: string) {
  const row = await deliveredClass(ctx, id);
  if ((await surveys.findSurveys(ctx.db, id)).some((s) => s.kind === 'teacher' && s.answeredAt)) {
    throw new AppError('conflict', 'status: the teacher has already answered', { field: 'status' });
  }
  const topics = catalogue(await repo.findTopics(ctx.db, ctx.actor.districtId));
  await ctx.db.transaction((tx) => sendTeacherSurvey(tx, ctx, {
    classId: id, teacher: { name: row.requesterName, email: row.requesterEmail }, topicName: topicName(topics, row.c.topic)!,
    schoolName: row.schoolName, date: row.c.scheduledDate!,
  }, publicUrl));
}

/** Opens the anonymous student link of a delivered class (replacing an open one); the link is shown once. */
export async function openStudentSurvey(ctx: ServiceContext, id: string, publicUrl: string) {
  await deliveredClass(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await surveys.closeOpen(tx, id, 'student', now);
    const { token, hash } = newSurveyToken();
    await surveys.insertSurvey(tx, { classId: id, kind: 'student', tokenHash: hash, sentAt: now });
    await writeAudit(tx, whoOf(ctx), { type: 'education.survey_sent', subjectType: 'education_class', subjectId: id, detail: { kind: 'student' } });
    return { url: surveyUrl(publicUrl, token), token };
  });
}

/** Closes the student link of a class. */
export async function closeStudentSurvey(ctx: ServiceContext, id: string) {
  await managedClass(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const closed = await surveys.closeOpen(tx, id, 'student', ctx.clock.now());
    if (closed === 0) throw notFound('Open student survey');
    await writeAudit(tx, whoOf(ctx), { type: 'education.survey_closed', subjectType: 'education_class', subjectId: id });
  });
}

/** The survey a token opens; a closed or unknown token reads as not found. */
async function surveyOf(db: Db, token: string) {
  const row = await surveys.findByTokenHash(db, surveyTokenHash(token));
  if (!row || row.s.closedAt) throw notFound('Survey');
  return row;
}

/** The questions of a survey link (no session). */
export async function getPublicSurvey(db: Db, token: string): Promise<PublicSurvey> {
  const row = await surveyOf(db, token);
  const kind = row.s.kind as SurveyKind;
  const topics = catalogue(await repo.findTopics(db, row.districtId));
  return {
    kind, topicName: topicName(topics, row.topic)!, schoolName: row.schoolName, deliveredOn: row.scheduledDate, questions: questionsOf(kind),
    answered: kind === 'teacher' && row.s.answeredAt !== null,
  };
}

/**
 * Records an answer to a survey link (no session): the teacher's link once (409 after), the students' link at most as
 * often as students attended. Nothing about the person answering is kept.
 */
export async function answerSurvey(deps: { db: Db; clock: Clock }, body: SurveyResponseBody): Promise<void> {
  const row = await surveyOf(deps.db, body.token);
  const kind = row.s.kind as SurveyKind;
  requireRatings(kind, body.ratings);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (kind === 'teacher') {
      if (!(await surveys.claimAnswer(tx, row.s.id, now))) throw new AppError('conflict', 'This survey link has already been answered');
    } else {
      await surveys.lockClass(tx, row.s.classId);
      if ((await surveys.countResponses(tx, row.s.classId, 'student')) >= Math.max(row.attendance ?? 0, 1)) {
        throw new AppError('conflict', 'This class has as many answers as it had students');
      }
    }
    await surveys.insertResponse(tx, { surveyId: row.s.id, classId: row.s.classId, kind, ratings: body.ratings, comment: body.comment ?? null, createdAt: now });
    await writeAudit(tx, { label: `${kind} survey`, districtId: row.districtId, at: now }, {
      type: 'education.survey_answered', subjectType: 'education_class', subjectId: row.s.classId, schoolId: row.schoolId, detail: { kind },
    });
  });
}
