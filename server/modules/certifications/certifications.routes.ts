import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  certificationBody, certificationSchema, certificationsDueSchema, idParams, listCertificationsQuery, MAX_DOCUMENT_BYTES,
  supervisorCertificationBody, updateCertificationBody,
} from './certifications.schemas.js';
import * as service from './certifications.service.js';
import { text } from '../../../common/text.js';

const tags = ['certifications'];
const list = z.object({ items: z.array(certificationSchema) });

/** SRO training and certifications: visible to the SRO and their supervisor only. */
export const certificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/certifications/mine', {
    config: { permission: 'training.read' },
    schema: { tags, operationId: 'listMyCertifications', summary: 'My certifications', response: { 200: list } },
  }, async (request) => ({ items: await service.findMine(contextOf(request)) }));

  app.post('/certifications/mine', {
    config: { permission: 'training.read' },
    schema: { tags, operationId: 'addMyCertification', summary: 'Add my own certification (SROs)', body: certificationBody, response: { 201: certificationSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    return reply.code(201).send(await service.createCertification(ctx, ctx.actor.userId, request.body));
  });

  app.get('/certifications', {
    config: { permission: 'certification.manage', csv: { list: 'certifications', owner: 'operational' } },
    schema: { tags, operationId: 'listCertifications', summary: 'Certifications of the SROs I supervise', querystring: listCertificationsQuery, response: { 200: list } },
  }, async (request) => ({ items: await service.findSupervised(contextOf(request), request.query.userId) }));

  app.post('/certifications', {
    config: { permission: 'certification.manage' },
    schema: { tags, operationId: 'addCertification', summary: 'Add a certification for an SRO I supervise', body: supervisorCertificationBody, response: { 201: certificationSchema } },
  }, async (request, reply) => {
    const { userId, ...body } = request.body;
    return reply.code(201).send(await service.createCertification(contextOf(request), userId, body));
  });

  app.get('/certifications/due', {
    config: { permission: 'certification.manage' },
    schema: { tags, operationId: 'listCertificationsDue', summary: 'Due within 60 days and lapsed', response: { 200: certificationsDueSchema } },
  }, async (request) => service.findDue(contextOf(request)));

  app.patch('/certifications/:id', {
    config: { permission: 'training.read' },
    schema: { tags, operationId: 'updateCertification', summary: 'Change a certification (its SRO or their supervisor)', params: idParams, body: updateCertificationBody, response: { 200: certificationSchema } },
  }, async (request) => service.updateCertification(contextOf(request), request.params.id, request.body));

  app.get('/certifications/:id/document', {
    config: { permission: 'training.read' },
    schema: { tags, operationId: 'getCertificationDocument', summary: 'The certificate document', params: idParams },
  }, async (request, reply) => {
    const doc = await service.getDocument(contextOf(request), request.params.id);
    return reply.header('content-type', doc.type).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${encodeURIComponent(doc.fileName)}"`).send(doc.bytes);
  });

  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    for (const type of ['application/pdf', 'image/png', 'image/jpeg']) {
      uploads.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
    }
    uploads.put('/certifications/:id/document', {
      config: { permission: 'training.read', uploadTypes: ['application/pdf', 'image/png', 'image/jpeg'] },
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags, operationId: 'attachCertificationDocument', summary: 'Attach the document (raw body: PDF, PNG or JPEG)', params: idParams,
        querystring: z.strictObject({ fileName: text(200).default('certificate') }), response: { 200: certificationSchema },
      },
    }, async (request) => service.attachDocument(contextOf(request), request.params.id, request.body as Buffer, request.query.fileName));
  });
};
