/** The demo sign-ins: one per role, all with the same published password. */
import type { Role } from '../../../common/roles.js';

/** The password of every seeded account; printed at start-up, so only ever used for the demo district. */
export const DEMO_PASSWORD = 'srodesk-demo';

/** A demo sign-in; `schools` are school codes of the plan, empty for a district-wide role. */
export interface DemoAccount {
  email: string;
  role: Role;
  name: string;
  title: string;
  phone: string;
  badgeNumber?: string;
  schools: readonly string[];
  /** Holds the per-person juvenile-records grant (not every officer does: see OTHER_SROS in people.ts). */
  juvenileAccess?: boolean;
}

/**
 * One account per role, all centred on Riverbend High School (HS1) so a demonstration can switch between
 * them and see the same campus from each side. The SRO's school list must match SRO_COVERAGE[0].
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'sro@demo.test',
    role: 'sro',
    name: 'Daniel Reyes',
    title: 'School Resource Officer',
    phone: '512-555-0131',
    badgeNumber: '4172',
    schools: ['HS1', 'ES1', 'ES2'],
    juvenileAccess: true,
  },
  {
    email: 'supervisor@demo.test',
    role: 'supervisor',
    name: 'Angela Brooks',
    title: 'Sergeant, School Resource Unit',
    phone: '512-555-0132',
    badgeNumber: '2219',
    schools: [],
    juvenileAccess: true,
  },
  {
    email: 'admin@demo.test',
    role: 'school_admin',
    name: 'Patricia Nguyen',
    title: 'Principal',
    phone: '512-555-0133',
    schools: ['HS1'],
  },
  {
    email: 'counselor@demo.test',
    role: 'counselor',
    name: 'Marisol Delgado',
    title: 'Licensed Professional Counselor',
    phone: '512-555-0134',
    schools: ['HS1', 'MS1'],
  },
  {
    email: 'security@demo.test',
    role: 'security',
    name: 'Terrence Holloway',
    title: 'Campus Security Officer',
    phone: '512-555-0135',
    schools: ['HS1'],
  },
  {
    email: 'staff@demo.test',
    role: 'staff',
    name: 'Emily Carter',
    title: 'Teacher, English Language Arts',
    phone: '512-555-0136',
    schools: ['HS1'],
  },
  {
    email: 'director@demo.test',
    role: 'director',
    name: 'Robert Okafor',
    title: 'Executive Director of Safety and Security',
    phone: '512-555-0137',
    schools: [],
  },
  {
    email: 'sysadmin@demo.test',
    role: 'sysadmin',
    name: 'Kevin Lindqvist',
    title: 'Systems Administrator, Technology Services',
    phone: '512-555-0138',
    schools: [],
  },
];
