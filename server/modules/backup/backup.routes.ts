import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backupOverviewSchema, backupRunParams, backupRunSchema, backupSettingsSchema } from '../../../common/backups.js';
import { contextOf } from '../../auth/plugin.js';
import { overview, scheduledBackupFailed, startManual, startVerify, updateSettings, type BackupDeps } from './backup.service.js';

const TAGS = ['backup'];

/** Backups of the deployment (system administrators): schedule, list, back up now, verify. */
export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = (): BackupDeps => ({ database: app.deps.database, config: app.deps.config, clock: app.deps.clock, log: app.log });

  app.get('/backups', {
    config: { permission: 'backup.run' },
    schema: { tags: TAGS, operationId: 'getBackups', summary: 'Scheduled backup settings and the backups taken, newest first', response: { 200: backupOverviewSchema } },
  }, async (request) => overview(contextOf(request), app.deps.config));

  app.put('/backups/settings', {
    config: { permission: 'backup.run' },
    schema: { tags: TAGS, operationId: 'updateBackupSettings', summary: 'Set the daily backup time (local to a time zone) and how many are kept', body: backupSettingsSchema, response: { 200: backupSettingsSchema } },
  }, async (request) => updateSettings(contextOf(request), request.body));

  app.post('/backups', {
    config: { permission: 'backup.run' },
    schema: { tags: TAGS, operationId: 'startBackup', summary: 'Back up now (runs in the background)', response: { 202: backupRunSchema } },
  }, async (request, reply) => reply.code(202).send(await startManual(contextOf(request), deps())));

  app.post('/backups/:id/verify', {
    config: { permission: 'backup.run' },
    schema: { tags: TAGS, operationId: 'verifyBackup', summary: 'Restore a kept backup into a scratch database and compare its counts (background)', params: backupRunParams, response: { 202: backupRunSchema } },
  }, async (request, reply) => reply.code(202).send(await startVerify(contextOf(request), deps(), request.params.id)));

  app.get('/backups/health', {
    config: { permission: 'backup.run' },
    schema: { tags: TAGS, operationId: 'getBackupHealth', summary: 'Whether the latest scheduled backup failed (for the home page)', response: { 200: z.object({ failed: z.boolean(), at: z.string().nullable(), error: z.string().nullable() }) } },
  }, async (request) => scheduledBackupFailed(contextOf(request)));
};
