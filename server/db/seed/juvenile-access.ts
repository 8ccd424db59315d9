import type { Db } from '../connection.js';
import { juvenileAccessGrants } from '../schema/index.js';
import type { DemoData } from './model.js';

/**
 * The demo district's per-person juvenile-record grants: the district safety director has given them to every SRO
 * and supervisor (a role alone no longer opens juvenile law-enforcement records).
 */
export async function seedJuvenileAccess(tx: Db, data: DemoData): Promise<void> {
  const director = data.users.find((u) => u.email === 'director@demo.test');
  if (!director) return;
  const officers = [...new Set(data.grants.filter((g) => g.role === 'sro' || g.role === 'supervisor').map((g) => g.userId))];
  const grantedAt = new Date('2026-08-01T14:00:00Z');
  for (let i = 0; i < officers.length; i += 500) {
    await tx.insert(juvenileAccessGrants).values(officers.slice(i, i + 500).map((userId) => ({
      districtId: data.district.id, userId, reason: 'Assigned school resource officer or supervisor', grantedById: director.id, grantedAt,
    })));
  }
}
