import { and, eq, inArray } from 'drizzle-orm';
import type { DrillType } from '../../../common/preparedness.js';
import type { ShelterHazard, SrpAction } from '../../../common/srp.js';
import { writeAudit, type AuditWho } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { districts, drills } from '../../db/schema/index.js';
import { dayIn } from '../../lib/district-time.js';

// A drill alert ended with All Clear is a drill the schools conducted: it is recorded here so it counts
// toward drill compliance without anyone typing it in again.

/** The drill alert being cleared, as the alerts module knows it. */
export interface ClearedDrillAlert {
  id: string;
  districtId: string;
  action: SrpAction;
  hazard: string | null;
  raisedAt: Date;
  announcedAt: Date | null;
  clearedAt: Date;
  clearedBy: string;
  schoolIds: string[];
  /** Students reported with staff at check-in, per school; a school without check-ins is absent. */
  participants: Map<string, number>;
}

const SHELTER_TYPES: Record<ShelterHazard, DrillType | null> = {
  tornado: 'shelter_severe_weather', severe_weather: 'shelter_severe_weather', hazmat: 'shelter_hazmat', earthquake: 'earthquake',
  // No drill type matches these: counting them as a weather or hazmat drill would overstate compliance.
  tsunami: null, other: null,
};

/** The drill type a Standard Response Protocol action exercises, or null when none fits. */
export function drillTypeOf(action: SrpAction, hazard: string | null): DrillType | null {
  switch (action) {
    case 'lockdown': return 'lockdown';
    case 'secure': return 'secure';
    case 'hold': return 'hold';
    case 'evacuate': return 'fire_evacuation';
    case 'shelter': return hazard && hazard in SHELTER_TYPES ? SHELTER_TYPES[hazard as ShelterHazard] : null;
  }
}

/** Date (YYYY-MM-DD) and time (HH:MM) of an instant on the district's wall clock. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * Records a completed drill for each school of a cleared drill alert that has none from it yet, with a
 * `drill.recorded` audit event each, using `tx` so it commits with the All Clear. Answers the drill ids.
 */
export async function recordDrillsOfAlert(tx: Db, who: AuditWho, alert: ClearedDrillAlert): Promise<string[]> {
  const type = drillTypeOf(alert.action, alert.hazard);
  if (!type || alert.schoolIds.length === 0) return [];
  const done = await tx.select({ schoolId: drills.schoolId }).from(drills)
    .where(and(eq(drills.districtId, alert.districtId), eq(drills.alertId, alert.id), inArray(drills.schoolId, alert.schoolIds)));
  const schoolIds = alert.schoolIds.filter((s) => !done.some((d) => d.schoolId === s));
  if (schoolIds.length === 0) return [];
  const [district] = await tx.select({ timezone: districts.timezone }).from(districts).where(eq(districts.id, alert.districtId));
  const started = alert.announcedAt ?? alert.raisedAt;
  const { date, time } = localDateTime(started, district?.timezone ?? 'UTC');
  const durationMinutes = Math.max(0, Math.round((alert.clearedAt.getTime() - started.getTime()) / 60_000));
  const notes = `Recorded from drill alert ${alert.id} (${alert.action}${alert.hazard ? `, ${alert.hazard}` : ''}), `
    + `${alert.announcedAt ? 'announced' : 'raised'} ${started.toISOString()}, All Clear ${alert.clearedAt.toISOString()}`;
  const ids: string[] = [];
  for (const schoolId of schoolIds) {
    const [row] = await tx.insert(drills).values({
      districtId: alert.districtId, schoolId, type, status: 'completed', date, startTime: time, durationMinutes,
      participants: alert.participants.get(schoolId) ?? null, notes, alertId: alert.id, recordedBy: alert.clearedBy,
      completedAt: alert.clearedAt,
    }).returning({ id: drills.id });
    await writeAudit(tx, who, {
      type: 'drill.recorded', schoolId, subjectType: 'drill', subjectId: row!.id,
      detail: { type, date, recordedLate: dayIn(district?.timezone ?? 'UTC', alert.clearedAt) > date, alertId: alert.id },
    });
    ids.push(row!.id);
  }
  return ids;
}
