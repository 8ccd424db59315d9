import type { DirectoryEntry, DirectoryKind } from '../../../common/directory.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound, uniqueOr409 } from '../../lib/errors.js';
import { unusableReason } from './directory.policy.js';
import * as repo from './directory.repository.js';
import type { DirectoryBody } from './directory.schemas.js';

type Served = Map<string, { id: string; name: string }[]>;

function toEntry(row: repo.DirectoryRow, served: Served): DirectoryEntry {
  return {
    id: row.id, name: row.name, kind: row.kind as DirectoryKind, contactName: row.contactName, phone: row.phone, email: row.email,
    website: row.website, address: row.address, services: row.services, notes: row.notes, schools: served.get(row.id) ?? [],
    active: row.active, updatedAt: row.updatedAt.toISOString(),
  };
}

async function entryOf(db: Db, districtId: string, id: string): Promise<DirectoryEntry> {
  const [row] = await repo.findEntries(db, districtId, { id });
  if (!row) throw notFound('Directory entry');
  return toEntry(row, await repo.findServedSchools(db, [id]));
}

/** Refuses schools that are not of the actor's district (400 naming schoolIds). */
async function requireSchools(db: Db, districtId: string, schoolIds: string[]) {
  const unique = [...new Set(schoolIds)];
  const found = await repo.findDistrictSchoolIds(db, districtId, unique);
  if (found.length !== unique.length) throw new AppError('validation_failed', 'schoolIds: no such school in this district', { field: 'schoolIds' });
  return unique;
}

/** Directory entries of the actor's district: agencies, vendors, community organizations. */
export async function findEntries(ctx: ServiceContext, filter: { kind?: string; schoolId?: string; q?: string; active: 'true' | 'false' | 'all' }) {
  const rows = await repo.findEntries(ctx.db, ctx.actor.districtId, { ...filter, active: filter.active === 'all' ? undefined : filter.active === 'true' });
  const served = await repo.findServedSchools(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => toEntry(r, served));
}

/** One entry of the actor's district. */
export function getEntry(ctx: ServiceContext, id: string) {
  return entryOf(ctx.db, ctx.actor.districtId, id);
}

/** Adds an entry, audited; a second entry of the same name is 409 on `name`. */
export async function createEntry(ctx: ServiceContext, input: DirectoryBody) {
  return ctx.db.transaction(async (tx) => {
    const schoolIds = await requireSchools(tx, ctx.actor.districtId, input.schoolIds);
    const { schoolIds: _ignored, ...fields } = input;
    const id = await uniqueOr409(() => repo.insertEntry(tx, { ...fields, districtId: ctx.actor.districtId }), 'name', 'An entry of this name is already in the directory');
    await repo.setServedSchools(tx, id, schoolIds);
    await writeAudit(tx, whoOf(ctx), { type: 'directory.created', subjectType: 'directory_organization', subjectId: id, detail: { kind: input.kind } });
    return entryOf(tx, ctx.actor.districtId, id);
  });
}

/** Changes an entry (retire it with active: false), audited with the names of the changed fields. */
export async function updateEntry(ctx: ServiceContext, id: string, input: Partial<DirectoryBody> & { active?: boolean }) {
  return ctx.db.transaction(async (tx) => {
    const before = await entryOf(tx, ctx.actor.districtId, id);
    const { schoolIds, ...fields } = input;
    const changed = changedFields(before as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    await uniqueOr409(() => repo.updateEntry(tx, id, fields), 'name', 'An entry of this name is already in the directory');
    if (schoolIds) {
      await repo.setServedSchools(tx, id, await requireSchools(tx, ctx.actor.districtId, schoolIds));
      changed.push('schoolIds');
    }
    await writeAudit(tx, whoOf(ctx), { type: 'directory.updated', subjectType: 'directory_organization', subjectId: id, detail: { fields: changed } });
    return entryOf(tx, ctx.actor.districtId, id);
  });
}

/**
 * An active entry of the district that another module references (a referral's vendor, a work order's owner):
 * unknown, retired, of another district or not of `kinds` is 400 naming `field`.
 */
export async function requireDirectoryEntry(db: Db, districtId: string, id: string, field: string, kinds?: readonly DirectoryKind[]) {
  const [row] = await repo.findEntries(db, districtId, { id });
  const reason = unusableReason(row, kinds);
  if (reason) throw new AppError('validation_failed', `${field}: ${reason}`, { field });
  return { id: row!.id, name: row!.name, kind: row!.kind as DirectoryKind, email: row!.email };
}
