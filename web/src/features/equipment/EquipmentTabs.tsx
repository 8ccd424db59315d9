import { NavLink } from 'react-router-dom';

/** The sub-navigation of safety equipment: the inventory and the district's due / overdue view. */
export function EquipmentTabs() {
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
