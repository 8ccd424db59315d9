import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { drillRules, drillRuleSettings } from '../../db/schema/index.js';
import { inScopeOrDistrict } from '../drills/drills.scope.js';
import type { RuleBody, UpdateRuleBody } from './drill-rules.schemas.js';

/** The district's rule settings, or the defaults before any were saved. */
export async function getSettings(db: Db, districtId: string) {
  const [row] = await db.select().from(drillRuleSettings).where(eq(drillRuleSettings.districtId, districtId));
  return row ?? { districtId, state: null, atRiskDays: 14 };
}

/** Creates or changes the settings row. */
export async function saveSettings(db: Db, districtId: string, values: { state?: string | null; atRiskDays?: number }) {
  await db.insert(drillRuleSettings).values({ districtId, ...values } as typeof drillRuleSettings.$inferInsert)
    .onConflictDoUpdate({ target: drillRuleSettings.districtId, set: { ...values, updatedAt: new Date() } as never });
}

/** District-wide rules and the rules of the scope's schools, in order. */
export async function findRules(db: Db, districtId: string, scope: Scope) {
  return db.select().from(drillRules).where(and(eq(drillRules.districtId, districtId), inScopeOrDistrict(drillRules.schoolId, scope)))
    .orderBy(sql`${drillRules.schoolId} nulls first`, asc(drillRules.position), asc(drillRules.createdAt));
}

/** One rule of the district. */
export async function findRule(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(drillRules).where(and(eq(drillRules.id, id), eq(drillRules.districtId, districtId)));
  return row;
}

/** Appends rules after the last position; answers the new rows. */
export async function insertRules(db: Db, districtId: string, rules: readonly (Omit<RuleBody, 'schoolId'> & { schoolId: string | null })[]) {
  if (rules.length === 0) return [];
  const [{ last } = { last: 0 }] = await db.select({ last: max(drillRules.position) }).from(drillRules).where(eq(drillRules.districtId, districtId));
  return db.insert(drillRules).values(rules.map((r, i) => ({
    districtId, schoolId: r.schoolId, drillTypes: r.drillTypes, minCount: r.minCount, period: r.period, window: r.window ?? null,
    minInstructionalDays: r.minInstructionalDays ?? null, requiresObserver: r.requiresObserver ?? null,
    requiresSecondaryEgress: r.requiresSecondaryEgress ?? false, schoolLevels: r.schoolLevels ?? null, title: r.title,
    notes: r.notes ?? null, citation: r.citation ?? null, position: (last ?? 0) + i + 1,
  }))).returning();
}

/** Changes a rule of the district. */
export async function updateRule(db: Db, districtId: string, id: string, input: UpdateRuleBody) {
  const [row] = await db.update(drillRules).set({ ...input, updatedAt: new Date() })
    .where(and(eq(drillRules.id, id), eq(drillRules.districtId, districtId))).returning();
  return row;
}

/** Removes a rule of the district. */
export async function deleteRule(db: Db, districtId: string, id: string): Promise<void> {
  await db.delete(drillRules).where(and(eq(drillRules.id, id), eq(drillRules.districtId, districtId)));
}

/** Removes the district-wide rules (school rules stay); answers how many. */
export async function deleteDistrictRules(db: Db, districtId: string): Promise<number> {
  const gone = await db.delete(drillRules).where(and(eq(drillRules.districtId, districtId), isNull(drillRules.schoolId))).returning({ id: drillRules.id });
  return gone.length;
}
