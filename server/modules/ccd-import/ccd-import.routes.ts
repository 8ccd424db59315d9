import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { AppError } from '../../lib/errors.js';
import { ccdPlan, ccdQuery, MAX_CCD_BYTES } from './ccd-import.schemas.js';
import * as service from './ccd-import.service.js';

const tags = ['ccd-import'];
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

/** NCES CCD school directory import: a dry run, then apply (the same file again). Raw body, text/csv. */
export const ccdImportRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: MAX_CCD_BYTES }, (_request, body, done) => done(null, body));
    // Refuse a declared oversize body before reading it, with the limit in the message.
    uploads.addHook('onRequest', async (request) => {
      if (Number(request.headers['content-length'] ?? 0) > MAX_CCD_BYTES) {
        throw new AppError('payload_too_large', `The file is larger than the ${MAX_CCD_BYTES / 1024 / 1024} MB limit`);
      }
    });
    for (const [url, operationId, summary, run] of [
      ['/school-imports/ccd/preview', 'previewCcdImport', 'Dry run of an NCES CCD school directory file: what would be added, updated, closed', service.previewCcd],
      ['/school-imports/ccd/apply', 'applyCcdImport', 'Apply an NCES CCD school directory file (one transaction; never deletes a school)', service.applyCcd],
    ] as const) {
      uploads.post(url, {
        config: { permission: 'import.run' },
        bodyLimit: MAX_CCD_BYTES,
        schema: { tags, operationId, summary, querystring: ccdQuery, response: { 200: ccdPlan } },
      }, async (request) => {
        // A JSON (or any non-CSV) body reaches here parsed by another parser: it is the wrong type of file.
        if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type', `Send the CCD file as text/csv (${CSV_TYPES.join(', ')})`);
        if (request.body.length === 0) throw new AppError('bad_request', 'Send the CSV file as the request body');
        return run(contextOf(request), request.body, request.query.leaid);
      });
    }
  });
};
