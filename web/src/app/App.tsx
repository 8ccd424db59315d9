import { Route, Routes, useLocation } from 'react-router-dom';
import type { Permission } from '@common/permissions.ts';
import type { ReactNode } from 'react';
import { Button } from '../components/Button.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { AlertDetailPage } from '../features/alerts/AlertDetailPage.tsx';
import { AlertsPage } from '../features/alerts/AlertsPage.tsx';
import { RaiseAlertPage } from '../features/alerts/RaiseAlertPage.tsx';
import { ReunificationPage } from '../features/alerts/reunification/ReunificationPage.tsx';
import { ReunificationsPage } from '../features/alerts/reunification/ReunificationsPage.tsx';
import { AssignmentsPage } from '../features/assignments/AssignmentsPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { CertificationsPage } from '../features/certifications/CertificationsPage.tsx';
import { DistrictPage } from '../features/district/DistrictPage.tsx';
import { CallQueuePage } from '../features/incidents/CallQueuePage.tsx';
import { IncidentEditPage } from '../features/incidents/IncidentEditPage.tsx';
import { IncidentsPage } from '../features/incidents/IncidentsPage.tsx';
import { IncidentViewPage } from '../features/incidents/IncidentViewPage.tsx';
import { ReviewQueuePage } from '../features/incidents/ReviewQueuePage.tsx';
import { TasksPage } from '../features/incidents/TasksPage.tsx';
import { CalendarPage } from '../features/drills/CalendarPage.tsx';
import { DrillsPage } from '../features/drills/DrillsPage.tsx';
import { RulesPage } from '../features/drills/RulesPage.tsx';
import { PlanDetailPage } from '../features/plans/PlanDetailPage.tsx';
import { PlansPage } from '../features/plans/PlansPage.tsx';
import { SrpReferencePage } from '../features/plans/SrpReferencePage.tsx';
import { TrainingPage } from '../features/training/TrainingPage.tsx';
import { ChecksPage } from '../features/patrols/ChecksPage.tsx';
import { ActivityPage } from '../features/activity/ActivityPage.tsx';
import { HoursPage } from '../features/activity/HoursPage.tsx';
import { ReportPage } from '../features/activity/ReportPage.tsx';
import { NoticesPage } from '../features/notices/NoticesPage.tsx';
import { EventsPage } from '../features/events/EventsPage.tsx';
import { DocumentsPage } from '../features/meetings/DocumentsPage.tsx';
import { MeetingPage } from '../features/meetings/MeetingPage.tsx';
import { MeetingsPage } from '../features/meetings/MeetingsPage.tsx';
import { OutboxPage } from '../features/outbox/OutboxPage.tsx';
import { PatrolsPage } from '../features/patrols/PatrolsPage.tsx';
import { TrainingSessionPage } from '../features/training/TrainingSessionPage.tsx';
import { ProfilePage } from '../features/profile/ProfilePage.tsx';
import { ReferralInboxPage } from '../features/referrals/ReferralInboxPage.tsx';
import { SchoolDetailPage } from '../features/schools/SchoolDetailPage.tsx';
import { SchoolsPage } from '../features/schools/SchoolsPage.tsx';
import { StudentDetailPage } from '../features/students/StudentDetailPage.tsx';
import { StudentsPage } from '../features/students/StudentsPage.tsx';
import { UserDetailPage } from '../features/users/UserDetailPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { CheckTipPage } from '../features/tips/public/CheckTipPage.tsx';
import { ReportTipPage } from '../features/tips/public/ReportTipPage.tsx';
import { NewCasePage } from '../features/threats/NewCasePage.tsx';
import { ThreatCasePage } from '../features/threats/ThreatCasePage.tsx';
import { ThreatsPage } from '../features/threats/ThreatsPage.tsx';
import { TipPage } from '../features/tips/TipPage.tsx';
import { TipsPage } from '../features/tips/TipsPage.tsx';
import { ClassPage } from '../features/education/ClassPage.tsx';
import { EducationPage } from '../features/education/EducationPage.tsx';
import { EDUCATION_PERMISSIONS } from '../features/education/EducationTabs.tsx';
import { HoursPage as EducationHoursPage } from '../features/education/HoursPage.tsx';
import { OutreachPage } from '../features/education/OutreachPage.tsx';
import { SurveyPage } from '../features/education/public/SurveyPage.tsx';
import { RosterImportPage } from '../features/roster-import/RosterImportPage.tsx';
import { MentoringPage } from '../features/support/MentoringPage.tsx';
import { ReentryPlanPage } from '../features/support/ReentryPlanPage.tsx';
import { ReentryPlansPage } from '../features/support/ReentryPlansPage.tsx';
import { ReferralPage } from '../features/support/ReferralPage.tsx';
import { ReferralsPage } from '../features/support/ReferralsPage.tsx';
import { SUPPORT_PERMISSIONS } from '../features/support/SupportTabs.tsx';
import { TeamPage } from '../features/support/TeamPage.tsx';
import { TeamsPage } from '../features/support/TeamsPage.tsx';
import { AssessmentPage } from '../features/assessments/AssessmentPage.tsx';
import { AssessmentsPage } from '../features/assessments/AssessmentsPage.tsx';
import { ComparePage } from '../features/assessments/ComparePage.tsx';
import { FindingsPage } from '../features/assessments/FindingsPage.tsx';
import { TemplatePage } from '../features/assessments/TemplatePage.tsx';
import { DirectoryEntryPage } from '../features/directory/DirectoryEntryPage.tsx';
import { DirectoryPage } from '../features/directory/DirectoryPage.tsx';
import { DistrictDuePage } from '../features/equipment/DistrictDuePage.tsx';
import { EquipmentItemPage } from '../features/equipment/EquipmentItemPage.tsx';
import { EquipmentPage } from '../features/equipment/EquipmentPage.tsx';
import { DistrictOverviewPage } from '../features/security-systems/DistrictOverviewPage.tsx';
import { SecuritySystemPage } from '../features/security-systems/SecuritySystemPage.tsx';
import { SecuritySystemsPage } from '../features/security-systems/SecuritySystemsPage.tsx';
import { WorkOrderPage } from '../features/work-orders/WorkOrderPage.tsx';
import { WorkOrdersPage } from '../features/work-orders/WorkOrdersPage.tsx';
import { useSession } from '../lib/session.tsx';
import { AppShell } from './AppShell.tsx';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.tsx';
import { ForcedPasswordPage } from './ForcedPasswordPage.tsx';
import { MfaEnrolPage } from './MfaEnrolPage.tsx';
import { SignInPage } from './SignInPage.tsx';

/** Shows the page only to users holding the permission (or one of several) somewhere; others get a clear "not allowed". */
function Guard({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const { can } = useSession();
  const allowed = typeof permission === 'string' ? can(permission) : permission.some(can);
  return allowed ? children : <ForbiddenPage />;
}

/** The whole app: decides from the session state which screen to show, then routes signed-in users. */
export function App() {
  const { status, error, session, refresh } = useSession();
  const { pathname } = useLocation();

  // The anonymous tip pages need no account and ignore whoever is signed in on this device.
  if (pathname === '/report' || pathname.startsWith('/report/'))
    return (
      <Routes>
        <Route path="report" element={<ReportTipPage />} />
        <Route path="report/check" element={<CheckTipPage />} />
        <Route path="*" element={<ReportTipPage />} />
      </Routes>
    );

  // A class feedback survey is answered from a link, without an account.
  if (pathname.startsWith('/survey/'))
    return (
      <Routes>
        <Route path="survey/:token" element={<SurveyPage />} />
      </Routes>
    );

  if (status === 'loading') {
    return (
      <main className="center-screen">
        <Spinner label="Loading SRO Desk…" />
      </main>
    );
  }
  if (status === 'error') {
    return (
      <main className="center-screen">
        <div className="card narrow stack">
          <h1>SRO Desk is not reachable</h1>
          <ErrorBanner error={new Error(error ?? 'Cannot reach the server')} title="No connection" />
          <Button variant="primary" onClick={() => void refresh().catch(() => undefined)}>
            Try again
          </Button>
        </div>
      </main>
    );
  }
  if (session.state === 'anonymous' || session.state === 'mfa_pending') return <SignInPage />;
  if (session.state === 'mfa_enrolment_required') return <MfaEnrolPage />;
  if (session.user?.mustChangePassword) return <ForcedPasswordPage />;

  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<DashboardPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route
          path="incidents"
          element={
            <Guard permission="incident.read">
              <IncidentsPage />
            </Guard>
          }
        />
        <Route
          path="incidents/calls"
          element={
            <Guard permission="call.read">
              <CallQueuePage />
            </Guard>
          }
        />
        <Route
          path="incidents/review"
          element={
            <Guard permission="incident.approve">
              <ReviewQueuePage />
            </Guard>
          }
        />
        <Route
          path="incidents/tasks"
          element={
            <Guard permission="incident.read">
              <TasksPage />
            </Guard>
          }
        />
        <Route
          path="incidents/:id"
          element={
            <Guard permission="incident.read">
              <IncidentViewPage />
            </Guard>
          }
        />
        <Route
          path="referrals/discipline"
          element={
            <Guard permission="discipline.receive">
              <ReferralInboxPage kind="administration" />
            </Guard>
          }
        />
        <Route
          path="referrals/counseling"
          element={
            <Guard permission="referral.manage">
              <ReferralInboxPage kind="counseling" />
            </Guard>
          }
        />
        <Route
          path="incidents/:id/edit"
          element={
            <Guard permission="incident.create">
              <IncidentEditPage />
            </Guard>
          }
        />
        <Route
          path="schools"
          element={
            <Guard permission="school.read">
              <SchoolsPage />
            </Guard>
          }
        />
        <Route
          path="schools/:id"
          element={
            <Guard permission="school.read">
              <SchoolDetailPage />
            </Guard>
          }
        />
        <Route
          path="assignments"
          element={
            <Guard permission="assignment.read">
              <AssignmentsPage />
            </Guard>
          }
        />
        <Route
          path="users"
          element={
            <Guard permission="user.manage">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="users/:id"
          element={
            <Guard permission="user.read">
              <UserDetailPage />
            </Guard>
          }
        />
        <Route
          path="students"
          element={
            <Guard permission="student.read">
              <StudentsPage />
            </Guard>
          }
        />
        <Route
          path="students/:id"
          element={
            <Guard permission="student.read">
              <StudentDetailPage />
            </Guard>
          }
        />
        <Route
          path="district"
          element={
            <Guard permission="district.manage">
              <DistrictPage />
            </Guard>
          }
        />
        <Route
          path="alerts"
          element={
            <Guard permission="alert.receive">
              <AlertsPage />
            </Guard>
          }
        />
        <Route
          path="alerts/raise"
          element={
            <Guard permission="alert.raise">
              <RaiseAlertPage />
            </Guard>
          }
        />
        <Route
          path="alerts/:id"
          element={
            <Guard permission="alert.receive">
              <AlertDetailPage />
            </Guard>
          }
        />
        <Route
          path="reunification"
          element={
            <Guard permission="reunification.manage">
              <ReunificationsPage />
            </Guard>
          }
        />
        <Route
          path="reunification/:id"
          element={
            <Guard permission="reunification.manage">
              <ReunificationPage />
            </Guard>
          }
        />
        <Route
          path="tips"
          element={
            <Guard permission="tip.read">
              <TipsPage />
            </Guard>
          }
        />
        <Route
          path="tips/:id"
          element={
            <Guard permission="tip.read">
              <TipPage />
            </Guard>
          }
        />
        <Route
          path="threats"
          element={
            <Guard permission="threat.read">
              <ThreatsPage />
            </Guard>
          }
        />
        <Route
          path="threats/new"
          element={
            <Guard permission="threat.manage">
              <NewCasePage />
            </Guard>
          }
        />
        <Route
          path="threats/:id"
          element={
            <Guard permission="threat.read">
              <ThreatCasePage />
            </Guard>
          }
        />
        <Route
          path="audit"
          element={
            <Guard permission="audit.read">
              <AuditPage />
            </Guard>
          }
        />
        <Route
          path="plans"
          element={
            <Guard permission="plan.read">
              <PlansPage />
            </Guard>
          }
        />
        <Route
          path="plans/srp"
          element={
            <Guard permission="plan.read">
              <SrpReferencePage />
            </Guard>
          }
        />
        <Route
          path="plans/:id"
          element={
            <Guard permission="plan.read">
              <PlanDetailPage />
            </Guard>
          }
        />
        <Route
          path="drills"
          element={
            <Guard permission="drill.read">
              <DrillsPage />
            </Guard>
          }
        />
        <Route
          path="drills/rules"
          element={
            <Guard permission="drill.read">
              <RulesPage />
            </Guard>
          }
        />
        <Route
          path="drills/calendar"
          element={
            <Guard permission="drill.rules.manage">
              <CalendarPage />
            </Guard>
          }
        />
        <Route
          path="training"
          element={
            <Guard permission="training.read">
              <TrainingPage />
            </Guard>
          }
        />
        <Route
          path="training/:id"
          element={
            <Guard permission="training.manage">
              <TrainingSessionPage />
            </Guard>
          }
        />
        <Route
          path="patrols"
          element={
            <Guard permission="patrol.read">
              <PatrolsPage />
            </Guard>
          }
        />
        <Route
          path="patrols/checks"
          element={
            <Guard permission="patrol.read">
              <ChecksPage />
            </Guard>
          }
        />
        <Route
          path="activity"
          element={
            <Guard permission="activity.read">
              <ActivityPage />
            </Guard>
          }
        />
        <Route
          path="activity/hours"
          element={
            <Guard permission="activity.read">
              <HoursPage />
            </Guard>
          }
        />
        <Route
          path="activity/report"
          element={
            <Guard permission="activity.read">
              <ReportPage />
            </Guard>
          }
        />
        <Route
          path="notices"
          element={
            <Guard permission="notice.read">
              <NoticesPage />
            </Guard>
          }
        />
        <Route
          path="events"
          element={
            <Guard permission="event.read">
              <EventsPage />
            </Guard>
          }
        />
        <Route
          path="meetings"
          element={
            <Guard permission="meeting.manage">
              <MeetingsPage />
            </Guard>
          }
        />
        <Route
          path="meetings/documents"
          element={
            <Guard permission="meeting.manage">
              <DocumentsPage />
            </Guard>
          }
        />
        <Route
          path="meetings/:id"
          element={
            <Guard permission="meeting.manage">
              <MeetingPage />
            </Guard>
          }
        />
        <Route
          path="district/outbox"
          element={
            <Guard permission="district.manage">
              <OutboxPage />
            </Guard>
          }
        />
        <Route path="certifications" element={<CertificationsPage />} />
        <Route
          path="education"
          element={
            <Guard permission={EDUCATION_PERMISSIONS}>
              <EducationPage />
            </Guard>
          }
        />
        <Route
          path="education/classes/:id"
          element={
            <Guard permission="education.read">
              <ClassPage />
            </Guard>
          }
        />
        <Route
          path="education/outreach"
          element={
            <Guard permission="education.read">
              <OutreachPage />
            </Guard>
          }
        />
        <Route
          path="education/hours"
          element={
            <Guard permission="education.read">
              <EducationHoursPage />
            </Guard>
          }
        />
        <Route
          path="support"
          element={
            <Guard permission={SUPPORT_PERMISSIONS}>
              <ReferralsPage />
            </Guard>
          }
        />
        <Route
          path="support/referrals/:id"
          element={
            <Guard permission="referral.read">
              <ReferralPage />
            </Guard>
          }
        />
        <Route
          path="support/mentoring"
          element={
            <Guard permission="support.read">
              <MentoringPage />
            </Guard>
          }
        />
        <Route
          path="support/reentry"
          element={
            <Guard permission={['support.plan', 'support.oversee'] as const}>
              <ReentryPlansPage />
            </Guard>
          }
        />
        <Route
          path="support/reentry/:id"
          element={
            <Guard permission={['support.plan', 'support.oversee'] as const}>
              <ReentryPlanPage />
            </Guard>
          }
        />
        <Route
          path="support/teams"
          element={
            <Guard permission={['support.plan', 'support.oversee'] as const}>
              <TeamsPage />
            </Guard>
          }
        />
        <Route
          path="support/teams/:id"
          element={
            <Guard permission={['support.plan', 'support.oversee'] as const}>
              <TeamPage />
            </Guard>
          }
        />
        <Route
          path="data"
          element={
            <Guard permission="import.run">
              <RosterImportPage />
            </Guard>
          }
        />
        <Route
          path="equipment"
          element={
            <Guard permission="equipment.read">
              <EquipmentPage />
            </Guard>
          }
        />
        <Route
          path="equipment/due"
          element={
            <Guard permission="equipment.read">
              <DistrictDuePage />
            </Guard>
          }
        />
        <Route
          path="equipment/:id"
          element={
            <Guard permission="equipment.read">
              <EquipmentItemPage />
            </Guard>
          }
        />
        <Route
          path="security-systems"
          element={
            <Guard permission="security_system.read">
              <SecuritySystemsPage />
            </Guard>
          }
        />
        <Route
          path="security-systems/district"
          element={
            <Guard permission="security_system.read">
              <DistrictOverviewPage />
            </Guard>
          }
        />
        <Route
          path="security-systems/:id"
          element={
            <Guard permission="security_system.read">
              <SecuritySystemPage />
            </Guard>
          }
        />
        <Route
          path="assessments"
          element={
            <Guard permission="assessment.read">
              <AssessmentsPage />
            </Guard>
          }
        />
        <Route
          path="assessments/findings"
          element={
            <Guard permission="assessment.read">
              <FindingsPage />
            </Guard>
          }
        />
        <Route
          path="assessments/compare"
          element={
            <Guard permission="assessment.read">
              <ComparePage />
            </Guard>
          }
        />
        <Route
          path="assessments/template"
          element={
            <Guard permission="assessment.read">
              <TemplatePage />
            </Guard>
          }
        />
        <Route
          path="assessments/:id"
          element={
            <Guard permission="assessment.read">
              <AssessmentPage />
            </Guard>
          }
        />
        <Route
          path="work-orders"
          element={
            <Guard permission="work_order.read">
              <WorkOrdersPage />
            </Guard>
          }
        />
        <Route
          path="work-orders/:id"
          element={
            <Guard permission="work_order.read">
              <WorkOrderPage />
            </Guard>
          }
        />
        <Route
          path="directory"
          element={
            <Guard permission="directory.read">
              <DirectoryPage />
            </Guard>
          }
        />
        <Route
          path="directory/:id"
          element={
            <Guard permission="directory.read">
              <DirectoryEntryPage />
            </Guard>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
