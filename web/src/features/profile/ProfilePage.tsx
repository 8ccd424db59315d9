import { Page, Section } from '../../components/Page.tsx';
import { roleLabel } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { TwoStepSection } from './TwoStepSection.tsx';
import { NotificationPreferences } from '../notifications/NotificationPreferences.tsx';
import { MySubscriptions } from '../reports/MySubscriptions.tsx';

/** The signed-in user's own page: who they are, their roles, password and two-step sign-in. */
export function ProfilePage() {
  const { user, session, can } = useSession();
  if (!user) return null;
  const schoolName = (id: string | null) =>
    id === null
      ? `District-wide${session.district ? ` (${session.district.name})` : ''}`
      : (session.schools.find((s) => s.id === id)?.name ?? 'A school');
  return (
    <Page
      title="Profile and security"
      description="Your account, your password, two-step sign-in, notifications and the reports you receive by e-mail."
    >
      <div className="page-sections">
        <Section title="Your account" id="account">
          <dl className="details">
            <div>
              <dt>Name</dt>
              <dd>{user.name}</dd>
            </div>
            <div>
              <dt>E-mail</dt>
              <dd>{user.email}</dd>
            </div>
            {user.title && (
              <div>
                <dt>Title</dt>
                <dd>{user.title}</dd>
              </div>
            )}
            <div>
              <dt>Roles</dt>
              <dd>
                <ul className="plain-list">
                  {session.grants.map((g) => (
                    <li key={`${g.role}-${g.schoolId ?? 'district'}`}>
                      {roleLabel(g.role)}: {schoolName(g.schoolId)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
          <p className="muted small">Your administrator keeps your name, title and roles up to date.</p>
        </Section>
        <Section title="Change password" id="password">
          <div className="narrow-form">
            <ChangePasswordForm />
          </div>
        </Section>
        <TwoStepSection />
        <NotificationPreferences />
        {/* Report subscriptions are for readers of reports: others would only be refused (403). */}
        {can('analytics.read') && <MySubscriptions />}
      </div>
    </Page>
  );
}
