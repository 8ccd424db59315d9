import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { analyticsQuery, analyticsSettingsSchema, crdcTablesSchema, dashboardSchema, equitySchema } from './analytics.schemas.js';
import * as service from './analytics.service.js';
import { pdfDisposition } from '../../lib/pdf.js';
import { crdcCsv } from './crdc.csv.js';
import { crdcPdf } from './crdc.pdf.js';
import * as crdc from './crdc.service.js';

const tags = ['analytics'];

/** Analytics: the district dashboard, equity analytics and the CRDC tables. */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/analytics/dashboard', {
    config: { permission: 'analytics.read' },
    schema: { tags, operationId: 'getAnalyticsDashboard', summary: 'Key figures and panels over my schools for a range of days', querystring: analyticsQuery, response: { 200: dashboardSchema } },
  }, async (request) => service.getDashboard(contextOf(request), request.query));

  app.get('/analytics/equity', {
    config: { permission: 'analytics.equity' },
    schema: { tags, operationId: 'getAnalyticsEquity', summary: 'Rates per 1,000 and relative rate indexes by student group (district-wide)', querystring: analyticsQuery, response: { 200: equitySchema } },
  }, async (request) => crdc.getEquity(contextOf(request), request.query));

  app.get('/analytics/crdc', {
    config: { permission: 'report.export' },
    schema: { tags, operationId: 'getAnalyticsCrdc', summary: 'CRDC tables per school: referrals, school-related arrests, offenses', querystring: analyticsQuery, response: { 200: crdcTablesSchema } },
  }, async (request) => crdc.getCrdcTables(contextOf(request), request.query));

  app.get('/analytics/crdc.csv', {
    config: { permission: 'report.export' },
    schema: {
      tags, operationId: 'getAnalyticsCrdcCsv', summary: 'The CRDC tables as CSV', querystring: analyticsQuery,
      produces: ['text/csv'], response: { 200: z.string().describe('RFC 4180 CSV, UTF-8 with BOM') },
    },
  }, async (request, reply) => {
    const tables = await crdc.getCrdcTables(contextOf(request), request.query);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="crdc-${tables.from}-${tables.to}.csv"`).send(crdcCsv(tables));
  });

  app.get('/analytics/crdc.pdf', {
    config: { permission: 'report.export' },
    schema: { tags, operationId: 'getAnalyticsCrdcPdf', summary: 'The CRDC tables as a PDF (the same numbers as the CSV)', querystring: analyticsQuery },
  }, async (request, reply) => {
    const tables = await crdc.getCrdcTables(contextOf(request), request.query);
    return reply.header('content-type', 'application/pdf')
      .header('content-disposition', pdfDisposition(`crdc-${tables.from}-${tables.to}.pdf`)).send(await crdcPdf(tables, app.deps.clock.now()));
  });

  app.get('/analytics/settings', {
    config: { permission: 'analytics.read' },
    schema: { tags, operationId: 'getAnalyticsSettings', summary: 'The district\'s analytics settings', response: { 200: analyticsSettingsSchema } },
  }, async (request) => crdc.getSettings(contextOf(request)));

  app.put('/analytics/settings', {
    config: { permission: 'district.manage' },
    schema: { tags, operationId: 'updateAnalyticsSettings', summary: 'Change the smallest count shown on the equity page', body: analyticsSettingsSchema, response: { 200: analyticsSettingsSchema } },
  }, async (request) => crdc.updateSettings(contextOf(request), request.body));
};
