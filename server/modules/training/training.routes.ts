import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  attendanceBody, idParams, listTrainingsQuery, missingQuery, missingTrainingSchema, personTrainingSchema, requirementBody, trainingBody,
  trainingRequirementSchema, trainingSessionDetailSchema, trainingSessionSchema, updateRequirementBody, updateTrainingBody,
} from './training.schemas.js';
import * as service from './training.service.js';

const tags = ['training'];

/** Staff training sessions, attendance and required trainings. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/trainings', {
    config: { permission: 'training.manage', csv: { list: 'trainings', owner: 'operational' } },
    schema: { tags, operationId: 'listTrainings', summary: 'Training sessions at my schools and the district', querystring: listTrainingsQuery, response: { 200: z.object({ items: z.array(trainingSessionSchema) }) } },
  }, async (request) => ({ items: await service.findSessions(contextOf(request), request.query) }));

  app.post('/trainings', {
    config: { permission: 'training.manage' },
    schema: { tags, operationId: 'createTraining', summary: 'Record a training session', body: trainingBody, response: { 201: trainingSessionDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createSession(contextOf(request), request.body)));

  app.get('/trainings/mine', {
    config: { permission: 'training.read' },
    schema: { tags, operationId: 'listMyTrainings', summary: 'My completed trainings', response: { 200: z.object({ items: z.array(personTrainingSchema) }) } },
  }, async (request) => ({ items: await service.findMine(contextOf(request)) }));

  app.get('/trainings/:id', {
    config: { permission: 'training.manage' },
    schema: { tags, operationId: 'getTraining', summary: 'One session with attendance', params: idParams, response: { 200: trainingSessionDetailSchema } },
  }, async (request) => service.getSession(contextOf(request), request.params.id));

  app.patch('/trainings/:id', {
    config: { permission: 'training.manage' },
    schema: { tags, operationId: 'updateTraining', summary: 'Change a session', params: idParams, body: updateTrainingBody, response: { 200: trainingSessionDetailSchema } },
  }, async (request) => service.updateSession(contextOf(request), request.params.id, request.body));

  app.put('/trainings/:id/attendance', {
    config: { permission: 'training.manage' },
    schema: { tags, operationId: 'setTrainingAttendance', summary: 'Replace the attendance list', params: idParams, body: attendanceBody, response: { 200: trainingSessionDetailSchema } },
  }, async (request) => service.setAttendance(contextOf(request), request.params.id, request.body.userIds));

  app.get('/training-requirements', {
    config: { permission: 'training.read' },
    schema: { tags, operationId: 'listTrainingRequirements', summary: 'Required trainings at my schools', response: { 200: z.object({ items: z.array(trainingRequirementSchema) }) } },
  }, async (request) => ({ items: await service.findRequirements(contextOf(request)) }));

  app.post('/training-requirements', {
    config: { permission: 'training.manage' },
    schema: { tags, operationId: 'createTrainingRequirement', summary: 'Define a required training', body: requirementBody, response: { 201: trainingRequirementSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createRequirement(contextOf(request), request.body)));

  app.patch('/training-requirements/:id', {
    config: { permission: 'training.manage' },
    schema: { tags, operationId: 'updateTrainingRequirement', summary: 'Change or retire a required training', params: idParams, body: updateRequirementBody, response: { 200: trainingRequirementSchema } },
  }, async (request) => service.updateRequirement(contextOf(request), request.params.id, request.body));

  app.get('/training-requirements/missing', {
    config: { permission: 'training.manage', csv: { list: 'missing-trainings', owner: 'operational' } },
    schema: { tags, operationId: 'listMissingTrainings', summary: 'Who is missing a required training', querystring: missingQuery, response: { 200: z.object({ items: z.array(missingTrainingSchema) }) } },
  }, async (request) => ({ items: await service.findMissing(contextOf(request), request.query.schoolId) }));
};
