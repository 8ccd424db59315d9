import type { RuleTemplate, StateSet } from '../../../common/preparedness.js';

/*
 * Seeded state drill rule sets (../shared/reference/standards.md). They are reference data: a district
 * picks one and gets its own editable copy; no number here is read by the compliance engine directly.
 */

type TemplateRule = RuleTemplate['rules'][number];

const rule = (r: Partial<TemplateRule> & Pick<TemplateRule, 'title' | 'drillTypes' | 'minCount' | 'period'>): TemplateRule => ({
  window: null, minInstructionalDays: null, requiresObserver: null, requiresSecondaryEgress: false, schoolLevels: null, notes: null, ...r,
});

/** The six seeded state rule sets, by state code. */
export const STATE_TEMPLATES: Record<StateSet, RuleTemplate> = {
  NY: {
    state: 'NY', name: 'New York', source: 'N.Y. Education Law 807', hasCounts: true,
    notes: '12 drills a school year: 8 evacuation (4 using secondary egress) and 4 lockdown; 8 of the 12 between September 1 and December 31; 2 more in summer school, one in its first week.',
    rules: [
      rule({ title: 'Evacuation drills', drillTypes: ['fire_evacuation'], minCount: 8, period: 'school_year' }),
      rule({ title: 'Evacuation drills using secondary egress', drillTypes: ['fire_evacuation'], minCount: 4, period: 'school_year', requiresSecondaryEgress: true }),
      rule({ title: 'Lockdown drills', drillTypes: ['lockdown'], minCount: 4, period: 'school_year' }),
      rule({ title: '8 of the 12 drills by December 31', drillTypes: ['fire_evacuation', 'lockdown'], minCount: 8, period: 'school_year', window: { kind: 'dates', from: '09-01', to: '12-31' } }),
      rule({ title: 'Summer school drills', drillTypes: ['fire_evacuation', 'lockdown'], minCount: 2, period: 'summer_session' }),
      rule({ title: 'Summer school drill in the first week', drillTypes: ['fire_evacuation', 'lockdown'], minCount: 1, period: 'summer_session', window: { kind: 'days_from_start', days: 7 } }),
    ],
  },
  IL: {
    state: 'IL', name: 'Illinois', source: '105 ILCS 128/20', hasCounts: true,
    notes: 'Per school year: 3 evacuation drills (one with the fire department), 1 bus evacuation, 1 severe weather / shelter-in-place, 1 law-enforcement lockdown drill within 90 days of the first day of school.',
    rules: [
      rule({ title: 'Evacuation drills', drillTypes: ['fire_evacuation'], minCount: 3, period: 'school_year' }),
      rule({ title: 'Evacuation drill with the fire department', drillTypes: ['fire_evacuation'], minCount: 1, period: 'school_year', requiresObserver: 'fire_department' }),
      rule({ title: 'Bus evacuation drill', drillTypes: ['bus_evacuation'], minCount: 1, period: 'school_year' }),
      rule({ title: 'Severe weather / shelter-in-place drill', drillTypes: ['shelter_severe_weather', 'shelter_hazmat'], minCount: 1, period: 'school_year' }),
      rule({
        title: 'Law enforcement lockdown drill within 90 days of the first day', drillTypes: ['lockdown'], minCount: 1, period: 'school_year',
        window: { kind: 'days_from_start', days: 90 }, requiresObserver: 'law_enforcement',
      }),
    ],
  },
  TX: {
    state: 'TX', name: 'Texas', source: 'TEC 37.114, 19 TAC 103.1209 (2020 rules); local fire marshal', hasCounts: true,
    notes: 'At most 8 drills per semester. Drill records are kept 3 years.',
    rules: [
      rule({ title: 'Fire evacuation drills each semester', drillTypes: ['fire_evacuation'], minCount: 2, period: 'semester' }),
      rule({ title: 'Lockdown drill each semester', drillTypes: ['lockdown'], minCount: 1, period: 'semester' }),
      rule({ title: 'Secure drill', drillTypes: ['secure'], minCount: 1, period: 'school_year' }),
      rule({ title: 'Severe weather shelter drill', drillTypes: ['shelter_severe_weather'], minCount: 1, period: 'school_year' }),
      rule({ title: 'Hazmat shelter-in-place drill', drillTypes: ['shelter_hazmat'], minCount: 1, period: 'school_year' }),
      rule({
        title: 'Fire drill each month with 10 or more instructional days', drillTypes: ['fire_evacuation'], minCount: 1, period: 'month',
        minInstructionalDays: 10, notes: 'Fire marshal rule',
      }),
    ],
  },
  MI: {
    state: 'MI', name: 'Michigan', source: 'MCL 29.19', hasCounts: true,
    notes: 'A cancelled drill is rescheduled within 10 school days; documentation is posted within 30 days and kept 3 years.',
    rules: [
      rule({ title: 'Fire drills', drillTypes: ['fire_evacuation'], minCount: 5, period: 'school_year' }),
      rule({ title: 'Fire drills by December 1', drillTypes: ['fire_evacuation'], minCount: 3, period: 'school_year', window: { kind: 'dates', to: '12-01' } }),
      rule({ title: 'Tornado drills', drillTypes: ['shelter_severe_weather'], minCount: 2, period: 'school_year' }),
      rule({ title: 'Tornado drill in March', drillTypes: ['shelter_severe_weather'], minCount: 1, period: 'school_year', window: { kind: 'month', month: 3 } }),
      rule({ title: 'Lockdown drills', drillTypes: ['lockdown'], minCount: 3, period: 'school_year' }),
      rule({ title: 'Lockdown drill by December 1', drillTypes: ['lockdown'], minCount: 1, period: 'school_year', window: { kind: 'dates', to: '12-01' } }),
      rule({ title: 'Lockdown drill after January 1', drillTypes: ['lockdown'], minCount: 1, period: 'school_year', window: { kind: 'dates', from: '01-01' } }),
    ],
  },
  CA: {
    state: 'CA', name: 'California', source: 'Cal. Education Code 32001, 32282; 5 CCR 550', hasCounts: true,
    notes: 'Fire drills monthly in elementary and intermediate schools, at least twice a year in secondary schools; earthquake drop drills each quarter (elementary) and each semester (secondary).',
    rules: [
      rule({ title: 'Fire drill each month (elementary and intermediate)', drillTypes: ['fire_evacuation'], minCount: 1, period: 'month', schoolLevels: ['elementary', 'middle', 'k8', 'k12'] }),
      rule({ title: 'Fire drills (secondary)', drillTypes: ['fire_evacuation'], minCount: 2, period: 'school_year', schoolLevels: ['high', 'alternative', 'other'] }),
      rule({
        title: 'Earthquake drop drills each quarter (elementary)', drillTypes: ['earthquake'], minCount: 2, period: 'semester', schoolLevels: ['elementary', 'k8', 'k12'],
        notes: 'Quarterly, counted as two a semester: the calendar has semesters, not quarters.',
      }),
      rule({ title: 'Earthquake drop drill each semester (secondary)', drillTypes: ['earthquake'], minCount: 1, period: 'semester', schoolLevels: ['middle', 'high', 'alternative', 'other'] }),
    ],
  },
  FL: {
    state: 'FL', name: 'Florida', source: 'Fla. Stat. 1006.07(4)', hasCounts: false,
    notes: 'Florida requires drills for fire, natural disasters, active assailant / hostage and bomb threats, but its counts changed recently: this set ships the drill types without counts. Check the current rule and enter the counts before relying on compliance.',
    rules: [
      rule({ title: 'Fire drills', drillTypes: ['fire_evacuation'], minCount: null, period: 'school_year' }),
      rule({ title: 'Natural disaster drills', drillTypes: ['shelter_severe_weather', 'earthquake'], minCount: null, period: 'school_year' }),
      rule({ title: 'Active assailant / hostage drills', drillTypes: ['active_assailant', 'lockdown'], minCount: null, period: 'school_year' }),
      rule({ title: 'Bomb threat drills', drillTypes: ['bomb_threat'], minCount: null, period: 'school_year' }),
    ],
  },
};
