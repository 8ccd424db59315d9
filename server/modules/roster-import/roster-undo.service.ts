import {
  DEFAULT_ROLE_MAP, ROSTER_LIMITS, type ImportableRole, type OneRosterStaffRole, type RosterImportJob, type RosterSettings,
} from '../../../common/roster-import.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import * as repo from './roster-import.repository.js';
import { jobView } from './roster-import.service.js';
import * as undo from './roster-undo.repository.js';
import { deactivateAccounts, updateAccounts } from './roster-staff.repository.js';
import { undoTeachers } from './roster-classes.repository.js';
import { deleteLinks } from './roster-guardians.repository.js';

const READ_BATCH = 5000;

/**
 * Undoes a sync in one transaction: students it updated or inactivated get their previous values back, students it
 * created are marked inactive (never deleted), enrollments it wrote or removed are put back. Only the district's
 * latest sync not yet undone, within ROSTER_LIMITS.undoDays; undoing it makes the one before the latest.
 */
export async function undoImport(ctx: ServiceContext, id: string): Promise<RosterImportJob> {
  requirePermission(ctx.actor, 'import.run');
  const { districtId } = ctx.actor;
  const found = await repo.findJob(ctx.db, districtId, id);
  if (!found) throw notFound('Roster import');
  const { job } = found;
  if (job.status !== 'succeeded') throw new AppError('conflict', 'Only a sync that wrote its changes can be undone');
  if (job.undoneAt) throw new AppError('conflict', 'This sync is already undone');
  const now = ctx.clock.now();
  if (!job.finishedAt || now.getTime() - job.finishedAt.getTime() > ROSTER_LIMITS.undoDays * 86_400_000) {
    throw new AppError('conflict', `A sync can be undone for ${ROSTER_LIMITS.undoDays} days; this one is older`);
  }
  if (await undo.findLatestUndoable(ctx.db, districtId) !== id) {
    throw new AppError('conflict', 'A later sync changed the roster since: undo the later one first');
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await undo.markUndone(tx, id, ctx.actor.userId, now))) throw new AppError('conflict', 'This sync is already undone');
    let after = -1;
    let restored = 0;
    for (;;) {
      const changes = await undo.findChanges(tx, id, after, READ_BATCH);
      if (changes.length === 0) break;
      after = changes[changes.length - 1]!.seq;
      restored += changes.length;
      const previous = changes.filter((c) => c.kind === 'student' && c.before).map((c) => ({ ...c.before, id: c.ref }));
      const created = changes.filter((c) => c.kind === 'student' && !c.before).map((c) => c.ref);
      const enrollmentsBefore = changes.filter((c) => c.kind === 'enrollment' && c.before)
        .map((c) => ({ districtId, ...c.before }) as repo.EnrollmentRow);
      const enrollmentsCreated = changes.filter((c) => c.kind === 'enrollment' && !c.before).map((c) => c.ref);
      const staffBefore = changes.filter((c) => c.kind === 'staff' && c.before)
        .map((c) => ({ id: c.ref, name: String(c.before!.name), active: Boolean(c.before!.active) }));
      const staffCreated = changes.filter((c) => c.kind === 'staff' && !c.before).map((c) => c.ref);
      await updateAccounts(tx, districtId, staffBefore, now);
      await deactivateAccounts(tx, districtId, staffCreated, now);
      await undoTeachers(tx, districtId, changes.filter((c) => c.kind === 'teacher'));
      await deleteLinks(tx, changes.filter((c) => c.kind === 'guardian_link').map((c) => c.ref));
      await undo.restoreStudents(tx, districtId, previous, now);
      await undo.retireCreatedStudents(tx, districtId, created, now);
      await undo.deleteEnrollmentsByRef(tx, districtId, enrollmentsCreated);
      await repo.upsertEnrollments(tx, enrollmentsBefore);
    }
    await writeAudit(tx, whoOf(ctx), {
      type: 'roster.import_undone', subjectType: 'roster_import', subjectId: id, detail: { fileName: job.fileName, changesReverted: restored },
    });
  });
  const after = await repo.findJob(ctx.db, districtId, id);
  return jobView(after!);
}

/** The district's sync settings (defaults when never set). */
export async function getSettings(ctx: ServiceContext): Promise<RosterSettings> {
  requirePermission(ctx.actor, 'import.run');
  const row = await undo.findSettings(ctx.db, ctx.actor.districtId);
  return {
    deactivateThresholdPct: row?.deactivateThresholdPct ?? ROSTER_LIMITS.deactivateThresholdPct,
    roleMap: { ...DEFAULT_ROLE_MAP, ...row?.roleMap } as Record<OneRosterStaffRole, ImportableRole | null>,
  };
}

/** Changes the district's sync settings (audited with the previous and new values). */
export async function updateSettings(
  ctx: ServiceContext, input: { deactivateThresholdPct?: number; roleMap?: Partial<Record<OneRosterStaffRole, ImportableRole | null>> },
): Promise<RosterSettings> {
  requirePermission(ctx.actor, 'import.run');
  const before = await getSettings(ctx);
  const after: RosterSettings = {
    deactivateThresholdPct: input.deactivateThresholdPct ?? before.deactivateThresholdPct,
    roleMap: { ...before.roleMap, ...input.roleMap },
  };
  await ctx.db.transaction(async (tx) => {
    await undo.upsertSettings(tx, ctx.actor.districtId, after, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), {
      type: 'roster.settings_changed', subjectType: 'district', subjectId: ctx.actor.districtId, detail: { before, after },
    });
  });
  return after;
}
