import type { ComplianceOverview } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { useApiData } from '../../lib/hooks.ts';
import { JUDGED_STATUSES, LEVEL_LABELS, STATUS_LOOK, schoolYearLabel } from '../preparedness/labels.ts';
import { StatusBadge } from '../preparedness/StatusBadge.tsx';
import { ReportLinks } from './ReportLinks.tsx';

type OverviewSchool = ComplianceOverview['schools'][number];

// Column headers are keys: two rules of the same title (a district rule and a school's) get a suffix.
function uniqueTitles(
  rules: ComplianceOverview['rules'],
): (ComplianceOverview['rules'][number] & { header: string })[] {
  const seen = new Map<string, number>();
  return rules.map((rule) => {
    const n = (seen.get(rule.title) ?? 0) + 1;
    seen.set(rule.title, n);
    return { ...rule, header: n === 1 ? rule.title : `${rule.title} (${n})` };
  });
}

/**
 * Every school of the user's scope in one grid: the worst status, counts by status and each rule's status
 * (with the drills counted against the minimum). A school opens its own compliance.
 */
export function ComplianceOverviewGrid({
  schoolYear,
  asOf,
  onOpenSchool,
}: {
  schoolYear: number;
  asOf?: string;
  onOpenSchool: (schoolId: string) => void;
}) {
  const overview = useApiData<ComplianceOverview>('/compliance/overview', { schoolYear, asOf });
  return (
    <LoadState resource={overview} label="Loading the district overview…">
      {(o) => (
        <Section
          title={`District overview ${schoolYearLabel(o.schoolYear)}`}
          id="overview"
          actions={<ReportLinks schoolYear={schoolYear} asOf={asOf} />}
        >
          <dl className="stat-row compliance-summary" aria-label="Rules by status, all schools">
            {JUDGED_STATUSES.map((s) => (
              <div key={s} className={`stat-${STATUS_LOOK[s].tone}`}>
                <dt>{STATUS_LOOK[s].label}</dt>
                <dd>{o.totals[s]}</dd>
              </div>
            ))}
          </dl>
          {o.schools.length === 0 ? (
            <EmptyState title="No school to show." />
          ) : (
            <DataTable<OverviewSchool>
              caption={`Drill compliance of every school, ${schoolYearLabel(o.schoolYear)}`}
              rows={o.schools}
              rowKey={(s) => s.schoolId}
              busy={overview.loading}
              columns={[
                {
                  header: 'School',
                  render: (s) => (
                    <Button
                      variant="ghost"
                      size="small"
                      className="link-button"
                      onClick={() => onOpenSchool(s.schoolId)}
                    >
                      {s.schoolName}
                    </Button>
                  ),
                },
                { header: 'Level', render: (s) => LEVEL_LABELS[s.schoolLevel] },
                {
                  header: 'Overall',
                  render: (s) =>
                    s.hasCalendar ? (
                      <StatusBadge status={s.status} />
                    ) : (
                      <span className="muted">No calendar</span>
                    ),
                },
                { header: 'Drills held', className: 'num', render: (s) => s.completedDrills },
                // District-wide rules get a column each; a school's own rules count in its totals.
                ...uniqueTitles(o.rules.filter((r) => r.schoolId === null)).map((rule) => ({
                  header: rule.header,
                  render: (s: OverviewSchool) => {
                    const r = s.rules.find((x) => x.ruleId === rule.ruleId);
                    if (!r) return <span className="muted">–</span>;
                    return (
                      <span className="grid-cell">
                        <StatusBadge status={r.status} />
                        {r.required !== null && (
                          <span className="small muted">
                            {' '}
                            {r.counted}/{r.required}
                          </span>
                        )}
                      </span>
                    );
                  },
                })),
              ]}
            />
          )}
        </Section>
      )}
    </LoadState>
  );
}
