import { ASSESSMENT_LAYERS, type AssessmentRating } from '../../../common/assessments.js';
import { INSPECTION_CHECKLISTS, INSPECTION_INTERVAL_DAYS, PART_CHECKS, type EquipmentType } from '../../../common/equipment.js';
import type { SecuritySystemKind } from '../../../common/security-systems.js';
import { addDays } from '../../modules/calendars/calendars.days.js';
import { DEFAULT_TEMPLATE } from '../../modules/assessments/assessments.defaults.js';
import { partProblems } from '../../modules/equipment/equipment.policy.js';
import type {
  assessmentFindings, assessmentItems, assessmentTemplateItems, equipmentInspections, equipmentItems, securityAssessments,
  securitySystemEvents, securitySystems, workOrders,
} from '../schema/index.js';
import type { Db } from '../connection.js';
import { nextNumber } from '../counters.js';
import { formatWorkOrderNumber } from '../../modules/work-orders/work-orders.policy.js';
import type { DemoData } from './model.js';
import { Rng } from './random.js';

/*
 * Campus-security demo data: an equipment inventory at every school with a year of inspections (some items overdue,
 * some parts expiring or expired, a failed inspection or two), security systems with a few outages, the district
 * assessment template and one completed assessment per high school with findings. A pure function of the demo data
 * and today. The work orders of failed inspections, outages and findings are described here and numbered at insert
 * time (numbers come from the district's counter, shared with every other source of work orders).
 */

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'] & { id: string };

/** A work order the demo needs, described by what caused it (numbers and rows are made with the shared core). */
export interface DemoWorkOrderNeed {
  id: string;
  schoolId: string;
  areaId: string | null;
  source: 'equipment_inspection' | 'security_outage' | 'assessment_finding';
  sourceId: string;
  title: string;
  description: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  vendorId: string | null;
  createdBy: string;
  createdOn: string;
  dueOn: string | null;
  completedOn: string | null;
}

/** Everything the campus-security seed inserts, in insertion order (work orders before the rows that link them). */
export interface SecuritySeed {
  equipment: Row<typeof equipmentItems>[];
  inspections: Row<typeof equipmentInspections>[];
  systems: Row<typeof securitySystems>[];
  events: Row<typeof securitySystemEvents>[];
  template: Row<typeof assessmentTemplateItems>[];
  assessments: Row<typeof securityAssessments>[];
  items: Row<typeof assessmentItems>[];
  findings: Row<typeof assessmentFindings>[];
  workOrders: DemoWorkOrderNeed[];
}

type Level = DemoData['schools'][number]['level'];
const EQUIPMENT_PLAN: [EquipmentType, string, Record<'high' | 'middle' | 'other', number>][] = [
  ['aed', 'AED', { high: 4, middle: 3, other: 2 }],
  ['first_aid_kit', 'First-aid kit', { high: 3, middle: 2, other: 2 }],
  ['bleeding_control_kit', 'Stop the Bleed kit', { high: 3, middle: 2, other: 1 }],
  ['naloxone', 'Naloxone', { high: 2, middle: 1, other: 1 }],
  ['radio', 'Radio', { high: 8, middle: 5, other: 4 }],
  ['fire_extinguisher', 'Extinguisher', { high: 6, middle: 4, other: 3 }],
  ['go_bucket', 'Go-bucket', { high: 4, middle: 3, other: 2 }],
  ['evacuation_chair', 'Evacuation chair', { high: 2, middle: 0, other: 0 }],
];
const SYSTEM_PLAN: [SecuritySystemKind, string, Record<'high' | 'middle' | 'other', number>][] = [
  ['camera', 'Camera', { high: 12, middle: 8, other: 5 }],
  ['door_access', 'Door', { high: 6, middle: 4, other: 3 }],
  ['alarm_panel', 'Alarm panel', { high: 1, middle: 1, other: 1 }],
  ['intercom', 'Intercom', { high: 2, middle: 1, other: 1 }],
  ['radio_repeater', 'Radio repeater', { high: 1, middle: 1, other: 0 }],
];
const sizeOf = (level: Level) => (level === 'high' ? 'high' : level === 'middle' ? 'middle' : 'other');
const MAKES: Partial<Record<EquipmentType, [string, string]>> = {
  aed: ['ZOLL', 'AED Plus'], naloxone: ['Narcan', '4 mg nasal spray'], radio: ['Motorola', 'CP200d'], fire_extinguisher: ['Amerex', 'B402 ABC'],
};

/** Directory entries that service the demo's security systems. */
export interface SecurityVendors { securityVendor: string; doorVendor: string }

/** Generates the campus-security rows of the demo district as of `today` (YYYY-MM-DD). */
export function generateCampusSecurity(data: DemoData, today: string, vendors: SecurityVendors, seed = 20261117): SecuritySeed {
  const rng = new Rng(seed);
  const districtId = data.district.id;
  const user = (email: string) => data.users.find((u) => u.email === email)!.id;
  const security = user('security@demo.test');
  const sro = user('sro@demo.test');
  const director = user('director@demo.test');
  const at = (day: string, hour = 15) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const out: SecuritySeed = { equipment: [], inspections: [], systems: [], events: [], template: [], assessments: [], items: [], findings: [], workOrders: [] };
  const need = (w: Omit<DemoWorkOrderNeed, 'id' | 'vendorId'> & { vendorId?: string | null }) => {
    const id = rng.uuid();
    out.workOrders.push({ id, ...w, vendorId: w.vendorId ?? null });
    return id;
  };

  data.schools.forEach((school, s) => {
    const areas = data.areas.filter((a) => a.schoolId === school.id);
    const areaNamed = (...names: string[]) => areas.find((a) => names.some((n) => a.name.includes(n)))?.id ?? rng.pick(areas).id;
    const admin = data.grants.find((g) => g.schoolId === school.id && g.role === 'school_admin')?.userId ?? null;
    const owner = s === 0 ? security : admin;
    const size = sizeOf(school.level);
    for (const [type, label, counts] of EQUIPMENT_PLAN) {
      for (let n = 1; n <= counts[size]; n++) {
        const id = rng.uuid();
        const purchasedOn = addDays(today, -rng.int(200, 1600));
        const interval = INSPECTION_INTERVAL_DAYS[type];
        // Most are on schedule; about one in seven has run past its inspection.
        const lastOn = addDays(today, -(rng.chance(0.15) ? rng.int(interval + 3, interval + 40) : rng.int(1, interval - 2)));
        // Parts are replaced when they run out: the expiry on record is that of the set in place, the first
        // cycle ending after the earliest inspection kept (a year back), so the year's passed inspections saw it in date.
        const expiry = (years: number) => {
          const jitter = rng.int(-30, 30);
          let on = addDays(purchasedOn, years * 365 + jitter);
          while (on < addDays(today, -365)) on = addDays(on, years * 365);
          return on;
        };
        const areaId = type === 'aed' ? areaNamed('Gym', 'Front Office', 'Cafeteria') : type === 'naloxone' ? areaNamed("Nurse's Office") : rng.pick(areas).id;
        const item: Row<typeof equipmentItems> = {
          id, districtId, schoolId: school.id, areaId, type, name: `${label} ${n}`, make: MAKES[type]?.[0] ?? null, model: MAKES[type]?.[1] ?? null,
          serialNumber: type === 'aed' || type === 'radio' || type === 'fire_extinguisher' ? `${type.slice(0, 2).toUpperCase()}${rng.int(100000, 999999)}` : null,
          purchasedOn, padsExpireOn: type === 'aed' ? expiry(2) : null, batteryExpiresOn: type === 'aed' ? expiry(4) : null,
          expiresOn: type === 'naloxone' || type === 'bleeding_control_kit' ? expiry(rng.pick([1, 2, 3])) : null,
          condition: 'good', ownerId: owner, lastInspectedOn: lastOn, lastInspectionPassed: true,
          nextInspectionOn: addDays(lastOn, interval), createdBy: owner ?? director, createdAt: at(purchasedOn), updatedAt: at(lastOn),
        };
        out.equipment.push(item);
        // A year of inspections (or since purchase), every interval back from the last one.
        for (let day = lastOn, k = 0; day >= purchasedOn && day >= addDays(today, -365); day = addDays(day, -interval), k++) {
          const fails = k === 0 && rng.chance(0.04);
          const results = INSPECTION_CHECKLISTS[type].map((c, i) => ({ key: c.key, passed: !(fails && i === 0), note: fails && i === 0 ? 'Needs service' : null }));
          const inspectionId = rng.uuid();
          let workOrderId: string | null = null;
          if (fails) {
            item.lastInspectionPassed = false;
            item.condition = 'fair';
            workOrderId = need({
              schoolId: school.id, areaId, source: 'equipment_inspection', sourceId: inspectionId, title: `${label} failed inspection: ${item.name}`,
              description: `Failed on ${day}: ${INSPECTION_CHECKLISTS[type][0]!.label} (Needs service)`, priority: type === 'aed' || type === 'naloxone' ? 'high' : 'normal',
              createdBy: owner ?? security, createdOn: day, dueOn: addDays(day, 14), completedOn: null,
            });
          }
          out.inspections.push({
            id: inspectionId, districtId, schoolId: school.id, equipmentId: id, inspectedOn: day, passed: !fails, results,
            notes: null, inspectorId: owner ?? security, workOrderId, createdAt: at(day, 14),
          });
        }
      }
    }
    for (const [kind, label, counts] of SYSTEM_PLAN) {
      for (let n = 1; n <= counts[size]; n++) {
        const areaId = kind === 'camera' ? rng.pick(areas).id : kind === 'door_access' ? areaNamed('Main', 'Front Office') : areaNamed('Front Office');
        out.systems.push({
          id: rng.uuid(), districtId, schoolId: school.id, areaId, kind, name: `${label} ${n}`, make: kind === 'camera' ? 'Axis' : null,
          model: kind === 'camera' ? 'P3265-LVE' : null, vendorId: kind === 'door_access' ? vendors.doorVendor : vendors.securityVendor, installedOn: addDays(today, -rng.int(400, 2500)), status: 'working',
          statusSince: at(addDays(today, -rng.int(60, 400))), createdBy: director, createdAt: at(addDays(today, -500)), updatedAt: at(addDays(today, -60)),
        });
      }
    }
  });

  // The story of the demo: an expiring AED pad set and an expired naloxone kit at Riverbend High.
  const hs1 = data.schools[0]!;
  const aed1 = out.equipment.find((e) => e.schoolId === hs1.id && e.type === 'aed')!;
  aed1.padsExpireOn = addDays(today, 18);
  const nal = out.equipment.find((e) => e.schoolId === hs1.id && e.type === 'naloxone')!;
  nal.expiresOn = addDays(today, -6);
  const ext = out.equipment.find((e) => e.schoolId === hs1.id && e.type === 'fire_extinguisher')!;
  ext.lastInspectedOn = addDays(today, -45);
  ext.nextInspectionOn = addDays(today, -15);

  // The same rule as the API: no inspection passes while a part is expired or missing on its day. Such an
  // inspection fails on the part's check and opens a work order; the item's last result follows.
  const items = new Map(out.equipment.map((e) => [e.id, e]));
  for (const inspection of out.inspections) {
    const item = items.get(inspection.equipmentId)!;
    const problems = partProblems(item.type, item, inspection.inspectedOn);
    if (problems.length === 0) continue;
    const keys = new Set(problems.map((p) => PART_CHECKS[item.type]?.[p.field]).filter(Boolean));
    inspection.results = inspection.results.map((r) => (keys.has(r.key) ? { ...r, passed: false, note: problems.map((p) => p.text).join('; ') } : r));
    if (!inspection.passed) continue;
    inspection.passed = false;
    if (inspection.inspectedOn === item.lastInspectedOn) item.lastInspectionPassed = false;
    inspection.workOrderId = need({
      schoolId: item.schoolId, areaId: item.areaId ?? null, source: 'equipment_inspection', sourceId: inspection.id, title: `${item.name} failed inspection`,
      description: `Failed on ${inspection.inspectedOn}: ${problems.map((p) => p.text).join('; ')}`, priority: 'high',
      createdBy: inspection.inspectorId, createdOn: inspection.inspectedOn, dueOn: addDays(inspection.inspectedOn, 14), completedOn: null,
    });
  }

  // Outages: two open (one offline, one degraded) at HS1, one at a middle school, one restored at HS2.
  const outage = (schoolIndex: number, kind: SecuritySystemKind, status: 'offline' | 'degraded', daysAgo: number, what: string, restoredDaysAgo?: number) => {
    const system = out.systems.find((x) => x.schoolId === data.schools[schoolIndex]!.id && x.kind === kind && x.status === 'working')!;
    const on = addDays(today, -daysAgo);
    const workOrderId = need({
      schoolId: system.schoolId, areaId: system.areaId ?? null, source: 'security_outage', sourceId: system.id,
      title: `${kind === 'camera' ? 'Camera' : 'Door access point'} ${status}: ${system.name}`, description: what, priority: status === 'offline' ? 'high' : 'normal',
      vendorId: system.vendorId ?? null,
      createdBy: schoolIndex === 0 ? user('staff@demo.test') : director, createdOn: on, dueOn: addDays(on, status === 'offline' ? 3 : 14),
      completedOn: restoredDaysAgo === undefined ? null : addDays(today, -restoredDaysAgo),
    });
    out.events.push({ id: rng.uuid(), systemId: system.id, status, previousStatus: 'working', kind: 'outage', note: what, workOrderId, byId: schoolIndex === 0 ? user('staff@demo.test') : director, at: at(on, 13) });
    if (restoredDaysAgo === undefined) {
      Object.assign(system, { status, statusSince: at(on, 13) });
      return;
    }
    const back = addDays(today, -restoredDaysAgo);
    out.events.push({ id: rng.uuid(), systemId: system.id, status: 'working', previousStatus: status, kind: 'change', note: 'Repaired by the vendor', byId: director, at: at(back, 16) });
    system.statusSince = at(back, 16);
  };
  outage(0, 'camera', 'offline', 3, 'No picture since the storm on the weekend');
  outage(0, 'door_access', 'degraded', 9, 'Badge reader at the east doors needs two or three taps');
  outage(2, 'camera', 'offline', 1, 'Camera knocked out of position, points at the wall');
  outage(1, 'door_access', 'offline', 40, 'Door controller lost power', 33);

  // The district template and one completed assessment per high school, rated, with findings.
  const positions = new Map<string, number>();
  for (const d of DEFAULT_TEMPLATE) {
    const position = (positions.get(d.layer) ?? 0) + 10;
    positions.set(d.layer, position);
    out.template.push({ id: rng.uuid(), districtId, layer: d.layer, title: d.title, guidance: d.guidance, position, createdAt: at(addDays(today, -200)), updatedAt: at(addDays(today, -200)) });
  }
  const ordered = [...out.template].sort((a, b) => ASSESSMENT_LAYERS.indexOf(a.layer) - ASSESSMENT_LAYERS.indexOf(b.layer) || a.position - b.position);
  data.schools.filter((x) => x.level === 'high').forEach((school, h) => {
    const id = rng.uuid();
    const startedOn = addDays(today, -70 + h * 12);
    const completedOn = addDays(startedOn, 9);
    const lead = h === 0 ? sro : director;
    out.assessments.push({
      id, districtId, schoolId: school.id, title: `${school.name} security assessment ${startedOn.slice(0, 4)}`, status: 'completed', startedOn, completedOn,
      notes: 'Walk-through with the principal, the SRO and the district safety office.', leadId: lead, createdAt: at(startedOn), updatedAt: at(completedOn),
    });
    const items = ordered.map((t) => {
      const rating = rng.weighted<AssessmentRating>([['in_place', 6], ['partial', 3], ['absent', 1.2], ['not_applicable', 0.4]]);
      const row: Row<typeof assessmentItems> = {
        id: rng.uuid(), assessmentId: id, templateItemId: t.id, layer: t.layer, title: t.title, guidance: t.guidance ?? null, position: t.position,
        rating, confidence: rng.weighted([['high', 5], ['medium', 4], ['low', 1]] as const), notes: rating === 'absent' ? 'Not seen during the walk-through.' : null,
        updatedBy: lead, updatedAt: at(addDays(startedOn, rng.int(0, 8))),
      };
      out.items.push(row);
      return row;
    });
    // A finding for each absent measure and for a few partial ones; the most severe get work orders.
    const weak = items.filter((i) => i.rating === 'absent').concat(items.filter((i) => i.rating === 'partial').slice(0, 2));
    weak.forEach((item, k) => {
      const severity = item.rating === 'absent' ? (k === 0 ? 'critical' : 'high') : 'moderate';
      const findingId = rng.uuid();
      const dueOn = addDays(completedOn, severity === 'critical' ? 14 : severity === 'high' ? 45 : 90);
      const status = k === 1 ? 'in_progress' : k === weak.length - 1 ? 'remediated' : 'open';
      const workOrderId = severity !== 'moderate' ? need({
        schoolId: school.id, areaId: null, source: 'assessment_finding', sourceId: findingId, title: `Assessment finding: ${item.title}`,
        description: item.guidance ?? '', priority: severity === 'critical' ? 'urgent' : 'high', createdBy: lead, createdOn: completedOn, dueOn, completedOn: null,
      }) : null;
      out.findings.push({
        id: findingId, districtId, schoolId: school.id, assessmentId: id, itemId: item.id, title: item.title, description: item.guidance ?? null,
        severity, ownerId: data.grants.find((g) => g.schoolId === school.id && g.role === 'school_admin')?.userId ?? director, dueOn, status,
        remediationNotes: status === 'remediated' ? 'Done by district facilities.' : null, resolvedAt: status === 'remediated' ? at(addDays(completedOn, 20)) : null,
        workOrderId, createdBy: lead, createdAt: at(completedOn), updatedAt: at(completedOn),
      });
    });
  });
  return out;
}

/**
 * The work-order rows of the demo's needs, oldest first, numbered from the district's counter in `tx` (so other
 * seeds that open work orders keep their own numbers).
 */
export async function numberWorkOrders(tx: Db, districtId: string, needs: readonly DemoWorkOrderNeed[]): Promise<Row<typeof workOrders>[]> {
  const rows: Row<typeof workOrders>[] = [];
  for (const w of [...needs].sort((a, b) => a.createdOn.localeCompare(b.createdOn))) {
    const year = Number(w.createdOn.slice(0, 4));
    const created = new Date(`${w.createdOn}T14:00:00Z`);
    rows.push({
      id: w.id, districtId, schoolId: w.schoolId, number: formatWorkOrderNumber(year, await nextNumber(tx, districtId, 'work_order', year)),
      areaId: w.areaId, title: w.title.slice(0, 200), description: w.description || null, priority: w.priority,
      status: w.completedOn ? 'completed' : 'open', source: w.source, sourceId: w.sourceId, ownerKind: w.vendorId ? 'vendor' : 'district_maintenance',
      vendorId: w.vendorId, dueOn: w.dueOn ?? w.createdOn, closedAt: w.completedOn ? new Date(`${w.completedOn}T16:00:00Z`) : null,
      closureNotes: w.completedOn ? 'Repaired and tested.' : null, createdBy: w.createdBy, createdAt: created,
      updatedAt: w.completedOn ? new Date(`${w.completedOn}T16:00:00Z`) : created,
    });
  }
  return rows;
}
