import { lazy } from 'react';

// Every page of the app, loaded when first opened: the first screen downloads the shell and one page, not all of them.

/** Lazily loaded ActivityPage of features/activity. */
export const ActivityPage = lazy(() =>
  import('../features/activity/ActivityPage.tsx').then((m) => ({ default: m.ActivityPage })),
);
/** Lazily loaded HoursPage of features/activity. */
export const HoursPage = lazy(() =>
  import('../features/activity/HoursPage.tsx').then((m) => ({ default: m.HoursPage })),
);
/** Lazily loaded ReportPage of features/activity. */
export const ReportPage = lazy(() =>
  import('../features/activity/ReportPage.tsx').then((m) => ({ default: m.ReportPage })),
);
/** Lazily loaded AlertDetailPage of features/alerts. */
export const AlertDetailPage = lazy(() =>
  import('../features/alerts/AlertDetailPage.tsx').then((m) => ({ default: m.AlertDetailPage })),
);
/** Lazily loaded AlertsPage of features/alerts. */
export const AlertsPage = lazy(() =>
  import('../features/alerts/AlertsPage.tsx').then((m) => ({ default: m.AlertsPage })),
);
/** Lazily loaded RaiseAlertPage of features/alerts. */
export const RaiseAlertPage = lazy(() =>
  import('../features/alerts/RaiseAlertPage.tsx').then((m) => ({ default: m.RaiseAlertPage })),
);
/** Lazily loaded ReunificationPage of features/alerts. */
export const ReunificationPage = lazy(() =>
  import('../features/alerts/reunification/ReunificationPage.tsx').then((m) => ({
    default: m.ReunificationPage,
  })),
);
/** Lazily loaded ReunificationsPage of features/alerts. */
export const ReunificationsPage = lazy(() =>
  import('../features/alerts/reunification/ReunificationsPage.tsx').then((m) => ({
    default: m.ReunificationsPage,
  })),
);
/** Lazily loaded AssessmentPage of features/assessments. */
export const AssessmentPage = lazy(() =>
  import('../features/assessments/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })),
);
/** Lazily loaded AssessmentsPage of features/assessments. */
export const AssessmentsPage = lazy(() =>
  import('../features/assessments/AssessmentsPage.tsx').then((m) => ({ default: m.AssessmentsPage })),
);
/** Lazily loaded ComparePage of features/assessments. */
export const ComparePage = lazy(() =>
  import('../features/assessments/ComparePage.tsx').then((m) => ({ default: m.ComparePage })),
);
/** Lazily loaded FindingsPage of features/assessments. */
export const FindingsPage = lazy(() =>
  import('../features/assessments/FindingsPage.tsx').then((m) => ({ default: m.FindingsPage })),
);
/** Lazily loaded TemplatePage of features/assessments. */
export const TemplatePage = lazy(() =>
  import('../features/assessments/TemplatePage.tsx').then((m) => ({ default: m.TemplatePage })),
);
/** Lazily loaded AssignmentsPage of features/assignments. */
export const AssignmentsPage = lazy(() =>
  import('../features/assignments/AssignmentsPage.tsx').then((m) => ({ default: m.AssignmentsPage })),
);
/** Lazily loaded AuditPage of features/audit. */
export const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
/** Lazily loaded CertificationsPage of features/certifications. */
export const CertificationsPage = lazy(() =>
  import('../features/certifications/CertificationsPage.tsx').then((m) => ({
    default: m.CertificationsPage,
  })),
);
/** Lazily loaded DashboardPage of features/dashboard. */
export const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
/** Lazily loaded DirectoryEntryPage of features/directory. */
export const DirectoryEntryPage = lazy(() =>
  import('../features/directory/DirectoryEntryPage.tsx').then((m) => ({ default: m.DirectoryEntryPage })),
);
/** Lazily loaded DirectoryPage of features/directory. */
export const DirectoryPage = lazy(() =>
  import('../features/directory/DirectoryPage.tsx').then((m) => ({ default: m.DirectoryPage })),
);
/** Lazily loaded DistrictPage of features/district. */
export const DistrictPage = lazy(() =>
  import('../features/district/DistrictPage.tsx').then((m) => ({ default: m.DistrictPage })),
);
/** Lazily loaded CalendarPage of features/drills. */
export const CalendarPage = lazy(() =>
  import('../features/drills/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })),
);
/** Lazily loaded DrillsPage of features/drills. */
export const DrillsPage = lazy(() =>
  import('../features/drills/DrillsPage.tsx').then((m) => ({ default: m.DrillsPage })),
);
/** Lazily loaded RulesPage of features/drills. */
export const RulesPage = lazy(() =>
  import('../features/drills/RulesPage.tsx').then((m) => ({ default: m.RulesPage })),
);
/** Lazily loaded ClassPage of features/education. */
export const ClassPage = lazy(() =>
  import('../features/education/ClassPage.tsx').then((m) => ({ default: m.ClassPage })),
);
/** Lazily loaded EducationPage of features/education. */
export const EducationPage = lazy(() =>
  import('../features/education/EducationPage.tsx').then((m) => ({ default: m.EducationPage })),
);
/** Lazily loaded HoursPage of features/education. */
export const EducationHoursPage = lazy(() =>
  import('../features/education/HoursPage.tsx').then((m) => ({ default: m.HoursPage })),
);
/** Lazily loaded OutreachPage of features/education. */
export const OutreachPage = lazy(() =>
  import('../features/education/OutreachPage.tsx').then((m) => ({ default: m.OutreachPage })),
);
/** Lazily loaded SurveyPage of features/education. */
export const SurveyPage = lazy(() =>
  import('../features/education/public/SurveyPage.tsx').then((m) => ({ default: m.SurveyPage })),
);
/** Lazily loaded DistrictDuePage of features/equipment. */
export const DistrictDuePage = lazy(() =>
  import('../features/equipment/DistrictDuePage.tsx').then((m) => ({ default: m.DistrictDuePage })),
);
/** Lazily loaded EquipmentItemPage of features/equipment. */
export const EquipmentItemPage = lazy(() =>
  import('../features/equipment/EquipmentItemPage.tsx').then((m) => ({ default: m.EquipmentItemPage })),
);
/** Lazily loaded EquipmentPage of features/equipment. */
export const EquipmentPage = lazy(() =>
  import('../features/equipment/EquipmentPage.tsx').then((m) => ({ default: m.EquipmentPage })),
);
/** Lazily loaded EventsPage of features/events. */
export const EventsPage = lazy(() =>
  import('../features/events/EventsPage.tsx').then((m) => ({ default: m.EventsPage })),
);
/** Lazily loaded SealedRecordsPage of features/incidents. */
export const SealedRecordsPage = lazy(() =>
  import('../features/incidents/SealedRecordsPage.tsx').then((m) => ({ default: m.SealedRecordsPage })),
);
/** Lazily loaded CallQueuePage of features/incidents. */
export const CallQueuePage = lazy(() =>
  import('../features/incidents/CallQueuePage.tsx').then((m) => ({ default: m.CallQueuePage })),
);
/** Lazily loaded IncidentEditPage of features/incidents. */
export const IncidentEditPage = lazy(() =>
  import('../features/incidents/IncidentEditPage.tsx').then((m) => ({ default: m.IncidentEditPage })),
);
/** Lazily loaded IncidentViewPage of features/incidents. */
export const IncidentViewPage = lazy(() =>
  import('../features/incidents/IncidentViewPage.tsx').then((m) => ({ default: m.IncidentViewPage })),
);
/** Lazily loaded IncidentsPage of features/incidents. */
export const IncidentsPage = lazy(() =>
  import('../features/incidents/IncidentsPage.tsx').then((m) => ({ default: m.IncidentsPage })),
);
/** Lazily loaded ReviewQueuePage of features/incidents. */
export const ReviewQueuePage = lazy(() =>
  import('../features/incidents/ReviewQueuePage.tsx').then((m) => ({ default: m.ReviewQueuePage })),
);
/** Lazily loaded NotificationRulesPage of features/notification-rules. */
export const NotificationRulesPage = lazy(() =>
  import('../features/notification-rules/NotificationRulesPage.tsx').then((m) => ({ default: m.NotificationRulesPage })),
);
/** Lazily loaded TasksPage of features/incidents. */
export const TasksPage = lazy(() =>
  import('../features/incidents/TasksPage.tsx').then((m) => ({ default: m.TasksPage })),
);
/** Lazily loaded DocumentsPage of features/meetings. */
export const DocumentsPage = lazy(() =>
  import('../features/meetings/DocumentsPage.tsx').then((m) => ({ default: m.DocumentsPage })),
);
/** Lazily loaded MeetingPage of features/meetings. */
export const MeetingPage = lazy(() =>
  import('../features/meetings/MeetingPage.tsx').then((m) => ({ default: m.MeetingPage })),
);
/** Lazily loaded MeetingsPage of features/meetings. */
export const MeetingsPage = lazy(() =>
  import('../features/meetings/MeetingsPage.tsx').then((m) => ({ default: m.MeetingsPage })),
);
/** Lazily loaded NoticesPage of features/notices. */
export const NoticesPage = lazy(() =>
  import('../features/notices/NoticesPage.tsx').then((m) => ({ default: m.NoticesPage })),
);
/** Lazily loaded OutboxPage of features/outbox. */
export const OutboxPage = lazy(() =>
  import('../features/outbox/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })),
);
/** Lazily loaded ChecksPage of features/patrols. */
export const ChecksPage = lazy(() =>
  import('../features/patrols/ChecksPage.tsx').then((m) => ({ default: m.ChecksPage })),
);
/** Lazily loaded PatrolsPage of features/patrols. */
export const PatrolsPage = lazy(() =>
  import('../features/patrols/PatrolsPage.tsx').then((m) => ({ default: m.PatrolsPage })),
);
/** Lazily loaded PlanDetailPage of features/plans. */
export const PlanDetailPage = lazy(() =>
  import('../features/plans/PlanDetailPage.tsx').then((m) => ({ default: m.PlanDetailPage })),
);
/** Lazily loaded PlansPage of features/plans. */
export const PlansPage = lazy(() =>
  import('../features/plans/PlansPage.tsx').then((m) => ({ default: m.PlansPage })),
);
/** Lazily loaded SrpReferencePage of features/plans. */
export const SrpReferencePage = lazy(() =>
  import('../features/plans/SrpReferencePage.tsx').then((m) => ({ default: m.SrpReferencePage })),
);
/** Lazily loaded ProfilePage of features/profile. */
export const ProfilePage = lazy(() =>
  import('../features/profile/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })),
);
/** Lazily loaded ReferralInboxPage of features/referrals. */
export const ReferralInboxPage = lazy(() =>
  import('../features/referrals/ReferralInboxPage.tsx').then((m) => ({ default: m.ReferralInboxPage })),
);
/** Lazily loaded RosterImportPage of features/roster-import. */
export const RosterImportPage = lazy(() =>
  import('../features/roster-import/RosterImportPage.tsx').then((m) => ({ default: m.RosterImportPage })),
);
/** Lazily loaded SchoolDetailPage of features/schools. */
export const SchoolDetailPage = lazy(() =>
  import('../features/schools/SchoolDetailPage.tsx').then((m) => ({ default: m.SchoolDetailPage })),
);
/** Lazily loaded SchoolsPage of features/schools. */
export const SchoolsPage = lazy(() =>
  import('../features/schools/SchoolsPage.tsx').then((m) => ({ default: m.SchoolsPage })),
);
/** Lazily loaded DistrictOverviewPage of features/security-systems. */
export const DistrictOverviewPage = lazy(() =>
  import('../features/security-systems/DistrictOverviewPage.tsx').then((m) => ({
    default: m.DistrictOverviewPage,
  })),
);
/** Lazily loaded SecuritySystemPage of features/security-systems. */
export const SecuritySystemPage = lazy(() =>
  import('../features/security-systems/SecuritySystemPage.tsx').then((m) => ({
    default: m.SecuritySystemPage,
  })),
);
/** Lazily loaded SecuritySystemsPage of features/security-systems. */
export const SecuritySystemsPage = lazy(() =>
  import('../features/security-systems/SecuritySystemsPage.tsx').then((m) => ({
    default: m.SecuritySystemsPage,
  })),
);
/** Lazily loaded StudentDetailPage of features/students. */
export const StudentDetailPage = lazy(() =>
  import('../features/students/StudentDetailPage.tsx').then((m) => ({ default: m.StudentDetailPage })),
);
/** Lazily loaded StudentsPage of features/students. */
export const StudentsPage = lazy(() =>
  import('../features/students/StudentsPage.tsx').then((m) => ({ default: m.StudentsPage })),
);
/** Lazily loaded MentoringPage of features/support. */
export const MentoringPage = lazy(() =>
  import('../features/support/MentoringPage.tsx').then((m) => ({ default: m.MentoringPage })),
);
/** Lazily loaded ReentryPlanPage of features/support. */
export const ReentryPlanPage = lazy(() =>
  import('../features/support/ReentryPlanPage.tsx').then((m) => ({ default: m.ReentryPlanPage })),
);
/** Lazily loaded ReentryPlansPage of features/support. */
export const ReentryPlansPage = lazy(() =>
  import('../features/support/ReentryPlansPage.tsx').then((m) => ({ default: m.ReentryPlansPage })),
);
/** Lazily loaded ReferralPage of features/support. */
export const ReferralPage = lazy(() =>
  import('../features/support/ReferralPage.tsx').then((m) => ({ default: m.ReferralPage })),
);
/** Lazily loaded ReferralsPage of features/support. */
export const ReferralsPage = lazy(() =>
  import('../features/support/ReferralsPage.tsx').then((m) => ({ default: m.ReferralsPage })),
);
/** Lazily loaded TeamPage of features/support. */
export const TeamPage = lazy(() =>
  import('../features/support/TeamPage.tsx').then((m) => ({ default: m.TeamPage })),
);
/** Lazily loaded TeamsPage of features/support. */
export const TeamsPage = lazy(() =>
  import('../features/support/TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })),
);
/** Lazily loaded NewCasePage of features/threats. */
export const NewCasePage = lazy(() =>
  import('../features/threats/NewCasePage.tsx').then((m) => ({ default: m.NewCasePage })),
);
/** Lazily loaded ThreatCasePage of features/threats. */
export const ThreatCasePage = lazy(() =>
  import('../features/threats/ThreatCasePage.tsx').then((m) => ({ default: m.ThreatCasePage })),
);
/** Lazily loaded ThreatsPage of features/threats. */
export const ThreatsPage = lazy(() =>
  import('../features/threats/ThreatsPage.tsx').then((m) => ({ default: m.ThreatsPage })),
);
/** Lazily loaded TipPage of features/tips. */
export const TipPage = lazy(() =>
  import('../features/tips/TipPage.tsx').then((m) => ({ default: m.TipPage })),
);
/** Lazily loaded TipsPage of features/tips. */
export const TipsPage = lazy(() =>
  import('../features/tips/TipsPage.tsx').then((m) => ({ default: m.TipsPage })),
);
/** Lazily loaded CheckTipPage of features/tips. */
export const CheckTipPage = lazy(() =>
  import('../features/tips/public/CheckTipPage.tsx').then((m) => ({ default: m.CheckTipPage })),
);
/** Lazily loaded ReportTipPage of features/tips. */
export const ReportTipPage = lazy(() =>
  import('../features/tips/public/ReportTipPage.tsx').then((m) => ({ default: m.ReportTipPage })),
);
/** Lazily loaded TrainingPage of features/training. */
export const TrainingPage = lazy(() =>
  import('../features/training/TrainingPage.tsx').then((m) => ({ default: m.TrainingPage })),
);
/** Lazily loaded TrainingSessionPage of features/training. */
export const TrainingSessionPage = lazy(() =>
  import('../features/training/TrainingSessionPage.tsx').then((m) => ({ default: m.TrainingSessionPage })),
);
/** Lazily loaded UserDetailPage of features/users. */
export const UserDetailPage = lazy(() =>
  import('../features/users/UserDetailPage.tsx').then((m) => ({ default: m.UserDetailPage })),
);
/** Lazily loaded UsersPage of features/users. */
export const UsersPage = lazy(() =>
  import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
/** Lazily loaded WorkOrderPage of features/work-orders. */
export const WorkOrderPage = lazy(() =>
  import('../features/work-orders/WorkOrderPage.tsx').then((m) => ({ default: m.WorkOrderPage })),
);
/** Lazily loaded WorkOrdersPage of features/work-orders. */
export const WorkOrdersPage = lazy(() =>
  import('../features/work-orders/WorkOrdersPage.tsx').then((m) => ({ default: m.WorkOrdersPage })),
);
/** Lazily loaded SetupPage of features/setup (first-run set-up, before any sign-in). */
export const SetupPage = lazy(() =>
  import('../features/setup/SetupPage.tsx').then((m) => ({ default: m.SetupPage })),
);
/** Lazily loaded DeploymentPage of features/setup (the deployment operator's districts). */
export const DeploymentPage = lazy(() =>
  import('../features/setup/DeploymentPage.tsx').then((m) => ({ default: m.DeploymentPage })),
);
/** Lazily loaded SchoolImportPage of features/school-import (NCES CCD school directory). */
export const SchoolImportPage = lazy(() =>
  import('../features/school-import/SchoolImportPage.tsx').then((m) => ({ default: m.SchoolImportPage })),
);
/** Lazily loaded DashboardPage of features/analytics. */
export const AnalyticsDashboardPage = lazy(() =>
  import('../features/analytics/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
/** Lazily loaded EquityPage of features/analytics. */
export const EquityPage = lazy(() =>
  import('../features/analytics/EquityPage.tsx').then((m) => ({ default: m.EquityPage })),
);
/** Lazily loaded CrdcPage of features/analytics. */
export const CrdcPage = lazy(() =>
  import('../features/analytics/CrdcPage.tsx').then((m) => ({ default: m.CrdcPage })),
);
/** Lazily loaded BackupsPage of features/backups. */
export const BackupsPage = lazy(() =>
  import('../features/backups/BackupsPage.tsx').then((m) => ({ default: m.BackupsPage })),
);

/** Lazily loaded UnsentPage of features/offline. */
export const UnsentPage = lazy(() =>
  import('../features/offline/UnsentPage.tsx').then((m) => ({ default: m.UnsentPage })),
);
/** Lazily loaded NibrsPage of features/nibrs. */
export const NibrsPage = lazy(() =>
  import('../features/nibrs/NibrsPage.tsx').then((m) => ({ default: m.NibrsPage })),
);

/** Lazily loaded RetentionPage of features/retention. */
export const RetentionPage = lazy(() =>
  import('../features/retention/RetentionPage.tsx').then((m) => ({ default: m.RetentionPage })),
);
