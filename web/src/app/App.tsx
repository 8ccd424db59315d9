import { Route, Routes, useLocation } from 'react-router-dom';
import { maySee, PERMISSION_CATEGORY } from '@common/need-to-know.ts';
import type { Permission } from '@common/permissions.ts';
import { Suspense, type ReactNode } from 'react';
import { Button } from '../components/Button.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { useSession } from '../lib/session.tsx';
import {
  CertificationsPage,
  CheckTipPage,
  DashboardPage,
  ProfilePage,
  ReportTipPage,
  SetupPage,
  SurveyPage,
  UnsentPage,
} from './pages.ts';
import { PAGE_ROUTES } from './routes.tsx';
import { AppShell } from './AppShell.tsx';
import { PageLoading } from './PageLoading.tsx';
import { ForbiddenPage, NotFoundPage } from './ErrorPages.tsx';
import { ForcedPasswordPage } from './ForcedPasswordPage.tsx';
import { MfaEnrolPage } from './MfaEnrolPage.tsx';
import { SignInPage } from './SignInPage.tsx';
import { SetPasswordPage } from './SetPasswordPage.tsx';

/**
 * Shows the page only to users holding the permission (or one of several) somewhere. A page whose data the
 * need-to-know table keeps from the user (common/need-to-know.ts) reads as not found, like a denied record; a page of
 * data they see but a task they lack says "not allowed".
 */
function Guard({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const { can, roles, outsider } = useSession();
  const all = typeof permission === 'string' ? [permission] : permission;
  if (all.some(can)) return children;
  const seen = all.some((p) => maySee(roles, outsider, PERMISSION_CATEGORY[p]));
  return seen ? <ForbiddenPage /> : <NotFoundPage />;
}

/** The whole app: decides from the session state which screen to show, then routes signed-in users. */
export function App() {
  const { status, error, session, refresh } = useSession();
  const { pathname } = useLocation();

  // The anonymous tip pages need no account and ignore whoever is signed in on this device.
  if (pathname === '/report' || pathname.startsWith('/report/'))
    return (
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="report" element={<ReportTipPage />} />
          <Route path="report/check" element={<CheckTipPage />} />
          <Route path="*" element={<ReportTipPage />} />
        </Routes>
      </Suspense>
    );

  // A class feedback survey is answered from a link, without an account.
  if (pathname.startsWith('/survey/'))
    return (
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="survey/:token" element={<SurveyPage />} />
        </Routes>
      </Suspense>
    );

  // First-run set-up is opened from the one-time link printed at start-up, before any account exists.
  if (pathname === '/setup')
    return (
      <Suspense fallback={<PageLoading />}>
        <SetupPage />
      </Suspense>
    );

  // An invitation link works signed in or not: it sets the password of the invited account only.
  if (pathname === '/set-password') return <SetPasswordPage />;

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
        <Route path="unsent" element={<UnsentPage />} />
        {PAGE_ROUTES.map((r) => (
          <Route key={r.path} path={r.path} element={<Guard permission={r.permission}>{r.element}</Guard>} />
        ))}
        <Route path="certifications" element={<CertificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
