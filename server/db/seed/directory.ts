import type { DirectoryKind } from '../../../common/directory.js';
import type { directoryOrganizations, directoryOrganizationSchools } from '../schema/index.js';
import type { DemoData } from './model.js';
import { fictionalPhone, Rng } from './random.js';

/*
 * The contact directory of the demo district: the agencies an SRO program works with, two contracted mental-health
 * vendors, community programs and maintenance/security vendors. Some serve the whole district, some a few schools.
 * A pure function of the demo data: the same district gives the same ids.
 */

/** The directory rows of the demo district. */
export interface DirectorySeed {
  entries: (typeof directoryOrganizations.$inferInsert & { id: string })[];
  served: (typeof directoryOrganizationSchools.$inferInsert)[];
  /** Ids by role in the demo, for other seeds (the vendor whose staff signs in, the door vendor). */
  ids: { counselingVendor: string; communityProgram: string; doorVendor: string; securityVendor: string };
}

const ENTRIES: [name: string, kind: DirectoryKind, contact: string, services: string, servesSchools: 'all' | 'high' | 'elementary'][] = [
  ['Riverbend Police Department', 'law_enforcement', 'Lt. Dana Ortiz', 'Patrol backup, juvenile investigations, records requests', 'all'],
  ['Harlan County Sheriff\'s Office', 'law_enforcement', 'Sgt. Paul Whitaker', 'Rural patrol, warrants, transport', 'all'],
  ['Riverbend Fire & EMS', 'fire_ems', 'Capt. Rosa Jimenez', 'Fire inspections, EMS, drill observers', 'all'],
  ['Harlan County Juvenile Probation', 'juvenile_justice', 'Marcus Lee', 'Probation officers, re-entry planning, diversion', 'all'],
  ['Lakeside Behavioral Health', 'mental_health_vendor', 'Dr. Priya Nair', 'School-based counseling, crisis evaluation, family therapy', 'high'],
  ['Bright Path Counseling', 'mental_health_vendor', 'Alicia Moreno, LPC', 'Elementary play therapy, grief groups', 'elementary'],
  ['Big Brothers Big Sisters of Riverbend', 'community_program', 'Tom Reyes', 'One-to-one mentoring, school-based matches', 'all'],
  ['Riverbend Boys & Girls Club', 'community_program', 'Keisha Grant', 'After-school program, teen center, summer camp', 'all'],
  ['Harlan County Youth Substance Use Program', 'community_program', 'Dr. Evan Cho', 'Vaping cessation, substance use education, assessments', 'high'],
  ['Acme Door & Lock', 'maintenance_vendor', 'Service desk', 'Door hardware, access control locks, gates', 'all'],
  ['Sentinel Security Systems', 'security_vendor', 'Support line', 'Cameras, door controllers, intrusion alarms, intercoms', 'all'],
  ['Lone Star Fire Protection', 'maintenance_vendor', 'Scheduling', 'Extinguisher service, fire alarm inspections', 'all'],
];

/** The directory of the demo district. */
export function generateDirectory(data: DemoData): DirectorySeed {
  const rng = new Rng(0xd1ec7041);
  const entries: DirectorySeed['entries'] = [];
  const served: DirectorySeed['served'] = [];
  for (const [name, kind, contactName, services, servesSchools] of ENTRIES) {
    const id = rng.uuid();
    const domain = name.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 20);
    entries.push({
      id, districtId: data.district.id, name, kind, contactName, services, phone: fictionalPhone(rng, '512'),
      email: `contact@${domain}.example`, website: `https://${domain}.example`, address: `${rng.int(100, 9000)} Main St, Riverbend, TX`,
    });
    if (servesSchools === 'all') continue;
    const levels = servesSchools === 'high' ? ['high'] : ['elementary'];
    for (const school of data.schools.filter((s) => levels.includes(String(s.level)))) served.push({ organizationId: id, schoolId: school.id });
  }
  const idOf = (name: string) => entries.find((e) => e.name === name)!.id;
  return {
    entries, served,
    ids: {
      counselingVendor: idOf('Lakeside Behavioral Health'), communityProgram: idOf('Big Brothers Big Sisters of Riverbend'),
      doorVendor: idOf('Acme Door & Lock'), securityVendor: idOf('Sentinel Security Systems'),
    },
  };
}
