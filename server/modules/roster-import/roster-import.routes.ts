import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROSTER_LIMITS } from '../../../common/roster-import.js';
import { contextOf } from '../../auth/plugin.js';
import {
  idParams, rosterImportJobSchema, teacherClassSchema, rosterImportReportSchema, rosterSettingsSchema, settingsBody, uploadQuery,
} from './roster-import.schemas.js';
import * as service from './roster-import.service.js';
import * as undo from './roster-undo.service.js';
import { dropSettings, sweepDropDir } from './roster-drop.js';
import { myClassesAt } from './roster-classes.service.js';

const tags = ['roster-import'];

/** OneRoster 1.1 and 1.2 CSV roster sync: upload a zip, follow the job, read its report, undo it; the sync settings. */
export const rosterImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // The zip arrives as the raw body; it is read entry by entry, never unpacked whole.
  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser(['application/zip', 'application/x-zip-compressed'], { parseAs: 'buffer', bodyLimit: ROSTER_LIMITS.maxZipBytes },
      (_request, body, done) => done(null, body));
    uploads.post('/roster-imports', {
      config: { permission: 'import.run', uploadTypes: ['application/zip', 'application/x-zip-compressed'] },
      bodyLimit: ROSTER_LIMITS.maxZipBytes,
      schema: {
        tags, operationId: 'startRosterImport', summary: 'Sync a OneRoster 1.1 or 1.2 CSV package (raw body, application/zip)',
        querystring: uploadQuery, response: { 202: rosterImportJobSchema },
      },
    }, async (request, reply) => reply.code(202).send(await service.startImport(contextOf(request), app.deps.config.publicUrl, request.query.fileName, request.body as Buffer, request.query.confirm)));
  });

  // Scheduled sync of SIS exports dropped in ROSTER_DROP_DIR, every ROSTER_DROP_INTERVAL_MINUTES.
  const drop = dropSettings(process.env);
  let timer: NodeJS.Timeout | undefined;
  let sweeping = false;
  app.addHook('onReady', async () => {
    if (!drop) return;
    app.log.info({ dir: drop.dir, everyMs: drop.everyMs }, 'roster drop folder watched');
    timer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      sweepDropDir(app.deps.database.db, { dir: drop.dir, clock: app.deps.clock, publicUrl: app.deps.config.publicUrl, log: (m) => app.log.info(m) })
        .catch((error: unknown) => app.log.error({ err: error }, 'roster drop folder sweep failed'))
        .finally(() => { sweeping = false; });
    }, drop.everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));

  app.get('/roster-imports', {
    config: { permission: 'import.run' },
    schema: {
      tags, operationId: 'listRosterImports', summary: 'Recent roster imports of my district',
      response: { 200: z.object({ items: z.array(rosterImportJobSchema) }) },
    },
  }, async (request) => service.findImports(contextOf(request)));

  app.get('/roster-imports/settings', {
    config: { permission: 'import.run' },
    schema: { tags, operationId: 'getRosterSettings', summary: "The district's roster sync settings", response: { 200: rosterSettingsSchema } },
  }, async (request) => undo.getSettings(contextOf(request)));

  app.patch('/roster-imports/settings', {
    config: { permission: 'import.run' },
    schema: {
      tags, operationId: 'updateRosterSettings', summary: "Change the district's roster sync settings", body: settingsBody,
      response: { 200: rosterSettingsSchema },
    },
  }, async (request) => undo.updateSettings(contextOf(request), request.body));

  app.post('/roster-imports/:id/undo', {
    config: { permission: 'import.run' },
    schema: {
      tags, operationId: 'undoRosterImport', summary: 'Undo a sync (its latest, within 30 days): put back what it changed', params: idParams,
      response: { 200: rosterImportJobSchema },
    },
  }, async (request) => undo.undoImport(contextOf(request), request.params.id));

  app.get('/alerts/:id/my-classes', {
    config: { permission: 'alert.receive' },
    schema: {
      tags: ['alerts'], operationId: 'listMyClassesAtAlert', summary: 'My classes and their students at the alert\'s schools (check-in list)',
      params: idParams, response: { 200: z.object({ items: z.array(teacherClassSchema) }) },
    },
  }, async (request) => myClassesAt(contextOf(request), request.params.id));

  app.get('/roster-imports/:id', {
    config: { permission: 'import.run' },
    schema: {
      tags, operationId: 'getRosterImport', summary: 'One roster import: progress, counts, rejected rows', params: idParams,
      response: { 200: rosterImportReportSchema },
    },
  }, async (request) => service.getImport(contextOf(request), request.params.id));
};
