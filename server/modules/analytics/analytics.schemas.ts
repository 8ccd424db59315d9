export { analyticsQuery, analyticsSettingsSchema, crdcTablesSchema, dashboardSchema, equitySchema } from '../../../common/analytics.js';
