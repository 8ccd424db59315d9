import { NavLink } from 'react-router-dom';

/** The sub-navigation of patrols: the quick log and the security checks. */
export function PatrolTabs() {
  return (
    <nav className="sub-tabs" aria-label="Patrols and checks">
      <ul>
        <li>
          <NavLink to="/patrols" end>
            Patrol log
          </NavLink>
        </li>
        <li>
          <NavLink to="/patrols/checks" end>
            Security checks
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
