import type { RecordType } from './retention.js';

/*
 * State default retention periods, shipped for the six states of the drill rule sets (common/preparedness-drills.ts
 * STATE_SETS). Reference data: each default names the published schedule it comes from, the item where we could
 * verify it, and the schedule's URL. Where an item number could not be verified against the published schedule the
 * citation says so instead of guessing one. Periods are the schedules' MINIMUMS rounded up to whole years (a schedule
 * "until age 21" or "after the case closes" becomes years after the date in RECORD_TYPE_LABELS.from); counsel should
 * confirm them, and a district overrides any of them in its settings. `years: null` = kept permanently.
 *
 * The audit log is not on this list: it is the record of who read, changed and destroyed records (including these
 * destructions), has its own schedule (e.g. Texas GR1050 information-technology logs) and is never purged here.
 */

/** One default: the period and where it comes from. */
export interface RetentionDefault {
  years: number | null;
  citation: string;
}

/** A state's published schedules and its defaults by record type. */
export interface StateRetention {
  name: string;
  schedules: string;
  defaults: Record<RecordType, RetentionDefault>;
}

const TX_PS = 'Texas State Library and Archives Commission, Local Schedule PS (Records of Public Safety Agencies), https://www.tsl.texas.gov/slrm/localretention';
const TX_SD = 'TSLAC Local Schedule SD (Records of Public School Districts), https://www.tsl.texas.gov/slrm/localretention';
const NY = 'New York State Archives, Retention and Disposition Schedule for New York Local Government Records (LGS-1), https://www.archives.nysed.gov/records/local-government-record-schedule';
const FL_GS2 = 'Florida Dept. of State, General Records Schedule GS2 (Law Enforcement), https://dos.fl.gov/library-archives/records-management/general-records-schedules/';
const FL_GS7 = 'Florida Dept. of State, General Records Schedule GS7 (Public Schools Pre-K-12), https://dos.fl.gov/library-archives/records-management/general-records-schedules/';
const IL = 'Illinois State Archives, Local Records Commission disposal schedules (Local Records Act, 50 ILCS 205), https://www.ilsos.gov/departments/archives/records_management/home.html';
const IL_JUV = '705 ILCS 405/5-915 and 5-622 (juvenile law-enforcement records)';
const MI = 'Michigan DTMB Records Management, General Schedule #11 (Local Law Enforcement), https://www.michigan.gov/dtmb/services/recordsmanagement/schedules/gs';
const MI_SCH = 'Michigan DTMB, General Schedule #2 (Public Schools), https://www.michigan.gov/dtmb/services/recordsmanagement/schedules/gs';
const CA = 'California Government Code 34090 and 34090.6 (city and law-enforcement records), https://leginfo.legislature.ca.gov/';
const CA_SCH = 'California Education Code 35254 and 5 CCR 16020-16027 (Class 1-3 school district records), https://leginfo.legislature.ca.gov/';
const UNVERIFIED = 'item number not verified against the published schedule';

const d = (years: number | null, citation: string): RetentionDefault => ({ years, citation });

/** The defaults of the six states, by state code. */
export const STATE_RETENTION: Record<'NY' | 'IL' | 'TX' | 'MI' | 'CA' | 'FL', StateRetention> = {
  TX: {
    name: 'Texas', schedules: `${TX_PS}; ${TX_SD}`,
    defaults: {
      incident_adult: d(10, `${TX_PS}, incident/offense reports series (PS4125 group; ${UNVERIFIED}); longer for offenses without limitation`),
      incident_juvenile: d(10, `${TX_PS}, juvenile records section 2-5 (${UNVERIFIED}); Family Code 58.007 access limits apply`),
      call: d(2, `${TX_PS}, PS4100-05 Dispatch Reports: 2 years (changed in the 3rd edition, 2011)`),
      activity_entry: d(2, `${TX_PS}, PS4125-01 Activity Logs or Dockets (period ${UNVERIFIED}; archival review required)`),
      patrol_entry: d(2, `${TX_PS}, PS4125-01 Activity Logs or Dockets (period ${UNVERIFIED})`),
      tip: d(3, `${TX_PS}, complaint and tip records (${UNVERIFIED})`),
      threat_case: d(5, `${TX_SD}, student safety and threat assessment records (TEC 37.115; ${UNVERIFIED})`),
      support_referral: d(5, `${TX_SD}, student counseling and referral records (${UNVERIFIED})`),
      alert: d(3, `${TX_PS}, emergency operations records (${UNVERIFIED})`),
      drill: d(3, `${TX_SD}, emergency drill records (TEC 37.114; ${UNVERIFIED})`),
    },
  },
  NY: {
    name: 'New York', schedules: NY,
    defaults: {
      incident_adult: d(10, `${NY}, Public Safety: Law Enforcement, case files where no arrest or conviction (${UNVERIFIED})`),
      incident_juvenile: d(10, `${NY}, Law Enforcement, juvenile case files: until age 21 and at least 10 years (${UNVERIFIED})`),
      call: d(1, `${NY}, Law Enforcement, complaint and call-for-service records (${UNVERIFIED})`),
      activity_entry: d(1, `${NY}, Law Enforcement, officer activity logs and daily reports (${UNVERIFIED})`),
      patrol_entry: d(1, `${NY}, Law Enforcement, patrol logs (${UNVERIFIED})`),
      tip: d(3, `${NY}, Law Enforcement, complaint records (${UNVERIFIED})`),
      threat_case: d(6, `${NY}, Education: student safety and discipline records, 6 years (${UNVERIFIED})`),
      support_referral: d(6, `${NY}, Education: guidance and counseling records (${UNVERIFIED})`),
      alert: d(6, `${NY}, Public Safety: emergency management incident records (${UNVERIFIED})`),
      drill: d(6, `${NY}, Education: fire and emergency drill records (Education Law 807; ${UNVERIFIED})`),
    },
  },
  FL: {
    name: 'Florida', schedules: `${FL_GS2}; ${FL_GS7}`,
    defaults: {
      incident_adult: d(5, `${FL_GS2}, criminal investigative records / offense reports (${UNVERIFIED}); felonies longer`),
      incident_juvenile: d(5, `${FL_GS2}, juvenile offender records (s. 943.0582, 985.04 F.S.; ${UNVERIFIED})`),
      call: d(4, `${FL_GS2}, computer-aided dispatch and calls for service records (${UNVERIFIED})`),
      activity_entry: d(4, `${FL_GS2}, officer daily activity reports (${UNVERIFIED})`),
      patrol_entry: d(4, `${FL_GS2}, patrol logs (${UNVERIFIED})`),
      tip: d(4, `${FL_GS2}, crime tip / complaint records (FortifyFL tips: s. 943.687; ${UNVERIFIED})`),
      threat_case: d(5, `${FL_GS7}, threat assessment records (s. 1006.07(7) F.S.; ${UNVERIFIED})`),
      support_referral: d(5, `${FL_GS7}, student guidance and mental-health referral records (${UNVERIFIED})`),
      alert: d(3, `${FL_GS2}, emergency incident records (${UNVERIFIED})`),
      drill: d(3, `${FL_GS7}, emergency drill records (s. 1006.07(4) F.S.; ${UNVERIFIED})`),
    },
  },
  IL: {
    name: 'Illinois', schedules: IL,
    defaults: {
      incident_adult: d(7, `${IL}, police case reports (schedule approved per agency; ${UNVERIFIED})`),
      incident_juvenile: d(5, `${IL}; ${IL_JUV}: automatic expungement rules govern juvenile records (${UNVERIFIED})`),
      call: d(3, `${IL}, dispatch and call records (${UNVERIFIED})`),
      activity_entry: d(3, `${IL}, officer activity logs (${UNVERIFIED})`),
      patrol_entry: d(3, `${IL}, patrol logs (${UNVERIFIED})`),
      tip: d(3, `${IL}, complaint records (${UNVERIFIED})`),
      threat_case: d(5, `${IL}, school district threat assessment records (105 ILCS 5/10-20.14 / 105 ILCS 128; ${UNVERIFIED})`),
      support_referral: d(5, `${IL}, student temporary records (105 ILCS 10/4; ${UNVERIFIED})`),
      alert: d(3, `${IL}, emergency records (${UNVERIFIED})`),
      drill: d(3, `${IL}, school safety drill records (105 ILCS 128/20; ${UNVERIFIED})`),
    },
  },
  MI: {
    name: 'Michigan', schedules: `${MI}; ${MI_SCH}`,
    defaults: {
      incident_adult: d(7, `${MI}, incident/complaint reports (${UNVERIFIED})`),
      incident_juvenile: d(7, `${MI}, juvenile records (MCL 712A.28; ${UNVERIFIED})`),
      call: d(3, `${MI}, dispatch records (${UNVERIFIED})`),
      activity_entry: d(3, `${MI}, daily activity logs (${UNVERIFIED})`),
      patrol_entry: d(3, `${MI}, patrol logs (${UNVERIFIED})`),
      tip: d(3, `${MI}, tip records (OK2SAY tips: MCL 752.911-.920; ${UNVERIFIED})`),
      threat_case: d(6, `${MI_SCH}, student behavior and safety records (${UNVERIFIED})`),
      support_referral: d(6, `${MI_SCH}, counseling records (${UNVERIFIED})`),
      alert: d(3, `${MI}, emergency incident records (${UNVERIFIED})`),
      drill: d(3, `${MI_SCH}, emergency drill records (MCL 29.19; ${UNVERIFIED})`),
    },
  },
  CA: {
    name: 'California', schedules: `${CA}; ${CA_SCH}`,
    defaults: {
      incident_adult: d(5, `${CA}: at least 2 years (Gov. Code 34090); crime reports commonly 5 (${UNVERIFIED})`),
      incident_juvenile: d(5, `${CA}; Welfare and Institutions Code 827, 781 (sealing governs; ${UNVERIFIED})`),
      call: d(2, `${CA}, Gov. Code 34090.6: communications recordings and dispatch, at least 100 days; records 2 years (${UNVERIFIED})`),
      activity_entry: d(2, `${CA}, Gov. Code 34090: 2 years`),
      patrol_entry: d(2, `${CA}, Gov. Code 34090: 2 years`),
      tip: d(2, `${CA}, Gov. Code 34090: 2 years (${UNVERIFIED})`),
      threat_case: d(3, `${CA_SCH}, Class 2 (optional) or Class 3 (disposable) records (${UNVERIFIED})`),
      support_referral: d(3, `${CA_SCH}, Class 3 (disposable) records: 3 years (${UNVERIFIED})`),
      alert: d(3, `${CA_SCH}, Class 3 records (${UNVERIFIED})`),
      drill: d(3, `${CA_SCH}, Class 3 records; Education Code 32280-32289 safety plans (${UNVERIFIED})`),
    },
  },
};

export type RetentionState = keyof typeof STATE_RETENTION;

/** True for a state code with shipped defaults. */
export function hasStateDefaults(state: string | null | undefined): state is RetentionState {
  return !!state && state in STATE_RETENTION;
}

/** The longest default of any type in any state (a ceiling for backups before a district chose its state). */
export function longestDefaultYears(): number {
  return Math.max(...Object.values(STATE_RETENTION).flatMap((s) => Object.values(s.defaults).map((x) => x.years ?? 0)));
}
