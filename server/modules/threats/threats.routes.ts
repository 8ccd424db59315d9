import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  classifyBody, closeCaseBody, evaluationBody, listCasesQuery, newTaskBody, noteBody, openCaseBody, safetyPlanBody, threatCaseSchema,
  threatCaseSummary, updateCaseBody, updateTaskBody,
} from '../../../common/tips.js';
import { contextOf } from '../../auth/plugin.js';
import { caseSummaryPdf } from './threats.pdf.js';
import { pdfDisposition } from '../../lib/pdf.js';
import * as service from './threats.service.js';

const tags = ['threats'];
const idParams = z.object({ id: z.uuid() });
const manage = { permission: 'threat.manage' as const };
const answer = { 200: threatCaseSchema };

/** CSTAG threat assessment cases: visible to the case team and the district safety director only. */
export const threatRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/threat-cases', { config: manage, schema: { tags, operationId: 'openThreatCase', summary: 'Open a case', body: openCaseBody, response: { 201: threatCaseSchema } } },
    async (request, reply) => reply.code(201).send(await service.openCase(contextOf(request), request.body)));
  app.get('/threat-cases', { config: { permission: 'threat.read' }, schema: { tags, operationId: 'listThreatCases', summary: 'My cases (audited)', querystring: listCasesQuery, response: { 200: z.object({ items: z.array(threatCaseSummary) }) } } },
    async (request) => service.findCases(contextOf(request), request.query));
  app.get('/threat-cases/team-candidates', { config: manage, schema: { tags, operationId: 'threatTeamCandidates', summary: 'Users who may join a case at the school', querystring: z.object({ schoolId: z.uuid() }), response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })) }) } } },
    async (request) => service.teamCandidates(contextOf(request), request.query.schoolId));
  app.get('/threat-cases/:id', { config: { permission: 'threat.read' }, schema: { tags, operationId: 'getThreatCase', summary: 'One case (audited)', params: idParams, response: answer } },
    async (request) => service.getCase(contextOf(request), request.params.id));
  app.patch('/threat-cases/:id', { config: manage, schema: { tags, operationId: 'updateThreatCase', summary: 'Team, threat, victims', params: idParams, body: updateCaseBody, response: answer } },
    async (request) => service.updateCase(contextOf(request), request.params.id, request.body));
  app.post('/threat-cases/:id/evaluation', { config: manage, schema: { tags, operationId: 'evaluateThreat', summary: 'CSTAG step 1', params: idParams, body: evaluationBody, response: answer } },
    async (request) => service.evaluate(contextOf(request), request.params.id, request.body));
  app.post('/threat-cases/:id/classification', { config: manage, schema: { tags, operationId: 'classifyThreat', summary: 'Transient, serious or very serious (creates the CSTAG tasks)', params: idParams, body: classifyBody, response: answer } },
    async (request) => service.classify(contextOf(request), request.params.id, request.body));
  app.post('/threat-cases/:id/tasks', { config: manage, schema: { tags, operationId: 'addThreatTask', summary: 'Add a task', params: idParams, body: newTaskBody, response: { 201: threatCaseSchema } } },
    async (request, reply) => reply.code(201).send(await service.addTask(contextOf(request), request.params.id, request.body)));
  app.patch('/threat-cases/:id/tasks/:taskId', { config: manage, schema: { tags, operationId: 'updateThreatTask', summary: 'Owner, due date, done', params: idParams.extend({ taskId: z.uuid() }), body: updateTaskBody, response: answer } },
    async (request) => service.updateTask(contextOf(request), request.params.id, request.params.taskId, request.body));
  app.post('/threat-cases/:id/notes', { config: manage, schema: { tags, operationId: 'addThreatNote', summary: 'Interview, theme, monitoring or note', params: idParams, body: noteBody, response: { 201: threatCaseSchema } } },
    async (request, reply) => reply.code(201).send(await service.addNote(contextOf(request), request.params.id, request.body)));
  app.put('/threat-cases/:id/safety-plan', { config: manage, schema: { tags, operationId: 'saveSafetyPlan', summary: 'Write or revise the safety plan', params: idParams, body: safetyPlanBody, response: answer } },
    async (request) => service.saveSafetyPlan(contextOf(request), request.params.id, request.body));
  app.post('/threat-cases/:id/monitoring', { config: manage, schema: { tags, operationId: 'monitorThreatCase', summary: 'Move to monitoring', params: idParams, response: answer } },
    async (request) => service.startMonitoring(contextOf(request), request.params.id));
  app.post('/threat-cases/:id/close', { config: manage, schema: { tags, operationId: 'closeThreatCase', summary: 'Close with a summary', params: idParams, body: closeCaseBody, response: answer } },
    async (request) => service.closeCase(contextOf(request), request.params.id, request.body));
  app.get('/threat-cases/:id/summary.pdf', { config: { permission: 'threat.read' }, schema: { tags, operationId: 'threatCaseSummaryPdf', summary: 'Case summary PDF (audited)', params: idParams } },
    async (request, reply) => {
      const { filename, pdf } = await caseSummaryPdf(contextOf(request), request.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', pdfDisposition(filename)).send(pdf);
    });
};
