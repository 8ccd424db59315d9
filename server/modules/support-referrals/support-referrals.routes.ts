import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import {
  idParams, listReferralsQuery, referralAcceptBody, referralBody, referralCloseBody, referralDeclineBody, referralListSchema,
  referralNoteBody, referralScheduleBody, referralSchema, referralTargetsQuery, referralTargetsSchema, supportStudentListSchema,
  supportStudentsQuery,
} from './support-referrals.schemas.js';
import * as service from './support-referrals.service.js';

const tags = ['support-referrals'];

/** Support referrals to counselors, mental-health vendors and community programs, until the loop is closed. */
export const supportReferralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/support/students', {
    config: { permission: 'referral.create' },
    schema: {
      tags, operationId: 'findSupportStudents', summary: 'Students of my schools to refer (directory fields only)',
      querystring: supportStudentsQuery, response: { 200: supportStudentListSchema },
    },
  }, async (request) => service.findStudents(contextOf(request), request.query));

  app.get('/support/referral-targets', {
    config: { permission: 'referral.create' },
    schema: {
      tags, operationId: 'getReferralTargets', summary: 'Counselors and directory entries a student of the school can be referred to',
      querystring: referralTargetsQuery, response: { 200: referralTargetsSchema },
    },
  }, async (request) => service.referralTargets(contextOf(request), request.query.schoolId));

  app.post('/support/referrals', {
    config: { permission: 'referral.create' },
    schema: { tags, operationId: 'createSupportReferral', summary: 'Refer a student for support', body: referralBody, response: { 201: referralSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createReferral(contextOf(request), request.body)));

  app.get('/support/referrals', {
    config: { permission: 'referral.read', csv: { list: 'support-referrals', owner: 'counseling' } },
    schema: {
      tags, operationId: 'listSupportReferrals', summary: 'Referrals I made, received or oversee, overdue first (audited)',
      querystring: listReferralsQuery, response: { 200: referralListSchema },
    },
  }, async (request) => service.findReferrals(contextOf(request), request.query));

  app.get('/support/referrals/:id', {
    config: { permission: 'referral.read' },
    schema: {
      tags, operationId: 'getSupportReferral', summary: 'One referral; clinical notes for its handlers only (audited)',
      params: idParams, response: { 200: referralSchema },
    },
  }, async (request) => service.getReferral(contextOf(request), request.params.id));

  const steps = [
    ['accept', 'acceptSupportReferral', 'Accept a pending referral', referralAcceptBody],
    ['decline', 'declineSupportReferral', 'Decline a pending referral with a reason', referralDeclineBody],
    ['schedule', 'scheduleSupportReferral', 'Schedule the first session', referralScheduleBody],
    ['close', 'closeSupportReferral', 'Close the loop with an outcome', referralCloseBody],
  ] as const;
  for (const [kind, operationId, summary, body] of steps) {
    app.post(`/support/referrals/:id/${kind}`, {
      config: { permission: 'referral.manage' },
      schema: { tags, operationId, summary, params: idParams, body, response: { 200: referralSchema } },
    }, async (request) => service.actOnReferral(contextOf(request), request.params.id, { kind, ...request.body } as Parameters<typeof service.actOnReferral>[2]));
  }

  app.post('/support/referrals/:id/notes', {
    config: { permission: 'referral.manage' },
    schema: {
      tags, operationId: 'addSupportReferralNote', summary: 'Clinical note of the receiver', params: idParams, body: referralNoteBody,
      response: { 201: referralSchema },
    },
  }, async (request, reply) => reply.code(201).send(await service.actOnReferral(contextOf(request), request.params.id, { kind: 'note', body: request.body.body })));
};
