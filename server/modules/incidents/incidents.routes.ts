import { pdfDisposition } from '../../lib/pdf.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ListIncidentsQuery } from '../../../common/incidents.js';
import { contextOf } from '../../auth/plugin.js';
import { callRoutes } from './calls.routes.js';
import { idempotencyKeyOf, idempotent } from '../idempotency/idempotency.service.js';
import { extraRoutes } from './extras.routes.js';
import * as service from './incidents.service.js';
import {
  createIncidentBody, crdcQuery, crdcSchema, csvAnswer, idParams, incidentDetailSchema, incidentPageSchema, listIncidentsQuery, noContent, readReasonQuery,
  referenceSchema, returnBody, reviewBody, sealBody, staleSchema, studentLookupQuery, studentLookupSchema, supplementBody, supplementParams,
  updateIncidentBody, updateSupplementBody, versionDetailSchema, versionParams, versionSummarySchema,
} from './incidents.schemas.js';
import { printIncident } from './report.pdf.js';
import * as review from './review.service.js';
import { sealIncident } from '../sealing/sealing.service.js';
import * as search from './search.service.js';

const tags = ['incidents'];
const detail = { 200: incidentDetailSchema, 409: staleSchema };
const exportQuery = listIncidentsQuery.omit({ cursor: true, limit: true });

/** Incidents and investigative reports: list and search, drafts, review, supplements, versions, sealing, print. */
export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  // A stale save answers 409 with the record as it is now; every other error goes to the app's handler.
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof service.StaleVersionError) {
      return reply.code(409).send({ error: { code: 'conflict', message: error.message, field: 'version' }, current: error.current });
    }
    throw error;
  });

  app.get('/incidents', {
    config: {
      permission: 'incident.read',
      csv: { list: 'incidents', owner: 'law_enforcement', stream: (request) => search.streamIncidents(contextOf(request), request.query as ListIncidentsQuery) },
    },
    schema: { tags, operationId: 'listIncidents', summary: 'Incidents I may see: full-text search, filters, sorting, keyset pages (audited)', querystring: listIncidentsQuery, response: { 200: incidentPageSchema } },
  }, async (request) => search.findIncidents(contextOf(request), request.query));

  app.get('/incidents/export.csv', {
    config: { permission: 'incident.read' },
    schema: { tags, operationId: 'exportIncidents', summary: 'The filtered list as CSV (audited)', querystring: exportQuery, produces: ['text/csv'], response: { 200: csvAnswer } },
  }, async (request, reply) => {
    const csv = await search.exportIncidents(contextOf(request), request.query);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="incidents.csv"').send(csv);
  });

  app.get('/incidents/crdc', {
    config: { permission: 'report.export' },
    schema: { tags, operationId: 'incidentCrdcCounts', summary: 'CRDC counts of student referrals to law enforcement and arrests', querystring: crdcQuery, response: { 200: crdcSchema } },
  }, async (request) => search.crdcCounts(contextOf(request), request.query));

  app.get('/incidents/reference', {
    config: { permission: 'incident.read' },
    schema: { tags, operationId: 'incidentReference', summary: 'NIBRS offenses, locations and weapon/force codes', response: { 200: referenceSchema } },
  }, async () => search.reference());

  app.get('/incident-students', {
    config: { permission: 'incident.create' },
    schema: { tags, operationId: 'lookupIncidentStudents', summary: 'Roster students to name in a report (directory fields only)', querystring: studentLookupQuery, response: { 200: studentLookupSchema } },
  }, async (request) => service.lookupStudents(contextOf(request), request.query));

  app.post('/incidents', {
    config: { permission: 'incident.create' },
    schema: { tags, operationId: 'createIncident', summary: 'Start a draft report (optionally from a call; Idempotency-Key: a retry answers the first result)', body: createIncidentBody, response: { 201: incidentDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await idempotent(contextOf(request), idempotencyKeyOf(request), 'createIncident', request.body, (ctx) => service.createIncident(ctx, request.body), 201)));

  app.get('/incidents/:id', {
    config: { permission: 'incident.read' },
    schema: { tags, operationId: 'getIncident', summary: 'The incident in full (audited); a juvenile record needs a stated reason (428 reason_required)', params: idParams, querystring: readReasonQuery, response: { 200: incidentDetailSchema } },
  }, async (request) => service.getIncident(contextOf(request), request.params.id, request.query));

  app.patch('/incidents/:id', {
    config: { permission: 'incident.create' },
    schema: { tags, operationId: 'updateIncident', summary: 'Save a draft or returned report (autosave); stale version: 409 with the current record', params: idParams, body: updateIncidentBody, response: detail },
  }, async (request) => service.updateIncident(contextOf(request), request.params.id, request.body));

  app.post('/incidents/:id/submit', {
    config: { permission: 'incident.create' },
    schema: { tags, operationId: 'submitIncident', summary: 'Submit the report for review', params: idParams, body: reviewBody, response: detail },
  }, async (request) => review.reviewIncident(contextOf(request), request.params.id, 'submit', request.body));

  app.post('/incidents/:id/return', {
    config: { permission: 'incident.approve' },
    schema: { tags, operationId: 'returnIncident', summary: 'Return the report to its author with comments', params: idParams, body: returnBody, response: detail },
  }, async (request) => review.reviewIncident(contextOf(request), request.params.id, 'return', request.body));

  app.post('/incidents/:id/approve', {
    config: { permission: 'incident.approve' },
    schema: { tags, operationId: 'approveIncident', summary: 'Approve (and lock) the report', params: idParams, body: reviewBody, response: detail },
  }, async (request) => review.reviewIncident(contextOf(request), request.params.id, 'approve', request.body));

  app.post('/incidents/:id/seal', {
    config: { permission: 'incident.seal' },
    schema: { tags, operationId: 'sealIncident', summary: 'Seal the record: its content locked in an encrypted package, evidence under the sealed key, gone from every list, search, export, link and audit detail', params: idParams, body: sealBody, response: { 204: noContent } },
  }, async (request, reply) => {
    await sealIncident(contextOf(request), request.server.deps.config.dataDir, request.params.id, request.body);
    return reply.code(204).send(null);
  });

  app.get('/incidents/:id/versions', {
    config: { permission: 'incident.read' },
    schema: { tags, operationId: 'listIncidentVersions', summary: 'Every saved version of the report and its supplements', params: idParams, response: { 200: z.object({ items: z.array(versionSummarySchema) }) } },
  }, async (request) => ({ items: await review.findVersions(contextOf(request), request.params.id) }));

  app.get('/incidents/:id/versions/:versionId', {
    config: { permission: 'incident.read' },
    schema: { tags, operationId: 'getIncidentVersion', summary: 'One saved version (audited)', params: versionParams, querystring: readReasonQuery, response: { 200: versionDetailSchema } },
  }, async (request) => review.getVersion(contextOf(request), request.params.id, request.params.versionId, request.query));

  app.get('/incidents/:id/report.pdf', {
    config: { permission: 'incident.narrative.read' },
    schema: { tags, operationId: 'printIncident', summary: 'The approved report as PDF (audited)', params: idParams, querystring: readReasonQuery, produces: ['application/pdf'] },
  }, async (request, reply) => {
    const { number, pdf } = await printIncident(contextOf(request), request.params.id, request.query);
    return reply.header('content-type', 'application/pdf').header('content-disposition', pdfDisposition(`incident-${number}.pdf`, 'inline')).send(pdf);
  });

  app.post('/incidents/:id/supplements', {
    config: { permission: 'incident.create' },
    schema: { tags, operationId: 'createSupplement', summary: 'Start a supplement on an approved report', params: idParams, body: supplementBody, response: { 201: incidentDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await review.createSupplement(contextOf(request), request.params.id, request.body)));

  app.patch('/incidents/:id/supplements/:sid', {
    config: { permission: 'incident.create' },
    schema: { tags, operationId: 'updateSupplement', summary: 'Save a supplement draft; stale version: 409', params: supplementParams, body: updateSupplementBody, response: detail },
  }, async (request) => review.changeSupplement(contextOf(request), request.params.id, request.params.sid, 'save', request.body));

  const steps = [['submit', 'incident.create', reviewBody], ['return', 'incident.approve', returnBody], ['approve', 'incident.approve', reviewBody]] as const;
  for (const [step, permission, body] of steps) {
    app.post(`/incidents/:id/supplements/:sid/${step}`, {
      config: { permission },
      schema: { tags, operationId: `${step}Supplement`, summary: `${step[0]!.toUpperCase()}${step.slice(1)} a supplement`, params: supplementParams, body, response: detail },
    }, async (request) => review.changeSupplement(contextOf(request), request.params.id, request.params.sid, step, request.body));
  }

  await app.register(extraRoutes);
  await app.register(callRoutes);
};
