import { writeAudit, whoOf } from '../../audit/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import * as repo from './exports.repository.js';

/** Who owns the records of a list, printed on every row of its CSV so a copy says what law governs it. */
export type RecordOwner = 'law_enforcement' | 'education' | 'counseling' | 'operational';

/** The owner label of a list's rows; a law-enforcement list names the district's agency. */
export async function ownerLabel(ctx: ServiceContext, owner: RecordOwner): Promise<string> {
  switch (owner) {
    case 'law_enforcement': {
      const agency = await repo.findAgencyName(ctx.db, ctx.actor.districtId);
      return `Law-enforcement record of ${agency ?? 'the law-enforcement agency'}, not an education record`;
    }
    case 'education': return 'Education record (FERPA)';
    case 'counseling': return 'Counseling record';
    case 'operational': return 'Operational record';
  }
}

/** What one export carried, for the audit log. */
export interface ExportRecord {
  list: string;
  filters: Record<string, unknown>;
  rows: number;
  /** False when the download stopped before the last row (the client went away or a page failed). */
  complete: boolean;
}

/** Writes `list.exported` in its own transaction once the rows are out (the count is known only then). */
export async function recordExport(ctx: ServiceContext, record: ExportRecord): Promise<void> {
  const schoolId = typeof record.filters.schoolId === 'string' ? record.filters.schoolId : null;
  await ctx.db.transaction(async (tx) => {
    await writeAudit(tx, whoOf(ctx), { type: 'list.exported', schoolId, subjectType: 'list', detail: { ...record } });
  });
}
