import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  acknowledgementSchema, acknowledgementStatusSchema, idParams, listPlansQuery, MAX_PDF_BYTES, pdfVersionQuery, planBody, planDetailSchema,
  planReviewSchema, planSchema, planUpdateBody, planVersionSchema, reviewBody, srpReferenceSchema, versionBody,
} from './plans.schemas.js';
import * as service from './plans.service.js';
import { remindPlanReaders } from './plans.remind.js';
import { remindResult } from '../../../common/notifications.js';

const tags = ['plans'];

// The acknowledgement status as CSV rows: one per person, read or still expected to read the current version.
const acknowledgementRow = z.object({ name: z.string(), email: z.string(), status: z.enum(['acknowledged', 'pending']), acknowledgedAt: z.string().nullable() });
const acknowledgementRows = {
  schema: acknowledgementRow,
  of: (answer: unknown) => {
    const { acknowledged, pending } = answer as z.infer<typeof acknowledgementStatusSchema>;
    return [
      ...acknowledged.map((p) => ({ name: p.name, email: p.email, status: 'acknowledged', acknowledgedAt: p.acknowledgedAt })),
      ...pending.map((p) => ({ name: p.name, email: p.email, status: 'pending', acknowledgedAt: null })),
    ];
  },
};

/** Safety plans and protocols: versions, annual review, staff acknowledgement, SRP quick reference. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/plans', {
    config: { permission: 'plan.read', csv: { list: 'plans', owner: 'operational' } },
    schema: { tags, operationId: 'listPlans', summary: 'Plans of my schools and the district', querystring: listPlansQuery, response: { 200: z.object({ items: z.array(planSchema) }) } },
  }, async (request) => ({ items: await service.findPlans(contextOf(request), request.query) }));

  app.post('/plans', {
    config: { permission: 'plan.manage' },
    schema: { tags, operationId: 'createPlan', summary: 'New plan with its first written version', body: planBody, response: { 201: planSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createPlan(contextOf(request), request.body)));

  app.get('/plans/:id', {
    config: { permission: 'plan.read' },
    schema: { tags, operationId: 'getPlan', summary: 'One plan with versions and reviews', params: idParams, response: { 200: planDetailSchema } },
  }, async (request) => service.getPlan(contextOf(request), request.params.id));

  app.patch('/plans/:id', {
    config: { permission: 'plan.manage' },
    schema: { tags, operationId: 'updatePlan', summary: 'Rename or archive a plan', params: idParams, body: planUpdateBody, response: { 200: planSchema } },
  }, async (request) => service.updatePlan(contextOf(request), request.params.id, request.body));

  app.post('/plans/:id/versions', {
    config: { permission: 'plan.manage' },
    schema: { tags, operationId: 'addPlanVersion', summary: 'New written version', params: idParams, body: versionBody, response: { 201: planVersionSchema } },
  }, async (request, reply) => reply.code(201).send(await service.addVersion(contextOf(request), request.params.id, request.body)));

  // A PDF arrives as the raw body; its type is checked from its first bytes.
  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES }, (_request, body, done) => done(null, body));
    uploads.post('/plans/:id/versions/pdf', {
      config: { permission: 'plan.manage', uploadTypes: ['application/pdf'] },
      bodyLimit: MAX_PDF_BYTES,
      schema: { tags, operationId: 'uploadPlanVersion', summary: 'New version as an uploaded PDF (raw body, application/pdf)', params: idParams, querystring: pdfVersionQuery, response: { 201: planVersionSchema } },
    }, async (request, reply) => reply.code(201).send(await service.addVersion(contextOf(request), request.params.id, {
      pdf: request.body as Buffer, fileName: request.query.fileName, changeSummary: request.query.changeSummary,
    })));
  });

  app.get('/plan-versions/:id/content', {
    config: { permission: 'plan.read' },
    schema: { tags, operationId: 'getPlanVersionContent', summary: 'The PDF or text of a version', params: idParams },
  }, async (request, reply) => {
    const content = await service.versionContent(contextOf(request), request.params.id);
    if (content.fileName) void reply.header('content-disposition', `inline; filename="${encodeURIComponent(content.fileName)}"`);
    return reply.header('content-type', content.type).header('x-content-type-options', 'nosniff').send(content.body);
  });

  app.post('/plans/:id/reviews', {
    config: { permission: 'plan.approve' },
    schema: { tags, operationId: 'reviewPlan', summary: 'Annual review (approval) of the current version', params: idParams, body: reviewBody, response: { 201: planReviewSchema } },
  }, async (request, reply) => reply.code(201).send(await service.reviewPlan(contextOf(request), request.params.id, request.body)));

  app.post('/plans/:id/acknowledge', {
    config: { permission: 'plan.read' },
    schema: { tags, operationId: 'acknowledgePlan', summary: 'I read the current version', params: idParams, response: { 200: acknowledgementSchema } },
  }, async (request) => service.acknowledge(contextOf(request), request.params.id));

  app.get('/plans/:id/acknowledgements', {
    config: { permission: 'plan.manage', csv: { list: 'plan-acknowledgements', owner: 'operational', rows: acknowledgementRows } },
    schema: { tags, operationId: 'getPlanAcknowledgements', summary: 'Who acknowledged the current version and who has not', params: idParams, response: { 200: acknowledgementStatusSchema } },
  }, async (request) => service.acknowledgementStatus(contextOf(request), request.params.id));

  app.post('/plans/:id/remind', {
    config: { permission: 'plan.manage' },
    schema: { tags, operationId: 'remindPlanReaders', summary: 'E-mail everyone who has not acknowledged the current version (at most once per reminder interval; audited)', params: idParams, response: { 200: remindResult } },
  }, async (request) => remindPlanReaders(contextOf(request), request.params.id, app.deps.config.publicUrl));

  app.get('/srp', {
    config: { permission: 'plan.read' },
    schema: { tags, operationId: 'getSrpReference', summary: 'Standard Response Protocol quick reference', response: { 200: srpReferenceSchema } },
  }, async (request) => service.srpReference(contextOf(request)));
};
