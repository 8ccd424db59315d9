import type { NeedItem, NeedPriority } from '../../../common/home.js';
import type { Permission } from '../../../common/permissions.js';
import type { Role } from '../../../common/roles.js';
import type { Actor, Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { addDays, formatDateTime, formatDay, type DistrictTime } from '../../lib/district-time.js';
import * as repo from './home.repository.js';

/** What a provider is given: the user, the scope of its permission and the district's clock. */
export interface NeedQuery {
  db: Db;
  actor: Actor;
  scope: Scope;
  time: DistrictTime;
  today: string;
}

/**
 * A module's contribution to the home: shown to users holding `permission` (and one of `roles`, when given),
 * scoped like the module's own list by that permission's schools.
 */
export interface NeedsProvider {
  key: string;
  module: string;
  permission: Permission;
  roles?: readonly Role[];
  find(q: NeedQuery): Promise<NeedItem[]>;
}

type Found = { n: number; at: string | null };

/** One item when `found.n` > 0: the time is an instant (ISO text) or a day (YYYY-MM-DD), shown in the district's clock. */
export function itemOf(q: NeedQuery, key: string, module: string, found: Found, shape: {
  title: (n: number) => string; priority: NeedPriority; link: string; detail?: (at: string) => string | null;
}): NeedItem[] {
  if (found.n === 0) return [];
  const isDay = found.at !== null && /^\d{4}-\d{2}-\d{2}$/.test(found.at);
  const dueAt = found.at === null ? null : isDay ? q.time.startOfDay(found.at) : new Date(found.at);
  return [{
    key, module, title: shape.title(found.n), count: found.n, priority: shape.priority, link: shape.link, action: null,
    dueAt: dueAt?.toISOString() ?? null,
    dueLabel: found.at === null ? null : isDay ? formatDay(found.at) : formatDateTime(dueAt!, q.time.timeZone),
    detail: found.at === null ? null : shape.detail?.(found.at) ?? null,
  }];
}

const minutesSince = (q: NeedQuery, at: string) => Math.max(0, Math.round((q.time.now().getTime() - new Date(at).getTime()) / 60_000));
const ageText = (minutes: number) => (minutes < 120 ? `${minutes} min` : minutes < 2880 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes / 1440)} days`);
const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The officer's day: calls, reports, deadlines, events, drills, tasks, follow-ups, their own status. */
const officer: NeedsProvider[] = [
  {
    key: 'calls.mine', module: 'incidents', permission: 'call.read',
    find: async (q) => {
      const found = await repo.openCallsOf(q.db, q.actor.districtId, q.actor.userId);
      const age = found.at ? minutesSince(q, found.at) : 0;
      return itemOf(q, 'calls.mine', 'incidents', found, {
        title: (n) => `${s(n, 'open call')} assigned to you`, priority: age >= 20 ? 'urgent' : 'high', link: '/incidents/calls',
        detail: () => `Oldest open for ${ageText(age)}`,
      });
    },
  },
  {
    key: 'incidents.returned', module: 'incidents', permission: 'incident.create',
    find: async (q) => itemOf(q, 'incidents.returned', 'incidents', await repo.ownIncidents(q.db, q.actor.districtId, q.actor.userId, 'returned'), {
      title: (n) => `${s(n, 'report')} returned to you for changes`, priority: 'high', link: '/incidents?status=returned',
    }),
  },
  {
    key: 'incidents.drafts', module: 'incidents', permission: 'incident.create',
    find: async (q) => itemOf(q, 'incidents.drafts', 'incidents', await repo.ownIncidents(q.db, q.actor.districtId, q.actor.userId, 'draft'), {
      title: (n) => `${s(n, 'draft report')} to finish`, priority: 'normal', link: '/incidents?status=draft',
    }),
  },
  {
    key: 'incidents.tasks', module: 'incidents', permission: 'incident.read',
    find: async (q) => {
      const found = await repo.incidentTasksDue(q.db, q.actor.districtId, q.actor.userId, q.time.endOfDay(q.today));
      const overdue = found.at !== null && new Date(found.at) < q.time.now();
      return itemOf(q, 'incidents.tasks', 'incidents', found, {
        title: (n) => `${s(n, 'incident task')} and notification deadlines due today`, priority: overdue ? 'urgent' : 'high', link: '/incidents/tasks',
        detail: () => (overdue ? 'A deadline has passed' : null),
      });
    },
  },
  {
    key: 'events.covering', module: 'events', permission: 'event.read', roles: ['sro'],
    find: async (q) => itemOf(q, 'events.covering', 'events',
      await repo.coveredEvents(q.db, q.actor.districtId, q.actor.userId, q.time.now(), q.time.endOfDay(q.today)), {
        title: (n) => `${s(n, 'event')} you cover today`, priority: 'normal', link: '/events',
      }),
  },
  {
    key: 'drills.week', module: 'drills', permission: 'drill.read', roles: ['sro', 'school_admin'],
    find: async (q) => itemOf(q, 'drills.week', 'drills', await repo.scheduledDrills(q.db, q.actor.districtId, q.scope, q.today, addDays(q.today, 6)), {
      title: (n) => `${s(n, 'drill')} scheduled this week`, priority: 'info', link: '/drills',
    }),
  },
  {
    key: 'threats.tasks', module: 'threats', permission: 'threat.read',
    find: async (q) => {
      const found = await repo.threatTasksDue(q.db, q.actor.userId, addDays(q.today, 7));
      return itemOf(q, 'threats.tasks', 'threats', found, {
        title: (n) => `${s(n, 'threat-case task')} due within a week`, priority: found.at !== null && found.at < q.today ? 'urgent' : 'high', link: '/threats',
      });
    },
  },
  {
    key: 'support.follow_ups', module: 'support', permission: 'referral.create', roles: ['sro', 'school_admin', 'staff'],
    find: async (q) => itemOf(q, 'support.follow_ups', 'support', await repo.referralFollowUps(q.db, q.actor.districtId, q.actor.userId, q.today), {
      title: (n) => `${s(n, 'referral')} you made to follow up`, priority: 'normal', link: '/support',
    }),
  },
  {
    key: 'notices.me', module: 'notices', permission: 'notice.send', roles: ['sro'],
    find: async (q) => itemOf(q, 'notices.me', 'notices', await repo.myAbsence(q.db, q.actor.districtId, q.actor.userId), {
      title: () => 'You are away from campus', priority: 'info', link: '/notices', detail: () => 'Say you are back from your status card',
    }),
  },
];

/** The supervisor's: review queue with age, coverage gaps, lapsing certifications, officers away. */
const supervisor: NeedsProvider[] = [
  {
    key: 'incidents.review', module: 'incidents', permission: 'incident.approve',
    find: async (q) => {
      const found = await repo.reviewQueue(q.db, q.actor.districtId, q.scope);
      const age = found.at ? minutesSince(q, found.at) : 0;
      return itemOf(q, 'incidents.review', 'incidents', found, {
        title: (n) => `${s(n, 'report')} waiting for your review`, priority: age > 3 * 1440 ? 'urgent' : 'high', link: '/incidents/review',
        detail: () => `Oldest waiting ${ageText(age)}`,
      });
    },
  },
  {
    key: 'events.gaps', module: 'events', permission: 'event.assign',
    find: async (q) => itemOf(q, 'events.gaps', 'events',
      await repo.coverageGaps(q.db, q.actor.districtId, q.scope, q.time.now(), q.time.endOfDay(addDays(q.today, 14))), {
        title: (n) => `${s(n, 'event')} without SRO coverage in the next 14 days`, priority: 'high', link: '/events',
      }),
  },
  {
    key: 'certifications.lapsing', module: 'certifications', permission: 'certification.manage',
    find: async (q) => {
      const found = await repo.certificationsLapsing(q.db, q.actor.districtId, q.scope, addDays(q.today, 60));
      return itemOf(q, 'certifications.lapsing', 'certifications', found, {
        title: (n) => `${s(n, 'certification')} lapsing within 60 days`, priority: found.at !== null && found.at < q.today ? 'urgent' : 'normal', link: '/certifications',
      });
    },
  },
  {
    key: 'notices.away', module: 'notices', permission: 'notice.read', roles: ['supervisor', 'school_admin', 'director'],
    find: async (q) => {
      const found = await repo.srosAway(q.db, q.actor.districtId, q.scope);
      return itemOf(q, 'notices.away', 'notices', found, {
        title: (n) => `${s(n, 'SRO')} away from campus now`, priority: found.at !== null && new Date(found.at) < q.time.now() ? 'high' : 'info', link: '/notices',
        detail: (at) => `First expected back ${formatDateTime(new Date(at), q.time.timeZone)}`,
      });
    },
  },
];

export const HOME_PROVIDERS_A = [...officer, ...supervisor];
