import { writeAudit, whoOf } from '../../audit/audit.js';
import { isDistrictWide } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { schools } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { decodeCsv, parseCcd, type CcdSchool } from './ccd.parse.js';
import * as repo from './ccd-import.repository.js';
import type { CcdPlan } from './ccd-import.schemas.js';

type SchoolRow = typeof schools.$inferSelect;
const COMPARED = ['name', 'street', 'city', 'state', 'zip', 'phone', 'level', 'gradeLow', 'gradeHigh'] as const;

/** What the file would change: added, updated (with each field's before and after), closed, and what it skips. */
function planOf(file: CcdSchool[], existing: SchoolRow[], foreign: Set<string>) {
  const byNces = new Map(existing.map((s) => [s.ncesId, s]));
  const plan: Omit<CcdPlan, 'leaid' | 'applied' | 'fileRows' | 'districtRows'> = { added: [], updated: [], closed: [], unchanged: 0, notInFile: [], skipped: [] };
  const inserts: CcdSchool[] = [];
  const updates: { school: SchoolRow; values: Partial<SchoolRow> }[] = [];
  for (const row of file) {
    const skip = (reason: string) => plan.skipped.push({ line: row.line, ncesId: row.ncesId, name: row.name, reason });
    if (foreign.has(row.ncesId)) { skip('belongs to another district of this deployment'); continue; }
    const current = byNces.get(row.ncesId);
    if (!current) {
      if (row.status === 'closed') skip('closed, and not in SRO Desk');
      else if (row.status === 'future') skip('not open yet');
      else if (row.gradeLow === null || row.gradeHigh === null) skip('the file reports no grade span');
      else {
        inserts.push(row);
        plan.added.push({ line: row.line, ncesId: row.ncesId, name: row.name, level: row.level, gradeLow: row.gradeLow, gradeHigh: row.gradeHigh, city: row.city });
      }
      continue;
    }
    if (row.status === 'closed') {
      if (current.active) {
        plan.closed.push({ line: row.line, schoolId: current.id, ncesId: row.ncesId, name: current.name });
        updates.push({ school: current, values: { active: false } });
      } else plan.unchanged++;
      continue;
    }
    // A school without a reported span keeps the one SRO Desk has.
    const next = { ...row, gradeLow: row.gradeLow ?? current.gradeLow, gradeHigh: row.gradeHigh ?? current.gradeHigh };
    const changes: { field: string; from: string | number | boolean; to: string | number | boolean }[] = COMPARED
      .filter((f) => next[f] !== current[f]).map((f) => ({ field: f, from: current[f], to: next[f] }));
    if (!current.active && row.status === 'open') changes.push({ field: 'active', from: false, to: true });
    if (changes.length === 0) { plan.unchanged++; continue; }
    plan.updated.push({ line: row.line, schoolId: current.id, ncesId: row.ncesId, name: row.name, changes });
    updates.push({ school: current, values: Object.fromEntries(changes.map((c) => [c.field, c.to])) as Partial<SchoolRow> });
  }
  const listed = new Set(file.map((r) => r.ncesId));
  for (const s of existing) if (!listed.has(s.ncesId) && s.active) plan.notInFile.push({ schoolId: s.id, ncesId: s.ncesId, name: s.name });
  return { plan, inserts, updates };
}

async function prepare(ctx: ServiceContext, db: Db, bytes: Buffer, leaidParam: string | undefined) {
  if (!isDistrictWide(ctx.actor, 'import.run')) throw new AppError('forbidden', 'Importing the school directory needs a district-wide grant');
  const onRecord = await repo.findLeaid(db, ctx.actor.districtId);
  if (onRecord && leaidParam && leaidParam !== onRecord) {
    throw new AppError('validation_failed', `The district's NCES id is ${onRecord}, not ${leaidParam}`, { field: 'leaid' });
  }
  const leaid = onRecord ?? leaidParam;
  if (!leaid) throw new AppError('validation_failed', 'The district has no NCES id (LEAID) on record: give it as leaid', { field: 'leaid' });
  const parsed = parseCcd(decodeCsv(bytes), leaid);
  const existing = await repo.findSchools(db, ctx.actor.districtId);
  const foreign = await repo.findForeignNcesIds(db, ctx.actor.districtId, parsed.schools.map((s) => s.ncesId));
  return { leaid, parsed, ...planOf(parsed.schools, existing, foreign) };
}

/** Dry run: reads the file and answers what applying it would change; writes nothing. */
export async function previewCcd(ctx: ServiceContext, bytes: Buffer, leaid?: string): Promise<CcdPlan> {
  const { plan, parsed, leaid: used } = await prepare(ctx, ctx.db, bytes, leaid);
  return { leaid: used, applied: false, fileRows: parsed.rows, districtRows: parsed.schools.length, ...plan };
}

/**
 * Applies the file in one transaction: adds, updates and closes schools, never deletes one (a closed school
 * keeps its records). Audited with the NCES ids of every change.
 */
export async function applyCcd(ctx: ServiceContext, bytes: Buffer, leaid?: string): Promise<CcdPlan> {
  return ctx.db.transaction(async (tx) => {
    const { plan, parsed, inserts, updates, leaid: used } = await prepare(ctx, tx, bytes, leaid);
    await repo.insertSchools(tx, inserts.map((r) => ({
      districtId: ctx.actor.districtId, ncesId: r.ncesId, name: r.name, level: r.level, gradeLow: r.gradeLow!, gradeHigh: r.gradeHigh!,
      street: r.street, city: r.city, state: r.state, zip: r.zip, phone: r.phone,
    })));
    for (const u of updates) await repo.updateSchool(tx, ctx.actor.districtId, u.school.id, u.values);
    await writeAudit(tx, whoOf(ctx), {
      type: 'school_import.applied', subjectType: 'district', subjectId: ctx.actor.districtId,
      detail: {
        leaid: used, added: plan.added.map((s) => s.ncesId), updated: plan.updated.map((s) => s.ncesId), closed: plan.closed.map((s) => s.ncesId),
        skipped: plan.skipped.length,
      },
    });
    return { leaid: used, applied: true, fileRows: parsed.rows, districtRows: parsed.schools.length, ...plan };
  });
}
