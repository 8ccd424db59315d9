import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  hoursQuery, hoursSchema, idParams, listOutreachQuery, materialParams, materialQuery, materialSchema, MAX_MATERIAL_BYTES, outreachBody,
  outreachPageSchema, outreachSchema, publicSurveySchema, surveyLinkSchema, surveyResponseBody, surveyTokenBody, updateOutreachBody,
} from './education.schemas.js';
import * as materials from './education.materials.js';
import { sendNow } from './education.mail.js';
import * as surveys from './education.surveys.js';
import * as outreach from './outreach.service.js';

const tags = ['education'];
const empty = { 204: z.null() };
const publicConfig = { access: 'public' as const };
// Survey tokens travel in the body and these requests are not logged, like the anonymous tip channel.
const quiet = 'error' as const;

/** Materials, feedback surveys (the SRO's side and the public links), community outreach and the hours report. */
export const educationExtraRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/education/classes/:id/materials/:materialId', {
    config: { permission: 'education.read' },
    schema: { tags, operationId: 'getClassMaterial', summary: 'A material of a class (PDF or image)', params: materialParams },
  }, async (request, reply) => {
    const m = await materials.getMaterial(contextOf(request), request.params.id, request.params.materialId);
    return reply.header('content-type', m.contentType).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${encodeURIComponent(m.fileName)}"`).send(m.bytes);
  });

  app.delete('/education/classes/:id/materials/:materialId', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'removeClassMaterial', summary: 'Remove a material from a class', params: materialParams, response: empty },
  }, async (request, reply) => {
    await materials.removeMaterial(contextOf(request), request.params.id, request.params.materialId);
    return reply.code(204).send(null);
  });

  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    for (const type of ['application/pdf', 'image/png', 'image/jpeg']) {
      uploads.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_MATERIAL_BYTES }, (_request, body, done) => done(null, body));
    }
    uploads.put('/education/classes/:id/materials', {
      config: { permission: 'education.manage', uploadTypes: ['application/pdf', 'image/png', 'image/jpeg'] },
      bodyLimit: MAX_MATERIAL_BYTES,
      schema: {
        tags, operationId: 'addClassMaterial', summary: 'Attach a material (raw body: PDF, PNG or JPEG)', params: idParams, querystring: materialQuery,
        response: { 201: materialSchema },
      },
    }, async (request, reply) => reply.code(201).send(await materials.addMaterial(contextOf(request), request.params.id, request.body as Buffer, request.query.fileName)));
  });

  app.post('/education/classes/:id/feedback-link', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'resendTeacherSurvey', summary: 'Mail the requesting teacher a new feedback link (the old one stops working)', params: idParams, response: empty },
  }, async (request, reply) => {
    await surveys.resendTeacherLink(contextOf(request), request.params.id, app.deps.config.publicUrl);
    await sendNow(app);
    return reply.code(204).send(null);
  });

  app.post('/education/classes/:id/student-survey', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'openStudentSurvey', summary: 'Open the anonymous student survey link (shown once; replaces an open one)', params: idParams, response: { 201: surveyLinkSchema } },
  }, async (request, reply) => reply.code(201).send(await surveys.openStudentSurvey(contextOf(request), request.params.id, app.deps.config.publicUrl)));

  app.delete('/education/classes/:id/student-survey', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'closeStudentSurvey', summary: 'Close the student survey link', params: idParams, response: empty },
  }, async (request, reply) => {
    await surveys.closeStudentSurvey(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/public/education/surveys/open', {
    config: publicConfig, logLevel: quiet,
    schema: { tags, operationId: 'openPublicSurvey', summary: 'The questions of a feedback survey link (no sign-in)', body: surveyTokenBody, response: { 200: publicSurveySchema } },
  }, async (request) => surveys.getPublicSurvey(app.deps.database.db, request.body.token));

  app.post('/public/education/surveys/answer', {
    config: publicConfig, logLevel: quiet,
    schema: { tags, operationId: 'answerPublicSurvey', summary: 'Answer a feedback survey (teacher link: once)', body: surveyResponseBody, response: empty },
  }, async (request, reply) => {
    await surveys.answerSurvey({ db: app.deps.database.db, clock: app.deps.clock }, request.body);
    return reply.code(204).send(null);
  });

  app.get('/education/outreach', {
    config: { permission: 'education.read', csv: { list: 'outreach', owner: 'operational' } },
    schema: { tags, operationId: 'listOutreach', summary: 'Community outreach events of my schools and the district', querystring: listOutreachQuery, response: { 200: outreachPageSchema } },
  }, async (request) => outreach.findOutreach(contextOf(request), request.query));

  app.post('/education/outreach', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'createOutreach', summary: 'Record a community outreach event', body: outreachBody, response: { 201: outreachSchema } },
  }, async (request, reply) => reply.code(201).send(await outreach.createOutreach(contextOf(request), request.body)));

  app.patch('/education/outreach/:id', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'updateOutreach', summary: 'Change an outreach event', params: idParams, body: updateOutreachBody, response: { 200: outreachSchema } },
  }, async (request) => outreach.updateOutreach(contextOf(request), request.params.id, request.body));

  app.delete('/education/outreach/:id', {
    config: { permission: 'education.manage' },
    schema: { tags, operationId: 'deleteOutreach', summary: 'Delete an outreach event', params: idParams, response: empty },
  }, async (request, reply) => {
    await outreach.deleteOutreach(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/education/hours', {
    config: { permission: 'education.read' },
    schema: { tags, operationId: 'educationHours', summary: 'Hours of classes and outreach per topic, school and month', querystring: hoursQuery, response: { 200: hoursSchema } },
  }, async (request) => outreach.hoursReport(contextOf(request), request.query));
};
