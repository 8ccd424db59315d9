import { performance } from 'node:perf_hooks';
import {
  ROSTER_LIMITS, type RosterCounts, type RosterFile, type RosterPhase, type RosterRejection,
} from '../../../common/roster-import.js';
import type { Db } from '../../db/connection.js';
import { csvRecords, type CsvRecord } from './csv-stream.js';
import type { RosterPackage } from './package-source.js';
import type { PackagePlan } from './roster-import.check.js';
import { flag, parseDay, parseSex, raceOf, type RaceEthnicity, type StudentSex } from './roster-import.policy.js';
import * as repo from './roster-import.repository.js';
import { studentRowOf, type UserMatch } from './roster-import.students.js';
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
  now: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Runs inside the transaction after the last row, so the job's result and audit commit with the data. */
  onWritten?: (tx: Db, result: ImportResult) => Promise<void>;
}

export interface Demographics { dateOfBirth: string | null; sex: StudentSex | null; race: RaceEthnicity | null }
type School = Awaited<ReturnType<typeof repo.findSchools>>[number];

const STUDENT_BATCH = 2000;
const ENROLLMENT_BATCH = 5000;
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
    await run.demographics();
    await run.users();
    await run.enrollments();
    run.setPhase('finishing');
    const result = { counts: run.counts, rejections: run.rejections, rows: run.rows, processed: run.processed };
    await options.onWritten?.(tx, result);
    run.setPhase('done');
    return result;
  });
}

class ImportRun {
  readonly counts = repo.emptyCounts();
  readonly rejections: RosterRejection[] = [];
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
        if (rawSex && !sex) { this.reject('demographics.csv', line, sourcedId, `sex ${rawSex} is not male, female or other`); continue; }
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
      reject: (line: number, sourcedId: string, reason: string) => {
        this.rejectedUsers.add(sourcedId);
        return this.reject('users.csv', line, sourcedId, reason);
      },
    };
    let batch: repo.StudentRow[] = [];
    for await (const records of this.records('users.csv')) {
      for (const record of records) {
        const row = studentRowOf(context, record);
        if (!row) continue;
        this.studentIds.set(row.sourcedId!, row.id);
        batch.push(row);
        if (batch.length >= STUDENT_BATCH) { await repo.upsertStudents(this.tx, batch); batch = []; }
      }
    }
    await repo.upsertStudents(this.tx, batch);
    const gone = mode === 'bulk' ? existing.filter((s) => s.active && !match.seen.has(s.id)).map((s) => s.id) : match.inactivate;
    for (let i = 0; i < gone.length; i += INACTIVATE_BATCH) {
      await repo.inactivateStudents(this.tx, districtId, gone.slice(i, i + INACTIVATE_BATCH), now);
    }
    this.counts.studentsInactivated += gone.length;
  }

  async enrollments(): Promise<void> {
    const mode = this.plan.modes['enrollments.csv'];
    if (mode === 'absent') return;
    this.setPhase('enrollments');
    const { districtId } = this.options;
    if (mode === 'bulk') await repo.deleteEnrollments(this.tx, districtId);
    const cols = this.plan.columns['enrollments.csv']!;
    const lines = new Map<string, number>();
    let batch: repo.EnrollmentRow[] = [];
    let removed: string[] = [];
    for await (const records of this.records('enrollments.csv')) {
      for (const { line, fields } of records) {
        const get = (name: string) => cols.get(fields, name);
        const sourcedId = get('sourcedId');
        if (get('role').toLowerCase() !== 'student') { this.counts.skipped++; continue; }
        if (!sourcedId) { this.reject('enrollments.csv', line, null, 'sourcedId is empty'); continue; }
        if (get('status').toLowerCase() === 'tobedeleted') {
          if (mode === 'delta') removed.push(sourcedId);
          else this.counts.skipped++;
          continue;
        }
        const earlier = lines.get(sourcedId);
        if (earlier) { this.reject('enrollments.csv', line, sourcedId, `sourcedId is already on line ${earlier}`); continue; }
        lines.set(sourcedId, line);
        const userId = get('userSourcedId');
        const studentId = this.studentIds.get(userId);
        if (!studentId) {
          const why = this.rejectedUsers.has(userId) ? 'was rejected in users.csv' : 'is not a student of the roster';
          this.reject('enrollments.csv', line, sourcedId, `userSourcedId ${userId} ${why}`);
          continue;
        }
        const school = this.schoolOf(get('schoolSourcedId'));
        if (!school) { this.reject('enrollments.csv', line, sourcedId, `schoolSourcedId ${get('schoolSourcedId')} is not a school of the district`); continue; }
        const classId = get('classSourcedId');
        if (!classId) { this.reject('enrollments.csv', line, sourcedId, 'classSourcedId is empty'); continue; }
        const [rawBegin, rawEnd] = [get('beginDate'), get('endDate')];
        const [beginDate, endDate] = [parseDay(rawBegin), parseDay(rawEnd)];
        if ((rawBegin && !beginDate) || (rawEnd && !endDate)) {
          this.reject('enrollments.csv', line, sourcedId, 'beginDate and endDate must be dates as YYYY-MM-DD');
          continue;
        }
        batch.push({ districtId, sourcedId, studentId, schoolId: school.id, classSourcedId: classId, primary: flag(get('primary')), beginDate, endDate });
        this.counts.enrollments++;
        if (batch.length >= ENROLLMENT_BATCH) { await repo.upsertEnrollments(this.tx, batch); batch = []; }
        if (removed.length >= INACTIVATE_BATCH) { await repo.deleteEnrollmentsById(this.tx, districtId, removed); removed = []; }
      }
    }
    await repo.upsertEnrollments(this.tx, batch);
    await repo.deleteEnrollmentsById(this.tx, districtId, removed);
  }
}
