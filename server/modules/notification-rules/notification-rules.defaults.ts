import type { NotificationRuleData } from '../../../common/notification-rules.js';

/*
 * State default notification rules, by the district's state code. Texas: Code of Criminal Procedure art. 15.27(a),
 * quoted; checked on 2026-12-07 against the reference folder (standards.md, juvenile records) and the article's
 * text. Education Code 37.015 (the principal's report to the police of listed conduct) sets no deadline and
 * falls on the principal, not the officer, so it ships no rule; a district adds one as data if it wants a clock.
 * Other states ship none: their districts enter their own.
 */

const CCP_URL = 'https://codes.findlaw.com/tx/code-of-criminal-procedure/crim-ptx-crim-pro-art-15-27/';
const CHECKED = { checkedOn: '2026-12-07', checkedAgainst: `Reference folder (standards.md, Texas CCP 15.27); the article's text at ${CCP_URL}`, sourceUrl: CCP_URL };

/** Default rules per state code (a district without rules of its own follows these). */
export const STATE_NOTIFICATION_DEFAULTS: Record<string, readonly NotificationRuleData[]> = {
  TX: [
    {
      key: 'superintendent_oral_24h', title: 'Notify the superintendent of the student\'s arrest (orally)',
      trigger: 'arrest', offenses: null, studentsOnly: true, notify: 'superintendent', method: 'oral',
      deadlineAmount: 24, deadlineUnit: 'hours', beforeNextSchoolDay: true, active: true,
      citation: {
        section: 'Tex. Code Crim. Proc. art. 15.27(a)', verbatim: true, ...CHECKED,
        quote: 'the head of the agency or a person designated by the head of the agency shall orally notify the superintendent or a person designated by the superintendent in the school district in which the student is enrolled of that arrest or referral within 24 hours after the arrest or referral is made, or before the next school day, whichever is earlier.',
      },
    },
    {
      key: 'superintendent_written_7d', title: 'Send the superintendent written notice of the arrest',
      trigger: 'arrest', offenses: null, studentsOnly: true, notify: 'superintendent', method: 'written',
      deadlineAmount: 7, deadlineUnit: 'days', beforeNextSchoolDay: false, active: true,
      citation: {
        section: 'Tex. Code Crim. Proc. art. 15.27(a)', verbatim: false, ...CHECKED,
        quote: 'Written notification within seven days after the date the oral notice is given (counted here from the arrest, which is never later).',
      },
    },
  ],
};
