import type { Drill, PeriodResult, RuleResult, SchoolCompliance } from '@common/preparedness.ts';
import { Section } from '../../components/Page.tsx';
import { formatDay, plural } from '../../lib/format.ts';
import { DRILL_TYPE_LABELS, JUDGED_STATUSES, PERIOD_LABELS, STATUS_LOOK } from '../preparedness/labels.ts';
import { StatusBadge } from '../preparedness/StatusBadge.tsx';

function daysLeftText(p: PeriodResult, today: string): string {
  if (p.windowStart > today) return `Opens ${formatDay(p.windowStart)}`;
  if (p.daysLeft === null) return `Closed ${formatDay(p.windowEnd)}`;
  if (p.daysLeft === 0) return 'Closes today';
  return `${plural(p.daysLeft, 'day')} left (to ${formatDay(p.windowEnd)})`;
}

// A monthly rule shows the months begun so far; the months ahead are summed up in one line, so ten
// future months do not bury the one at risk.
function splitPeriods(rule: RuleResult, today: string): { shown: PeriodResult[]; later: number } {
  if (rule.period !== 'month') return { shown: rule.periods, later: 0 };
  const shown = rule.periods.filter((p) => p.windowStart <= today);
  return { shown, later: rule.periods.length - shown.length };
}

function PeriodLine({
  period,
  today,
  drills,
}: {
  period: PeriodResult;
  today: string;
  drills: Map<string, Drill>;
}) {
  const counted = period.drillIds.map((id) => drills.get(id)).filter((d): d is Drill => d !== undefined);
  return (
    <li className="period-line">
      <div className="row-between">
        <span className="period-label">
          <strong>{period.label}</strong>{' '}
          <span className="muted small">
            {formatDay(period.windowStart)} – {formatDay(period.windowEnd)}
          </span>
        </span>
        {period.status && <StatusBadge status={period.status} />}
      </div>
      <p className="small period-count">
        {period.required === null
          ? `${plural(period.counted, 'drill')} held (no minimum set)`
          : `${period.counted} of ${period.required} ${period.required === 1 ? 'drill' : 'drills'}`}
        {' · '}
        {daysLeftText(period, today)}
      </p>
      {counted.length > 0 && (
        <p className="small muted period-drills">
          Counted:{' '}
          {counted.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ', '}
              {DRILL_TYPE_LABELS[d.type]} on {formatDay(d.date)}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** The compliance of one school for a year: a summary, then each rule with its status, periods and drills. */
export function ComplianceSection({ compliance, drills }: { compliance: SchoolCompliance; drills: Drill[] }) {
  const byId = new Map(drills.map((d) => [d.id, d]));
  const { counts, today } = compliance;
  return (
    <Section title="Compliance" id="compliance">
      {!compliance.hasCalendar ? (
        <div className="banner banner-warning">
          <p className="banner-text">
            No school calendar for this year: windows cannot be judged. Enter the first and last day in the
            school calendar.
          </p>
        </div>
      ) : (
        <>
          <dl className="stat-row compliance-summary" aria-label="Rules by status">
            {JUDGED_STATUSES.map((s) => (
              <div key={s} className={`stat-${STATUS_LOOK[s].tone}`}>
                <dt>{STATUS_LOOK[s].label}</dt>
                <dd>{counts[s]}</dd>
              </div>
            ))}
          </dl>
          {compliance.drillsOutsideYear > 0 && (
            <p className="small muted">
              {plural(compliance.drillsOutsideYear, 'completed drill')} fall outside the school year and the
              summer session and count for no rule.
            </p>
          )}
        </>
      )}
      {compliance.rules.length === 0 ? (
        <p className="muted">No drill rule applies to this school. The district picks its state rule set.</p>
      ) : (
        <ul className="rule-list" aria-label="Drill rules">
          {compliance.rules.map((rule) => (
            <li key={rule.ruleId} className="rule-card" data-status={rule.status}>
              <div className="row-between">
                <h3 className="rule-title">{rule.title}</h3>
                <StatusBadge status={rule.status} />
              </div>
              <p className="small muted">
                {PERIOD_LABELS[rule.period]} · {rule.drillTypes.map((t) => DRILL_TYPE_LABELS[t]).join(' or ')}
              </p>
              {rule.periods.length > 0 && (
                <ul className="period-list" aria-label={`Periods of ${rule.title}`}>
                  {splitPeriods(rule, today).shown.map((p) => (
                    <PeriodLine key={p.key} period={p} today={today} drills={byId} />
                  ))}
                  {splitPeriods(rule, today).later > 0 && (
                    <li className="period-line small muted">
                      {plural(splitPeriods(rule, today).later, 'later month')} to come
                    </li>
                  )}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
