import { Link } from 'react-router-dom';
import { PERMISSIONS } from '@common/permissions.ts';
import { visibleNavigation } from '../../app/navigation.ts';
import { Page } from '../../components/Page.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { NeedsList } from '../home/NeedsList.tsx';
import { givenName, plural, roleLabel } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { LifeSafetyNotices } from '../tips/LifeSafetyNotices.tsx';
import { BackupFailedNotice } from '../backups/BackupFailedNotice.tsx';
import { MyAssignments } from './MyAssignments.tsx';
import { MyStatusCard } from './MyStatusCard.tsx';
import { SroStatusCard } from './SroStatusCard.tsx';

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/**
 * The "today" home: what needs the user now (live), the SRO's own status one tap from leaving, a raise-alert
 * button for staff, then their roles and schools and the index of every module they can open.
 */
export function DashboardPage() {
  const { user, roles, session, can, outsider } = useSession();
  if (!user) return null;
  const groups = visibleNavigation(can, roles, outsider);
  const firstName = givenName(user.name);
  const districtWide = session.grants.some((g) => g.schoolId === null);
  const schools = session.schools;

  return (
    <Page title={`${greeting(new Date().getHours())}, ${firstName}`} description={session.district?.name}>
      <div className="page-sections">
        {roles.includes('staff') && can('alert.raise') && (
          <p className="home-raise">
            <ButtonLink to="/alerts/raise" variant="danger">
              Raise an alert
            </ButtonLink>
          </p>
        )}
        {can('tip.read') && <LifeSafetyNotices />}
        {can('backup.run') && <BackupFailedNotice />}
        {can('notice.read') && !roles.includes('sro') && <SroStatusCard />}
        {can('notice.send') && roles.includes('sro') && <MyStatusCard />}
        <NeedsList />
        <section className="card welcome" aria-labelledby="welcome-title">
          <h2 id="welcome-title" className="visually-hidden">
            Your roles and schools
          </h2>
          <div className="welcome-grid">
            <div>
              <p className="welcome-label">Your roles</p>
              <ul className="chip-list">
                {roles.map((r) => (
                  <li key={r} className="chip">
                    {roleLabel(r)}
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <p className="welcome-label">{districtWide ? 'District-wide' : 'Your schools'}</p>
              {districtWide ? (
                <p>
                  All {plural(schools.length, 'school')} of {session.district?.name ?? 'the district'}
                </p>
              ) : schools.length === 0 ? (
                <p className="muted">No school yet. Ask your administrator to add you to one.</p>
              ) : (
                <ul className="plain-list">
                  {schools.map((s) => (
                    <li key={s.id}>{s.name}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </section>

        {!user.mfaEnabled && (
          <div className="banner banner-warning">
            <p className="banner-text">
              Two-step sign-in is off for your account. <Link to="/profile">Turn it on in your profile</Link>{' '}
              to protect the records you can see.
            </p>
          </div>
        )}

        {roles.includes('sro') && <MyAssignments userId={user.id} />}

        {groups.length > 0 && (
          <details className="card module-index" id="capabilities">
            <summary>All modules</summary>
            {groups.map((group) => (
              <div key={group.name} className="card-group">
                <h3>{group.name}</h3>
                <ul className="capability-cards">
                  {group.items.map((item) => (
                    <li key={item.path}>
                      <Link to={item.path} className="capability-card">
                        <span className="capability-title">{item.label}</span>
                        <span className="capability-text">{PERMISSIONS[item.permission]}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </details>
        )}
      </div>
    </Page>
  );
}
