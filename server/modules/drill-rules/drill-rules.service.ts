import { STATE_SETS, type StateSet } from '../../../common/preparedness.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { drillRules } from '../../db/schema/index.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { requireValidRule } from './drill-rules.policy.js';
import * as repo from './drill-rules.repository.js';
import type { DrillRule, RuleBody, RuleSet, UpdateRuleBody } from './drill-rules.schemas.js';
import { STATE_TEMPLATES } from './drill-rules.templates.js';

/** A rule row as the API shows it. */
export function toRule(row: typeof drillRules.$inferSelect): DrillRule {
  return {
    id: row.id, schoolId: row.schoolId, drillTypes: row.drillTypes, minCount: row.minCount, period: row.period, window: row.window,
    minInstructionalDays: row.minInstructionalDays, requiresObserver: row.requiresObserver, requiresSecondaryEgress: row.requiresSecondaryEgress,
    schoolLevels: row.schoolLevels, title: row.title, notes: row.notes, citation: row.citation, position: row.position, updatedAt: row.updatedAt.toISOString(),
  };
}

/** The seeded state rule sets. */
export function findTemplates() {
  return STATE_SETS.map((s) => STATE_TEMPLATES[s]);
}

async function ruleSet(db: Db, ctx: ServiceContext): Promise<RuleSet> {
  const settings = await repo.getSettings(db, ctx.actor.districtId);
  const template = settings.state ? STATE_TEMPLATES[settings.state as StateSet] : null;
  const rows = await repo.findRules(db, ctx.actor.districtId, scopeOf(ctx.actor, 'drill.read'));
  return {
    state: template?.state ?? null, stateName: template?.name ?? null, hasCounts: template?.hasCounts ?? true,
    notes: template?.notes ?? null, atRiskDays: settings.atRiskDays, rules: rows.map(toRule),
  };
}

/** The district's rule set as the actor sees it (district rules and their schools' own rules). */
export function getRuleSet(ctx: ServiceContext) {
  return ruleSet(ctx.db, ctx);
}

/** Picks a state set: the district-wide rules are replaced by the template's (school rules stay), audited. */
export async function chooseState(ctx: ServiceContext, state: StateSet) {
  await requireTarget(ctx.db, ctx.actor, 'drill.rules.manage', null);
  const template = STATE_TEMPLATES[state];
  return ctx.db.transaction(async (tx) => {
    const removed = await repo.deleteDistrictRules(tx, ctx.actor.districtId);
    await repo.saveSettings(tx, ctx.actor.districtId, { state });
    const added = await repo.insertRules(tx, ctx.actor.districtId, template.rules.map((r) => ({ ...r, schoolId: null })));
    await writeAudit(tx, whoOf(ctx), {
      type: 'drill_rules.state_chosen', subjectType: 'district', subjectId: ctx.actor.districtId,
      detail: { state, removed, added: added.length },
    });
    return ruleSet(tx, ctx);
  });
}

/** Changes the district's compliance settings, audited. */
export async function updateSettings(ctx: ServiceContext, input: { atRiskDays?: number }) {
  await requireTarget(ctx.db, ctx.actor, 'drill.rules.manage', null);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.getSettings(tx, ctx.actor.districtId);
    await repo.saveSettings(tx, ctx.actor.districtId, input);
    await writeAudit(tx, whoOf(ctx), {
      type: 'drill_rules.settings_changed', subjectType: 'district', subjectId: ctx.actor.districtId,
      detail: { changed: changedFields(before, input), ...input },
    });
    return ruleSet(tx, ctx);
  });
}

/** Adds a district-wide rule (district grant) or a rule of one school, audited. */
export async function createRule(ctx: ServiceContext, input: RuleBody) {
  const rule = { ...input, schoolId: input.schoolId ?? null, window: input.window ?? null, minInstructionalDays: input.minInstructionalDays ?? null };
  requireValidRule(rule);
  return ctx.db.transaction(async (tx) => {
    await requireTarget(tx, ctx.actor, 'drill.rules.manage', rule.schoolId);
    const [row] = await repo.insertRules(tx, ctx.actor.districtId, [rule]);
    await writeAudit(tx, whoOf(ctx), {
      type: 'drill_rule.created', schoolId: rule.schoolId, subjectType: 'drill_rule', subjectId: row!.id,
      detail: { title: rule.title, drillTypes: rule.drillTypes, minCount: rule.minCount, period: rule.period },
    });
    return toRule(row!);
  });
}

async function lockedRule(ctx: ServiceContext, tx: Db, id: string) {
  const row = await repo.findRule(tx, ctx.actor.districtId, id);
  if (!row) throw notFound('Drill rule');
  if (row.schoolId) requireSchool(ctx.actor, 'drill.read', row.schoolId, 'Drill rule');
  await requireTarget(tx, ctx.actor, 'drill.rules.manage', row.schoolId);
  return row;
}

/** Changes a rule, audited with the fields changed and the values before and after. */
export async function updateRule(ctx: ServiceContext, id: string, input: UpdateRuleBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await lockedRule(ctx, tx, id);
    requireValidRule({
      period: input.period ?? before.period, window: input.window === undefined ? before.window : input.window,
      minInstructionalDays: input.minInstructionalDays === undefined ? before.minInstructionalDays : input.minInstructionalDays,
    });
    const row = await repo.updateRule(tx, ctx.actor.districtId, id, input);
    const changed = Object.keys(input).filter((k) => JSON.stringify(input[k as keyof UpdateRuleBody]) !== JSON.stringify(before[k as keyof typeof before]));
    await writeAudit(tx, whoOf(ctx), {
      type: 'drill_rule.updated', schoolId: before.schoolId, subjectType: 'drill_rule', subjectId: id,
      detail: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k as keyof typeof before]])), after: Object.fromEntries(changed.map((k) => [k, input[k as keyof UpdateRuleBody]])) },
    });
    return toRule(row!);
  });
}

/** Removes a rule, audited with what it was. */
export async function deleteRule(ctx: ServiceContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockedRule(ctx, tx, id);
    await repo.deleteRule(tx, ctx.actor.districtId, id);
    await writeAudit(tx, whoOf(ctx), {
      type: 'drill_rule.deleted', schoolId: before.schoolId, subjectType: 'drill_rule', subjectId: id,
      detail: { title: before.title, drillTypes: before.drillTypes, minCount: before.minCount, period: before.period },
    });
  });
}
