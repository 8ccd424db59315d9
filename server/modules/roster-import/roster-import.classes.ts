import type { RosterCounts } from '../../../common/roster-import.js';
import type { Db } from '../../db/connection.js';
import type { CsvRecord } from './csv-stream.js';
import type { Columns, FileMode } from './roster-import.policy.js';
import * as classRepo from './roster-classes.repository.js';
import type { ChangeRow } from './roster-undo.repository.js';

interface Shared {
  districtId: string;
  counts: RosterCounts;
  schoolOf(orgSourcedId: string): { id: string } | undefined;
  reject(file: 'classes.csv' | 'enrollments.csv', line: number, sourcedId: string | null, reason: string): null;
}

/**
 * Reads classes.csv into roster_classes (a bulk file retires the classes it no longer lists). Each row is compared
 * with the stored class: only new, changed or re-activated classes are written.
 */
export async function syncClasses(tx: Db, ctx: Shared, mode: FileMode, cols: Columns, records: AsyncIterable<CsvRecord[]>): Promise<void> {
  const stored = await classRepo.findClassKeys(tx, ctx.districtId);
  const seen = new Map<string, number>();
  let batch: classRepo.ClassRow[] = [];
  for await (const rows of records) {
    for (const { line, fields } of rows) {
      const get = (name: string) => cols.get(fields, name);
      const sourcedId = get('sourcedId');
      if (!sourcedId) { ctx.reject('classes.csv', line, null, 'sourcedId is empty'); continue; }
      if (get('status').toLowerCase() === 'tobedeleted') { ctx.counts.skipped++; continue; }
      const earlier = seen.get(sourcedId);
      if (earlier) { ctx.reject('classes.csv', line, sourcedId, `sourcedId is already on line ${earlier}`); continue; }
      seen.set(sourcedId, line);
      const school = ctx.schoolOf(get('schoolSourcedId'));
      if (!school) { ctx.reject('classes.csv', line, sourcedId, `schoolSourcedId ${get('schoolSourcedId')} is not a school of the district`); continue; }
      const title = get('title');
      if (!title) { ctx.reject('classes.csv', line, sourcedId, 'title is empty'); continue; }
      const row = { districtId: ctx.districtId, sourcedId, schoolId: school.id, title, classCode: get('classCode') || null, periods: get('periods') || null };
      ctx.counts.classes++;
      const before = stored.get(sourcedId);
      if (before?.active && before.key === [row.schoolId, title, row.classCode ?? '', row.periods ?? ''].join('\u0001')) continue;
      batch.push(row);
      if (batch.length >= 2000) { await classRepo.upsertClasses(tx, batch); batch = []; }
    }
  }
  await classRepo.upsertClasses(tx, batch);
  if (mode === 'bulk') await classRepo.retireClasses(tx, ctx.districtId, [...stored].filter(([id, c]) => c.active && !seen.has(id)).map(([id]) => id));
}

/**
 * Teachers of classes from enrollments.csv rows with role teacher: the account the sync keeps for the user, at the
 * class's school. A bulk file replaces the district's teacher rows; every write keeps the previous rows for undo.
 */
export class TeacherSync {
  private readonly rows = new Map<string, classRepo.TeacherRow>();
  private readonly removed: string[] = [];
  private accounts = new Map<string, string>();

  constructor(private readonly tx: Db, private readonly ctx: Shared & { change(row: ChangeRow): void }, private readonly mode: FileMode) {}

  /** Reads the accounts of the staff the sync keeps (after users.csv). */
  async start(): Promise<void> {
    this.accounts = await classRepo.staffAccounts(this.tx, this.ctx.districtId);
  }

  /** One enrollments.csv row of a teacher. */
  row(line: number, get: (name: string) => string): void {
    const sourcedId = get('sourcedId');
    if (!sourcedId) { this.ctx.reject('enrollments.csv', line, null, 'sourcedId is empty'); return; }
    if (get('status').toLowerCase() === 'tobedeleted') { this.removed.push(sourcedId); return; }
    const userId = this.accounts.get(get('userSourcedId'));
    if (!userId) { this.ctx.reject('enrollments.csv', line, sourcedId, `userSourcedId ${get('userSourcedId')} is not a staff account of the sync`); return; }
    const school = this.ctx.schoolOf(get('schoolSourcedId'));
    if (!school) { this.ctx.reject('enrollments.csv', line, sourcedId, `schoolSourcedId ${get('schoolSourcedId')} is not a school of the district`); return; }
    const classSourcedId = get('classSourcedId');
    if (!classSourcedId) { this.ctx.reject('enrollments.csv', line, sourcedId, 'classSourcedId is empty'); return; }
    this.rows.set(sourcedId, {
      districtId: this.ctx.districtId, sourcedId, classSourcedId, userId, schoolId: school.id, primary: get('primary').toLowerCase() === 'true',
    });
    this.ctx.counts.teacherAssignments++;
  }

  /** Writes the teacher rows and keeps the ones replaced or removed. */
  async finish(): Promise<void> {
    const existing = new Map((await classRepo.findTeachers(this.tx, this.ctx.districtId)).map((r) => [r.sourcedId, r]));
    const remove = this.mode === 'bulk' ? [...existing.keys()].filter((id) => !this.rows.has(id)) : this.removed.filter((id) => existing.has(id));
    const same = (a: classRepo.TeacherRow, b: classRepo.TeacherRow) =>
      a.classSourcedId === b.classSourcedId && a.userId === b.userId && a.schoolId === b.schoolId && Boolean(a.primary) === Boolean(b.primary);
    // Unchanged rows are not written again (a re-sync touches only what changed).
    const write = [...this.rows.values()].filter((row) => { const before = existing.get(row.sourcedId); return !before || !same(before, row); });
    for (const id of [...write.map((r) => r.sourcedId), ...remove]) {
      const before = existing.get(id);
      this.ctx.change({ kind: 'teacher', ref: id, before: before ? { ...before } : null });
    }
    await classRepo.replaceTeachers(this.tx, this.ctx.districtId, [...remove, ...write.map((r) => r.sourcedId).filter((id) => existing.has(id))], write);
  }
}
