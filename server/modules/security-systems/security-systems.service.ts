import { WORK_ORDER_VENDOR_KINDS } from '../../../common/directory.js';
import {
  SECURITY_SYSTEM_KIND_LABELS, SECURITY_SYSTEM_KINDS, SECURITY_SYSTEM_STATUS_LABELS, type DistrictOverview, type Glance,
  type OutageBody, type OutageResult, type SecuritySystem, type SecuritySystemBody, type SecuritySystemDetail,
  type SecuritySystemUpdateBody, type StatusBody,
} from '../../../common/security-systems.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { requireDirectoryEntry } from '../directory/directory.service.js';
import { requireTarget } from '../drills/drills.scope.js';
import { requireArea } from '../equipment/campus.js';
import { createWorkOrder } from '../work-orders/work-orders.service.js';
import * as repo from './security-systems.repository.js';

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

function toSystem(row: repo.SystemRow): SecuritySystem {
  const s = row.s;
  return {
    id: s.id, school: { id: s.schoolId, name: row.schoolName }, area: ref(s.areaId, row.areaName), kind: s.kind, name: s.name,
    make: s.make, model: s.model, serialNumber: s.serialNumber, installedOn: s.installedOn, vendor: ref(s.vendorId, row.vendorName),
    notes: s.notes, status: s.status, statusSince: s.statusSince.toISOString(), retired: s.retired,
    openWorkOrder: row.openWorkOrderId && row.openWorkOrderNumber ? { id: row.openWorkOrderId, number: row.openWorkOrderNumber } : null,
    updatedAt: s.updatedAt.toISOString(),
  };
}

type SystemPermission = 'security_system.read' | 'security_system.manage' | 'security_system.report';

/** A system the actor holds `permission` for at its school; otherwise not found. */
async function accessible(ctx: ServiceContext, id: string, permission: SystemPermission) {
  const row = await repo.findSystem(ctx.db, ctx.actor.districtId, id);
  if (!row) throw notFound('Security system');
  requireSchool(ctx.actor, permission, row.s.schoolId, 'Security system');
  return row;
}

async function detail(db: Db, districtId: string, id: string): Promise<SecuritySystemDetail> {
  const [row, history] = await Promise.all([repo.findSystem(db, districtId, id), repo.findHistory(db, id)]);
  return {
    ...toSystem(row!),
    history: history.map(({ h, byName, workOrderNumber }) => ({
      id: h.id, status: h.status, previousStatus: h.previousStatus, kind: h.kind, note: h.note,
      workOrder: h.workOrderId && workOrderNumber ? { id: h.workOrderId, number: workOrderNumber } : null,
      by: { id: h.byId, name: byName }, at: h.at.toISOString(),
    })),
  };
}

/** The registry of the actor's schools. */
export async function findSystems(ctx: ServiceContext, filter: repo.SystemFilter) {
  const rows = await repo.findSystems(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'security_system.read'), filter);
  return rows.map(toSystem);
}

/** One system with its status history. */
export async function getSystem(ctx: ServiceContext, id: string) {
  await accessible(ctx, id, 'security_system.read');
  return detail(ctx.db, ctx.actor.districtId, id);
}

async function requireVendor(ctx: ServiceContext, vendorId: string | null | undefined) {
  if (vendorId) await requireDirectoryEntry(ctx.db, ctx.actor.districtId, vendorId, 'vendorId', [...WORK_ORDER_VENDOR_KINDS]);
}

/** Adds a system to the registry (working from now), audited. */
export async function createSystem(ctx: ServiceContext, input: SecuritySystemBody): Promise<SecuritySystem> {
  await requireTarget(ctx.db, ctx.actor, 'security_system.manage', input.schoolId);
  await requireArea(ctx.db, input.schoolId, input.areaId);
  await requireVendor(ctx, input.vendorId);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const id = await repo.insertSystem(tx, { ...input, districtId: ctx.actor.districtId, statusSince: now, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
    await writeAudit(tx, whoOf(ctx), {
      type: 'security_system.created', schoolId: input.schoolId, subjectType: 'security_system', subjectId: id, detail: { kind: input.kind, name: input.name },
    });
    return toSystem((await repo.findSystem(tx, ctx.actor.districtId, id))!);
  });
}

/** Changes the registry entry of a system (not its status), audited. */
export async function updateSystem(ctx: ServiceContext, id: string, input: SecuritySystemUpdateBody): Promise<SecuritySystem> {
  const before = await accessible(ctx, id, 'security_system.manage');
  await requireArea(ctx.db, before.s.schoolId, input.areaId);
  await requireVendor(ctx, input.vendorId);
  return ctx.db.transaction(async (tx) => {
    await repo.updateSystem(tx, id, input, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), {
      type: 'security_system.updated', schoolId: before.s.schoolId, subjectType: 'security_system', subjectId: id, detail: { changed: changedFields(before.s, input) },
    });
    return toSystem((await repo.findSystem(tx, ctx.actor.districtId, id))!);
  });
}

/**
 * Reports an outage (anyone with security_system.report at the school, staff included): sets the status, records
 * it in the history and opens a work order (source security_outage) to the system's vendor when it has one, unless
 * an outage work order of the system is still open. One transaction.
 */
export async function reportOutage(ctx: ServiceContext, id: string, input: OutageBody): Promise<OutageResult> {
  const row = await accessible(ctx, id, 'security_system.report');
  const s = row.s;
  if (s.retired) throw notFound('Security system');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    let workOrder = row.openWorkOrderId && row.openWorkOrderNumber ? { id: row.openWorkOrderId, number: row.openWorkOrderNumber, created: false } : null;
    if (!workOrder) {
      const opened = await createWorkOrder(tx, ctx, {
        schoolId: s.schoolId, areaId: s.areaId, source: 'security_outage', sourceId: s.id,
        priority: input.priority ?? (input.status === 'offline' ? 'high' : 'normal'),
        title: `${SECURITY_SYSTEM_KIND_LABELS[s.kind]} ${SECURITY_SYSTEM_STATUS_LABELS[input.status].toLowerCase()}: ${s.name}`.slice(0, 200),
        description: input.description,
        ...(s.vendorId ? { ownerKind: 'vendor' as const, vendorId: s.vendorId } : {}),
      });
      workOrder = { ...opened, created: true };
    }
    if (s.status !== input.status) await repo.updateSystem(tx, id, { status: input.status, statusSince: now }, now);
    await repo.insertEvent(tx, {
      systemId: id, status: input.status, previousStatus: s.status, kind: 'outage', note: input.description, workOrderId: workOrder.id, byId: ctx.actor.userId, at: now,
    });
    await writeAudit(tx, whoOf(ctx), {
      type: 'security_system.outage_reported', schoolId: s.schoolId, subjectType: 'security_system', subjectId: id,
      detail: { status: input.status, previousStatus: s.status, workOrderId: workOrder.id, workOrderCreated: workOrder.created },
    });
    return { system: toSystem((await repo.findSystem(tx, ctx.actor.districtId, id))!), workOrder };
  });
}

/** Sets the status by hand (e.g. restored to working), recorded in the history; closes no work order. */
export async function setStatus(ctx: ServiceContext, id: string, input: StatusBody): Promise<SecuritySystemDetail> {
  const row = await accessible(ctx, id, 'security_system.manage');
  const s = row.s;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (s.status !== input.status) await repo.updateSystem(tx, id, { status: input.status, statusSince: now }, now);
    await repo.insertEvent(tx, { systemId: id, status: input.status, previousStatus: s.status, kind: 'change', note: input.note ?? null, byId: ctx.actor.userId, at: now });
    await writeAudit(tx, whoOf(ctx), {
      type: 'security_system.status_changed', schoolId: s.schoolId, subjectType: 'security_system', subjectId: id,
      detail: { status: input.status, previousStatus: s.status },
    });
    return detail(tx, ctx.actor.districtId, id);
  });
}

/** One school's systems at a glance: counts by status and kind, and what is down. */
export async function getGlance(ctx: ServiceContext, schoolId: string): Promise<Glance> {
  const school = (await requireTarget(ctx.db, ctx.actor, 'security_system.read', schoolId))!;
  const [counts, down] = await Promise.all([repo.countByKind(ctx.db, schoolId), repo.findDown(ctx.db, schoolId)]);
  const zero = () => ({ working: 0, degraded: 0, offline: 0 });
  const byStatus = zero();
  const byKind = new Map(SECURITY_SYSTEM_KINDS.map((k) => [k, zero()]));
  for (const c of counts) {
    byStatus[c.status] += Number(c.n);
    byKind.get(c.kind)![c.status] += Number(c.n);
  }
  return {
    school: { id: school.id, name: school.name },
    total: byStatus.working + byStatus.degraded + byStatus.offline,
    byStatus,
    byKind: [...byKind].map(([kind, n]) => ({ kind, ...n })).filter((k) => k.working + k.degraded + k.offline > 0),
    down: down.map(toSystem),
  };
}

/** Outages by school of the actor's scope (every school of the district for district roles). */
export async function getDistrictOverview(ctx: ServiceContext): Promise<DistrictOverview> {
  const rows = await repo.findDistrictOverview(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'security_system.read'));
  return {
    schools: rows.map((r) => ({
      school: { id: r.schoolId, name: r.schoolName }, address: `${r.street}, ${r.city}, ${r.state} ${r.zip}`,
      total: Number(r.total), working: Number(r.working), degraded: Number(r.degraded), offline: Number(r.offline),
      openOutageWorkOrders: Number(r.openOrders), oldestOutageSince: r.oldest ? new Date(r.oldest).toISOString() : null,
    })),
  };
}
