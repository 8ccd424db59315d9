import { schoolFeeders, sroAssignments } from '../../db/schema/index.js';
import { createUser } from '../../test/fixtures.js';
import { startWorld, type World } from '../drills/drills.test-support.js';

export { auditOf, NOW, type World } from '../drills/drills.test-support.js';

/**
 * The preparedness world (North High, East Elementary, one school of another district; clock 2025-11-10 15:00 UTC)
 * plus what operations need: sro.north assigned (primary) to North, sro.east to East, East feeding North,
 * and a second North SRO (sro2.north) for "another SRO's presence".
 */
export async function startOperationsWorld(options: { smtpUrl?: string } = {}): Promise<World> {
  const w = await startWorld(options);
  const second = await createUser(w.t.db, {
    email: 'sro2.north@prep.test', name: 'sro2.north', districtId: w.districtId, grants: [{ role: 'sro', schoolId: w.north.id }],
  });
  w.ids['sro2.north'] = second.id;
  await w.t.db.insert(schoolFeeders).values({ schoolId: w.north.id, feederSchoolId: w.east.id });
  await w.t.db.insert(sroAssignments).values([
    { userId: w.ids['sro.north']!, schoolId: w.north.id, kind: 'primary', startsOn: '2025-08-01' },
    { userId: w.ids['sro2.north']!, schoolId: w.north.id, kind: 'primary', startsOn: '2025-08-01' },
    { userId: w.ids['sro.east']!, schoolId: w.east.id, kind: 'primary', startsOn: '2025-08-01' },
    { userId: w.ids.outsider!, schoolId: w.foreign.id, kind: 'primary', startsOn: '2025-08-01' },
  ]);
  return w;
}
