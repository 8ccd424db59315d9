export {
  complianceOverviewSchema, drillReminderSchema, overviewQuery, reportQuery, schoolComplianceSchema,
  type ComplianceOverview, type DrillReminder, type SchoolCompliance,
} from '../../../common/preparedness.js';
