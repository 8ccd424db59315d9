import {
  EQUIPMENT_TYPE_LABELS, type DistrictDue, type Equipment, type EquipmentBody, type EquipmentDetail, type EquipmentUpdateBody,
  type Inspection, type InspectionBody, type ListEquipmentQuery,
} from '../../../common/equipment.js';
import type { WorkOrderPriority } from '../../../common/work-orders.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { createWorkOrder } from '../work-orders/work-orders.service.js';
import { requireArea, requireDistrictUser } from './campus.js';
import {
  checklistLabel, checkResults, derivedCondition, expiryState, inspectionState, nextExpiry, nextInspectionOn, requireDates,
} from './equipment.policy.js';
import * as repo from './equipment.repository.js';
import { todayOf } from '../../lib/district-time.js';

const iso = (d: Date) => d.toISOString();
const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** The API shape of an item row as of `today`. */
export function toEquipment(row: repo.ItemRow, today: string): Equipment {
  const e = row.e;
  const next = nextExpiry(e);
  const derived = e.retired ? { condition: e.condition, reasons: [] } : derivedCondition(e, today);
  return {
    id: e.id, school: { id: e.schoolId, name: row.schoolName }, area: ref(e.areaId, row.areaName), type: e.type, name: e.name,
    make: e.make, model: e.model, serialNumber: e.serialNumber, purchasedOn: e.purchasedOn, padsExpireOn: e.padsExpireOn,
    batteryExpiresOn: e.batteryExpiresOn, expiresOn: e.expiresOn, condition: derived.condition, recordedCondition: e.condition,
    conditionReasons: derived.reasons, owner: ref(e.ownerId, row.ownerName),
    notes: e.notes, retired: e.retired, lastInspectedOn: e.lastInspectedOn, lastInspectionPassed: e.lastInspectionPassed,
    nextInspectionOn: e.nextInspectionOn, inspectionState: e.retired ? 'ok' : inspectionState(e.nextInspectionOn, today),
    nextExpiry: next, expiryState: e.retired ? 'ok' : expiryState(next?.on, today), updatedAt: iso(e.updatedAt),
  };
}

/** An item the actor holds `permission` for at its school; otherwise not found. */
async function accessible(ctx: ServiceContext, id: string, permission: 'equipment.read' | 'equipment.manage') {
  const row = await repo.findItem(ctx.db, ctx.actor.districtId, id);
  if (!row) throw notFound('Equipment');
  requireSchool(ctx.actor, permission, row.e.schoolId, 'Equipment');
  return row;
}

/** A page of the inventory of the actor's schools. */
export async function findEquipment(ctx: ServiceContext, query: ListEquipmentQuery) {
  const today = todayOf(ctx);
  const page = await repo.findItems(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'equipment.read'), query, today);
  return { items: page.items.map((r) => toEquipment(r, today)), total: page.total };
}

/** One item with its inspections. */
export async function getEquipment(ctx: ServiceContext, id: string): Promise<EquipmentDetail> {
  const row = await accessible(ctx, id, 'equipment.read');
  const inspections = await repo.findInspections(ctx.db, id);
  return { ...toEquipment(row, todayOf(ctx)), inspections: inspections.map((i) => toInspection(i, row.e.type)) };
}

function toInspection(row: Awaited<ReturnType<typeof repo.findInspections>>[number], type: Equipment['type'], workOrderNumber?: string): Inspection {
  const i = row.i;
  return {
    id: i.id, equipmentId: i.equipmentId, inspectedOn: i.inspectedOn, passed: i.passed,
    results: i.results.map((r) => ({ ...r, label: checklistLabel(type, r.key) })), notes: i.notes,
    inspector: { id: i.inspectorId, name: row.inspectorName },
    workOrder: i.workOrderId ? { id: i.workOrderId, number: workOrderNumber ?? row.workOrderNumber ?? '' } : null,
    createdAt: iso(i.createdAt),
  };
}

/** Adds an item to the inventory of a school, audited. Its first inspection is due one interval from today. */
export async function createEquipment(ctx: ServiceContext, input: EquipmentBody): Promise<Equipment> {
  const today = todayOf(ctx);
  await requireTarget(ctx.db, ctx.actor, 'equipment.manage', input.schoolId);
  requireDates(input, today);
  await requireArea(ctx.db, input.schoolId, input.areaId);
  await requireDistrictUser(ctx.db, ctx.actor.districtId, input.ownerId, 'ownerId');
  return ctx.db.transaction(async (tx) => {
    const [id] = await repo.insertItems(tx, [{
      ...input, districtId: ctx.actor.districtId, nextInspectionOn: nextInspectionOn(input.type, today), createdBy: ctx.actor.userId,
    }]);
    await repo.refreshDueDays(tx, ctx.actor.districtId, [input.schoolId], today);
    await writeAudit(tx, whoOf(ctx), {
      type: 'equipment.created', schoolId: input.schoolId, subjectType: 'equipment', subjectId: id!, detail: { type: input.type, name: input.name },
    });
    return toEquipment((await repo.findItem(tx, ctx.actor.districtId, id!))!, today);
  });
}

/** Changes an item, audited. A type change moves the next inspection to the new type's interval. */
export async function updateEquipment(ctx: ServiceContext, id: string, input: EquipmentUpdateBody): Promise<Equipment> {
  const today = todayOf(ctx);
  const before = await accessible(ctx, id, 'equipment.manage');
  const e = before.e;
  requireDates({
    purchasedOn: input.purchasedOn === undefined ? e.purchasedOn : input.purchasedOn,
    padsExpireOn: input.padsExpireOn === undefined ? e.padsExpireOn : input.padsExpireOn,
    batteryExpiresOn: input.batteryExpiresOn === undefined ? e.batteryExpiresOn : input.batteryExpiresOn,
    expiresOn: input.expiresOn === undefined ? e.expiresOn : input.expiresOn,
  }, today);
  await requireArea(ctx.db, e.schoolId, input.areaId);
  await requireDistrictUser(ctx.db, ctx.actor.districtId, input.ownerId, 'ownerId');
  const type = input.type ?? e.type;
  const schedule = input.type && input.type !== e.type
    ? { nextInspectionOn: nextInspectionOn(type, e.lastInspectedOn ?? iso(e.createdAt).slice(0, 10)) } : {};
  return ctx.db.transaction(async (tx) => {
    await repo.updateItem(tx, id, { ...input, ...schedule }, ctx.clock.now());
    await repo.refreshDueDays(tx, ctx.actor.districtId, [e.schoolId], today);
    await writeAudit(tx, whoOf(ctx), {
      type: 'equipment.updated', schoolId: e.schoolId, subjectType: 'equipment', subjectId: id, detail: { changed: changedFields(e, input) },
    });
    return toEquipment((await repo.findItem(tx, ctx.actor.districtId, id))!, today);
  });
}

/** Parts that matter most in an emergency get their failed inspections fixed first. */
const LIFE_SAVING = new Set<Equipment['type']>(['aed', 'naloxone', 'bleeding_control_kit']);

/**
 * Records an inspection of an item, audited. A failed inspection opens a work order (source equipment_inspection)
 * in the same transaction. The item's schedule moves from its latest inspection (a late entry of an older one
 * leaves it where it is).
 */
export async function inspectEquipment(ctx: ServiceContext, id: string, input: InspectionBody): Promise<Inspection> {
  const today = todayOf(ctx);
  const row = await accessible(ctx, id, 'equipment.manage');
  const e = row.e;
  const { results, passed } = checkResults(e.type, input, today, e);
  return ctx.db.transaction(async (tx) => {
    const inspectionId = await repo.insertInspection(tx, {
      districtId: e.districtId, schoolId: e.schoolId, equipmentId: id, inspectedOn: input.inspectedOn, passed, results,
      notes: input.notes ?? null, inspectorId: ctx.actor.userId,
    });
    let workOrder: { id: string; number: string } | undefined;
    if (!passed) {
      const failed = results.filter((r) => !r.passed).map((r) => `${checklistLabel(e.type, r.key)}${r.note ? ` (${r.note})` : ''}`);
      const priority: WorkOrderPriority = LIFE_SAVING.has(e.type) ? 'high' : 'normal';
      workOrder = await createWorkOrder(tx, ctx, {
        schoolId: e.schoolId, areaId: e.areaId, priority, source: 'equipment_inspection', sourceId: inspectionId,
        title: `${EQUIPMENT_TYPE_LABELS[e.type]} failed inspection: ${e.name}`.slice(0, 200),
        description: [`Failed on ${input.inspectedOn}: ${failed.join('; ')}`, input.notes ?? ''].filter(Boolean).join('\n\n'),
      });
      await repo.setInspectionWorkOrder(tx, inspectionId, workOrder.id);
    }
    const latest = (await repo.latestInspectionOn(tx, id))!;
    await repo.updateItem(tx, id, {
      lastInspectedOn: latest.on, lastInspectionPassed: latest.passed, nextInspectionOn: nextInspectionOn(e.type, latest.on),
      ...(input.condition ? { condition: input.condition } : {}),
    }, ctx.clock.now());
    await repo.refreshDueDays(tx, ctx.actor.districtId, [e.schoolId], today);
    await writeAudit(tx, whoOf(ctx), {
      type: 'equipment.inspected', schoolId: e.schoolId, subjectType: 'equipment', subjectId: id,
      detail: { inspectionId, inspectedOn: input.inspectedOn, passed, workOrderId: workOrder?.id ?? null },
    });
    const [saved] = (await repo.findInspections(tx, id)).filter((i) => i.i.id === inspectionId);
    return toInspection(saved!, e.type, workOrder?.number);
  });
}

/** Due and overdue counts per school of the actor's scope (every school of the district for district roles). */
export async function findDistrictDue(ctx: ServiceContext, all: boolean): Promise<DistrictDue> {
  const today = todayOf(ctx);
  const rows = await repo.findDistrictDue(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'equipment.read'), today, all);
  return {
    asOf: today,
    schools: rows.map(({ schoolId, schoolName, ...counts }) => ({
      school: { id: schoolId, name: schoolName },
      ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as Omit<DistrictDue['schools'][number], 'school'>,
    })),
  };
}
