import { and, eq, isNull } from 'drizzle-orm';
import type { TipLinkBody } from '../../../common/tips.js';
import type { Db } from '../../db/connection.js';
import { incidentReferrals, incidents, threatCases } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';

/** True when the link target exists in the actor's district at the tip's school (a sealed incident does not). */
export async function findLinkTarget(db: Db, ctx: ServiceContext, schoolId: string, input: TipLinkBody): Promise<boolean> {
  const districtId = ctx.actor.districtId;
  if (input.kind === 'incident') {
    const [row] = await db.select({ id: incidents.id }).from(incidents)
      .where(and(eq(incidents.id, input.targetId), eq(incidents.districtId, districtId), eq(incidents.schoolId, schoolId), isNull(incidents.sealedAt)));
    return Boolean(row);
  }
  if (input.kind === 'threat_case') {
    const [row] = await db.select({ id: threatCases.id }).from(threatCases)
      .where(and(eq(threatCases.id, input.targetId), eq(threatCases.districtId, districtId), eq(threatCases.schoolId, schoolId)));
    return Boolean(row);
  }
  const [row] = await db.select({ id: incidentReferrals.id }).from(incidentReferrals)
    .innerJoin(incidents, eq(incidents.id, incidentReferrals.incidentId))
    .where(and(eq(incidentReferrals.id, input.targetId), eq(incidents.districtId, districtId), eq(incidentReferrals.schoolId, schoolId)));
  return Boolean(row);
}
