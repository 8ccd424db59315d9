import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth/auth.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { schoolRoutes } from './schools/schools.routes.js';
import { userRoutes } from './users/users.routes.js';
import { assignmentRoutes } from './assignments/assignments.routes.js';
import { studentRoutes } from './students/students.routes.js';
import { districtRoutes } from './district/district.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { incidentRoutes } from './incidents/incidents.routes.js';
import { liveRoutes } from './live/live.routes.js';
import { alertRoutes } from './alerts/alerts.routes.js';
import { reunificationRoutes } from './reunification/reunification.routes.js';
import { tipRoutes } from './tips/tips.routes.js';
import { threatRoutes } from './threats/threats.routes.js';

/** Registers every domain module under /api. A new module adds one line here. */
export const registerModules: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(schoolRoutes);
  await app.register(userRoutes);
  await app.register(assignmentRoutes);
  await app.register(studentRoutes);
  await app.register(districtRoutes);
  await app.register(auditRoutes);
  await app.register(incidentRoutes);
  await app.register(liveRoutes);
  await app.register(alertRoutes);
  await app.register(reunificationRoutes);
  await app.register(tipRoutes);
  await app.register(threatRoutes);
};
