import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth/auth.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { schoolRoutes } from './schools/schools.routes.js';
import { userRoutes } from './users/users.routes.js';
import { assignmentRoutes } from './assignments/assignments.routes.js';
import { studentRoutes } from './students/students.routes.js';
import { districtRoutes } from './district/district.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { outboxRoutes } from './outbox/outbox.routes.js';
import { calendarRoutes } from './calendars/calendars.routes.js';
import { drillRuleRoutes } from './drill-rules/drill-rules.routes.js';
import { drillRoutes } from './drills/drills.routes.js';
import { complianceRoutes } from './compliance/compliance.routes.js';
import { planRoutes } from './plans/plans.routes.js';
import { certificationRoutes } from './certifications/certifications.routes.js';
import { trainingRoutes } from './training/training.routes.js';

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
  await app.register(outboxRoutes);
  await app.register(calendarRoutes);
  await app.register(drillRuleRoutes);
  await app.register(drillRoutes);
  await app.register(complianceRoutes);
  await app.register(planRoutes);
  await app.register(certificationRoutes);
  await app.register(trainingRoutes);
};
