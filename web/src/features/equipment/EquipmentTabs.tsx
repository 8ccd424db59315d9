import { NavLink } from 'react-router-dom';
import { useSession } from '../../lib/session.tsx';

/** The sub-navigation of safety equipment: the inventory and the district's due / overdue view. */
export function EquipmentTabs() {
  // The view of every school is worth a tab only to someone with more than one school.
  if (useSession().schools.length < 2) return null;
  return (
    <nav className="sub-tabs" aria-label="Safety equipment">
      <ul>
        <li>
          <NavLink to="/equipment" end>
            Inventory
          </NavLink>
        </li>
        <li>
          <NavLink to="/equipment/due" end>
            Due and overdue by school
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
