import { destructionReports, directoryOrganizations, legalHolds, notificationRules, workOrders } from '../db/schema/index.js';
import type { TestApp } from '../test/app.js';

// The shared records of one school for the record-scope test: a directory entry serving it and a notification rule (district
// records: every user of the district reads the directory, so only another district's entry reads as absent) and a work order.

/** Ids of the shared records of one school. */
export interface SharedRecords {
  directoryEntry: string;
  workOrder: string;
  notificationRule: string;
  /** Two pending destruction reports of the district (one to approve, one to reject) and an active legal hold. */
  reportToApprove: string;
  reportToReject: string;
  hold: string;
}

let n = 0;

/** Creates a directory entry of the district serving `schoolId` and an open work order of the school. */
export async function sharedRecords(t: TestApp, districtId: string, schoolId: string, createdBy: string): Promise<SharedRecords> {
  n += 1;
  const [entry] = await t.db.insert(directoryOrganizations).values({ districtId, name: `Vendor ${n} ${schoolId}`, kind: 'maintenance_vendor' }).returning();
  const [order] = await t.db.insert(workOrders).values({
    districtId, schoolId, number: `WO-2026-9${String(n).padStart(4, '0')}`, title: 'Door does not latch', priority: 'normal', source: 'manual',
    ownerKind: 'district_maintenance', dueOn: '2026-12-01', createdBy,
  }).returning();
  const [rule] = await t.db.insert(notificationRules).values({
    districtId, key: `walk-${n}`, title: 'Notify the superintendent of an arrest', trigger: 'arrest', notify: 'superintendent', deadlineAmount: 24, deadlineUnit: 'hours',
  }).returning();
  const report = (day: string) => ({ districtId, day, state: 'pending' as const, lines: [], createdAt: new Date('2026-11-02T08:00:00Z') });
  const [toApprove, toReject] = await t.db.insert(destructionReports).values([report(`2026-01-${String(n).padStart(2, '0')}`), report(`2026-02-${String(n).padStart(2, '0')}`)]).returning();
  const [hold] = await t.db.insert(legalHolds).values({
    districtId, recordKind: 'incident', recordId: order!.id, reason: 'Litigation hold 2026-77', setBy: createdBy, setAt: new Date('2026-11-02T08:00:00Z'),
  }).returning();
  return {
    directoryEntry: entry!.id, workOrder: order!.id, notificationRule: rule!.id, reportToApprove: toApprove!.id, reportToReject: toReject!.id, hold: hold!.id,
  };
}

type Request = [url: string, body?: unknown, headers?: Record<string, string>];

/** How to call each shared record route on the records of one school. */
export const SHARED_REQUESTS: Record<string, (r: SharedRecords) => Request> = {
  'GET /api/directory/:id': (r) => [`/api/directory/${r.directoryEntry}`],
  'PATCH /api/directory/:id': (r) => [`/api/directory/${r.directoryEntry}`, { notes: 'Intruder' }],
  'GET /api/work-orders/:id': (r) => [`/api/work-orders/${r.workOrder}`],
  'PATCH /api/work-orders/:id': (r) => [`/api/work-orders/${r.workOrder}`, { priority: 'high' }],
  'POST /api/work-orders/:id/notes': (r) => [`/api/work-orders/${r.workOrder}/notes`, { text: 'Intruder' }],
  'PATCH /api/notification-rules/:id': (r) => [`/api/notification-rules/${r.notificationRule}`, { title: 'Intruder' }],
  'DELETE /api/notification-rules/:id': (r) => [`/api/notification-rules/${r.notificationRule}`],
  'GET /api/retention/reports/:id/records': (r) => [`/api/retention/reports/${r.reportToApprove}/records?recordType=incident_adult`],
  'POST /api/retention/reports/:id/approve': (r) => [`/api/retention/reports/${r.reportToApprove}/approve`, {}],
  'POST /api/retention/reports/:id/reject': (r) => [`/api/retention/reports/${r.reportToReject}/reject`, { note: 'Counsel asked to wait' }],
  'POST /api/retention/holds/:id/lift': (r) => [`/api/retention/holds/${r.hold}/lift`, { reason: 'Litigation settled 2026-12' }],
  // A backup holds the whole deployment and belongs to no school or district: an id never issued reads as absent.
  'POST /api/backups/:id/verify': () => ['/api/backups/00000000-0000-4000-8000-00000000b0c1/verify', {}],
};

/**
 * Routes of deployment records (backups), which no school or district scope narrows: the walk checks that unknown
 * ids read as absent; who may verify a real backup is proven in server/modules/backup/backup.api.test.ts.
 */
export const DEPLOYMENT_ROUTES = new Set(['POST /api/backups/:id/verify']);

/** Routes of district records kept from school-level grants (a destruction report names records of every school). */
export const DISTRICT_WIDE_READS = new Set(['GET /api/retention/reports/:id/records']);

/** Routes of district records: readable across the district's schools, absent to another district only. */
export const DISTRICT_RECORD_ROUTES = new Set([
  'GET /api/directory/:id', 'PATCH /api/directory/:id', 'PATCH /api/notification-rules/:id', 'DELETE /api/notification-rules/:id',
  'GET /api/retention/reports/:id/records', 'POST /api/retention/reports/:id/approve', 'POST /api/retention/reports/:id/reject',
  'POST /api/retention/holds/:id/lift',
]);
