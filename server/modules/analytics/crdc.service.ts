import {
  CRDC_DISABILITY, CRDC_DISABILITY_LABELS, CRDC_RACE_LABELS, CRDC_RACES, EQUITY_MEASURES, type AnalyticsQuery, type CrdcTables,
  type AnalyticsSettings, type Equity, type EquityDimension, type EquityMeasure,
} from '../../../common/analytics.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { isDistrictWide } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { windowOf } from './analytics.service.js';
import { breakdownOf, countCrdcOffenses } from './analytics.policy.js';
import { ratePer1000, relativeRate, suppressed } from './analytics.statistics.js';
import * as crdc from './crdc.repository.js';
import * as rollups from './rollup.repository.js';

/** The smallest count the equity page shows unless the district chose another. */
export const DEFAULT_MINIMUM_COUNT = 10;

/** The CRDC tables of the schools the actor may export, for the days asked; the export is audited. */
export async function getCrdcTables(ctx: ServiceContext, query: AnalyticsQuery): Promise<CrdcTables> {
  const { window: w, schools } = await windowOf(ctx, query, 'report.export');
  const [students, offenses] = await Promise.all([crdc.crdcStudents(ctx.db, w), crdc.crdcOffenses(ctx.db, w)]);
  await writeAudit(ctx.db, whoOf(ctx), {
    type: 'analytics.viewed', schoolId: null, subjectType: 'analytics', subjectId: 'crdc',
    detail: { page: 'crdc', from: w.from, to: w.to, schools: w.schoolIds.length },
  });
  return {
    from: w.from, to: w.to,
    schools: schools.map((s) => {
      const mine = students.filter((r) => r.schoolId === s.id);
      return {
        school: { id: s.id, name: s.name }, ncesId: s.ncesId,
        referrals: breakdownOf(mine.map((r) => ({ ...r, n: r.referred }))),
        arrests: breakdownOf(mine.map((r) => ({ ...r, n: r.arrested }))),
        offenses: countCrdcOffenses(offenses.filter((o) => o.schoolId === s.id)),
      };
    }),
  };
}

type Cell = crdc.DemographicCount;
const GROUPS: { dimension: EquityDimension; group: string; label: string; member: (c: Cell) => boolean }[] = [
  ...CRDC_RACES.map((r) => ({ dimension: 'race' as const, group: r, label: CRDC_RACE_LABELS[r], member: (c: Cell) => c.race === r })),
  { dimension: 'sex', group: 'female', label: 'Female', member: (c) => c.sex === 'female' },
  { dimension: 'sex', group: 'male', label: 'Male', member: (c) => c.sex === 'male' },
  { dimension: 'sex', group: 'nonbinary', label: 'Nonbinary', member: (c) => c.sex === 'nonbinary' },
  ...CRDC_DISABILITY.map((d) => ({ dimension: 'disability' as const, group: d, label: CRDC_DISABILITY_LABELS[d], member: (c: Cell) => c.disability === d })),
  { dimension: 'english_learner', group: 'yes', label: 'English learners', member: (c) => c.englishLearner },
];

/** Where the equity page's student counts come from: the summary table, or (as a reference) the raw join. */
export type EquitySource = Pick<typeof rollups, 'equityStudents'>;

/**
 * Equity analytics: per student group, students referred, arrested and cited per 1,000 enrolled and the relative
 * rate index against every other student with its 95% interval. Counts under the minimum are suppressed, and so
 * are the rates of a group enrolled under the minimum. Over the schools where the user holds analytics.equity.
 */
export async function getEquity(ctx: ServiceContext, query: AnalyticsQuery, source: EquitySource = rollups): Promise<Equity> {
  const { window: w } = await windowOf(ctx, query, 'analytics.equity');
  const minimumCount = await crdc.findMinimumCount(ctx.db, ctx.actor.districtId, DEFAULT_MINIMUM_COUNT);
  const [events, enrolled] = await Promise.all([source.equityStudents(ctx.db, w), crdc.enrolment(ctx.db, w)]);
  /** The sum of `pick` over the cells inside (or outside) a group. */
  function total<T extends Cell>(cells: T[], pick: (c: T) => number, member: (c: Cell) => boolean, inGroup: boolean): number {
    return cells.filter((c) => member(c) === inGroup).reduce((n, c) => n + pick(c), 0);
  }
  const pickOf: Record<EquityMeasure, (c: { referred: number; arrested: number; cited: number }) => number> = {
    referral: (c) => c.referred, arrest: (c) => c.arrested, citation: (c) => c.cited,
  };
  const rows = GROUPS.map((g) => {
    const n1 = total(enrolled, (c) => c.n, g.member, true);
    const n2 = total(enrolled, (c) => c.n, g.member, false);
    const smallGroup = suppressed(n1, minimumCount);
    const measures = Object.fromEntries(EQUITY_MEASURES.map((m) => {
      const a = total(events, pickOf[m], g.member, true);
      const c = total(events, pickOf[m], g.member, false);
      const hide = smallGroup || suppressed(a, minimumCount);
      const rr = relativeRate(a, n1, c, n2);
      return [m, hide
        ? { students: null, ratePer1000: null, rri: null, ciLow: null, ciHigh: null, suppressed: true }
        : { students: a, ratePer1000: ratePer1000(a, n1), rri: rr.rri, ciLow: rr.low, ciHigh: rr.high, suppressed: false }];
    })) as Equity['rows'][number]['measures'];
    return { dimension: g.dimension, group: g.group, label: g.label, enrolled: smallGroup ? null : n1, measures };
  });
  await writeAudit(ctx.db, whoOf(ctx), {
    type: 'analytics.viewed', schoolId: null, subjectType: 'analytics', subjectId: 'equity',
    detail: { page: 'equity', from: w.from, to: w.to, schools: w.schoolIds.length },
  });
  return {
    from: w.from, to: w.to, minimumCount,
    enrolmentNote: 'Enrolment is the active roster of the chosen schools today: the roster keeps no history of earlier years.',
    rows,
  };
}

/** The analytics settings of the district. */
export async function getSettings(ctx: ServiceContext): Promise<AnalyticsSettings> {
  return { equityMinimumCount: await crdc.findMinimumCount(ctx.db, ctx.actor.districtId, DEFAULT_MINIMUM_COUNT) };
}

/** Changes the analytics settings (district-wide district.manage), audited with the old and new values. */
export async function updateSettings(ctx: ServiceContext, input: AnalyticsSettings): Promise<AnalyticsSettings> {
  if (!isDistrictWide(ctx.actor, 'district.manage')) throw new AppError('forbidden', 'District settings need a district-wide grant');
  return ctx.db.transaction(async (tx) => {
    const before = await crdc.findMinimumCount(tx, ctx.actor.districtId, DEFAULT_MINIMUM_COUNT);
    await crdc.saveMinimumCount(tx, ctx.actor.districtId, input.equityMinimumCount, ctx.actor.userId, ctx.clock.now());
    await writeAudit(tx, whoOf(ctx), {
      type: 'analytics.settings_updated', subjectType: 'district', subjectId: ctx.actor.districtId,
      detail: { equityMinimumCount: { from: before, to: input.equityMinimumCount } },
    });
    return { equityMinimumCount: input.equityMinimumCount };
  });
}
