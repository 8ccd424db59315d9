import { NavLink } from 'react-router-dom';

/** The sub-navigation of the activity log: entries, hours, the monthly report. */
export function ActivityTabs() {
  return (
    <nav className="sub-tabs" aria-label="Activity log">
      <ul>
        <li>
          <NavLink to="/activity" end>
            Log
          </NavLink>
        </li>
        <li>
          <NavLink to="/activity/hours" end>
            Hours
          </NavLink>
        </li>
        <li>
          <NavLink to="/activity/report" end>
            Monthly report
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
