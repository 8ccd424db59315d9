import type { RuleCitation, RuleTemplate, StateSet } from '../../../common/preparedness.js';

/*
 * Seeded state drill rule sets (../shared/reference/standards.md). They are reference data: a district
 * picks one and gets its own editable copy; no number here is read by the compliance engine directly.
 * Each rule cites the section it encodes and quotes its words; `verbatim: false` marks a paraphrase of the
 * reference notes where the section's own text was not at hand. Checked on CHECKED_ON against the reference
 * folder and the section's text at the address given.
 */

type TemplateRule = RuleTemplate['rules'][number];

/** The day these citations were last checked. */
export const CHECKED_ON = '2026-12-07';
const REFERENCE = 'Reference folder (standards.md, drill laws)';

const rule = (r: Partial<TemplateRule> & Pick<TemplateRule, 'title' | 'drillTypes' | 'minCount' | 'period' | 'citation'>): TemplateRule => ({
  window: null, minInstructionalDays: null, requiresObserver: null, requiresSecondaryEgress: false, schoolLevels: null, notes: null, ...r,
});

/** A citation quoting the section's text, read at `url`. */
const quoted = (section: string, quote: string, url: string): RuleCitation => ({
  section, quote, verbatim: true, sourceUrl: url, checkedOn: CHECKED_ON, checkedAgainst: `${REFERENCE}; the section's text at ${url}`,
});

/** A citation paraphrasing the reference notes (the section's own words were not obtained). */
const paraphrased = (section: string, words: string, url: string | null = null): RuleCitation => ({
  section, quote: words, verbatim: false, sourceUrl: url, checkedOn: CHECKED_ON,
  checkedAgainst: url ? `${REFERENCE}; the enabling text at ${url} (the counts are the rule's, paraphrased)` : REFERENCE,
});

const NY_URL = 'https://newyork.public.law/laws/n.y._education_law_section_807';
const IL_URL = 'https://ilga.gov/legislation/ilcs/fulltext.asp?DocName=010501280K20';
const IL_PA_URL = 'https://ilga.gov/legislation/publicacts/fulltext.asp?Name=100-0996'; // P.A. 100-996 added subsection (c)
const TX_URL = 'https://legalfix.com/statutes/state-codes/texas/education-code/title-2/subtitle-g/chapter-37/subchapter-d/section-37-114';
const TX_TAC_URL = 'https://regulations.justia.com/states/texas/title-19/part-2/chapter-103/subchapter-cc/section-103-1209';
const MI_URL = 'https://statepolicies.nasbe.org/health/categories/physical-environment/multi-hazard-practice-drills/michigan';
const CA_EC_URL = 'https://self-law.org/code/ca/education-code/32001';
const CA_CCR_URL = 'https://statepolicies.nasbe.org/health/categories/physical-environment/multi-hazard-practice-drills/california-multi-hazard-practice-drills-program-requirements';
const CA_QUAKE_URL = CA_CCR_URL;
const FL_URL = 'https://statepolicies.nasbe.org/health/categories/physical-environment/multi-hazard-practice-drills/florida-multi-hazard-practice-drills-program-requirements';

const NY_12 = 'Such drills shall be held at least twelve times in each school year, eight of which required drills shall be held between September first and December thirty-first of each such year.';
const NY_SUMMER = 'At least two additional drills shall be held during summer school in buildings where summer school is conducted, and one of such drills shall be held during the first week of summer school.';
const TX_ENABLING = 'designating the number of mandatory school drills to be conducted each semester of the school year, not to exceed eight drills';
const MI_FIRE = 'A minimum of 5 fire drills is required for each school year for a school that operates any of grades kindergarten to 12. Three of the fire drills shall be held by December 1 of the school year, and 2 shall be held during the remaining part of the school year';
const MI_TORNADO = 'A minimum of 2 tornado safety drills is required for each school year ... At least 1 of the tornado safety drills shall be conducted during March of the school year.';
const MI_LOCKDOWN = 'A minimum of 3 drills in which the occupants are restricted to the interior of the building and the building secured is required for each school year at a school that operates any of grades kindergarten to 12. At least 1 of these drills shall be conducted by December 1 of the school year, and at least 1 shall be conducted after January 1 of the school year';
const CA_QUAKE = 'A drop procedure practice shall be held at least once each school quarter in elementary schools and at least once a semester in secondary schools.';
const FL_DRILLS = 'Policies and procedures for emergency drills and for actual emergencies, including fires, natural disasters, active assailant and hostage situations, and bomb threats (the counts are set by State Board rule and changed recently).';

/** The six seeded state rule sets, by state code. */
export const STATE_TEMPLATES: Record<StateSet, RuleTemplate> = {
  NY: {
    state: 'NY', name: 'New York', source: 'N.Y. Education Law 807', hasCounts: true,
    notes: '12 drills a school year: 8 evacuation (4 using secondary egress) and 4 lockdown; 8 of the 12 between September 1 and December 31; 2 more in summer school, one in its first week.',
    rules: [
      rule({
        title: 'Evacuation drills', drillTypes: ['fire_evacuation'], minCount: 8, period: 'school_year',
        citation: quoted('N.Y. Educ. Law 807(1)', 'Eight of all such drills shall be evacuation drills', NY_URL),
      }),
      rule({
        title: 'Evacuation drills using secondary egress', drillTypes: ['fire_evacuation'], minCount: 4, period: 'school_year', requiresSecondaryEgress: true,
        citation: quoted('N.Y. Educ. Law 807(1)', 'four of which shall be through use of the fire escapes on buildings where fire escapes are provided or through the use of identified secondary means of egress.', NY_URL),
      }),
      rule({
        title: 'Lockdown drills', drillTypes: ['lockdown'], minCount: 4, period: 'school_year',
        citation: quoted('N.Y. Educ. Law 807(1)', 'Four of all such required drills shall be lock-down drills.', NY_URL),
      }),
      rule({
        title: '8 of the 12 drills by December 31', drillTypes: ['fire_evacuation', 'lockdown'], minCount: 8, period: 'school_year',
        window: { kind: 'dates', from: '09-01', to: '12-31' }, citation: quoted('N.Y. Educ. Law 807(1)', NY_12, NY_URL),
      }),
      rule({
        title: 'Summer school drills', drillTypes: ['fire_evacuation', 'lockdown'], minCount: 2, period: 'summer_session',
        citation: quoted('N.Y. Educ. Law 807(1)', NY_SUMMER, NY_URL),
      }),
      rule({
        title: 'Summer school drill in the first week', drillTypes: ['fire_evacuation', 'lockdown'], minCount: 1, period: 'summer_session',
        window: { kind: 'days_from_start', days: 7 }, citation: quoted('N.Y. Educ. Law 807(1)', NY_SUMMER, NY_URL),
      }),
    ],
  },
  IL: {
    state: 'IL', name: 'Illinois', source: '105 ILCS 128/20', hasCounts: true,
    notes: 'Per school year: 3 evacuation drills (one with the fire department), 1 bus evacuation, 1 severe weather / shelter-in-place, 1 law-enforcement drill no later than 90 days after the first day of school.',
    rules: [
      rule({
        title: 'Evacuation drills', drillTypes: ['fire_evacuation'], minCount: 3, period: 'school_year',
        citation: quoted('105 ILCS 128/20(a)', 'During each academic year, schools must conduct a minimum of 3 school evacuation drills to address and prepare students and school personnel for fire incidents.', IL_URL),
      }),
      rule({
        title: 'Evacuation drill with the fire department', drillTypes: ['fire_evacuation'], minCount: 1, period: 'school_year', requiresObserver: 'fire_department',
        citation: quoted('105 ILCS 128/20(a)(1)', 'One of the 3 school evacuation drills shall require the participation of the appropriate local fire department or district.', IL_URL),
      }),
      rule({
        title: 'Bus evacuation drill', drillTypes: ['bus_evacuation'], minCount: 1, period: 'school_year',
        citation: paraphrased('105 ILCS 128/20(b)', 'Per school year, at least 1 bus evacuation drill.', IL_URL),
      }),
      rule({
        title: 'Severe weather / shelter-in-place drill', drillTypes: ['shelter_severe_weather', 'shelter_hazmat'], minCount: 1, period: 'school_year',
        citation: paraphrased('105 ILCS 128/20(d)', 'Per school year, at least 1 severe weather and shelter-in-place drill.', IL_URL),
      }),
      rule({
        title: 'Law enforcement drill no later than 90 days after the first day', drillTypes: ['lockdown'], minCount: 1, period: 'school_year',
        window: { kind: 'days_after_start', days: 90 }, requiresObserver: 'law_enforcement',
        citation: quoted('105 ILCS 128/20(c)', 'No later than 90 days after the first day of each school year, schools must conduct at least one law enforcement drill that addresses an active threat or an active shooter within a school building. ... The appropriate local law enforcement agency shall observe the administration of the drill.', IL_PA_URL),
      }),
    ],
  },
  TX: {
    state: 'TX', name: 'Texas', source: 'TEC 37.114, 19 TAC 103.1209 (2020 rules); local fire marshal', hasCounts: true,
    notes: 'At most 8 drills per semester. Drill records are kept 3 years.',
    rules: [
      rule({
        title: 'Fire evacuation drills each semester', drillTypes: ['fire_evacuation'], minCount: 2, period: 'semester',
        citation: paraphrased('19 TAC 103.1209(c); Tex. Educ. Code 37.114(2)(A)', `Two fire evacuation drills each semester (TEC 37.114: "${TX_ENABLING}").`, TX_TAC_URL),
      }),
      rule({
        title: 'Lockdown drill each semester', drillTypes: ['lockdown'], minCount: 1, period: 'semester',
        citation: paraphrased('19 TAC 103.1209(c); Tex. Educ. Code 37.114(2)(B)', `One lockdown drill each semester (TEC 37.114: "${TX_ENABLING}").`, TX_URL),
      }),
      rule({
        title: 'Secure drill', drillTypes: ['secure'], minCount: 1, period: 'school_year',
        citation: paraphrased('19 TAC 103.1209(c)', 'One secure (lockout) drill each school year.', TX_TAC_URL),
      }),
      rule({
        title: 'Severe weather shelter drill', drillTypes: ['shelter_severe_weather'], minCount: 1, period: 'school_year',
        citation: paraphrased('19 TAC 103.1209(c)', 'One shelter for severe weather drill each school year.', TX_TAC_URL),
      }),
      rule({
        title: 'Hazmat shelter-in-place drill', drillTypes: ['shelter_hazmat'], minCount: 1, period: 'school_year',
        citation: paraphrased('19 TAC 103.1209(c)', 'One shelter-in-place for hazmat drill each school year.', TX_TAC_URL),
      }),
      rule({
        title: 'Fire drill each month with 10 or more instructional days', drillTypes: ['fire_evacuation'], minCount: 1, period: 'month',
        minInstructionalDays: 10, notes: 'Fire marshal rule',
        citation: paraphrased('Local fire code (fire marshal)', 'A fire drill in each month with 10 or more instructional days.'),
      }),
    ],
  },
  MI: {
    state: 'MI', name: 'Michigan', source: 'MCL 29.19', hasCounts: true,
    notes: 'A cancelled drill is rescheduled within 10 school days; documentation is posted within 30 days and kept 3 years.',
    rules: [
      rule({ title: 'Fire drills', drillTypes: ['fire_evacuation'], minCount: 5, period: 'school_year', citation: quoted('MCL 29.19(3)', MI_FIRE, MI_URL) }),
      rule({
        title: 'Fire drills by December 1', drillTypes: ['fire_evacuation'], minCount: 3, period: 'school_year', window: { kind: 'dates', to: '12-01' },
        citation: quoted('MCL 29.19(3)', MI_FIRE, MI_URL),
      }),
      rule({ title: 'Tornado drills', drillTypes: ['shelter_severe_weather'], minCount: 2, period: 'school_year', citation: quoted('MCL 29.19(4)', MI_TORNADO, MI_URL) }),
      rule({
        title: 'Tornado drill in March', drillTypes: ['shelter_severe_weather'], minCount: 1, period: 'school_year', window: { kind: 'month', month: 3 },
        citation: quoted('MCL 29.19(4)', MI_TORNADO, MI_URL),
      }),
      rule({ title: 'Lockdown drills', drillTypes: ['lockdown'], minCount: 3, period: 'school_year', citation: quoted('MCL 29.19(5)', MI_LOCKDOWN, MI_URL) }),
      rule({
        title: 'Lockdown drill by December 1', drillTypes: ['lockdown'], minCount: 1, period: 'school_year', window: { kind: 'dates', to: '12-01' },
        citation: quoted('MCL 29.19(5)', MI_LOCKDOWN, MI_URL),
      }),
      rule({
        title: 'Lockdown drill after January 1', drillTypes: ['lockdown'], minCount: 1, period: 'school_year', window: { kind: 'after_date', after: '01-01' },
        citation: quoted('MCL 29.19(5)', MI_LOCKDOWN, MI_URL),
      }),
    ],
  },
  CA: {
    state: 'CA', name: 'California', source: 'Cal. Education Code 32001, 32282; 5 CCR 550', hasCounts: true,
    notes: 'Fire drills monthly in elementary and intermediate schools, at least twice a year in secondary schools; earthquake drop drills each quarter (elementary) and each semester (secondary).',
    rules: [
      rule({
        title: 'Fire drill each month (elementary and intermediate)', drillTypes: ['fire_evacuation'], minCount: 1, period: 'month', schoolLevels: ['elementary', 'middle', 'k8', 'k12'],
        citation: quoted('5 CCR 550', 'A fire drill shall be conducted in each elementary and intermediate school at least once each month and in each secondary school not less than twice every school year.', CA_CCR_URL),
      }),
      rule({
        title: 'Fire drills (secondary)', drillTypes: ['fire_evacuation'], minCount: 2, period: 'school_year', schoolLevels: ['high', 'alternative', 'other'],
        citation: quoted('Cal. Educ. Code 32001', 'A fire drill shall be held at the secondary level not less than twice every school year.', CA_EC_URL),
      }),
      rule({
        title: 'Earthquake drop drills each quarter (elementary)', drillTypes: ['earthquake'], minCount: 2, period: 'semester', schoolLevels: ['elementary', 'k8', 'k12'],
        notes: 'Quarterly, counted as two a semester: the calendar has semesters, not quarters.',
        citation: quoted('Cal. Educ. Code 32282(a)(2)(B)(i)(II)', CA_QUAKE, CA_QUAKE_URL),
      }),
      rule({
        title: 'Earthquake drop drill each semester (secondary)', drillTypes: ['earthquake'], minCount: 1, period: 'semester', schoolLevels: ['middle', 'high', 'alternative', 'other'],
        citation: quoted('Cal. Educ. Code 32282(a)(2)(B)(i)(II)', CA_QUAKE, CA_QUAKE_URL),
      }),
    ],
  },
  FL: {
    state: 'FL', name: 'Florida', source: 'Fla. Stat. 1006.07(4)', hasCounts: false,
    notes: 'Florida requires drills for fire, natural disasters, active assailant / hostage and bomb threats, but its counts changed recently: this set ships the drill types without counts. Check the current rule and enter the counts before relying on compliance.',
    rules: [
      rule({ title: 'Fire drills', drillTypes: ['fire_evacuation'], minCount: null, period: 'school_year', citation: paraphrased('Fla. Stat. 1006.07(4)(a)', FL_DRILLS, FL_URL) }),
      rule({ title: 'Natural disaster drills', drillTypes: ['shelter_severe_weather', 'earthquake'], minCount: null, period: 'school_year', citation: paraphrased('Fla. Stat. 1006.07(4)(a)', FL_DRILLS, FL_URL) }),
      rule({ title: 'Active assailant / hostage drills', drillTypes: ['active_assailant', 'lockdown'], minCount: null, period: 'school_year', citation: paraphrased('Fla. Stat. 1006.07(4)(a)', FL_DRILLS, FL_URL) }),
      rule({ title: 'Bomb threat drills', drillTypes: ['bomb_threat'], minCount: null, period: 'school_year', citation: paraphrased('Fla. Stat. 1006.07(4)(a)', FL_DRILLS, FL_URL) }),
    ],
  },
};
