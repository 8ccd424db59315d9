import { performance } from 'node:perf_hooks';
import {
  ROSTER_LIMITS, type ImportableRole, type OneRosterStaffRole, type RosterConfirmation, type RosterCounts, type RosterFile, type RosterPhase, type RosterRejection,
} from '../../../common/roster-import.js';
import type { Db } from '../../db/connection.js';
import { csvRecords, type CsvRecord } from './csv-stream.js';
import type { RosterPackage } from './package-source.js';
import type { PackagePlan } from './roster-import.check.js';
import { parseDay, parseSex, raceOf } from './roster-import.policy.js';
import * as repo from './roster-import.repository.js';
import { studentRowOf, type Demographics, type UserMatch, type UserRoles } from './roster-import.students.js';
import { EnrollmentSync } from './roster-import.enrollments.js';
import { StaffSync } from './roster-import.staff.js';
import { GuardianSync } from './roster-import.guardians.js';
import { syncClasses, TeacherSync } from './roster-import.classes.js';
import { insertChanges, type ChangeRow } from './roster-undo.repository.js';
import { dayIn, districtTimeZone } from '../../lib/district-time.js';

/** Where a running import is. */
export interface ImportProgress {
  phase: RosterPhase;
  processed: number;
  total: number;
  rows: number;
  counts: RosterCounts;
}

/** What an import wrote and left out. */
export interface ImportResult {
  counts: RosterCounts;
  rejections: RosterRejection[];
  /** CSV rows and bytes read. */
  rows: number;
  processed: number;
}

export interface ImportOptions {
  districtId: string;
  /** The job the changes are kept under (for undo). */
  jobId: string;
  now: Date;
  /** The numbers a previous attempt stopped on were accepted: no stop for confirmation. */
  confirmed: boolean;
  /** Share of active students (or staff) a sync may inactivate without confirmation. */
  thresholdPct: number;
  /** OneRoster staff role → SRO Desk role (null: not imported). */
  roleMap: Record<OneRosterStaffRole, ImportableRole | null>;
  /** Base of the set-password link e-mailed to created accounts. */
  publicUrl: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Runs inside the transaction after the last row, so the job's result and audit commit with the data. */
  onWritten?: (tx: Db, result: ImportResult) => Promise<void>;
}

type School = Awaited<ReturnType<typeof repo.findSchools>>[number];

/** A sync stopped before writing for the user to confirm its numbers: the transaction rolls back. */
export class ConfirmationNeeded extends Error {
  constructor(readonly confirmation: RosterConfirmation, readonly counts: RosterCounts) {
    super('The sync needs confirmation before it writes');
  }
}

const STUDENT_BATCH = 2000;
const CHANGE_BATCH = 5000;
const INACTIVATE_BATCH = 5000;
const PROGRESS_EVERY_MS = 200;

/**
 * Imports a checked OneRoster package in one transaction: orgs, demographics, users, then enrollments, each file
 * streamed and written in batches. A StructuralError thrown on the way rolls everything back.
 */
export async function importRoster(db: Db, pkg: RosterPackage, plan: PackagePlan, options: ImportOptions): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const run = new ImportRun(tx, pkg, plan, options);
    await run.orgs();
    await run.roles();
    await run.classes();
    await run.demographics();
    await run.users();
    await run.enrollments();
    run.setPhase('finishing');
    await run.flushChanges(true);
    const result = { counts: run.counts, rejections: run.rejections, rows: run.rows, processed: run.processed };
    await options.onWritten?.(tx, result);
    run.setPhase('done');
    return result;
  });
}

class ImportRun {
  readonly counts = repo.emptyCounts();
  readonly rejections: RosterRejection[] = [];
  private changes: ChangeRow[] = [];
  private changeSeq = 0;
  /** 1.2: each user's role and orgs from roles.csv (a student role wins; primary orgs first). */
  private readonly userRoles = new Map<string, UserRoles>();
  private phase: RosterPhase = 'orgs';
  processed = 0;
  rows = 0;
  private lastEmit = 0;
  private readonly orgSchools = new Map<string, School>();
  private readonly schoolsByNces = new Map<string, School>();
  private readonly demo = new Map<string, Demographics>();
  /** sourcedId → student id, for enrollments. */
  private readonly studentIds = new Map<string, string>();
  private readonly rejectedUsers = new Set<string>();

  constructor(
    private readonly tx: Db, private readonly pkg: RosterPackage, private readonly plan: PackagePlan,
    private readonly options: ImportOptions,
  ) {}

  setPhase(phase: RosterPhase): void {
    this.phase = phase;
    this.emit(true);
  }

  /** Counts a rejected row and keeps it for the report (up to the limit); answers null for the caller to return. */
  reject(file: RosterFile, line: number, sourcedId: string | null, reason: string): null {
    this.counts.rejected++;
    if (this.rejections.length < ROSTER_LIMITS.maxRejectionsKept) this.rejections.push({ file, line, sourcedId: sourcedId || null, reason });
    return null;
  }

  private emit(force = false): void {
    const now = performance.now();
    if (!this.options.onProgress || (!force && now - this.lastEmit < PROGRESS_EVERY_MS)) return;
    this.lastEmit = now;
    this.options.onProgress({ phase: this.phase, processed: this.processed, total: this.plan.total, rows: this.rows, counts: { ...this.counts } });
  }

  /** Keeps what the sync changes, for undo; written in batches inside the import's transaction. */
  change(row: ChangeRow): void {
    this.changes.push(row);
  }

  async flushChanges(all = false): Promise<void> {
    if (this.changes.length === 0 || (!all && this.changes.length < CHANGE_BATCH)) return;
    await insertChanges(this.tx, this.options.jobId, this.changeSeq, this.changes);
    this.changeSeq += this.changes.length;
    this.changes = [];
  }

  /** The data records of a file (the header line left out), a parsed chunk at a time. */
  private async *records(file: RosterFile): AsyncGenerator<CsvRecord[]> {
    let first = true;
    for await (const batch of csvRecords(this.pkg.open(file), file, (n) => { this.processed += n; })) {
      const body = first ? batch.slice(1) : batch;
      first = false;
      this.rows += body.length;
      yield body;
      this.emit();
    }
  }

  /** The school an org sourcedId stands for: a school row of orgs.csv, or a school whose NCES id it is. */
  private schoolOf(orgId: string): School | undefined {
    return this.orgSchools.get(orgId) ?? this.schoolsByNces.get(orgId);
  }

  async orgs(): Promise<void> {
    this.setPhase('orgs');
    for (const school of await repo.findSchools(this.tx, this.options.districtId)) this.schoolsByNces.set(school.ncesId, school);
    const cols = this.plan.columns['orgs.csv']!;
    const lines = new Map<string, number>();
    for await (const records of this.records('orgs.csv')) {
      for (const { line, fields } of records) {
        const sourcedId = cols.get(fields, 'sourcedId');
        if (!sourcedId) { this.reject('orgs.csv', line, null, 'sourcedId is empty'); continue; }
        if (cols.get(fields, 'type').toLowerCase() !== 'school' || cols.get(fields, 'status').toLowerCase() === 'tobedeleted') {
          this.counts.skipped++;
          continue;
        }
        if (lines.has(sourcedId)) { this.reject('orgs.csv', line, sourcedId, `sourcedId is already on line ${lines.get(sourcedId)}`); continue; }
        lines.set(sourcedId, line);
        const identifier = cols.get(fields, 'identifier');
        const school = this.schoolsByNces.get(identifier) ?? this.schoolsByNces.get(sourcedId);
        if (!school) {
          this.reject('orgs.csv', line, sourcedId, `no school of the district has the NCES id ${identifier || sourcedId} (identifier)`);
        } else if (!school.active) {
          this.reject('orgs.csv', line, sourcedId, `the school with NCES id ${school.ncesId} is closed`);
        } else {
          this.orgSchools.set(sourcedId, school);
          this.counts.schoolsMatched++;
        }
      }
    }
  }

  async roles(): Promise<void> {
    if (this.plan.modes['roles.csv'] === 'absent') return;
    this.setPhase('roles');
    const cols = this.plan.columns['roles.csv']!;
    for await (const records of this.records('roles.csv')) {
      for (const { line, fields } of records) {
        const userId = cols.get(fields, 'userSourcedId');
        if (!userId) { this.reject('roles.csv', line, cols.get(fields, 'sourcedId'), 'userSourcedId is empty'); continue; }
        if (cols.get(fields, 'status').toLowerCase() === 'tobedeleted') { this.counts.skipped++; continue; }
        const role = cols.get(fields, 'role');
        const org = cols.get(fields, 'orgSourcedId');
        const primary = cols.get(fields, 'roleType').toLowerCase() === 'primary';
        const entry = this.userRoles.get(userId) ?? { role, orgIds: [] };
        if (role === 'student' || (primary && entry.role !== 'student')) entry.role = role;
        if (org && !entry.orgIds.includes(org)) {
          if (primary) entry.orgIds.unshift(org);
          else entry.orgIds.push(org);
        }
        this.userRoles.set(userId, entry);
      }
    }
  }

  async classes(): Promise<void> {
    const mode = this.plan.modes['classes.csv'];
    if (mode === 'absent') return;
    this.setPhase('classes');
    await syncClasses(this.tx, this.shared(), mode, this.plan.columns['classes.csv']!, this.records('classes.csv'));
  }

  private shared() {
    return {
      districtId: this.options.districtId, counts: this.counts, schoolOf: (id: string) => this.schoolOf(id),
      reject: (file: RosterFile, line: number, sourcedId: string | null, reason: string) => this.reject(file, line, sourcedId, reason),
      change: (row: ChangeRow) => this.change(row),
    };
  }

  /** A user's role and orgs: users.csv columns in 1.1, roles.csv rows in 1.2. */
  private rolesOf(sourcedId: string, fields: string[]): UserRoles {
    if (this.plan.version === '1.2') return this.userRoles.get(sourcedId) ?? { role: '', orgIds: [] };
    const cols = this.plan.columns['users.csv']!;
    return {
      role: cols.get(fields, 'role'),
      orgIds: cols.get(fields, 'orgSourcedIds').split(',').map((s) => s.trim()).filter(Boolean),
    };
  }

  async demographics(): Promise<void> {
    if (this.plan.modes['demographics.csv'] === 'absent') return;
    this.setPhase('demographics');
    const cols = this.plan.columns['demographics.csv']!;
    // A birth date after the district's today is refused (the district's day, not the UTC one).
    const today = dayIn(await districtTimeZone(this.tx, this.options.districtId), this.options.now);
    for await (const records of this.records('demographics.csv')) {
      for (const { line, fields } of records) {
        const sourcedId = cols.get(fields, 'sourcedId');
        if (!sourcedId) { this.reject('demographics.csv', line, null, 'sourcedId is empty'); continue; }
        const rawBirth = cols.get(fields, 'birthDate');
        const dateOfBirth = parseDay(rawBirth);
        if (rawBirth && (!dateOfBirth || dateOfBirth > today)) {
          this.reject('demographics.csv', line, sourcedId, `birthDate ${rawBirth} is not a past date as YYYY-MM-DD`);
          continue;
        }
        const rawSex = cols.get(fields, 'sex');
        const sex = parseSex(rawSex);
        if (rawSex && !sex && rawSex.toLowerCase() !== 'unspecified') {
          this.reject('demographics.csv', line, sourcedId, `sex ${rawSex} is not male, female, other or unspecified`);
          continue;
        }
        this.demo.set(sourcedId, { dateOfBirth, sex, race: raceOf(cols, fields) });
      }
    }
  }

  async users(): Promise<void> {
    this.setPhase('users');
    const { districtId, now } = this.options;
    const mode = this.plan.modes['users.csv'];
    const existing = await repo.findRosterStudents(this.tx, districtId);
    const match: UserMatch = {
      bySourcedId: new Map(), byNumber: new Map(), seen: new Set(), sourcedLines: new Map(), numberLines: new Map(), inactivate: [],
    };
    for (const s of existing) {
      if (s.sourcedId) { match.bySourcedId.set(s.sourcedId, s); this.studentIds.set(s.sourcedId, s.id); }
      match.byNumber.set(s.studentNumber, s);
    }
    const cols = this.plan.columns['users.csv']!;
    const context = {
      districtId, now, mode, cols, match, demo: this.demo, counts: this.counts,
      schoolOf: (id: string) => this.schoolOf(id),
      rolesOf: (id: string, fields: string[]) => this.rolesOf(id, fields),
      changed: (id: string, before: repo.RosterStudent | null) => this.change({ kind: 'student', ref: id, before }),
      reject: (line: number, sourcedId: string, reason: string) => {
        this.rejectedUsers.add(sourcedId);
        return this.reject('users.csv', line, sourcedId, reason);
      },
    };
    const staff = new StaffSync({
      districtId, now, publicUrl: this.options.publicUrl, roleMap: this.options.roleMap, counts: this.counts,
      schoolOf: (id) => this.schoolOf(id), change: (row) => this.change(row),
      reject: (line, sourcedId, reason) => this.reject('users.csv', line, sourcedId, reason),
    }, mode);
    const family = new GuardianSync({
      districtId, now, counts: this.counts, change: (row) => this.change(row),
      reject: (line, sourcedId, reason) => this.reject('users.csv', line, sourcedId, reason),
    });
    let batch: repo.StudentRow[] = [];
    for await (const records of this.records('users.csv')) {
      for (const record of records) {
        const sourcedId = cols.get(record.fields, 'sourcedId');
        const { role, orgIds } = this.rolesOf(sourcedId, record.fields);
        const get = (name: string) => cols.get(record.fields, name);
        if (staff.take(record.line, sourcedId, role, orgIds, get) || family.take(record.line, sourcedId, role, get)) continue;
        if (role === 'student') family.student(sourcedId, get('agentSourcedIds'));
        const row = studentRowOf(context, record);
        if (!row) continue;
        this.studentIds.set(row.sourcedId!, row.id);
        batch.push(row);
        if (batch.length >= STUDENT_BATCH) { await repo.upsertStudents(this.tx, batch); batch = []; await this.flushChanges(); }
      }
    }
    await repo.upsertStudents(this.tx, batch);
    const goneStudents = mode === 'bulk' ? existing.filter((s) => s.active && !match.seen.has(s.id)) : match.inactivate;
    const staffPlan = await staff.plan(this.tx);
    this.gate(existing.filter((s) => s.active).length, goneStudents.length, staffPlan);
    await staff.write(this.tx);
    await family.write(this.tx, (id) => this.studentIds.get(id));
    const gone = goneStudents.map((s) => s.id);
    for (const student of goneStudents) this.change({ kind: 'student', ref: student.id, before: student });
    await this.flushChanges();
    for (let i = 0; i < gone.length; i += INACTIVATE_BATCH) {
      await repo.inactivateStudents(this.tx, districtId, gone.slice(i, i + INACTIVATE_BATCH), now);
    }
    this.counts.studentsInactivated += gone.length;
  }

  /** Stops the sync (nothing is kept) when it matched no school or would inactivate too many, unless confirmed. */
  private gate(activeStudents: number, studentsToInactivate: number, staff: { activeStaff: number; staffToInactivate: number }): void {
    if (this.options.confirmed) return;
    const { thresholdPct } = this.options;
    const over = (gone: number, active: number) => gone > 0 && gone * 100 > active * thresholdPct;
    const reasons: RosterConfirmation['reasons'] = [];
    if (this.counts.schoolsMatched === 0) reasons.push('no_school_matched');
    if (over(studentsToInactivate, activeStudents) || over(staff.staffToInactivate, staff.activeStaff)) reasons.push('too_many_inactivated');
    if (reasons.length === 0) return;
    throw new ConfirmationNeeded(
      { reasons, schoolsMatched: this.counts.schoolsMatched, activeStudents, studentsToInactivate, ...staff, thresholdPct },
      { ...this.counts, studentsInactivated: studentsToInactivate, staffInactivated: staff.staffToInactivate },
    );
  }

  async enrollments(): Promise<void> {
    const mode = this.plan.modes['enrollments.csv'];
    if (mode === 'absent') return;
    this.setPhase('enrollments');
    const teachers = new TeacherSync(this.tx, this.shared(), mode);
    await teachers.start();
    const sync = await EnrollmentSync.start(this.tx, this.options.districtId, mode, {
      cols: this.plan.columns['enrollments.csv']!,
      counts: this.counts,
      studentIdOf: (sourcedId) => this.studentIds.get(sourcedId),
      wasRejected: (sourcedId) => this.rejectedUsers.has(sourcedId),
      schoolOf: (orgId) => this.schoolOf(orgId),
      reject: (line, sourcedId, reason) => this.reject('enrollments.csv', line, sourcedId, reason),
      change: (row) => this.change(row),
      flush: () => this.flushChanges(),
      teacher: (line, get) => teachers.row(line, get),
    });
    for await (const records of this.records('enrollments.csv')) {
      // take() is synchronous: a promise per row cost more than comparing the row, on a large district's file.
      for (const record of records) if (sync.take(record)) await sync.write();
    }
    await sync.finish();
    await teachers.finish();
  }
}
