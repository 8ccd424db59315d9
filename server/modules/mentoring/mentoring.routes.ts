import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  contactBody, contactPageSchema, contactSchema, idParams, listContactsQuery, listMediationsQuery, mediationBody, mediationPageSchema,
  mediationSchema, mentoringStudentsQuery, mentoringStudentsSchema, updateContactBody, updateMediationBody,
} from './mentoring.schemas.js';
import * as service from './mentoring.service.js';

const tags = ['mentoring'];

/** Mentoring and informal counseling contacts and conflict mediations: private notes stay with their author. */
export const mentoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/mentoring/students', {
    config: { permission: 'support.log' },
    schema: {
      tags, operationId: 'lookupMentoringStudents', summary: 'Roster students of a school I serve, by name or number (directory fields only)',
      querystring: mentoringStudentsQuery, response: { 200: mentoringStudentsSchema },
    },
  }, async (request) => service.lookupStudents(contextOf(request), request.query));

  app.get('/mentoring/contacts', {
    config: { permission: 'support.read', csv: { list: 'mentoring-contacts', owner: 'counseling', omit: ['note', 'mine'] } },
    schema: { tags, operationId: 'listMentoringContacts', summary: 'Contacts at my schools (date, topic, duration; no notes)', querystring: listContactsQuery, response: { 200: contactPageSchema } },
  }, async (request) => service.findContacts(contextOf(request), request.query));

  app.post('/mentoring/contacts', {
    config: { permission: 'support.log' },
    schema: { tags, operationId: 'createMentoringContact', summary: 'Record a mentoring or informal counseling contact', body: contactBody, response: { 201: contactSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createContact(contextOf(request), request.body)));

  app.get('/mentoring/contacts/:id', {
    config: { permission: 'support.read' },
    schema: { tags, operationId: 'getMentoringContact', summary: 'One contact; the private note to its author only (audited)', params: idParams, response: { 200: contactSchema } },
  }, async (request) => service.getContact(contextOf(request), request.params.id));

  app.patch('/mentoring/contacts/:id', {
    config: { permission: 'support.log' },
    schema: { tags, operationId: 'updateMentoringContact', summary: 'Change my contact', params: idParams, body: updateContactBody, response: { 200: contactSchema } },
  }, async (request) => service.updateContact(contextOf(request), request.params.id, request.body));

  app.delete('/mentoring/contacts/:id', {
    config: { permission: 'support.log' },
    schema: { tags, operationId: 'deleteMentoringContact', summary: 'Delete my contact (and its activity log entry)', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.deleteContact(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/mentoring/mediations', {
    config: { permission: 'support.read', csv: { list: 'mediations', owner: 'counseling', omit: ['note', 'mine'] } },
    schema: { tags, operationId: 'listMediations', summary: 'Conflict mediations at my schools (no notes)', querystring: listMediationsQuery, response: { 200: mediationPageSchema } },
  }, async (request) => service.findMediations(contextOf(request), request.query));

  app.post('/mentoring/mediations', {
    config: { permission: 'support.log' },
    schema: { tags, operationId: 'createMediation', summary: 'Record a conflict mediation', body: mediationBody, response: { 201: mediationSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createMediation(contextOf(request), request.body)));

  app.get('/mentoring/mediations/:id', {
    config: { permission: 'support.read' },
    schema: { tags, operationId: 'getMediation', summary: 'One mediation; the private note to its author only (audited)', params: idParams, response: { 200: mediationSchema } },
  }, async (request) => service.getMediation(contextOf(request), request.params.id));

  app.patch('/mentoring/mediations/:id', {
    config: { permission: 'support.log' },
    schema: { tags, operationId: 'updateMediation', summary: 'Change my mediation (outcome, follow-up, parties, note)', params: idParams, body: updateMediationBody, response: { 200: mediationSchema } },
  }, async (request) => service.updateMediation(contextOf(request), request.params.id, request.body));

  app.delete('/mentoring/mediations/:id', {
    config: { permission: 'support.log' },
    schema: { tags, operationId: 'deleteMediation', summary: 'Delete my mediation (and its activity log entry)', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.deleteMediation(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });
};
