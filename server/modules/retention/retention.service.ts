import { RECORD_TYPE_LABELS, RECORD_TYPES, type DestructionReport, type LegalHold, type RecordType, type Schedule, type ScheduleUpdate } from '../../../common/retention.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { isDistrictWide, requirePermission } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { destructionReports, legalHolds } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import { purgeRunnerOf } from './retention.job.js';
import { effectiveSchedules, mayHold, reportActions, requireDistrictWide, requirePending } from './retention.policy.js';
import * as repo from './retention.repository.js';
import type { HoldKind } from './retention.schemas.js';

async function schedulesOf(db: Db, districtId: string): Promise<Schedule[]> {
  const all = effectiveSchedules(await repo.districtState(db, districtId), await repo.findOverrides(db, districtId));
  return RECORD_TYPES.map((type) => ({ recordType: type, ...RECORD_TYPE_LABELS[type], ...all[type] }));
}

/** The district's schedules: the period in force per type, its source and the state default with its citation. */
export async function listSchedules(ctx: ServiceContext): Promise<{ state: string | null; items: Schedule[] }> {
  // Settings, not records: any holder reads them; changing them takes a district grant.
  return { state: await repo.districtState(ctx.db, ctx.actor.districtId), items: await schedulesOf(ctx.db, ctx.actor.districtId) };
}

/** Sets the district's own period for a type (or resets it to the state default), audited with before and after. */
export async function updateSchedule(ctx: ServiceContext, recordType: RecordType, input: Omit<ScheduleUpdate, 'recordType'>): Promise<Schedule> {
  requireDistrictWide(ctx.actor, 'retention.manage');
  if (!input.reset && input.years === undefined) throw new AppError('validation_failed', 'years: give whole years (1-100), null to keep permanently, or reset', { field: 'years' });
  return ctx.db.transaction(async (tx) => {
    const before = (await schedulesOf(tx, ctx.actor.districtId)).find((s) => s.recordType === recordType)!;
    if (input.reset) await repo.deleteOverride(tx, ctx.actor.districtId, recordType);
    else {
      await repo.saveOverride(tx, {
        districtId: ctx.actor.districtId, recordType, years: input.years ?? null, note: input.note ?? null, updatedBy: ctx.actor.userId, updatedAt: ctx.clock.now(),
      });
    }
    const after = (await schedulesOf(tx, ctx.actor.districtId)).find((s) => s.recordType === recordType)!;
    await writeAudit(tx, whoOf(ctx), {
      type: 'retention.schedule_changed', subjectType: 'district', subjectId: ctx.actor.districtId,
      detail: { recordType, before: before.years, after: after.years, source: after.source },
    });
    return after;
  });
}

function toReport(ctx: ServiceContext, row: typeof destructionReports.$inferSelect, decidedByName: string | null): DestructionReport {
  const purged = row.purgedCounts ?? {};
  return {
    id: row.id, day: row.day, state: row.state, createdAt: row.createdAt.toISOString(),
    total: row.lines.reduce((n, l) => n + l.count, 0),
    lines: row.lines.map((l) => ({ ...l, label: RECORD_TYPE_LABELS[l.recordType].label, purged: purged[l.recordType] ?? null })),
    decidedBy: decidedByName, decidedAt: row.decidedAt?.toISOString() ?? null, decisionNote: row.decisionNote,
    purgedAt: row.purgedAt?.toISOString() ?? null, actions: reportActions(ctx.actor, row),
  };
}

/** The district's destruction reports, newest first (counts and dates only; the numbers are one more, audited, read). */
export async function listReports(ctx: ServiceContext): Promise<DestructionReport[]> {
  // Reports name records of every school: a grant limited to schools sees none.
  if (!isDistrictWide(ctx.actor, 'retention.manage')) return [];
  const found = await repo.findReports(ctx.db, ctx.actor.districtId);
  return found.map((f) => toReport(ctx, f.report, f.decidedByName));
}

/** A page of the record numbers of one type of a report, for the approver (audited). */
export async function reportRecords(ctx: ServiceContext, id: string, recordType: RecordType, offset: number) {
  return ctx.db.transaction(async (tx) => {
    const report = await repo.findReport(tx, ctx.actor.districtId, id);
    if (!report || !isDistrictWide(ctx.actor, 'retention.manage')) throw notFound('Destruction report');
    const line = report.lines.find((l) => l.recordType === recordType);
    const items = await repo.reportRecords(tx, id, recordType, offset, 200);
    await writeAudit(tx, whoOf(ctx), { type: 'retention.report_viewed', subjectType: 'destruction_report', subjectId: id, detail: { recordType, offset, count: items.length } });
    return { items, total: line?.count ?? 0 };
  });
}

/**
 * Approves a pending report (district administrator): the decision commits first, then the purge runs batch by batch
 * in the background (the report shows `purging`, then `purged` with the counts). A second approval is refused.
 */
export async function approveReport(ctx: ServiceContext, id: string, note: string | undefined): Promise<DestructionReport> {
  requirePermission(ctx.actor, 'retention.approve');
  const approved = await decide(ctx, id, 'approved', note ?? null);
  void purgeRunnerOf(ctx.db).finish(id);
  return approved;
}

/** Rejects a pending report: nothing is destroyed; the next nightly run lists the records again. */
export async function rejectReport(ctx: ServiceContext, id: string, note: string): Promise<DestructionReport> {
  requirePermission(ctx.actor, 'retention.approve');
  return decide(ctx, id, 'rejected', note);
}

async function decide(ctx: ServiceContext, id: string, state: 'approved' | 'rejected', note: string | null) {
  return ctx.db.transaction(async (tx) => {
    const report = await repo.findReport(tx, ctx.actor.districtId, id, { forUpdate: true });
    if (!report) throw notFound('Destruction report');
    // After the lookup: another district's report reads as absent, not as refused.
    requireDistrictWide(ctx.actor, 'retention.approve');
    requirePending(report);
    const moved = await repo.moveReport(tx, id, ['pending'], { state, decidedBy: ctx.actor.userId, decidedAt: ctx.clock.now(), decisionNote: note });
    await writeAudit(tx, whoOf(ctx), {
      type: state === 'approved' ? 'retention.report_approved' : 'retention.report_rejected', subjectType: 'destruction_report', subjectId: id,
      detail: { day: report.day, counts: Object.fromEntries(report.lines.map((l) => [l.recordType, l.count])) },
    });
    return toReport(ctx, moved!, ctx.actor.email);
  });
}

function toHold(ctx: ServiceContext, row: typeof legalHolds.$inferSelect, setByName: string, label: string | undefined): LegalHold {
  return {
    id: row.id, recordKind: row.recordKind as HoldKind, recordId: row.recordId, label: label ?? 'a record no longer present', reason: row.reason,
    setBy: setByName, setAt: row.setAt.toISOString(), liftedBy: row.liftedBy, liftedAt: row.liftedAt?.toISOString() ?? null, liftReason: row.liftReason,
    actions: { lift: !row.liftedAt && mayHold(ctx.actor) },
  };
}

/** The district's legal holds, active first (audited: the list names records). */
export async function listHolds(ctx: ServiceContext): Promise<LegalHold[]> {
  // Holds name records of every school: a grant limited to schools sees none.
  if (!isDistrictWide(ctx.actor, 'retention.hold')) return [];
  return ctx.db.transaction(async (tx) => {
    const found = await repo.findHolds(tx, ctx.actor.districtId);
    const labels = new Map<string, string>();
    for (const kind of new Set(found.map((f) => f.hold.recordKind as HoldKind))) {
      for (const [k, v] of await repo.holdLabels(tx, kind, found.filter((f) => f.hold.recordKind === kind).map((f) => f.hold.recordId))) labels.set(k, v);
    }
    await writeAudit(tx, whoOf(ctx), { type: 'retention.holds_listed', subjectType: 'district', subjectId: ctx.actor.districtId, detail: { count: found.length } });
    return found.map((f) => toHold(ctx, f.hold, f.setByName, labels.get(f.hold.recordId)));
  });
}

/** Puts a legal hold on a record found by its number (or id): its destruction stops until lifted. Audited with the reason. */
export async function setHold(ctx: ServiceContext, input: { recordKind: HoldKind; record: string; reason: string }): Promise<LegalHold> {
  requireDistrictWide(ctx.actor, 'retention.hold');
  return ctx.db.transaction(async (tx) => {
    const record = await repo.findHoldable(tx, ctx.actor.districtId, input.recordKind, input.record);
    if (!record) throw new AppError('validation_failed', 'record: no record of this kind with this number in the district', { field: 'record' });
    if (await repo.activeHold(tx, ctx.actor.districtId, input.recordKind, record.id)) {
      throw new AppError('conflict', 'record: this record is already on legal hold', { field: 'record' });
    }
    const hold = await repo.insertHold(tx, {
      districtId: ctx.actor.districtId, recordKind: input.recordKind, recordId: record.id, reason: input.reason, setBy: ctx.actor.userId, setAt: ctx.clock.now(),
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'retention.hold_set', schoolId: record.school_id, subjectType: input.recordKind, subjectId: record.id, detail: { reason: input.reason },
    });
    return toHold(ctx, hold, ctx.actor.email, record.label);
  });
}

/** Lifts a legal hold with a reason, audited. */
export async function liftHold(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const hold = await repo.findHold(tx, ctx.actor.districtId, id);
    if (!hold) throw notFound('Legal hold');
    // Another district's hold reads as absent before the district-grant check (which would confirm it exists).
    requireDistrictWide(ctx.actor, 'retention.hold');
    if (hold.liftedAt) throw new AppError('conflict', 'This hold is already lifted', { field: 'state' });
    await repo.liftHold(tx, id, ctx.actor.userId, ctx.clock.now(), reason);
    await writeAudit(tx, whoOf(ctx), { type: 'retention.hold_lifted', subjectType: hold.recordKind, subjectId: hold.recordId, detail: { reason } });
  });
}

/** The active hold of a record, for the record's own page (null when none). */
export async function holdOf(db: Db, districtId: string, kind: HoldKind, recordId: string) {
  const hold = await repo.activeHold(db, districtId, kind, recordId);
  return hold ? { reason: hold.reason, setAt: hold.setAt.toISOString() } : null;
}

/**
 * The longest retention period in force in any district of the deployment, in years (null when no type of any district
 * is scheduled): a backup older than it holds nothing a schedule still requires, so it expires (backup prune).
 */
export async function longestScheduleYears(db: Db): Promise<number | null> {
  let longest: number | null = null;
  for (const district of await repo.allDistricts(db)) {
    const all = effectiveSchedules(await repo.districtState(db, district.id), await repo.findOverrides(db, district.id));
    for (const s of Object.values(all)) if (s.years !== null) longest = Math.max(longest ?? 0, s.years);
  }
  return longest;
}
