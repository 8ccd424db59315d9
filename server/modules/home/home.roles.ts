import type { NeedItem } from '../../../common/home.js';
import { addDays } from '../../lib/district-time.js';
import * as repo from './home.repository.js';
import { HOME_PROVIDERS_A, itemOf, type NeedQuery, type NeedsProvider } from './home.providers.js';

type Found = { n: number; at: string | null };
const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function simple(q: NeedQuery, key: string, module: string, found: Found, title: string, priority: NeedItem['priority'], link: string): NeedItem[] {
  return itemOf(q, key, module, found, { title: () => title, priority, link });
}

/** The principal's: drills at risk, plan acknowledgements missing (with remind), equipment, work orders, referrals. */
const principal: NeedsProvider[] = [
  {
    key: 'drills.at_risk', module: 'compliance', permission: 'drill.read', roles: ['school_admin', 'director'],
    find: async (q) => {
      const found = await repo.drillsAtRisk(q.db, q.actor.districtId, q.scope, q.today);
      return simple(q, 'drills.at_risk', 'compliance', found, `${s(found.n, 'drill requirement')} at risk; the next window closes first`, 'high', '/drills');
    },
  },
  {
    key: 'plans.acknowledgements', module: 'plans', permission: 'plan.manage', roles: ['school_admin'],
    find: async (q) => {
      const plans = await repo.plansMissingAcknowledgements(q.db, q.actor.districtId, q.scope, 5);
      const reminded = await repo.lastPlanReminders(q.db, q.actor.districtId, plans.map((p) => p.id));
      return plans.map((p) => ({
        key: `plans.acknowledgements.${p.id}`, module: 'plans', title: `${s(p.missing, 'person has', 'people have')} not acknowledged ${p.title} (version ${p.version})`,
        detail: null, count: p.missing, priority: 'normal' as const, dueAt: null, dueLabel: null, link: `/plans/${p.id}`,
        action: { kind: 'remind_plan' as const, planId: p.id, remindedAt: reminded.get(p.id)?.toISOString() ?? null },
      }));
    },
  },
  {
    key: 'equipment.due', module: 'equipment', permission: 'equipment.manage', roles: ['school_admin'],
    find: async (q) => {
      const found = await repo.equipmentDue(q.db, q.actor.districtId, q.scope, addDays(q.today, 7));
      return simple(q, 'equipment.due', 'equipment', found, `${s(found.n, 'equipment inspection or expiry', 'equipment inspections and expiries')} due within a week`,
        found.at !== null && found.at < q.today ? 'high' : 'normal', '/equipment/due');
    },
  },
  {
    key: 'work_orders.due', module: 'work-orders', permission: 'work_order.manage', roles: ['school_admin', 'security'],
    find: async (q) => {
      const found = await repo.workOrdersDue(q.db, q.actor.districtId, q.scope, addDays(q.today, 7));
      return simple(q, 'work_orders.due', 'work-orders', found, `${s(found.n, 'open work order')} due within a week`,
        found.at !== null && found.at < q.today ? 'high' : 'normal', '/work-orders');
    },
  },
  {
    key: 'referrals.discipline', module: 'incidents', permission: 'discipline.receive',
    find: async (q) => simple(q, 'referrals.discipline', 'incidents', await repo.openIncidentReferrals(q.db, q.actor.districtId, q.scope, 'administration'),
      'Referrals from the SRO to the administration waiting for you', 'high', '/referrals/discipline'),
  },
];

/** The counselor's and the vendor's: referrals to accept by urgency, counseling referrals, tips to acknowledge. */
const counselor: NeedsProvider[] = [
  {
    key: 'support.to_accept', module: 'support', permission: 'referral.read',
    find: async (q) => {
      const rows = await repo.referralsToAccept(q.db, q.actor.districtId, q.actor.userId, q.actor.organizationId);
      return rows.flatMap((r) => simple(q, `support.to_accept.${r.urgency}`, 'support', { n: Number(r.n), at: r.at },
        `${s(Number(r.n), 'referral')} (${r.urgency}) to accept`, r.at !== null && r.at < q.today ? 'urgent' : r.urgency === 'urgent' ? 'high' : 'normal', '/support'));
    },
  },
  {
    key: 'referrals.counseling', module: 'incidents', permission: 'counseling.receive',
    find: async (q) => simple(q, 'referrals.counseling', 'incidents', await repo.openIncidentReferrals(q.db, q.actor.districtId, q.scope, 'counseling'),
      'Counseling referrals from the SRO waiting for you', 'high', '/referrals/counseling'),
  },
  {
    key: 'tips.new', module: 'tips', permission: 'tip.triage', roles: ['counselor', 'school_admin', 'sro'],
    find: async (q) => simple(q, 'tips.new', 'tips', await repo.unacknowledgedTips(q.db, q.actor.districtId, q.scope, false), 'Tips not yet acknowledged', 'high', '/tips'),
  },
];

/** Staff (teachers): plans to acknowledge. The raise-alert button and the class list are on the page itself. */
const teacher: NeedsProvider[] = [
  {
    key: 'plans.to_acknowledge', module: 'plans', permission: 'plan.read',
    find: async (q) => simple(q, 'plans.to_acknowledge', 'plans', await repo.plansToAcknowledge(q.db, q.actor.districtId, q.scope, q.actor.userId),
      'Safety plans for you to read and acknowledge', 'normal', '/plans'),
  },
];

/** The director's: life-safety tips unacknowledged (for those who may acknowledge them: a counselor reads tips but does not triage), alerts today, compliance (drills at risk, above). */
const director: NeedsProvider[] = [
  {
    key: 'tips.life_safety', module: 'tips', permission: 'tip.triage',
    find: async (q) => simple(q, 'tips.life_safety', 'tips', await repo.unacknowledgedTips(q.db, q.actor.districtId, q.scope, true),
      'Life-safety tips not acknowledged', 'urgent', '/tips?lifeSafety=true'),
  },
  {
    key: 'alerts.today', module: 'alerts', permission: 'alert.manage', roles: ['director', 'supervisor', 'school_admin'],
    find: async (q) => {
      const found = await repo.alertsSince(q.db, q.actor.districtId, q.scope, q.time.startOfDay(q.today));
      return simple(q, 'alerts.today', 'alerts', found, found.active ? `${s(found.active, 'alert')} in force now` : `${s(found.n, 'alert')} raised today`,
        found.active ? 'urgent' : 'info', '/alerts');
    },
  },
];

/** Every provider of the home, in no particular order (the service orders the items). */
export const HOME_PROVIDERS: readonly NeedsProvider[] = [...HOME_PROVIDERS_A, ...principal, ...counselor, ...teacher, ...director];
