import { pdfDisposition } from '../../lib/pdf.js';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { assessmentPdf } from './assessments.pdf.js';
import {
  assessmentBody, assessmentDetailSchema, assessmentItemSchema, assessmentItemUpdateBody, assessmentSchema, assessmentUpdateBody,
  compareQuery, comparisonSchema, completeAssessmentBody, findingBody, findingSchema, findingUpdateBody, idParams, itemParams,
  listAssessmentsQuery, listFindingsQuery, listTemplateQuery, MAX_PHOTO_BYTES, photoQuery, photoSchema, templateItemBody,
  templateItemSchema, templateItemUpdateBody,
} from './assessments.schemas.js';
import * as service from './assessments.service.js';
import * as findings from './findings.service.js';

const tags = ['assessments'];
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** Campus security assessments: district template, assessments, ratings, photos, findings, comparison and report. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/assessment-template', {
    config: { permission: 'assessment.read' },
    schema: { tags, operationId: 'listAssessmentTemplate', summary: 'The district template of measures', querystring: listTemplateQuery, response: { 200: items(templateItemSchema) } },
  }, async (request) => ({ items: await service.findTemplate(contextOf(request), request.query.active) }));

  app.post('/assessment-template', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'createAssessmentTemplateItem', summary: 'Add a measure to the template (district-wide role)', body: templateItemBody, response: { 201: templateItemSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createTemplateItem(contextOf(request), request.body)));

  app.patch('/assessment-template/:id', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'updateAssessmentTemplateItem', summary: 'Change or retire a template measure (district-wide role)', params: idParams, body: templateItemUpdateBody, response: { 200: templateItemSchema } },
  }, async (request) => service.updateTemplateItem(contextOf(request), request.params.id, request.body));

  app.get('/assessments', {
    config: { permission: 'assessment.read', csv: { list: 'assessments', owner: 'operational' } },
    schema: { tags, operationId: 'listAssessments', summary: 'Assessments of my schools', querystring: listAssessmentsQuery, response: { 200: items(assessmentSchema) } },
  }, async (request) => ({ items: await service.findAssessments(contextOf(request), request.query) }));

  app.post('/assessments', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'createAssessment', summary: 'Start an assessment of a campus from the template', body: assessmentBody, response: { 201: assessmentDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createAssessment(contextOf(request), request.body)));

  app.get('/assessments/compare', {
    config: { permission: 'assessment.read' },
    schema: { tags, operationId: 'compareAssessments', summary: 'Two assessments of a campus, measure by measure', querystring: compareQuery, response: { 200: comparisonSchema } },
  }, async (request) => service.compareAssessments(contextOf(request), request.query.from, request.query.to));

  app.get('/assessments/:id', {
    config: { permission: 'assessment.read' },
    schema: { tags, operationId: 'getAssessment', summary: 'One assessment with measures, photos and findings', params: idParams, response: { 200: assessmentDetailSchema } },
  }, async (request) => service.getAssessment(contextOf(request), request.params.id));

  app.patch('/assessments/:id', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'updateAssessment', summary: 'Change an assessment in progress', params: idParams, body: assessmentUpdateBody, response: { 200: assessmentSchema } },
  }, async (request) => service.updateAssessment(contextOf(request), request.params.id, request.body));

  app.post('/assessments/:id/complete', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'completeAssessment', summary: 'Complete an assessment (every measure rated)', params: idParams, body: completeAssessmentBody, response: { 200: assessmentSchema } },
  }, async (request) => service.completeAssessment(contextOf(request), request.params.id, request.body.completedOn));

  app.patch('/assessments/:id/items/:itemId', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'rateAssessmentItem', summary: 'Rate or annotate a measure', params: itemParams, body: assessmentItemUpdateBody, response: { 200: assessmentItemSchema } },
  }, async (request) => service.updateItem(contextOf(request), request.params.id, request.params.itemId, request.body));

  app.get('/assessments/:id/report.pdf', {
    config: { permission: 'assessment.read' },
    schema: { tags, operationId: 'getAssessmentReport', summary: 'The assessment report as PDF (audited)', params: idParams, produces: ['application/pdf'] },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const pdf = await assessmentPdf(await service.reportData(ctx, request.params.id), ctx.clock.now());
    return reply.header('content-type', 'application/pdf').header('content-disposition', pdfDisposition(`assessment-${request.params.id}.pdf`)).send(pdf);
  });

  app.post('/assessments/:id/findings', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'createAssessmentFinding', summary: 'Record a finding (optionally with a work order)', params: idParams, body: findingBody, response: { 201: findingSchema } },
  }, async (request, reply) => reply.code(201).send(await findings.createFinding(contextOf(request), request.params.id, request.body)));

  app.get('/assessment-findings', {
    config: { permission: 'assessment.read', csv: { list: 'assessment-findings', owner: 'operational' } },
    schema: { tags, operationId: 'listAssessmentFindings', summary: 'Findings of my schools, most severe first', querystring: listFindingsQuery, response: { 200: items(findingSchema) } },
  }, async (request) => ({ items: await findings.findFindings(contextOf(request), request.query) }));

  app.patch('/assessment-findings/:id', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'updateAssessmentFinding', summary: 'Change a finding and its remediation', params: idParams, body: findingUpdateBody, response: { 200: findingSchema } },
  }, async (request) => findings.updateFinding(contextOf(request), request.params.id, request.body));

  app.get('/assessment-photos/:id', {
    config: { permission: 'assessment.read' },
    schema: { tags, operationId: 'getAssessmentPhoto', summary: 'A photo of an assessment measure', params: idParams },
  }, async (request, reply) => {
    const photo = await service.getPhoto(contextOf(request), request.params.id);
    return reply.header('content-type', photo.type).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=300').send(photo.bytes);
  });

  app.delete('/assessment-photos/:id', {
    config: { permission: 'assessment.manage' },
    schema: { tags, operationId: 'deleteAssessmentPhoto', summary: 'Remove a photo of an assessment in progress', params: idParams },
  }, async (request, reply) => {
    await service.deletePhoto(contextOf(request), request.params.id);
    return reply.code(204).send();
  });

  // A photo arrives as the raw image body; its type is sniffed from its first bytes.
  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream']) {
      uploads.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_request, body, done) => done(null, body));
    }
    uploads.post('/assessments/:id/items/:itemId/photos', {
      config: { permission: 'assessment.manage', uploadTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'] },
      bodyLimit: MAX_PHOTO_BYTES,
      schema: { tags, operationId: 'addAssessmentPhoto', summary: 'Add a photo to a measure (raw JPEG, PNG or WebP body)', params: itemParams, querystring: photoQuery, response: { 201: photoSchema } },
    }, async (request, reply) => reply.code(201).send(await service.addPhoto(
      contextOf(request), request.params.id, request.params.itemId, Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), request.query.caption ?? null,
    )));
  });
};
