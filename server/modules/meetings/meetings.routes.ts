import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import * as documents from './meetings.documents.js';
import {
  actionItemBody, actionItemListSchema, actionItemSchema, actionItemUpdateBody, attendanceBody, idParams, listActionItemsQuery, listMeetingsQuery,
  listSchoolDocumentsQuery, MAX_PDF_BYTES, meetingBody, meetingListSchema, meetingSchema, meetingSeriesBody, meetingSeriesListSchema,
  meetingSeriesSchema, meetingSeriesUpdateBody, meetingUpdateBody, schoolDocumentBody, schoolDocumentListSchema, schoolDocumentPdfQuery,
  schoolDocumentSchema,
} from './meetings.schemas.js';
import * as service from './meetings.service.js';

const tags = ['meetings'];
const config = { permission: 'meeting.manage' } as const;

/** Meetings with school administrations (series, occurrences, minutes, action items) and the MOU per school. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/meeting-series', {
    config, schema: { tags, operationId: 'listMeetingSeries', summary: 'Recurring meetings at my schools', querystring: z.strictObject({ schoolId: z.uuid().optional() }), response: { 200: meetingSeriesListSchema } },
  }, async (request) => ({ items: await service.findSeries(contextOf(request), request.query.schoolId) }));

  app.post('/meeting-series', {
    config, schema: { tags, operationId: 'createMeetingSeries', summary: 'Set up a recurring meeting and its occurrences', body: meetingSeriesBody, response: { 201: meetingSeriesSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createSeries(contextOf(request), request.body)));

  app.patch('/meeting-series/:id', {
    config, schema: { tags, operationId: 'updateMeetingSeries', summary: 'Rename or end a recurring meeting', params: idParams, body: meetingSeriesUpdateBody, response: { 200: meetingSeriesSchema } },
  }, async (request) => service.updateSeries(contextOf(request), request.params.id, request.body));

  app.get('/meetings', {
    config: { ...config, csv: { list: 'meetings', owner: 'operational' } }, schema: { tags, operationId: 'listMeetings', summary: 'Meetings at my schools by start', querystring: listMeetingsQuery, response: { 200: meetingListSchema } },
  }, async (request) => ({ items: await service.findMeetings(contextOf(request), request.query) }));

  app.post('/meetings', {
    config, schema: { tags, operationId: 'createMeeting', summary: 'A one-off meeting', body: meetingBody, response: { 201: meetingSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createMeeting(contextOf(request), request.body)));

  app.get('/meetings/:id', {
    config, schema: { tags, operationId: 'getMeeting', summary: 'One meeting with agenda, minutes, attendance and action items', params: idParams, response: { 200: meetingSchema } },
  }, async (request) => service.getMeeting(contextOf(request), request.params.id));

  app.patch('/meetings/:id', {
    config, schema: { tags, operationId: 'updateMeeting', summary: 'Agenda, minutes, time or cancellation', params: idParams, body: meetingUpdateBody, response: { 200: meetingSchema } },
  }, async (request) => service.updateMeeting(contextOf(request), request.params.id, request.body));

  app.put('/meetings/:id/attendance', {
    config, schema: { tags, operationId: 'setMeetingAttendance', summary: 'I attended (or not); an SRO gets an activity entry', params: idParams, body: attendanceBody, response: { 200: meetingSchema } },
  }, async (request) => service.setAttendance(contextOf(request), request.params.id, request.body.attended));

  app.post('/meetings/:id/action-items', {
    config, schema: { tags, operationId: 'addMeetingActionItem', summary: 'Add an action item with an owner and due day', params: idParams, body: actionItemBody, response: { 201: meetingSchema } },
  }, async (request, reply) => reply.code(201).send(await service.addItem(contextOf(request), request.params.id, request.body)));

  app.get('/action-items', {
    config: { ...config, csv: { list: 'action-items', owner: 'operational' } }, schema: { tags, operationId: 'listActionItems', summary: 'Action items across meetings, open and due first', querystring: listActionItemsQuery, response: { 200: actionItemListSchema } },
  }, async (request) => ({ items: await service.findItems(contextOf(request), request.query) }));

  app.patch('/action-items/:id', {
    config, schema: { tags, operationId: 'updateActionItem', summary: 'Change an action item or mark it done', params: idParams, body: actionItemUpdateBody, response: { 200: actionItemSchema } },
  }, async (request) => service.updateItem(contextOf(request), request.params.id, request.body));

  app.get('/school-documents', {
    config, schema: { tags, operationId: 'listSchoolDocuments', summary: 'MOU and written expectations of my schools, every version', querystring: listSchoolDocumentsQuery, response: { 200: schoolDocumentListSchema } },
  }, async (request) => ({ items: await documents.findDocuments(contextOf(request), request.query) }));

  app.post('/school-documents', {
    config, schema: { tags, operationId: 'addSchoolDocument', summary: 'A new written version of the MOU or expectations', body: schoolDocumentBody, response: { 201: schoolDocumentSchema } },
  }, async (request, reply) => reply.code(201).send(await documents.addDocument(contextOf(request), request.body)));

  // A PDF arrives as the raw body; its type is checked from its first bytes.
  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES }, (_request, body, done) => done(null, body));
    uploads.post('/school-documents/pdf', {
      config: { ...config, uploadTypes: ['application/pdf'] }, bodyLimit: MAX_PDF_BYTES,
      schema: { tags, operationId: 'uploadSchoolDocument', summary: 'A new version as an uploaded PDF (raw body, application/pdf)', querystring: schoolDocumentPdfQuery, response: { 201: schoolDocumentSchema } },
    }, async (request, reply) => reply.code(201).send(await documents.addDocument(contextOf(request), { ...request.query, pdf: request.body as Buffer })));
  });

  app.get('/school-documents/:id', {
    config, schema: { tags, operationId: 'getSchoolDocument', summary: 'One version with its text', params: idParams, response: { 200: schoolDocumentSchema } },
  }, async (request) => documents.getDocument(contextOf(request), request.params.id));

  app.get('/school-documents/:id/file', {
    config, schema: { tags, operationId: 'getSchoolDocumentFile', summary: 'The PDF of a version', params: idParams },
  }, async (request, reply) => {
    const file = await documents.documentFile(contextOf(request), request.params.id);
    return reply.header('content-type', 'application/pdf').header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${encodeURIComponent(file.fileName)}"`).send(file.body);
  });
};
