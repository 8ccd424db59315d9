import type {
  NotificationRule, NotificationRuleBody, NotificationRuleData, NotificationRuleSet, UpdateNotificationRuleBody,
} from '../../../common/notification-rules.js';
import { schoolYearOf } from '../../../common/preparedness.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import type { notificationRules } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { dayIn } from '../../lib/district-time.js';
import { notFound, uniqueOr409 } from '../../lib/errors.js';
import { requireTarget } from '../drills/drills.scope.js';
import { STATE_NOTIFICATION_DEFAULTS } from './notification-rules.defaults.js';
import { deadlineOf, ruleMatches, schoolDayTest } from './notification-rules.policy.js';
import * as repo from './notification-rules.repository.js';

type Row = typeof notificationRules.$inferSelect;

/** A rule row as the API shows it. */
function toRule(row: Row): NotificationRule {
  return {
    id: row.id, key: row.key, title: row.title, trigger: row.trigger, offenses: row.offenses, studentsOnly: row.studentsOnly,
    notify: row.notify, method: row.method, deadlineAmount: row.deadlineAmount, deadlineUnit: row.deadlineUnit,
    beforeNextSchoolDay: row.beforeNextSchoolDay, citation: row.citation, active: row.active,
  };
}

/** The rules that apply to a district: its own, or (with none of its own) its state's defaults. */
async function effective(db: Db, districtId: string): Promise<NotificationRuleSet> {
  const [rows, state] = await Promise.all([repo.findRules(db, districtId), repo.findDistrictState(db, districtId)]);
  if (rows.length > 0) return { state, source: 'district', rules: rows.map(toRule) };
  const defaults = STATE_NOTIFICATION_DEFAULTS[state] ?? [];
  return { state, source: defaults.length ? 'state_default' : 'none', rules: defaults.map((r) => ({ ...r, id: null })) };
}

/** The district's notification rules (or the state defaults it follows until it adopts or writes its own). */
export function getRuleSet(ctx: ServiceContext): Promise<NotificationRuleSet> {
  return effective(ctx.db, ctx.actor.districtId);
}

/** Replaces the district's rules by its state's defaults (a copy it then edits), audited. */
export async function adoptDefaults(ctx: ServiceContext): Promise<NotificationRuleSet> {
  await requireTarget(ctx.db, ctx.actor, 'notification_rule.manage', null);
  return ctx.db.transaction(async (tx) => {
    const state = await repo.findDistrictState(tx, ctx.actor.districtId);
    const removed = await repo.deleteRules(tx, ctx.actor.districtId);
    const added = await repo.insertRules(tx, ctx.actor.districtId, STATE_NOTIFICATION_DEFAULTS[state] ?? []);
    await writeAudit(tx, whoOf(ctx), {
      type: 'notification_rules.defaults_adopted', subjectType: 'district', subjectId: ctx.actor.districtId, detail: { state, removed, added: added.length },
    });
    return effective(tx, ctx.actor.districtId);
  });
}

/** Adds a rule (district grant), audited; a district still on its state defaults adopts them first. */
export async function createRule(ctx: ServiceContext, input: NotificationRuleBody): Promise<NotificationRule> {
  await requireTarget(ctx.db, ctx.actor, 'notification_rule.manage', null);
  return ctx.db.transaction(async (tx) => {
    const current = await effective(tx, ctx.actor.districtId);
    if (current.source === 'state_default') await repo.insertRules(tx, ctx.actor.districtId, current.rules);
    const [row] = await uniqueOr409(() => repo.insertRules(tx, ctx.actor.districtId, [input as NotificationRuleData]), 'key', 'key: a rule of the district already has this key');
    await writeAudit(tx, whoOf(ctx), {
      type: 'notification_rule.created', subjectType: 'notification_rule', subjectId: row!.id, detail: { key: row!.key, title: row!.title },
    });
    return toRule(row!);
  });
}

async function lockedRule(ctx: ServiceContext, tx: Db, id: string) {
  // Another district's rule reads as absent whoever asks; only then does a school-level holder hear it needs a district grant.
  const row = await repo.findRule(tx, ctx.actor.districtId, id);
  if (!row) throw notFound('Notification rule');
  await requireTarget(tx, ctx.actor, 'notification_rule.manage', null);
  return row;
}

/** Changes a rule, audited with the fields changed and their values before and after. */
export async function updateRule(ctx: ServiceContext, id: string, input: UpdateNotificationRuleBody): Promise<NotificationRule> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockedRule(ctx, tx, id);
    const row = await uniqueOr409(() => repo.updateRule(tx, ctx.actor.districtId, id, input, ctx.clock.now()), 'key', 'key: a rule of the district already has this key');
    const changed = (Object.keys(input) as (keyof UpdateNotificationRuleBody)[])
      .filter((k) => JSON.stringify(input[k]) !== JSON.stringify(before[k]));
    await writeAudit(tx, whoOf(ctx), {
      type: 'notification_rule.updated', subjectType: 'notification_rule', subjectId: id,
      detail: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, input[k]])) },
    });
    return toRule(row!);
  });
}

/** Removes a rule, audited with what it was (tasks it made stay). */
export async function deleteRule(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockedRule(ctx, tx, id);
    await repo.deleteRule(tx, ctx.actor.districtId, id);
    await writeAudit(tx, whoOf(ctx), {
      type: 'notification_rule.deleted', subjectType: 'notification_rule', subjectId: id, detail: { key: before.key, title: before.title },
    });
  });
}

/** An action on a person that may start notification clocks. */
export interface NotifiableAction { personId: string; kind: string; at: Date; isStudent: boolean }

/**
 * The notification tasks new actions of an incident start under the district's rules: one per action and
 * matching rule, due at the rule's deadline in the district's zone (school days from the school's calendars).
 */
export async function notificationTasksFor(
  db: Db, districtId: string, school: { id: string; timezone: string }, actions: readonly NotifiableAction[], offenseKeys: readonly string[],
) {
  if (actions.length === 0) return [];
  const { rules } = await effective(db, districtId);
  const matches = actions.flatMap((a) => rules.filter((r) => ruleMatches(r, a, offenseKeys)).map((rule) => ({ a, rule })));
  if (matches.length === 0) return [];
  const years = [...new Set(actions.flatMap((a) => {
    const y = schoolYearOf(dayIn(school.timezone, a.at));
    return [y, y + 1];
  }))];
  const rows = await repo.findCalendars(db, districtId, school.id, years);
  const calendars = years.flatMap((y) => {
    const pick = rows.find((c) => c.schoolYear === y && c.schoolId === school.id) ?? rows.find((c) => c.schoolYear === y && c.schoolId === null);
    return pick ? [pick] : [];
  });
  const isSchoolDay = schoolDayTest(calendars);
  return matches.map(({ a, rule }) => ({
    personId: a.personId, rule: rule.key, title: rule.title, dueAt: deadlineOf(rule, a.at, school.timezone, isSchoolDay),
  }));
}
