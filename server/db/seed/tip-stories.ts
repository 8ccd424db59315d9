/**
 * The texts of the demo tips and threat-assessment cases. `{student}` is replaced by a student of the
 * tip's school (the subject of a threat case), `{other}` by another one.
 */
import type { ThreatClassification, TipCategory } from '../../../common/tip-constants.js';

/** What one demo threat case says at each CSTAG step. */
export interface ThreatStory {
  classification: ThreatClassification;
  threatAsReported: string;
  intendedVictims: string | null;
  studentAccount: string;
  witnessAccounts: string;
  rationale: string;
  /** Transient: how it was resolved. */
  resolution?: string;
  themes: { theme: 'motive' | 'communications' | 'weapons_access' | 'stressors' | 'concerned_others' | 'protective_factors' | 'planning'; body: string }[];
  measures?: string[];
  supports?: string[];
}

/** One demo tip: what the reporter wrote, the follow-up dialogue, and the threat case it may lead to. */
export interface TipStory {
  category: TipCategory;
  description: string;
  when?: string;
  where?: string;
  who?: string;
  language?: 'es';
  /** Reporter answers to the staff questions, in order (staff reply first, then reporter, and so on). */
  reporterReplies: string[];
  threat?: ThreatStory;
}

/** Tips that can lead to a threat assessment (threat of violence, weapon). */
export const THREAT_STORIES: readonly TipStory[] = [
  {
    category: 'threat_of_violence', description: '{student} said in the lunch line that he was going to "end" {other} after school because {other} laughed at him in PE.',
    when: 'Today at lunch', where: 'Cafeteria', who: '{student}', reporterReplies: ['He was really mad but I think he meant a fight.', 'Some of his friends laughed.'],
    threat: {
      classification: 'transient', threatAsReported: '{student} said he would "end" {other} after school.', intendedVictims: '{other}',
      studentAccount: 'Said he was angry and embarrassed after PE and did not mean it; apologised.', witnessAccounts: 'Two classmates heard it and took it as a figure of speech.',
      rationale: 'Expression of anger, no intent or plan; retracted and apologised.', resolution: 'Apology to {other} with the counselor present; parents informed.',
      themes: [{ theme: 'stressors', body: 'Teasing in PE over the past two weeks.' }],
    },
  },
  {
    category: 'threat_of_violence', description: '{student} posted a story saying "everyone in 3rd period is going to regret this week". People are scared to come to class.',
    when: 'Last night on social media', who: '{student}', reporterReplies: ['It was on her private story, about 40 people see it.', 'I took a screenshot but I am scared to send it.'],
    threat: {
      classification: 'transient', threatAsReported: '{student} posted "everyone in 3rd period is going to regret this week".', intendedVictims: 'Third-period class',
      studentAccount: 'Meant she would stop helping her group with the project; did not think about how it read.', witnessAccounts: 'Friends confirm the group-project dispute.',
      rationale: 'No intent to harm; context is a school-work dispute.', resolution: 'Post removed; talk about online statements; teacher reassigned the project groups.',
      themes: [{ theme: 'communications', body: 'One post, deleted the same morning; no earlier posts of concern.' }],
    },
  },
  {
    category: 'threat_of_violence', description: 'A group chat is saying {student} will jump {other} at the bus stop on Friday. They are planning who records it.',
    when: 'Friday after school', where: 'Bus stop on Elm Street', who: '{student} and some friends', reporterReplies: ['The chat is called "friday". I am not in it, my friend showed me.'],
    threat: {
      classification: 'serious', threatAsReported: 'A planned assault on {other} at the bus stop on Friday, to be recorded.', intendedVictims: '{other}',
      studentAccount: 'Admits wanting to fight {other} over a rumour; denies planning to record it.', witnessAccounts: 'Three students saw the chat messages naming a time and place.',
      rationale: 'Intent to injure with a time, place and helpers: substantive, serious (fight), no weapon.',
      themes: [{ theme: 'planning', body: 'Time, place and roles discussed in the chat.' }, { theme: 'concerned_others', body: 'Several students reported it independently.' }],
      measures: ['Staff at the Elm Street bus stop on Fridays', 'Separate class schedules where possible'], supports: ['Conflict mediation with the counselor'],
    },
  },
  {
    category: 'weapon', description: '{student} showed a knife in the bathroom and said it was "for anyone who tries him".',
    when: 'This morning before first period', where: 'Boys bathroom by the gym', who: '{student}', reporterReplies: ['A folding knife, black handle.', 'He keeps it in his backpack front pocket.'],
    threat: {
      classification: 'serious', threatAsReported: '{student} showed a folding knife and said it was "for anyone who tries him".', intendedVictims: 'No one named',
      studentAccount: 'Says he carries it because he was jumped near his apartment in October.', witnessAccounts: 'Two students saw the knife; no one was threatened directly.',
      rationale: 'Weapon at school with a conditional threat; fear-driven; substantive, serious.',
      themes: [{ theme: 'weapons_access', body: 'Knife taken from home; removed and given to the parent.' }, { theme: 'stressors', body: 'Assaulted near home last month.' }],
      measures: ['Backpack check with the assistant principal each morning for 4 weeks'], supports: ['Weekly counselor check-in', 'Referral to the victim-services advocate'],
    },
  },
  {
    category: 'threat_of_violence', description: '{student} told me he made a list of people he would shoot and that his dad keeps guns in the truck. He said "you will see".',
    when: 'Yesterday during 5th period', where: 'Art room', who: '{student}', reporterReplies: ['He said the list is in his notebook.', 'I am scared he will find out I told.'],
    threat: {
      classification: 'very_serious', threatAsReported: '{student} said he has a list of people he would shoot and access to his father\'s guns.', intendedVictims: 'Students on the list (names withheld in the case file)',
      studentAccount: 'Admits writing the list after a breakup; says he would never do it; knows where the truck keys are.', witnessAccounts: 'The list was found in the notebook with five names.',
      rationale: 'Threat to kill with a list and access to firearms: very serious.',
      themes: [{ theme: 'weapons_access', body: 'Two rifles in the father\'s truck; father secured them the same day.' }, { theme: 'motive', body: 'Breakup and rejection by a friend group.' }, { theme: 'protective_factors', body: 'Close to his grandmother and the band director.' }],
      measures: ['Daily bag check on arrival', 'Firearms secured at home (confirmed by SRO)', 'No contact with the students named'],
      supports: ['Mental health evaluation completed', 'Weekly counseling', 'Band director as trusted adult'],
    },
  },
  {
    category: 'weapon', description: 'Somebody said {student} brought a gun to school in his backpack and showed it behind the portables.',
    when: 'Right now', where: 'Behind the portable buildings', who: '{student}', reporterReplies: ['I did not see it myself, a friend did.', 'He is in 4th period now.'],
    threat: {
      classification: 'very_serious', threatAsReported: 'A report that {student} showed a handgun behind the portables.', intendedVictims: 'Unknown',
      studentAccount: 'Says it was a BB pistol he bought online; wanted to look tough after threats from another group.', witnessAccounts: 'The friend confirms a black pistol; the SRO recovered a BB pistol from the backpack.',
      rationale: 'Replica firearm shown at school amid an ongoing conflict: treated as very serious until evaluated.',
      themes: [{ theme: 'concerned_others', body: 'Friend told a parent, who used the tip line.' }, { theme: 'stressors', body: 'Conflict with an older group outside school.' }],
      measures: ['Removal pending the discipline hearing', 'Re-entry meeting with the parents before return'], supports: ['Mental health evaluation', 'Mentoring program on return'],
    },
  },
];

/** Other tips: no threat case, some life-safety. */
export const TIP_STORIES: readonly TipStory[] = [
  { category: 'self_harm', description: 'My friend {student} keeps saying she does not want to be here anymore and she gave away her favourite hoodie.', when: 'This week', who: '{student}', reporterReplies: ['She is in my homeroom.', 'Thank you for helping her.'] },
  { category: 'self_harm', description: 'Mi amiga {student} tiene cortes en los brazos y dice que nadie la quiere.', language: 'es', who: '{student}', reporterReplies: ['Está en octavo grado.', 'Gracias.'] },
  { category: 'bullying', description: 'Some kids keep taking {student}\'s lunch and pushing him into the lockers every day.', where: 'B hallway lockers', who: '{other} and friends', reporterReplies: ['Mostly between 2nd and 3rd period.'] },
  { category: 'bullying', description: 'There is a fake account posting edited pictures of {student} and everyone is sharing them.', when: 'Since last weekend', reporterReplies: ['The account name changes every day.', 'She stopped coming to lunch.'] },
  { category: 'drugs', description: 'People are vaping and selling vape pens in the upstairs bathroom during 4th period.', where: 'Upstairs bathroom near the library', reporterReplies: ['Usually right after the bell.'] },
  { category: 'drugs', description: '{student} is selling gummies that people say have THC in them.', who: '{student}', reporterReplies: ['He keeps them in a lunchbox.'] },
  { category: 'abuse', description: '{student} came to school with bruises again and said her stepdad gets angry. She begged me not to tell.', who: '{student}', reporterReplies: ['It happened before spring break too.'] },
  { category: 'other', description: 'The side door by the band hall is propped open every morning and people come in from outside.', where: 'Band hall side door', reporterReplies: [] },
  { category: 'other', description: 'Someone is drawing swastikas on the desks in Room 118.', where: 'Room 118', reporterReplies: ['At least three desks.'] },
  { category: 'bullying', description: 'Hay un grupo que se burla de {student} porque no habla bien inglés.', language: 'es', who: '{other}', reporterReplies: ['En la cafetería.'] },
];

/** A hoax: a false bomb threat, closed as such. */
export const HOAX_STORY: TipStory = {
  category: 'threat_of_violence', description: 'There is a bomb in the gym and it will go off at 2pm. This is not a joke.',
  when: '2pm today', where: 'Gym', reporterReplies: [],
};

/** What staff say, in order, in a dialogue. */
export const STAFF_LINES = [
  'Thank you for telling us. Can you tell us more: when and where did this happen, and who was involved?',
  'Thank you. Are you safe right now? If anyone is in danger this minute, call 911.',
  'Thank you. The school has acted on what you reported. You can keep using this code if anything else happens.',
];

/** A note from staff to the reporter of a self-harm tip. */
export const CRISIS_LINE = 'If you or someone you know is thinking about suicide, call or text 988 (Suicide & Crisis Lifeline) at any time.';

/** The same staff lines for a tip written in Spanish. */
export const STAFF_LINES_ES = [
  'Gracias por avisarnos. ¿Puedes contarnos más: cuándo y dónde pasó, y quién estaba?',
  'Gracias. ¿Estás a salvo ahora? Si alguien está en peligro en este momento, llama al 911.',
  'Gracias. La escuela ya actuó sobre lo que nos contaste. Puedes seguir usando este código si pasa algo más.',
];
