import {
  EQUIPMENT_CSV_COLUMNS, EQUIPMENT_CSV_EXPORT_EXTRA, equipmentBody, type EquipmentBody, type ImportLineError, type ImportResult,
  type ListEquipmentQuery,
} from '../../../common/equipment.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { scopeOf } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { CSV_BOM, csvLine, uncsvCell } from '../../../common/csv.js';
import { requireTarget } from '../drills/drills.scope.js';
import { parseCsv } from './csv-parse.js';
import { dateProblem, nextInspectionOn } from './equipment.policy.js';
import * as repo from './equipment.repository.js';
import { todayOf } from '../../lib/district-time.js';

// CSV import and export of the inventory. An import is all or nothing: one bad line and nothing is written.

/** The most lines one import takes. */
export const MAX_IMPORT_LINES = 5000;
const SHOWN_IN_MESSAGE = 5;
type Column = (typeof EQUIPMENT_CSV_COLUMNS)[number];

/** Maps header cells to columns; unknown or missing required columns are errors of line 1. */
function readHeader(cells: string[], errors: ImportLineError[]): (Column | null)[] {
  const byLower = new Map(EQUIPMENT_CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns = cells.map((cell) => {
    const column = byLower.get(cell.trim().toLowerCase());
    if (!column && !(EQUIPMENT_CSV_EXPORT_EXTRA as readonly string[]).includes(cell.trim())) {
      errors.push({ line: 1, field: cell.trim() || '(empty)', message: 'unknown column' });
    }
    return column ?? null;
  });
  for (const required of ['type', 'name'] as const) {
    if (!columns.includes(required)) errors.push({ line: 1, field: required, message: 'column is missing' });
  }
  return columns;
}

/**
 * Checks a CSV file of items for a school and, unless `dryRun` or anything is wrong, adds them all in one transaction.
 * A file with errors answers them per line (dryRun) or as a 400 naming the first (otherwise), writing nothing.
 */
export async function importEquipment(ctx: ServiceContext, schoolId: string, text: string, dryRun: boolean): Promise<ImportResult> {
  const today = todayOf(ctx);
  await requireTarget(ctx.db, ctx.actor, 'equipment.manage', schoolId);
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    throw new AppError('validation_failed', `csv: ${(error as Error).message}`, { field: 'csv' });
  }
  if (records.length < 2) throw new AppError('validation_failed', 'csv: needs a header line and at least one item', { field: 'csv' });
  if (records.length - 1 > MAX_IMPORT_LINES) throw new AppError('validation_failed', `csv: at most ${MAX_IMPORT_LINES} items per file`, { field: 'csv' });
  const errors: ImportLineError[] = [];
  const columns = readHeader(records[0]!.cells, errors);
  const [areas, people] = await Promise.all([repo.findAreasByName(ctx.db, schoolId), repo.findUsersByEmail(ctx.db, ctx.actor.districtId)]);
  const items: (EquipmentBody & { line: number })[] = [];
  for (const { line, cells } of errors.length ? [] : records.slice(1)) {
    const raw: Partial<Record<Column, string>> = {};
    // The formula guard of our own export comes off, so an exported file imports unchanged.
    columns.forEach((column, i) => { if (column) raw[column] = uncsvCell((cells[i] ?? '').trim()); });
    const fail = (field: string, message: string) => errors.push({ line, field, message });
    const areaId = raw.area ? areas.get(raw.area.toLowerCase()) : null;
    if (raw.area && !areaId) fail('area', `no campus area "${raw.area}" at the school`);
    const ownerId = raw.ownerEmail ? people.get(raw.ownerEmail.toLowerCase()) : null;
    if (raw.ownerEmail && !ownerId) fail('ownerEmail', `no active user ${raw.ownerEmail} in the district`);
    const blank = (v: string | undefined) => (v ? v : null);
    const parsed = equipmentBody.safeParse({
      schoolId, areaId: areaId ?? null, ownerId: ownerId ?? null, type: raw.type?.toLowerCase(), name: raw.name,
      make: blank(raw.make), model: blank(raw.model), serialNumber: blank(raw.serialNumber), purchasedOn: blank(raw.purchasedOn),
      padsExpireOn: blank(raw.padsExpireOn), batteryExpiresOn: blank(raw.batteryExpiresOn), expiresOn: blank(raw.expiresOn),
      condition: blank(raw.condition?.toLowerCase()) ?? undefined, notes: blank(raw.notes),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(String(issue.path[0] ?? 'line'), issue.message);
      continue;
    }
    const problem = dateProblem(parsed.data, today);
    if (problem) fail(problem[0], problem[1]);
    else items.push({ ...parsed.data, line });
  }
  if (errors.length > 0) {
    if (dryRun) return { imported: 0, errors };
    const shown = errors.slice(0, SHOWN_IN_MESSAGE).map((e) => `line ${e.line}: ${e.field}: ${e.message}`).join('; ');
    const more = errors.length > SHOWN_IN_MESSAGE ? ` (and ${errors.length - SHOWN_IN_MESSAGE} more)` : '';
    throw new AppError('validation_failed', `${shown}${more}`, { field: errors[0]!.field });
  }
  // A clean dry run answers how many items the file would add.
  if (dryRun) return { imported: items.length, errors: [] };
  await ctx.db.transaction(async (tx) => {
    const ids = await repo.insertItems(tx, items.map(({ line: _line, ...item }) => ({
      ...item, districtId: ctx.actor.districtId, nextInspectionOn: nextInspectionOn(item.type, today), createdBy: ctx.actor.userId,
    })));
    await repo.refreshDueDays(tx, ctx.actor.districtId, [schoolId], today);
    await writeAudit(tx, whoOf(ctx), { type: 'equipment.imported', schoolId, subjectType: 'school', subjectId: schoolId, detail: { count: ids.length } });
  });
  return { imported: items.length, errors: [] };
}

/** The filtered inventory as CSV with BOM (import columns first, so an export can be edited and imported elsewhere), audited. */
export async function exportEquipment(ctx: ServiceContext, query: Omit<ListEquipmentQuery, 'limit' | 'offset'>): Promise<string> {
  const today = todayOf(ctx);
  const rows = await repo.findAllItems(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'equipment.read'), query, today);
  const lines = [CSV_BOM + csvLine([...EQUIPMENT_CSV_COLUMNS, ...EQUIPMENT_CSV_EXPORT_EXTRA])];
  const emails = rows.some((r) => r.e.ownerId) ? await repo.findUserEmails(ctx.db, ctx.actor.districtId) : new Map<string, string>();
  for (const { e, areaName, schoolName } of rows) {
    lines.push(csvLine([
      e.type, e.name, areaName, e.make, e.model, e.serialNumber, e.purchasedOn, e.padsExpireOn, e.batteryExpiresOn, e.expiresOn,
      e.condition, e.ownerId ? emails.get(e.ownerId) : null, e.notes, schoolName, e.lastInspectedOn, e.nextInspectionOn, e.retired,
    ]));
  }
  await ctx.db.transaction(async (tx) => {
    await writeAudit(tx, whoOf(ctx), {
      type: 'equipment.exported', schoolId: query.schoolId ?? null, subjectType: 'equipment', detail: { rows: rows.length, filter: query.filter },
    });
  });
  return lines.join('');
}
