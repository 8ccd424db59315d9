import type { RosterCounts } from '../../../common/roster-import.js';
import type { Db } from '../../db/connection.js';
import type { CsvRecord } from './csv-stream.js';
import { Columns, flag, parseDay, type FileMode } from './roster-import.policy.js';
import * as repo from './roster-import.repository.js';
import type { ChangeRow } from './roster-undo.repository.js';

export interface EnrollmentContext {
  cols: Columns;
  counts: RosterCounts;
  studentIdOf(userSourcedId: string): string | undefined;
  wasRejected(userSourcedId: string): boolean;
  schoolOf(orgSourcedId: string): { id: string } | undefined;
  reject(line: number, sourcedId: string | null, reason: string): null;
  change(row: ChangeRow): void;
  flush(): Promise<void>;
  /** A row of a teacher (the teacher's class list). */
  teacher(line: number, get: (name: string) => string): void;
}

type Stored = Omit<repo.EnrollmentRow, 'districtId'>;

const BATCH = 5000;
const SEP = repo.ENROLLMENT_KEY_SEPARATOR;

/** The fields compared between the stored enrollment and the file's row, as one string (small in memory). */
function keyOf(e: Stored): string {
  return e.studentId + SEP + e.schoolId + SEP + e.classSourcedId + SEP + (e.primary ? '1' : '0') + SEP + (e.beginDate ?? '') + SEP + (e.endDate ?? '');
}

function rowOfKey(sourcedId: string, key: string): Stored {
  const [studentId, schoolId, classSourcedId, primary, beginDate, endDate] = key.split(SEP) as [string, string, string, string, string, string];
  return { sourcedId, studentId, schoolId, classSourcedId, primary: primary === '1', beginDate: beginDate || null, endDate: endDate || null };
}

/**
 * Student enrollments of one sync, compared with what is stored: only new and changed rows are written, and a bulk
 * file removes the enrollments it no longer lists (a delta file those marked `tobedeleted`). Every write keeps the
 * previous row for undo.
 */
export class EnrollmentSync {
  private readonly lines = new Map<string, number>();
  private batch: repo.EnrollmentRow[] = [];
  private removed: string[] = [];
  /** Column positions, resolved once: a large district's file has hundreds of thousands of rows. */
  private readonly at: Record<'sourcedId' | 'role' | 'status' | 'userSourcedId' | 'schoolSourcedId' | 'classSourcedId' | 'primary' | 'beginDate' | 'endDate', number>;

  private constructor(
    private readonly tx: Db, private readonly districtId: string, private readonly mode: FileMode,
    private readonly stored: Map<string, string>, private readonly ctx: EnrollmentContext,
  ) {
    const names = ['sourcedId', 'role', 'status', 'userSourcedId', 'schoolSourcedId', 'classSourcedId', 'primary', 'beginDate', 'endDate'] as const;
    this.at = Object.fromEntries(names.map((name) => [name, ctx.cols.position(name)])) as EnrollmentSync['at'];
  }

  /** Reads the district's stored enrollments and starts the sync. */
  static async start(tx: Db, districtId: string, mode: FileMode, ctx: EnrollmentContext): Promise<EnrollmentSync> {
    return new EnrollmentSync(tx, districtId, mode, await repo.findEnrollmentKeys(tx, districtId), ctx);
  }

  /**
   * Takes one record without waiting on anything: compared with the stored row, an unchanged one costs a string
   * comparison and nothing else (no promise). Answers true when the batch is full: the caller then awaits write().
   */
  take({ line, fields }: CsvRecord): boolean {
    const { ctx, at } = this;
    const sourcedId = Columns.at(fields, at.sourcedId);
    const role = Columns.at(fields, at.role).toLowerCase();
    if (role === 'teacher') { ctx.teacher(line, (name) => ctx.cols.get(fields, name)); return false; }
    if (role !== 'student') { ctx.counts.skipped++; return false; }
    if (!sourcedId) { ctx.reject(line, null, 'sourcedId is empty'); return false; }
    if (Columns.at(fields, at.status).toLowerCase() === 'tobedeleted') {
      if (this.mode === 'delta' && this.stored.has(sourcedId)) this.removed.push(sourcedId);
      else ctx.counts.skipped++;
      return false;
    }
    const earlier = this.lines.get(sourcedId);
    if (earlier) { ctx.reject(line, sourcedId, `sourcedId is already on line ${earlier}`); return false; }
    this.lines.set(sourcedId, line);
    const userId = Columns.at(fields, at.userSourcedId);
    const studentId = ctx.studentIdOf(userId);
    if (!studentId) {
      const why = ctx.wasRejected(userId) ? 'was rejected in users.csv' : 'is not a student of the roster';
      ctx.reject(line, sourcedId, `userSourcedId ${userId} ${why}`);
      return false;
    }
    const schoolSourcedId = Columns.at(fields, at.schoolSourcedId);
    const school = ctx.schoolOf(schoolSourcedId);
    if (!school) { ctx.reject(line, sourcedId, `schoolSourcedId ${schoolSourcedId} is not a school of the district`); return false; }
    const classSourcedId = Columns.at(fields, at.classSourcedId);
    if (!classSourcedId) { ctx.reject(line, sourcedId, 'classSourcedId is empty'); return false; }
    const [rawBegin, rawEnd] = [Columns.at(fields, at.beginDate), Columns.at(fields, at.endDate)];
    const beginDate = rawBegin ? parseDay(rawBegin) : null;
    const endDate = rawEnd ? parseDay(rawEnd) : null;
    if ((rawBegin && !beginDate) || (rawEnd && !endDate)) {
      ctx.reject(line, sourcedId, 'beginDate and endDate must be dates as YYYY-MM-DD');
      return false;
    }
    ctx.counts.enrollments++;
    const row = { sourcedId, studentId, schoolId: school.id, classSourcedId, primary: flag(Columns.at(fields, at.primary)), beginDate, endDate };
    const before = this.stored.get(sourcedId);
    // Seen: a bulk file keeps it. Unchanged rows are not written again.
    this.stored.delete(sourcedId);
    if (before === keyOf(row)) return false;
    ctx.change({ kind: 'enrollment', ref: sourcedId, before: before === undefined ? null : rowOfKey(sourcedId, before) });
    this.batch.push({ districtId: this.districtId, ...row });
    return this.batch.length >= BATCH;
  }

  /** Writes the batch taken so far (and the undo log's full batches). */
  async write(): Promise<void> {
    await repo.upsertEnrollments(this.tx, this.batch);
    this.batch = [];
    await this.ctx.flush();
  }

  /** Writes what is left and removes what the file no longer lists (bulk) or marks `tobedeleted` (delta). */
  async finish(): Promise<void> {
    await this.write();
    const gone = this.mode === 'bulk' ? [...this.stored.keys()] : this.removed;
    for (const sourcedId of gone) {
      const key = this.stored.get(sourcedId);
      if (key !== undefined) this.ctx.change({ kind: 'enrollment', ref: sourcedId, before: rowOfKey(sourcedId, key) });
    }
    for (let i = 0; i < gone.length; i += BATCH) {
      await repo.deleteEnrollmentsById(this.tx, this.districtId, gone.slice(i, i + BATCH));
      await this.ctx.flush();
    }
    this.ctx.counts.enrollmentsRemoved += gone.length;
  }
}
