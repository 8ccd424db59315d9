import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { districtSchema, updateDistrictBody } from './district.schemas.js';
import * as service from './district.service.js';

const tags = ['district'];

/** The signed-in user's district: settings and the two-step sign-in policy. */
export const districtRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/district', {
    config: { permission: 'district.read' },
    schema: { tags, operationId: 'getDistrict', summary: 'My district, its settings and sizes', response: { 200: districtSchema } },
  }, async (request) => service.getDistrict(contextOf(request)));

  app.patch('/district', {
    config: { permission: 'district.manage' },
    schema: {
      tags, operationId: 'updateDistrict', summary: 'Change district settings and the two-step sign-in policy (district-wide roles)',
      body: updateDistrictBody, response: { 200: districtSchema },
    },
  }, async (request) => service.updateDistrict(contextOf(request), request.body));
};
