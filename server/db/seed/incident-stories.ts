/**
 * What happens at schools, as the demo tells it: each story gives the offenses, who is involved, what the
 * officer did and the words of the summary and narrative. Invented, plausible, and never about real people.
 */
import type { ActionKind, OffenseInput, PersonRole } from '../../../common/incidents.js';

/** One kind of incident of the demo. */
export interface Story {
  key: string;
  weight: number;
  /** Secondary schools only (no vaping arrests at an elementary). */
  secondary?: boolean;
  offenses: OffenseInput[];
  /** Roles of the students involved, in order; visitors are added by `visitor`. */
  students: PersonRole[];
  visitor?: PersonRole;
  /** Per-student actions with their probability, applied to suspects. */
  actions: [ActionKind, number][];
  referral?: 'administration' | 'counseling';
  summary: string[];
  narrative: string[];
  areaKinds: string[];
}

/** A NIBRS offense of a story: no alcohol/drug suspicion, no bias (the demo has no hate crimes). */
function nibrs(code: string, weaponForce: string[] = [], criminalActivity: string[] = []): OffenseInput {
  return { kind: 'nibrs', code, attempted: false, weaponForce, offenderUsing: ['N'], bias: ['88'], criminalActivity };
}

const fight: OffenseInput[] = [nibrs('13B', ['40'], ['N']), { kind: 'school', category: 'fight', attempted: false, weaponForce: [] }];

/** The stories with their relative frequency. */
export const STORIES: readonly Story[] = [
  {
    key: 'vaping', weight: 20, secondary: true, offenses: [{ kind: 'school', category: 'vaping', attempted: false, weaponForce: [] }],
    students: ['suspect'], actions: [['warning', 0.6], ['referral_administration', 0.9]], referral: 'administration',
    summary: ['Vape device found in restroom', 'Student vaping in locker room', 'Vape pen confiscated in hallway'],
    narrative: [
      'A staff member reported the smell of vapor in the {area}. I responded and located {s0} with a vape device in a backpack pocket. The device was collected and logged. The matter was referred to campus administration under the student code of conduct.',
      'During passing period a teacher observed {s0} exhaling vapor near the {area}. I spoke with the student, who surrendered a disposable vape. No THC markings were present. Parents were contacted by the assistant principal.',
    ],
    areaKinds: ['common', 'room'],
  },
  {
    key: 'fight', weight: 18, offenses: fight, students: ['suspect', 'victim', 'witness'],
    actions: [['warning', 0.4], ['referral_administration', 0.8], ['citation', 0.15], ['arrest', 0.03]], referral: 'administration',
    summary: ['Fight in the cafeteria', 'Mutual combat at dismissal', 'Physical altercation in hallway'],
    narrative: [
      'I was called to the {area} for a fight in progress. On arrival {s0} and {s1} were exchanging closed-fist punches. I separated them with the help of staff. {s2} stated the argument began over social media posts. Neither student required medical care beyond the nurse.',
      'Staff radioed a fight near the {area}. I observed {s0} push {s1} into the lockers and strike him twice. Both students were escorted to the office. Video from the hallway camera was reviewed and preserved.',
    ],
    areaKinds: ['common', 'bus_loop', 'field'],
  },
  {
    key: 'theft', weight: 10, offenses: [nibrs('23D')],
    students: ['victim', 'suspect'], actions: [['warning', 0.5], ['referral_administration', 0.5]], referral: 'administration',
    summary: ['Phone stolen from locker', 'Wallet taken in gym', 'Earbuds missing from classroom'],
    narrative: [
      '{s0} reported that a phone was taken from an unlocked locker in the {area} during athletics. A review of camera footage identified {s1} opening the locker. The phone was recovered and returned to its owner.',
      '{s0} reported property missing after class in the {area}. I took a description and serial number. {s1} was later found in possession of the item and returned it.',
    ],
    areaKinds: ['room', 'building'],
  },
  {
    key: 'drugs', weight: 7, secondary: true, offenses: [nibrs('35A', [], ['P']), { kind: 'school', category: 'drugs', attempted: false, weaponForce: [] }],
    students: ['suspect'], actions: [['referral_administration', 0.9], ['citation', 0.3], ['arrest', 0.15]], referral: 'administration',
    summary: ['Marijuana found during search', 'Suspected pills in backpack'],
    narrative: [
      'An administrator conducted a search of {s0} based on reasonable suspicion and located a small bag of green leafy substance. I field-tested the substance, which tested positive for marijuana. The evidence was tagged and secured.',
      'I was asked to assist with {s0}, who was reported to be distributing pills in the {area}. Six unmarked tablets were found. They were collected for laboratory testing and parents were notified.',
    ],
    areaKinds: ['common', 'parking'],
  },
  {
    key: 'bullying', weight: 8, offenses: [{ kind: 'school', category: 'bullying', attempted: false, weaponForce: [] }],
    students: ['victim', 'suspect'], actions: [['warning', 0.7], ['referral_counseling', 0.6]], referral: 'counseling',
    summary: ['Repeated bullying reported by parent', 'Online harassment between students'],
    narrative: [
      'A parent reported that {s0} has been repeatedly mocked and shoved by {s1} in the {area}. I met with both students separately and with a counselor. The behaviour was documented and a no-contact agreement was put in place.',
      '{s0} showed me messages sent by {s1} over several weeks. No threats of violence were made. The matter was referred to counseling and administration for the bullying policy.',
    ],
    areaKinds: ['common', 'room'],
  },
  {
    key: 'threat', weight: 6, offenses: [nibrs('13C', [], ['N']), { kind: 'school', category: 'threat', attempted: false, weaponForce: [] }],
    students: ['suspect', 'victim'], actions: [['referral_counseling', 0.7], ['referral_administration', 0.7], ['arrest', 0.05]], referral: 'counseling',
    summary: ['Threatening statement in class', 'Threat posted on social media'],
    narrative: [
      '{s1} reported that {s0} said in class he would "bring something" to settle a dispute. I interviewed {s0} with an administrator present. The student had no access to weapons per the parent. A threat assessment was started by the campus team.',
      'A screenshot of a post by {s0} threatening another student was forwarded to me. I located the student and the parent. The post was removed and the threat assessment team was notified.',
    ],
    areaKinds: ['room'],
  },
  {
    key: 'trespass', weight: 6, offenses: [nibrs('90J'), { kind: 'school', category: 'trespass', attempted: false, weaponForce: [] }],
    students: [], visitor: 'suspect', actions: [['warning', 0.8]],
    summary: ['Adult refused to leave campus', 'Former student on campus without permission'],
    narrative: [
      'The front office reported an adult in the {area} who had not signed in. I contacted the man, who said he was waiting for a relative. He was issued a criminal trespass warning and escorted off campus.',
      'Security reported a former student walking the {area}. I identified him and explained that he must check in. He left without incident and a trespass warning was documented.',
    ],
    areaKinds: ['parking', 'perimeter'],
  },
  {
    key: 'vandalism', weight: 6, offenses: [nibrs('290'), { kind: 'school', category: 'vandalism', attempted: false, weaponForce: [] }],
    students: ['suspect'], actions: [['referral_administration', 0.7], ['citation', 0.1]], referral: 'administration',
    summary: ['Graffiti in boys restroom', 'Damaged car in student parking'],
    narrative: [
      'Custodial staff reported fresh graffiti in the {area}. Camera footage placed {s0} in the area at the time. The student admitted the damage and restitution will be handled by the campus.',
      'A parked vehicle in the {area} was scratched along the side. A witness identified {s0}. Photos of the damage were taken and attached.',
    ],
    areaKinds: ['common', 'parking'],
  },
  {
    key: 'weapon', weight: 3, secondary: true, offenses: [nibrs('520', ['20'], ['P']), { kind: 'school', category: 'weapon', attempted: false, weaponForce: [] }],
    students: ['suspect'], actions: [['referral_administration', 1], ['arrest', 0.4]], referral: 'administration',
    summary: ['Knife found in backpack', 'Student with folding knife'],
    narrative: [
      'A student reported that {s0} showed a knife in the {area}. I located {s0} and recovered a folding knife with a 4-inch blade from the backpack. No one was threatened. The knife was secured as evidence.',
    ],
    areaKinds: ['common', 'room'],
  },
  {
    key: 'medical', weight: 5, offenses: [{ kind: 'school', category: 'medical', attempted: false, weaponForce: [] }],
    students: ['victim'], actions: [['no_action', 1]],
    summary: ['Student collapsed in gym', 'Allergic reaction at lunch'],
    narrative: [
      '{s0} collapsed during physical education in the {area}. I assisted the nurse and called EMS, who transported the student to the hospital. Parents met the ambulance.',
    ],
    areaKinds: ['building', 'field', 'common'],
  },
  {
    key: 'crisis', weight: 4, offenses: [{ kind: 'school', category: 'mental_health_crisis', attempted: false, weaponForce: [] }],
    students: ['victim'], actions: [['referral_counseling', 1]], referral: 'counseling',
    summary: ['Student in crisis in the counseling office', 'Welfare check on a student'],
    narrative: [
      'A counselor requested assistance with {s0}, who was highly distressed in the {area}. I stayed with the student until the parent and the mobile crisis team arrived. The student left with the parent.',
    ],
    areaKinds: ['room'],
  },
];
