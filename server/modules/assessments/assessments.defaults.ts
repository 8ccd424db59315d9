import type { AssessmentLayer } from '../../../common/assessments.js';

// The district template a new district starts from, after the CISA K-12 School Security Guide and its assessment
// tool (layers meant to detect, delay and respond), PASS guidelines for digital infrastructure, and CPTED.
// Districts edit their copy; assessments copy the active items.

/** A default template measure. */
export interface DefaultItem {
  layer: AssessmentLayer;
  title: string;
  guidance: string;
}

/** The default measures, in order within each layer. */
export const DEFAULT_TEMPLATE: readonly DefaultItem[] = [
  { layer: 'district_policies', title: 'Behavioral threat assessment team and process', guidance: 'Multidisciplinary team (administrator, SRO, counselor or psychologist), written procedures, low threshold of concern.' },
  { layer: 'district_policies', title: 'Emergency operations plan reviewed annually and exercised', guidance: 'Plan approved this year; drills meet the state rule; after-action items tracked.' },
  { layer: 'district_policies', title: 'Visitor management policy', guidance: 'Sign-in, identification check, badges, escort rules, applied at every school.' },
  { layer: 'district_policies', title: 'Key and access-credential control', guidance: 'Issued keys and badges inventoried; lost or departed staff credentials revoked the same day.' },
  { layer: 'district_policies', title: 'Anonymous reporting with follow-up of every report', guidance: 'A tip line known to students and parents; every report triaged and answered.' },
  { layer: 'district_policies', title: 'Staff training on emergency procedures', guidance: 'Standard response protocol, lockdown, evacuation, stop-the-bleed; records kept.' },
  { layer: 'district_policies', title: 'MOU with the law-enforcement agency', guidance: 'Signed by both heads; SRO roles set; SROs kept out of formal school discipline.' },
  { layer: 'grounds_perimeter', title: 'Perimeter defined by fencing or natural barriers', guidance: 'Territorial reinforcement (CPTED): visitors channelled toward the main entrance.' },
  { layer: 'grounds_perimeter', title: 'Signs direct visitors to a single main entrance', guidance: 'Visible from parking and street approaches.' },
  { layer: 'grounds_perimeter', title: 'Vehicle barriers at drop-off and building approaches', guidance: 'Bollards, planters or curbs keep vehicles from entrances and gathering areas.' },
  { layer: 'grounds_perimeter', title: 'Lighting of parking, walkways and entrances', guidance: 'Working fixtures, no dark spots near doors and paths used after hours.' },
  { layer: 'grounds_perimeter', title: 'Clear sight lines from the building', guidance: 'Natural surveillance: shrubs below 3 ft, tree canopies above 7 ft, no hiding spots.' },
  { layer: 'grounds_perimeter', title: 'Bus loop separated from parent drop-off', guidance: 'Traffic separated; supervision posted at arrival and dismissal.' },
  { layer: 'grounds_perimeter', title: 'Camera coverage of parking and approaches', guidance: 'Cameras working and recording; images usable at night.' },
  { layer: 'building_exterior', title: 'Single visitor entrance with a secure vestibule', guidance: 'Visitors buzzed in after identification; no access beyond the office without check-in.' },
  { layer: 'building_exterior', title: 'Exterior doors locked, monitored and numbered', guidance: 'Door-prop alarms; doors numbered inside and out for first responders.' },
  { layer: 'building_exterior', title: 'Electronic access control on staff entrances', guidance: 'Badges logged; schedules lock doors outside school hours.' },
  { layer: 'building_exterior', title: 'Entry glazing protected', guidance: 'Security film or laminated glass at and beside entrances.' },
  { layer: 'building_exterior', title: 'Portable classrooms secured and connected', guidance: 'Lockable doors, two-way communication with the office, included in drills.' },
  { layer: 'building_exterior', title: 'Roof access and ladders secured', guidance: 'Hatches locked, exterior ladders caged or removed.' },
  { layer: 'building_exterior', title: 'Camera coverage of every entrance', guidance: 'Faces identifiable at entry; footage retained per policy.' },
  { layer: 'building_interior', title: 'Classroom doors lock from inside', guidance: 'Locking without stepping into the hall; no unapproved barricade devices.' },
  { layer: 'building_interior', title: 'Safe areas marked in classrooms', guidance: 'Out of sight of door windows; window coverings available.' },
  { layer: 'building_interior', title: 'Two-way communication from every room', guidance: 'Intercom, phone or radio reaches the office from classrooms and common spaces.' },
  { layer: 'building_interior', title: 'Mass notification heard everywhere', guidance: 'PA and alerts audible in gyms, cafeteria, outdoors and portables.' },
  { layer: 'building_interior', title: 'Interior cameras in halls and common spaces', guidance: 'Monitored during the day; shared with police in an emergency.' },
  { layer: 'building_interior', title: 'AEDs and bleeding-control kits accessible', guidance: 'Marked, inspected on schedule, staff trained.' },
  { layer: 'building_interior', title: 'Floor plans shared with first responders', guidance: 'Current plans with room numbers, utility shut-offs and door numbers.' },
  { layer: 'digital_infrastructure', title: 'Security systems on a separate network', guidance: 'Cameras, access control and alarm panels segmented from school networks.' },
  { layer: 'digital_infrastructure', title: 'Multi-factor sign-in for staff and system administration', guidance: 'Security system consoles and staff e-mail require two-step sign-in.' },
  { layer: 'digital_infrastructure', title: 'Default passwords changed on security devices', guidance: 'No factory credentials on cameras, controllers, panels or intercoms.' },
  { layer: 'digital_infrastructure', title: 'Firmware and patches kept current', guidance: 'Cameras, access control and alarm panels updated on a schedule.' },
  { layer: 'digital_infrastructure', title: 'Backups of critical systems with tested restore', guidance: 'Student information, safety plans and system configurations restorable.' },
  { layer: 'digital_infrastructure', title: 'Cyber incident response plan', guidance: 'Who does what when systems are down or held for ransom; contacts current.' },
  { layer: 'digital_infrastructure', title: 'Online threat and social-media monitoring procedure', guidance: 'How threats seen online reach the threat-assessment team.' },
];
