import { dayIn } from '../../lib/district-time.js';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { writeAudit } from '../../audit/audit.js';
import { hashPassword } from '../../auth/passwords.js';
import { rows, type Db } from '../connection.js';
import { refreshSearch } from '../../modules/incidents/incidents.repository.js';
import {
  calls,
  alertCheckIns,
  alerts,
  alertSchools,
  alertTimeline,
  campusAreas,
  districts,
  incidentActions,
  incidentOffenses,
  incidentPersons,
  incidentReferrals,
  incidentReviews,
  incidents,
  incidentSupplements,
  incidentTasks,
  incidentVersions,
  recordCounters,
  guardians,
  reunificationRequests,
  reunifications,
  drillRules,
  drillRuleSettings,
  directoryOrganizations,
  directoryOrganizationSchools,
  assessmentFindings,
  assessmentItems,
  assessmentTemplateItems,
  equipmentInspections,
  equipmentItems,
  securityAssessments,
  securitySystemEvents,
  securitySystems,
  workOrders,
  drills,
  planAcknowledgements,
  roleGrants,
  safetyPlanReviews,
  safetyPlans,
  safetyPlanVersions,
  schoolCalendars,
  sroCertifications,
  trainingAttendance,
  trainingRequirements,
  trainingSessions,
  schoolFeeders,
  schools,
  sroAssignments,
  studentGuardians,
  students,
  threatCaseMembers,
  threatCases,
  threatNotes,
  threatTasks,
  tipLinks,
  tipMessages,
  tips,
  users,
  actionItems, advanceNotices, advanceNoticeSchools, meetingAttendance, meetings, meetingSeries, presenceNotices, schoolDocuments, schoolEvents,
} from '../schema/index.js';
import { generateAlertHistory } from './alerts.js';
import { generateCommunications } from './communications.js';
import { generateDirectory } from './directory.js';
import { generateCampusSecurity, numberWorkOrders } from './security.js';
import { seedOperations } from './operations-seed.js';
import { refreshDueDays } from '../../modules/equipment/equipment.repository.js';
import { countsOf, DEMO_PASSWORD, DEMO_SEED, generateDemoData } from './generate.js';
import { generateCaseData } from './incidents.js';
import { Rng } from './random.js';
import { generatePreparedness } from './preparedness.js';
import { DEMO_TIP_PASSPHRASE, generateTipHistory } from './tips.js';
import { seedSupportEducation } from './support-education.js';
import { seedStudentSupport } from './student-support.js';
import { registeredFileStore } from '../../files/registry.js';
import { withFiles, type FileWork } from '../../files/store.js';

// PGlite (and the wire protocol) cap the bind parameters of one statement; stay well below the cap.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 1_000;
// Any constant will do: it only has to be the same for every process that might seed the same database.
const SEED_LOCK_KEY = 0x5e_ed_de_40;

async function insertAll(tx: Db, table: PgTable, values: Record<string, unknown>[]): Promise<void> {
  if (values.length === 0) return;
  const columns = Object.keys(values[0]!).length;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns)));
  for (let i = 0; i < values.length; i += size) {
    await tx.insert(table).values(values.slice(i, i + size) as never);
  }
}

/** Seeds the demo district when the database has no district yet. Returns true when it seeded. */
export async function seedDemoIfEmpty(db: Db, log: (line: string) => void): Promise<boolean> {
  const started = performance.now();
  const elapsed = (): string => `${Math.round(performance.now() - started)} ms`;
  // One hash for every account: argon2 is slow on purpose, and they all share the published demo password.
  const passwordHash = hashPassword(DEMO_PASSWORD);
  passwordHash.catch(() => undefined);
  // Every demo tip shares one passphrase, hashed once exactly as the tip service hashes a reporter's.
  const tipPassphraseHash = hashPassword(DEMO_TIP_PASSPHRASE);
  tipPassphraseHash.catch(() => undefined);
  let demoTip: { code: string; passphrase: string; number: string; schoolName: string } | null = null;

  const store = registeredFileStore(db);
  const seeded = await (store ? withFiles(store, db, work) : db.transaction((tx) => work(tx)));
  async function work(tx: Db, files?: FileWork): Promise<boolean> {
    // Two servers starting on one PostgreSQL database must not both seed; the second waits, then sees a district.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const existing = rows<{ id: string }>(await tx.execute(sql`select id from districts limit 1`));
    if (existing.length > 0) return false;

    const data = generateDemoData();
    const counts = countsOf(data);
    log(
      `Seeding demo district "${data.district.name}" (${counts.students} students, ${counts.users} users): generated in ${elapsed()}`,
    );
    const hash = await passwordHash;
    await insertAll(tx, districts, [data.district]);
    await insertAll(tx, schools, data.schools);
    await insertAll(tx, schoolFeeders, data.feeders);
    await insertAll(tx, campusAreas, data.areas);
    await insertAll(
      tx,
      users,
      // The demo deployment hosts one district; its system administrator is the deployment's operator.
      data.users.map((u) => ({ ...u, passwordHash: hash, deploymentAdmin: u.email === 'sysadmin@demo.test' })),
    );
    await insertAll(tx, roleGrants, data.grants);
    await insertAll(tx, sroAssignments, data.assignments);
    log(
      `  ${counts.schools} schools, ${counts.areas} campus areas, ${counts.users} users, ${counts.assignments} SRO assignments (${elapsed()})`,
    );
    await insertAll(tx, students, data.students);
    await insertAll(tx, guardians, data.guardians);
    await insertAll(tx, studentGuardians, data.studentGuardians);
    log(
      `  ${counts.students} students, ${counts.guardians} guardians, ${counts.studentGuardians} guardian ties (${elapsed()})`,
    );
    const directory = generateDirectory(data);
    await insertAll(tx, directoryOrganizations, directory.entries);
    await insertAll(tx, directoryOrganizationSchools, directory.served);
    log(`  ${directory.entries.length} agencies, vendors and community programs in the directory (${elapsed()})`);
    // Its own stream: the case data can grow without changing a single name or id of the people and places.
    const cases = generateCaseData(new Rng((DEMO_SEED ^ 0x1c1de47) >>> 0), data);
    for (const [table, values] of [
      [calls, cases.calls], [incidents, cases.incidents], [incidentOffenses, cases.offenses], [incidentPersons, cases.persons],
      [incidentActions, cases.actions], [incidentSupplements, cases.supplements], [incidentVersions, cases.versions],
      [incidentReviews, cases.reviews], [incidentTasks, cases.tasks], [incidentReferrals, cases.referrals], [recordCounters, cases.counters],
    ] as const) {
      await insertAll(tx, table, values as Record<string, unknown>[]);
    }
    await refreshSearch(tx, { districtId: data.district.id });
    log(`  ${cases.calls.length} calls for service, ${cases.incidents.length} incidents, ${cases.versions.length} report versions (${elapsed()})`);
    const history = generateAlertHistory(data);
    await insertAll(tx, alerts, history.alerts);
    await insertAll(tx, alertSchools, history.alertSchools);
    await insertAll(tx, alertTimeline, history.timeline);
    await insertAll(tx, alertCheckIns, history.checkIns);
    await insertAll(tx, reunifications, history.reunifications);
    await insertAll(tx, reunificationRequests, history.requests);
    log(`  ${history.alerts.length} past drill alerts, ${history.checkIns.length} check-ins, ${history.requests.length} reunification requests (${elapsed()})`);
    // The demo's "today" is the district's day: in Chicago at 7 PM the UTC date is already tomorrow.
    const today = dayIn(data.district.timezone ?? 'America/Chicago', new Date());
    const prep = generatePreparedness(data, today);
    for (const [table, values] of [
      [drillRuleSettings, prep.settings], [drillRules, prep.rules], [schoolCalendars, prep.calendars], [drills, prep.drills],
      [safetyPlans, prep.plans], [safetyPlanVersions, prep.versions], [safetyPlanReviews, prep.reviews], [planAcknowledgements, prep.acknowledgements],
      [trainingRequirements, prep.requirements], [trainingSessions, prep.sessions], [trainingAttendance, prep.attendance], [sroCertifications, prep.certifications],
    ] as [PgTable, Record<string, unknown>[]][]) await insertAll(tx, table, values);
    log(`  ${prep.drills.length} drills over two school years, ${prep.plans.length} safety plans, ${prep.certifications.length} SRO certifications (${elapsed()})`);
    const campus = generateCampusSecurity(data, today, directory.ids);
    for (const [table, values] of [
      [equipmentItems, campus.equipment], [securitySystems, campus.systems], [assessmentTemplateItems, campus.template],
      [securityAssessments, campus.assessments], [assessmentItems, campus.items],
      [workOrders, await numberWorkOrders(tx, data.district.id, campus.workOrders)], [equipmentInspections, campus.inspections],
      [securitySystemEvents, campus.events], [assessmentFindings, campus.findings],
    ] as [PgTable, Record<string, unknown>[]][]) await insertAll(tx, table, values);
    await refreshDueDays(tx, data.district.id, null, today);
    log(`  ${campus.equipment.length} safety-equipment items, ${campus.inspections.length} inspections, ${campus.systems.length} security systems, ${campus.assessments.length} assessments, ${campus.workOrders.length} work orders (${elapsed()})`);
    const tipHistory = generateTipHistory(data, await tipPassphraseHash);
    for (const [table, values] of [
      [tips, tipHistory.tips], [tipMessages, tipHistory.messages], [threatCases, tipHistory.cases], [threatCaseMembers, tipHistory.members],
      [threatTasks, tipHistory.tasks], [threatNotes, tipHistory.notes], [tipLinks, tipHistory.links], [recordCounters, tipHistory.counters],
    ] as const) {
      await insertAll(tx, table, values as Record<string, unknown>[]);
    }
    demoTip = tipHistory.demo;
    log(`  ${tipHistory.tips.length} anonymous tips, ${tipHistory.messages.length} tip messages, ${tipHistory.cases.length} threat assessments (${elapsed()})`);
    const ops = await seedOperations(tx, data, cases.calls, insertAll);
    log(`  ${ops.patrols.length} patrol entries, ${ops.runs.length} security checks (${ops.workOrders.length} work orders), ${ops.activity.length} activity log entries (${elapsed()})`);
    const comms = generateCommunications(data);
    for (const [table, values] of [
      [schoolEvents, comms.events], [presenceNotices, comms.presence], [advanceNotices, comms.advance], [advanceNoticeSchools, comms.advanceSchools],
      [meetingSeries, comms.series], [meetings, comms.meetings], [meetingAttendance, comms.attendance], [actionItems, comms.items], [schoolDocuments, comms.documents],
    ] as [PgTable, Record<string, unknown>[]][]) await insertAll(tx, table, values);
    log(`  ${comms.events.length} school events, ${comms.presence.length} leaving-the-building notices, ${comms.meetings.length} administration meetings (${elapsed()})`);
    log(`  ${await seedSupportEducation(tx, data, today, insertAll, files)} (${elapsed()})`);
    log(`  ${await seedStudentSupport(tx, data, directory.ids, hash, today, insertAll)} (${elapsed()})`);
    await writeAudit(
      tx,
      { label: 'system', districtId: data.district.id },
      {
        type: 'seed.created',
        subjectType: 'district',
        subjectId: data.district.id,
        detail: { seed: DEMO_SEED, counts: { ...counts, calls: cases.calls.length, incidents: cases.incidents.length } },
      },
    );
    return true;
  }
  if (seeded) log(`Demo district seeded in ${elapsed()}`);
  if (demoTip) {
    const tip: { code: string; passphrase: string; number: string; schoolName: string } = demoTip;
    log(`Demo anonymous tip ${tip.number} (${tip.schoolName}): code ${tip.code}, passphrase ${tip.passphrase} (open it on /report)`);
  }
  return seeded;
}

/**
 * Drops every table, type and migration record by dropping the `public` and `drizzle` schemas, so the
 * migrations can run again from scratch. Deleting rows would not do: audit_events refuses DELETE and TRUNCATE.
 */
export async function resetDatabase(db: Db, log: (line: string) => void = () => undefined): Promise<void> {
  // One statement per call: PGlite's extended protocol does not take several at once.
  await db.execute(sql`drop schema if exists drizzle cascade`);
  log('Dropped schema "drizzle" (migration records)');
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`create schema public`);
  log('Dropped and recreated schema "public"');
}
