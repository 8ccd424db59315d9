import type { Db } from '../db/connection.js';
import {
  assessmentFindings, assessmentItems, assessmentPhotos, assessmentTemplateItems, equipmentItems, securityAssessments, securitySystems,
} from '../db/schema/index.js';
import { filesOf, newFileKey } from '../files/registry.js';

// The campus-security records of one school for the record-scope test (equipment, security systems, assessments),
// each in the state its route changes from, so that a holder of the permission succeeds once.

/** Ids of the campus-security records of one school. */
export interface SecurityRecords {
  equipment: string;
  system: string;
  templateItem: string;
  assessment: string;
  item: string;
  toComplete: string;
  photo: string;
  finding: string;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Creates the records of `schoolId` in the database, made by the school's SRO `userId`. */
export async function securityRecords(db: Db, districtId: string, schoolId: string, userId: string): Promise<SecurityRecords> {
  const [equipment] = await db.insert(equipmentItems).values({
    districtId, schoolId, type: 'other', name: 'Stair chair', nextInspectionOn: '2026-12-01', createdBy: userId,
  }).returning();
  const [system] = await db.insert(securitySystems).values({ districtId, schoolId, kind: 'camera', name: 'Camera 1', createdBy: userId }).returning();
  const [templateItem] = await db.insert(assessmentTemplateItems).values({ districtId, layer: 'building_interior', title: 'Doors lock from inside', position: 10 }).returning();
  const [assessment, toComplete] = await db.insert(securityAssessments).values([
    { districtId, schoolId, title: 'Assessment', startedOn: '2026-10-01', leadId: userId },
    { districtId, schoolId, title: 'Rated assessment', startedOn: '2026-10-01', leadId: userId },
  ]).returning();
  const [item] = await db.insert(assessmentItems).values([
    { assessmentId: assessment!.id, templateItemId: templateItem!.id, layer: 'building_interior', title: 'Doors lock from inside', position: 10 },
    { assessmentId: toComplete!.id, templateItemId: templateItem!.id, layer: 'building_interior', title: 'Doors lock from inside', position: 10, rating: 'in_place' },
  ]).returning();
  const [photo] = await db.insert(assessmentPhotos).values({
    assessmentId: assessment!.id, itemId: item!.id, contentType: 'image/png', size: PNG.length, fileKey: (await filesOf(db).write(newFileKey('assessment-photos'), PNG)).key, uploadedBy: userId,
  }).returning();
  const [finding] = await db.insert(assessmentFindings).values({
    districtId, schoolId, assessmentId: assessment!.id, itemId: item!.id, title: 'Door 12 does not lock', severity: 'high', createdBy: userId,
  }).returning();
  return {
    equipment: equipment!.id, system: system!.id, templateItem: templateItem!.id, assessment: assessment!.id, item: item!.id,
    toComplete: toComplete!.id, photo: photo!.id, finding: finding!.id,
  };
}

type Request = [url: string, body?: unknown, headers?: Record<string, string>];

/** How to call each campus-security record route on the records `r` of a school. */
export const SECURITY_REQUESTS: Record<string, (r: SecurityRecords) => Request> = {
  'GET /api/equipment/:id': (r) => [`/api/equipment/${r.equipment}`],
  'PATCH /api/equipment/:id': (r) => [`/api/equipment/${r.equipment}`, { notes: 'Intruder' }],
  'POST /api/equipment/:id/inspections': (r) => [`/api/equipment/${r.equipment}/inspections`, {
    inspectedOn: '2026-10-20', results: [{ key: 'present', passed: true }, { key: 'working', passed: true }],
  }],
  'GET /api/security-systems/:id': (r) => [`/api/security-systems/${r.system}`],
  'PATCH /api/security-systems/:id': (r) => [`/api/security-systems/${r.system}`, { notes: 'Intruder' }],
  'POST /api/security-systems/:id/outages': (r) => [`/api/security-systems/${r.system}/outages`, { status: 'offline', description: 'Dark' }],
  'POST /api/security-systems/:id/status': (r) => [`/api/security-systems/${r.system}/status`, { status: 'working' }],
  'PATCH /api/assessment-template/:id': (r) => [`/api/assessment-template/${r.templateItem}`, { guidance: 'Intruder' }],
  'GET /api/assessments/:id': (r) => [`/api/assessments/${r.assessment}`],
  'PATCH /api/assessments/:id': (r) => [`/api/assessments/${r.assessment}`, { notes: 'Intruder' }],
  'POST /api/assessments/:id/complete': (r) => [`/api/assessments/${r.toComplete}/complete`, { completedOn: '2026-10-15' }],
  'PATCH /api/assessments/:id/items/:itemId': (r) => [`/api/assessments/${r.assessment}/items/${r.item}`, { rating: 'partial' }],
  'GET /api/assessments/:id/report.pdf': (r) => [`/api/assessments/${r.assessment}/report.pdf`],
  'POST /api/assessments/:id/findings': (r) => [`/api/assessments/${r.assessment}/findings`, { title: 'Intruder', severity: 'low' }],
  'PATCH /api/assessment-findings/:id': (r) => [`/api/assessment-findings/${r.finding}`, { status: 'in_progress' }],
  'GET /api/assessment-photos/:id': (r) => [`/api/assessment-photos/${r.photo}`],
  'DELETE /api/assessment-photos/:id': (r) => [`/api/assessment-photos/${r.photo}`],
  'POST /api/assessments/:id/items/:itemId/photos': (r) => [`/api/assessments/${r.assessment}/items/${r.item}/photos`, PNG, { 'content-type': 'image/png' }],
};
