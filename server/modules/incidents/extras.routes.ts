import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import * as service from './extras.service.js';
import {
  attachmentQuery, attachmentSchema, idParams, listReferralsQuery, listTasksQuery, referralBody, referralSchema, taskBody, taskSchema,
  readReasonQuery, updateReferralBody, updateTaskBody,
} from './incidents.schemas.js';

const tags = ['incidents'];
const referralPage = z.object({ items: z.array(referralSchema) });

/** Evidence, referrals to the school and follow-up tasks of incidents. */
export const extraRoutes: FastifyPluginAsyncZod = async (app) => {
  // Evidence arrives as raw bytes of any type; the type is sniffed from the bytes, never trusted from the header.
  await app.register(async (plain) => {
    const uploads = plain.withTypeProvider<ZodTypeProvider>();
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    uploads.post('/incidents/:id/attachments', {
      config: { permission: 'incident.create' },
      schema: {
        tags, operationId: 'addIncidentAttachment', summary: 'Attach evidence (image, PDF, audio, video) as the raw request body',
        params: idParams, querystring: attachmentQuery, response: { 201: attachmentSchema },
      },
    }, async (request, reply) => {
      const added = await service.addAttachment(contextOf(request), request.params.id, request.query, request.body as Readable);
      return reply.code(201).send(added);
    });
  });

  app.get('/incident-attachments/:id/content', {
    config: { permission: 'incident.narrative.read' },
    schema: { tags, operationId: 'getIncidentAttachment', summary: 'The evidence file (audited); of a juvenile record only with a stated reason', params: idParams, querystring: readReasonQuery },
  }, async (request, reply) => {
    const { stream, size, attachment } = await service.openAttachment(contextOf(request), request.server.deps.config.dataDir, request.params.id, request.query);
    return reply.header('content-type', attachment.mediaType).header('content-length', String(size))
      .header('content-disposition', `attachment; filename="${encodeURIComponent(attachment.fileName)}"`)
      .header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(stream);
  });

  app.post('/incidents/:id/referrals', {
    config: { permission: 'incident.refer' },
    schema: { tags, operationId: 'referIncident', summary: 'Refer to school administration or counseling, sharing a chosen summary', params: idParams, body: referralBody, response: { 201: referralSchema } },
  }, async (request, reply) => reply.code(201).send(await service.referIncident(contextOf(request), request.params.id, request.body)));

  for (const [kind, path, permission] of [['administration', 'discipline-referrals', 'discipline.receive'], ['counseling', 'counseling-referrals', 'counseling.receive']] as const) {
    const noun = kind === 'administration' ? 'Discipline' : 'Counseling';
    app.get(`/${path}`, {
      // A discipline referral shared with administration is part of the student's education record.
      config: { permission, csv: { list: path, owner: kind === 'administration' ? 'education' : 'counseling' } },
      schema: { tags, operationId: `list${noun}Referrals`, summary: `Referrals to ${kind} at my schools (what they share only; audited)`, querystring: listReferralsQuery, response: { 200: referralPage } },
    }, async (request) => service.findReferrals(contextOf(request), kind, request.query));

    app.patch(`/${path}/:id`, {
      config: { permission },
      schema: { tags, operationId: `update${noun}Referral`, summary: 'Acknowledge or close a referral', params: idParams, body: updateReferralBody, response: { 200: referralSchema } },
    }, async (request) => service.updateReferral(contextOf(request), kind, request.params.id, request.body));
  }

  app.post('/incidents/:id/tasks', {
    config: { permission: 'incident.create' },
    schema: { tags, operationId: 'createIncidentTask', summary: 'Add a follow-up task', params: idParams, body: taskBody, response: { 201: taskSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createTask(contextOf(request), request.params.id, request.body)));

  app.get('/incident-tasks', {
    config: { permission: 'incident.read', csv: { list: 'incident-tasks', owner: 'law_enforcement' } },
    schema: { tags, operationId: 'listIncidentTasks', summary: 'Tasks and notification deadlines, due first, with clocks', querystring: listTasksQuery, response: { 200: z.object({ items: z.array(taskSchema) }) } },
  }, async (request) => service.findTasks(contextOf(request), request.query));

  app.patch('/incident-tasks/:id', {
    config: { permission: 'incident.create' },
    schema: { tags, operationId: 'updateIncidentTask', summary: 'Change or complete a task', params: idParams, body: updateTaskBody, response: { 200: taskSchema } },
  }, async (request) => service.updateTask(contextOf(request), request.params.id, request.body));
};
