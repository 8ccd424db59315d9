import { pdfDisposition } from '../../lib/pdf.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  activityEntryBody, activityEntryPageSchema, activityEntrySchema, activityEntryUpdateBody, hoursQuery, hoursSchema, idParams, listActivityQuery,
  monthlyReportQuery, monthlyReportSchema, officerSchema, teamReportQuery, teamReportSchema,
} from './activity.schemas.js';
import * as service from './activity.service.js';
import * as reports from './report.service.js';

const tags = ['activity'];

/** The triad activity log, hours per role and the monthly SRO activity report. */
export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/activity', {
    config: { permission: 'activity.read', csv: { list: 'activity', owner: 'law_enforcement' } },
    schema: { tags, operationId: 'listActivity', summary: 'Activity log entries (mine, or the SROs I see)', querystring: listActivityQuery, response: { 200: activityEntryPageSchema } },
  }, async (request) => service.findEntries(contextOf(request), request.query));

  app.post('/activity', {
    config: { permission: 'activity.log' },
    schema: { tags, operationId: 'createActivity', summary: 'Log an activity by hand', body: activityEntryBody, response: { 201: activityEntrySchema } },
  }, async (request, reply) => reply.code(201).send(await service.createEntry(contextOf(request), request.body)));

  app.get('/activity/officers', {
    config: { permission: 'activity.read' },
    schema: { tags, operationId: 'listActivityOfficers', summary: 'The SROs whose log I may see', response: { 200: z.object({ items: z.array(officerSchema) }) } },
  }, async (request) => ({ items: await service.findOfficers(contextOf(request)) }));

  app.get('/activity/hours', {
    config: { permission: 'activity.read' },
    schema: { tags, operationId: 'activityHours', summary: 'Hours per triad role by week or month, and per school', querystring: hoursQuery, response: { 200: hoursSchema } },
  }, async (request) => service.hours(contextOf(request), request.query));

  app.get('/activity/reports/monthly', {
    config: { permission: 'activity.read' },
    schema: { tags, operationId: 'monthlyActivityReport', summary: 'Monthly SRO activity report', querystring: monthlyReportQuery, response: { 200: monthlyReportSchema } },
  }, async (request) => reports.monthlyReport(contextOf(request), request.query));

  app.get('/activity/reports/monthly.pdf', {
    config: { permission: 'activity.read' },
    schema: { tags, operationId: 'monthlyActivityReportPdf', summary: 'Monthly SRO activity report as a PDF (audited)', querystring: monthlyReportQuery },
  }, async (request, reply) => reply.header('content-type', 'application/pdf')
    .header('content-disposition', pdfDisposition(`sro-activity-${request.query.month}.pdf`))
    .send(await reports.monthlyReportFile(contextOf(request), request.query)));

  app.get('/activity/reports/monthly/team', {
    config: { permission: 'activity.read' },
    schema: { tags, operationId: 'teamActivityReport', summary: 'Every SRO I see, side by side for a month', querystring: teamReportQuery, response: { 200: teamReportSchema } },
  }, async (request) => reports.teamReport(contextOf(request), request.query));

  app.get('/activity/:id', {
    config: { permission: 'activity.read' },
    schema: { tags, operationId: 'getActivity', summary: 'One activity log entry', params: idParams, response: { 200: activityEntrySchema } },
  }, async (request) => service.getEntry(contextOf(request), request.params.id));

  app.patch('/activity/:id', {
    config: { permission: 'activity.log' },
    schema: { tags, operationId: 'updateActivity', summary: 'Change an activity I typed (others come from their source: 409)', params: idParams, body: activityEntryUpdateBody, response: { 200: activityEntrySchema } },
  }, async (request) => service.updateEntry(contextOf(request), request.params.id, request.body));

  app.delete('/activity/:id', {
    config: { permission: 'activity.log' },
    schema: { tags, operationId: 'deleteActivity', summary: 'Delete an activity I typed', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.deleteEntry(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });
};
