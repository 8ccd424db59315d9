import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../connection.js';
import {
  reentryCheckIns, reentryGoals, reentryMembers, reentryPlans, roleGrants, supportReferralNotes, supportReferrals, supportTeamActionItems,
  supportTeamCases, supportTeamMeetings, supportTeamMembers, supportTeams, users,
} from '../schema/index.js';
import type { DemoAccount } from './demo-accounts.js';
import type { DirectorySeed } from './directory.js';
import type { DemoData } from './model.js';
import { Rng } from './random.js';

/*
 * Student support of the demo district at Riverbend High School: referrals in every status to a counselor, to the
 * contracted mental-health vendor and to community programs; a re-entry plan; a truancy team with a case. The vendor's
 * clinician signs in as vendor@demo.test (a counselor account tied to the vendor's directory entry). Dates are relative
 * to `today`, so the demo always has something pending, overdue and closed.
 */

/** The vendor's clinician: a counselor-role account whose organization is Lakeside Behavioral Health. */
export const VENDOR_DEMO_ACCOUNT: DemoAccount = {
  email: 'vendor@demo.test', role: 'counselor', name: 'Dr. Priya Nair', title: 'Clinician, Lakeside Behavioral Health (contracted)',
  phone: '512-555-0139', schools: ['HS1'],
};

type InsertAll = (tx: Db, table: PgTable, values: Record<string, unknown>[]) => Promise<void>;

function day(today: string, offset: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}
const at = (date: string, hour = 15) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** Inserts the support demo rows; answers a line for the seed log. */
export async function seedStudentSupport(
  tx: Db, data: DemoData, directory: DirectorySeed['ids'], passwordHash: string, today: string, insertAll: InsertAll,
): Promise<string> {
  const rng = new Rng(0x5a9907);
  const idOf = (email: string) => data.users.find((u) => u.email === email)!.id;
  const [sro, counselor, admin, teacher] = ['sro@demo.test', 'counselor@demo.test', 'admin@demo.test', 'staff@demo.test'].map(idOf) as [string, string, string, string];
  const school = data.grants.find((g) => g.userId === admin && g.schoolId)!.schoolId!;
  const vendorUser = rng.uuid();
  const districtId = data.district.id;
  await insertAll(tx, users, [{
    id: vendorUser, districtId, email: VENDOR_DEMO_ACCOUNT.email, name: VENDOR_DEMO_ACCOUNT.name, title: VENDOR_DEMO_ACCOUNT.title,
    phone: VENDOR_DEMO_ACCOUNT.phone, passwordHash, organizationId: directory.counselingVendor,
  }]);
  await insertAll(tx, roleGrants, [{ id: rng.uuid(), userId: vendorUser, role: 'counselor', schoolId: school }]);
  const pupils = data.students.filter((s) => s.schoolId === school && s.active !== false).slice(0, 12).map((s) => s.id);

  const referral = (
    n: number, by: string, to: { counselorId?: string; vendorId?: string; kind: string }, made: number,
    status: string, urgency: 'routine' | 'urgent' | 'emergency', reason: string, details: string, extra: Record<string, unknown> = {},
  ) => {
    const created = day(today, made);
    const accept = { routine: 5, urgent: 2, emergency: 1 }[urgency];
    const due = { routine: 30, urgent: 14, emergency: 7 }[urgency];
    return {
      id: rng.uuid(), districtId, schoolId: school, studentId: pupils[n]!, referredBy: by, receiverKind: to.kind,
      counselorId: to.counselorId ?? null, vendorId: to.vendorId ?? null, reason, details, urgency,
      consent: urgency === 'emergency' ? 'not_required' : 'obtained', consentDate: urgency === 'emergency' ? null : created, status,
      acceptBy: day(created, accept), dueOn: day(created, due), createdAt: at(created, 14), updatedAt: at(created, 16), ...extra,
    };
  };
  const toCounselor = { counselorId: counselor, kind: 'counselor' };
  const toVendor = { vendorId: directory.counselingVendor, kind: 'mental_health_vendor' };
  const toProgram = { vendorId: directory.communityProgram, kind: 'community_program' };
  const referrals = [
    referral(0, teacher, toCounselor, -1, 'pending', 'routine', 'mental_health', 'Has seemed withdrawn and tearful in class for two weeks.'),
    referral(1, sro, toCounselor, -4, 'pending', 'urgent', 'family_conflict', 'Told me there is a lot of fighting at home and he does not want to go back tonight.'),
    referral(2, teacher, toCounselor, -6, 'accepted', 'routine', 'grief_trauma', 'Lost her grandmother last month; grades dropping.', { acceptedAt: at(day(today, -5)), acceptedBy: counselor }),
    referral(3, sro, toVendor, -5, 'scheduled', 'urgent', 'substance_use', 'Caught vaping twice; says he cannot stop.', {
      acceptedAt: at(day(today, -4)), acceptedBy: vendorUser, scheduledFor: at(day(today, 2), 16),
    }),
    referral(4, admin, toVendor, 0, 'pending', 'emergency', 'self_harm_risk', 'Wrote about not wanting to be here anymore; parent informed, student supervised.'),
    referral(5, counselor, toProgram, -30, 'closed', 'routine', 'behavior', 'Would benefit from a mentor; no positive adult at home.', {
      acceptedAt: at(day(today, -27)), acceptedBy: counselor, closedAt: at(day(today, -10)), closedBy: counselor, outcome: 'ongoing_services',
      outcomeSummary: 'Matched with a Big Brother; meets weekly.',
    }),
    referral(6, sro, toProgram, -12, 'declined', 'routine', 'basic_needs', 'Family recently lost housing; needs after-school program.', {
      declineReason: 'No openings until January; family placed on the wait list.', closedAt: at(day(today, -9)), closedBy: counselor,
    }),
    referral(7, teacher, toCounselor, -20, 'closed', 'routine', 'bullying', 'Being targeted in group chats.', {
      acceptedAt: at(day(today, -19)), acceptedBy: counselor, closedAt: at(day(today, -6)), closedBy: counselor, outcome: 'services_provided',
      outcomeSummary: 'Met four times; bullying addressed with administration.',
    }),
  ];
  const notes = [
    { id: rng.uuid(), referralId: referrals[2]!.id, authorId: counselor, body: 'First session: grief counseling, referred to group on Thursdays.', createdAt: at(day(today, -5), 17) },
    { id: rng.uuid(), referralId: referrals[3]!.id, authorId: vendorUser, body: 'Intake by phone with mother; nicotine dependence screening scheduled.', createdAt: at(day(today, -4), 17) },
    { id: rng.uuid(), referralId: referrals[7]!.id, authorId: counselor, body: 'Safety plan for social media; parents informed.', createdAt: at(day(today, -18), 17) },
  ];
  await insertAll(tx, supportReferrals, referrals);
  await insertAll(tx, supportReferralNotes, notes);

  const plan = rng.uuid();
  await insertAll(tx, reentryPlans, [{
    id: plan, districtId, schoolId: school, studentId: pupils[8]!, returningFrom: 'Harlan County Juvenile Detention Center',
    startDate: day(today, -14), endDate: day(today, 76), status: 'active', createdBy: counselor,
    summary: 'Returning after 60 days. Credit recovery in math and English, daily check-in with the counselor, weekly mentoring with the SRO.',
    createdAt: at(day(today, -15)), updatedAt: at(day(today, -2)),
  }]);
  await insertAll(tx, reentryMembers, [counselor, sro, admin].map((userId) => ({ planId: plan, userId })));
  const goals = [
    ['Attend every class for four weeks', 14, 'open'], ['Recover the math credit', 60, 'open'], ['Meet the probation officer every week', null, 'met'],
  ].map(([description, target, status]) => ({
    id: rng.uuid(), planId: plan, description, targetDate: target === null ? null : day(today, target as number), status, createdAt: at(day(today, -15)),
  }));
  await insertAll(tx, reentryGoals, goals);
  await insertAll(tx, reentryCheckIns, [
    [-13, 'First week back went well; eats lunch with two old friends.', 'on_track', counselor],
    [-7, 'Missed two periods on Tuesday; talked about the bus schedule.', 'some_concerns', sro],
    [-2, 'Full attendance this week; signed up for the robotics club.', 'on_track', counselor],
  ].map(([offset, note, progress, author]) => ({
    id: rng.uuid(), planId: plan, goalId: goals[0]!.id, date: day(today, offset as number), note, progress, authorId: author, createdAt: at(day(today, offset as number), 18),
  })));

  const team = rng.uuid();
  const meeting = rng.uuid();
  const teamCase = rng.uuid();
  await insertAll(tx, supportTeams, [{
    id: team, districtId, schoolId: school, name: 'Attendance and truancy team', focus: 'truancy', createdBy: admin,
    createdAt: at(day(today, -40)), updatedAt: at(day(today, -7)),
  }]);
  await insertAll(tx, supportTeamMembers, [admin, counselor, sro].map((userId) => ({ teamId: team, userId })));
  await insertAll(tx, supportTeamMeetings, [{
    id: meeting, teamId: team, heldAt: at(day(today, -7)), attendeeIds: [admin, counselor, sro], createdBy: admin, createdAt: at(day(today, -7), 17),
    notes: 'Reviewed students above 10 absences. Agreed on a home visit and a morning check-in.',
  }]);
  await insertAll(tx, supportTeamCases, [
    { id: teamCase, teamId: team, studentId: pupils[9]!, concern: '14 unexcused absences since the start of the year; late most mornings.', status: 'open', openedOn: day(today, -7), createdBy: counselor },
    { id: rng.uuid(), teamId: team, studentId: pupils[10]!, concern: 'Skipping afternoons.', status: 'closed', outcome: 'Attendance above 95% for six weeks.', openedOn: day(today, -40), closedOn: day(today, -7), createdBy: counselor },
  ]);
  await insertAll(tx, supportTeamActionItems, [
    [teamCase, 'Home visit with the attendance officer', sro, -2, 'open'], [teamCase, 'Morning check-in at 7:45', counselor, 10, 'in_progress'],
    [null, 'Send the truancy letter template to families', admin, -10, 'done'],
  ].map(([caseId, title, ownerId, due, status]) => ({
    id: rng.uuid(), teamId: team, caseId, meetingId: meeting, title, ownerId, dueOn: day(today, due as number), status,
    createdAt: at(day(today, -7), 17), updatedAt: at(day(today, -7), 17),
  })));
  return `${referrals.length} support referrals, 1 re-entry plan, 1 problem-solving team (vendor sign-in ${VENDOR_DEMO_ACCOUNT.email})`;
}
