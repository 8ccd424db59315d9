import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { districts } from '../../db/schema/index.js';

/** The law-enforcement agency a district names in its settings (null when it names none). */
export async function findAgencyName(db: Db, districtId: string): Promise<string | null> {
  const [row] = await db.select({ agency: districts.lawEnforcementAgency }).from(districts).where(eq(districts.id, districtId));
  return row?.agency ?? null;
}
