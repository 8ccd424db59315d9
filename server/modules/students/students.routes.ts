import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import {
  addGuardianBody, createStudentBody, guardianParams, guardianSchema, idParams, listStudentsQuery, studentPageSchema, studentSchema,
  updateGuardianBody, updateStudentBody,
} from './students.schemas.js';
import * as service from './students.service.js';

const tags = ['students'];

/** The student roster (the school's education record) with guardians, custody and pick-up permissions. */
export const studentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/students', {
    config: { permission: 'student.read', csv: { list: 'students', owner: 'education' } },
    schema: {
      tags, operationId: 'listStudents', summary: 'Students of my schools, by name (not audited per student)',
      querystring: listStudentsQuery, response: { 200: studentPageSchema },
    },
  }, async (request) => service.findStudents(contextOf(request), request.query));

  app.post('/students', {
    config: { permission: 'student.manage' },
    schema: { tags, operationId: 'createStudent', summary: 'Add a student', body: createStudentBody, response: { 201: studentSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createStudent(contextOf(request), request.body)));

  app.get('/students/:id', {
    config: { permission: 'student.read' },
    schema: { tags, operationId: 'getStudent', summary: 'One student with guardians (audited read)', params: idParams, response: { 200: studentSchema } },
  }, async (request) => service.getStudent(contextOf(request), request.params.id));

  app.patch('/students/:id', {
    config: { permission: 'student.manage' },
    schema: {
      tags, operationId: 'updateStudent', summary: 'Change a student or move them to another school',
      params: idParams, body: updateStudentBody, response: { 200: studentSchema },
    },
  }, async (request) => service.updateStudent(contextOf(request), request.params.id, request.body));

  app.post('/students/:id/guardians', {
    config: { permission: 'student.manage' },
    schema: {
      tags, operationId: 'addGuardian', summary: 'Link an existing guardian or add a new one',
      params: idParams, body: addGuardianBody, response: { 201: guardianSchema },
    },
  }, async (request, reply) => reply.code(201).send(await service.addGuardian(contextOf(request), request.params.id, request.body)));

  app.patch('/students/:id/guardians/:guardianId', {
    config: { permission: 'student.manage' },
    schema: {
      tags, operationId: 'updateGuardian', summary: 'Change custody, pick-up, restrictions or a guardian\'s contact details',
      params: guardianParams, body: updateGuardianBody, response: { 200: guardianSchema },
    },
  }, async (request) => service.updateGuardian(contextOf(request), request.params.id, request.params.guardianId, request.body));
};
