import { writeAudit, whoOf } from '../../audit/audit.js';
import type { ServiceContext } from '../../lib/context.js';
import {
  disseminationRule, ownerLabelOf, RECORD_TYPE_OWNERS, type RecordOwner, type RecordType,
} from '../../../common/record-owners.js';
import * as repo from './exports.repository.js';

export type { RecordOwner } from '../../../common/record-owners.js';

/** The owner label of a list's rows (common/record-owners.ts decides it); a law-enforcement list names the district's agency. */
export async function ownerLabel(ctx: ServiceContext, owner: RecordOwner): Promise<string> {
  return ownerLabelOf(owner, owner === 'law_enforcement' ? await repo.findAgencyName(ctx.db, ctx.actor.districtId) : null);
}

/**
 * The owner label of one record of `type`, and for a law-enforcement record the agency's dissemination rule: the
 * lines every page and PDF of the record carries.
 */
export async function recordOwnerLines(ctx: ServiceContext, type: RecordType): Promise<{ label: string; dissemination: string | null }> {
  const owner = RECORD_TYPE_OWNERS[type];
  const agency = owner === 'law_enforcement' ? await repo.findAgencyName(ctx.db, ctx.actor.districtId) : null;
  return { label: ownerLabelOf(owner, agency), dissemination: owner === 'law_enforcement' ? disseminationRule(agency) : null };
}

/** The dissemination rule of the district's agency, for exports of law-enforcement lists. */
export async function disseminationOf(ctx: ServiceContext): Promise<string> {
  return disseminationRule(await repo.findAgencyName(ctx.db, ctx.actor.districtId));
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
