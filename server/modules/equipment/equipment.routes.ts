import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { requireTarget } from '../drills/drills.scope.js';
import { deliverDue } from '../outbox/outbox.service.js';
import { exportEquipment, importEquipment } from './equipment.csv.js';
import {
  districtDueQuery, districtDueSchema, equipmentBody, equipmentDetailSchema, equipmentPageSchema, equipmentSchema,
  equipmentUpdateBody, exportEquipmentQuery, idParams, importEquipmentQuery, importResultSchema, inspectionBody, inspectionSchema,
  listEquipmentQuery, MAX_CSV_BYTES,
} from './equipment.schemas.js';
import * as service from './equipment.service.js';
import { sendAllEquipmentNotices, sendEquipmentNotices } from './equipment.sweep.js';

const tags = ['equipment'];
const DAY_MS = 24 * 60 * 60_000;

/** Safety equipment: inventory, inspections, CSV import/export, the district's due view and the daily notices. */
export const equipmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/equipment', {
    config: { permission: 'equipment.read', csv: { list: 'equipment', owner: 'operational' } },
    schema: { tags, operationId: 'listEquipment', summary: 'Inventory of my schools', querystring: listEquipmentQuery, response: { 200: equipmentPageSchema } },
  }, async (request) => service.findEquipment(contextOf(request), request.query));

  app.post('/equipment', {
    config: { permission: 'equipment.manage' },
    schema: { tags, operationId: 'createEquipment', summary: 'Add an item to a school\'s inventory', body: equipmentBody, response: { 201: equipmentSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createEquipment(contextOf(request), request.body)));

  app.get('/equipment/export.csv', {
    config: { permission: 'equipment.read' },
    schema: { tags, operationId: 'exportEquipment', summary: 'The filtered inventory as CSV (audited)', querystring: exportEquipmentQuery, produces: ['text/csv'] },
  }, async (request, reply) => reply.header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="equipment.csv"').send(await exportEquipment(contextOf(request), request.query)));

  app.get('/equipment/district-due', {
    config: { permission: 'equipment.read' },
    schema: { tags, operationId: 'getEquipmentDistrictDue', summary: 'Due and overdue inspections and expiries per school', querystring: districtDueQuery, response: { 200: districtDueSchema } },
  }, async (request) => service.findDistrictDue(contextOf(request), request.query.all === 'true'));

  app.get('/equipment/:id', {
    config: { permission: 'equipment.read' },
    schema: { tags, operationId: 'getEquipment', summary: 'One item with its inspections', params: idParams, response: { 200: equipmentDetailSchema } },
  }, async (request) => service.getEquipment(contextOf(request), request.params.id));

  app.patch('/equipment/:id', {
    config: { permission: 'equipment.manage' },
    schema: { tags, operationId: 'updateEquipment', summary: 'Change or retire an item', params: idParams, body: equipmentUpdateBody, response: { 200: equipmentSchema } },
  }, async (request) => service.updateEquipment(contextOf(request), request.params.id, request.body));

  app.post('/equipment/:id/inspections', {
    config: { permission: 'equipment.manage' },
    schema: { tags, operationId: 'inspectEquipment', summary: 'Record an inspection (a failure opens a work order)', params: idParams, body: inspectionBody, response: { 201: inspectionSchema } },
  }, async (request, reply) => reply.code(201).send(await service.inspectEquipment(contextOf(request), request.params.id, request.body)));

  app.post('/equipment-notices/run', {
    config: { permission: 'equipment.manage' },
    schema: { tags, operationId: 'runEquipmentNotices', summary: 'Send the notices of overdue and expiring equipment now (district-wide)', response: { 200: z.object({ created: z.number().int() }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    await requireTarget(ctx.db, ctx.actor, 'equipment.manage', null);
    const { deps } = request.server;
    const created = await sendEquipmentNotices(ctx.db, ctx.clock, ctx.actor.districtId, deps.config.publicUrl, { actor: ctx.actor, requestId: ctx.requestId });
    await deliverDue(ctx.db, deps.mailer, deps.clock);
    return { created };
  });

  // A CSV file arrives as the raw text/csv body.
  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => done(null, body));
    uploads.post('/equipment/import', {
      config: { permission: 'equipment.manage', uploadTypes: ['text/csv'] },
      bodyLimit: MAX_CSV_BYTES,
      schema: { tags, operationId: 'importEquipment', summary: 'Import items of a school from CSV (all or nothing)', querystring: importEquipmentQuery, response: { 200: importResultSchema } },
    }, async (request) => importEquipment(contextOf(request), request.query.schoolId, typeof request.body === 'string' ? request.body : '', request.query.dryRun === 'true'));
  });

  // Once a day (first run a minute after start) every district's notices are made and sent.
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    const { database, clock, config, mailer } = app.deps;
    sendAllEquipmentNotices(database.db, clock, config.publicUrl)
      .then(() => deliverDue(database.db, mailer, clock))
      .catch((error: unknown) => app.log.error({ err: error }, 'equipment notices failed'));
  };
  app.addHook('onReady', async () => {
    timer = setTimeout(function tick() {
      run();
      timer = setTimeout(tick, DAY_MS).unref();
    }, 60_000).unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
};
