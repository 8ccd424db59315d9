import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import {
  acceptBody, cancelBody, classDetailSchema, classPageSchema, classRequestBody, declineBody, deliveryBody, idParams, listClassesQuery,
  scheduleBody, topicBody, topicListSchema, topicParams, topicSchema, updateClassRequestBody, updateTopicBody,
} from './education.schemas.js';
import { sendNow } from './education.mail.js';
import * as service from './education.service.js';
import { educationExtraRoutes } from './education.extra.routes.js';

const tags = ['education'];

/** Education programs: the topic catalogue, teachers' class requests, the SRO's scheduling and delivery. */
export const educationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/education/topics', {
    config: { permission: 'district.read' },
    schema: { tags, operationId: 'listEducationTopics', summary: 'The topic catalogue: built-in topics and the district\'s own', response: { 200: topicListSchema } },
  }, async (request) => service.findTopics(contextOf(request)));

  app.post('/education/topics', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'addEducationTopic', summary: 'Add a district topic (district-wide grant)', body: topicBody, response: { 201: topicSchema } },
  }, async (request, reply) => reply.code(201).send(await service.addTopic(contextOf(request), request.body)));

  app.patch('/education/topics/:key', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'updateEducationTopic', summary: 'Rename, retire or restore a district topic', params: topicParams, body: updateTopicBody, response: { 200: topicSchema } },
  }, async (request) => service.updateTopic(contextOf(request), request.params.key, request.body));

  app.get('/education/my-requests', {
    config: { permission: 'education.request' },
    schema: { tags, operationId: 'listMyClassRequests', summary: 'Class requests I made', querystring: listClassesQuery, response: { 200: classPageSchema } },
  }, async (request) => service.findMyRequests(contextOf(request), request.query));

  app.post('/education/my-requests', {
    config: { permission: 'education.request' },
    schema: { tags, operationId: 'requestClass', summary: 'Ask the SRO of my school for a class', body: classRequestBody, response: { 201: classDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createRequest(contextOf(request), request.body)));

  app.get('/education/my-requests/:id', {
    config: { permission: 'education.request' },
    schema: { tags, operationId: 'getMyClassRequest', summary: 'One of my class requests', params: idParams, response: { 200: classDetailSchema } },
  }, async (request) => service.getMyRequest(contextOf(request), request.params.id));

  app.patch('/education/my-requests/:id', {
    config: { permission: 'education.request' },
    schema: { tags, operationId: 'updateMyClassRequest', summary: 'Change my request while it waits', params: idParams, body: updateClassRequestBody, response: { 200: classDetailSchema } },
  }, async (request) => service.updateMyRequest(contextOf(request), request.params.id, request.body));

  app.post('/education/my-requests/:id/cancel', {
    config: { permission: 'education.request' },
    schema: { tags, operationId: 'cancelMyClassRequest', summary: 'Withdraw my request', params: idParams, body: cancelBody, response: { 200: classDetailSchema } },
  }, async (request) => service.cancelMyRequest(contextOf(request), request.params.id, request.body));

  app.get('/education/classes', {
    config: { permission: 'education.read', csv: { list: 'classes', owner: 'operational' } },
    schema: { tags, operationId: 'listClasses', summary: 'Class requests and classes of my schools', querystring: listClassesQuery, response: { 200: classPageSchema } },
  }, async (request) => service.findClasses(contextOf(request), request.query));

  app.get('/education/classes/:id', {
    config: { permission: 'education.read' },
    schema: { tags, operationId: 'getClass', summary: 'A class with its materials and feedback', params: idParams, response: { 200: classDetailSchema } },
  }, async (request) => service.getClass(contextOf(request), request.params.id));

  app.post('/education/classes/:id/accept', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'acceptClass', summary: 'Accept a request (optionally scheduling it)', params: idParams, body: acceptBody, response: { 200: classDetailSchema } },
  }, async (request) => service.acceptClass(contextOf(request), request.params.id, request.body));

  app.post('/education/classes/:id/decline', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'declineClass', summary: 'Decline a request, saying why', params: idParams, body: declineBody, response: { 200: classDetailSchema } },
  }, async (request) => service.declineClass(contextOf(request), request.params.id, request.body));

  app.post('/education/classes/:id/schedule', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'scheduleClass', summary: 'Schedule or reschedule an accepted class', params: idParams, body: scheduleBody, response: { 200: classDetailSchema } },
  }, async (request) => service.scheduleClass(contextOf(request), request.params.id, request.body));

  app.post('/education/classes/:id/cancel', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'cancelClass', summary: 'Cancel a class not yet delivered', params: idParams, body: cancelBody, response: { 200: classDetailSchema } },
  }, async (request) => service.cancelClass(contextOf(request), request.params.id, request.body));

  app.post('/education/classes/:id/delivery', {
    config: { permission: 'education.manage' },
    schema: {
      tags, operationId: 'recordClassDelivery', summary: 'Record that the class was taught (attendance up to the class size); mails the teacher\'s survey link',
      params: idParams, body: deliveryBody, response: { 200: classDetailSchema },
    },
  }, async (request) => {
    const answer = await service.deliverClass(contextOf(request), request.params.id, request.body, app.deps.config.publicUrl);
    await sendNow(app);
    return answer;
  });

  await app.register(educationExtraRoutes);
};
