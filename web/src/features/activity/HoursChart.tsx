import { useId, useState } from 'react';
import { TRIAD_ROLES, TRIAD_ROLE_LABELS, type TriadRole } from '@common/activity.ts';
import { Button } from '../../components/Button.tsx';
import { hoursOf } from '../../lib/datetime.ts';

/** One bar of the chart: a label (a week, a month, a school, an SRO) and minutes per triad role. */
export interface HoursRow {
  key: string;
  label: string;
  minutes: Record<TriadRole, number>;
}

const total = (row: HoursRow) => TRIAD_ROLES.reduce((sum, r) => sum + (row.minutes[r] ?? 0), 0);

/**
 * Hours per triad role as stacked CSS bars. The bars are decoration for sighted users: the same numbers
 * sit in a real table that screen readers always get and anyone can show with the toggle.
 */
export function HoursChart({
  title,
  rows,
  rowHeader = 'Period',
}: {
  title: string;
  rows: HoursRow[];
  /** The header of the label column of the table ("Week", "School", "SRO"). */
  rowHeader?: string;
}) {
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const max = Math.max(1, ...rows.map(total));
  return (
    <figure className="hours-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="hours-chart-title">
        {title}
      </figcaption>
      <ul className="hours-legend" aria-hidden="true">
        {TRIAD_ROLES.map((r) => (
          <li key={r}>
            <span className={`swatch triad-${r}`} /> {TRIAD_ROLE_LABELS[r]}
          </li>
        ))}
      </ul>
      <div className="hours-bars" aria-hidden="true">
        {rows.map((row) => (
          <div key={row.key} className="hours-bar-row">
            <span className="hours-bar-label">{row.label}</span>
            <span className="hours-bar-track">
              {TRIAD_ROLES.map((r) =>
                row.minutes[r] ? (
                  <span
                    key={r}
                    className={`hours-bar-part triad-${r}`}
                    style={{ width: `${(row.minutes[r] / max) * 100}%` }}
                    title={`${TRIAD_ROLE_LABELS[r]}: ${hoursOf(row.minutes[r])} h`}
                  />
                ) : null,
              )}
            </span>
            <span className="hours-bar-total">{hoursOf(total(row))} h</span>
          </div>
        ))}
      </div>
      <Button
        size="small"
        className="hours-toggle"
        onClick={() => setShowTable((v) => !v)}
        aria-expanded={showTable}
      >
        {showTable ? 'Hide the table' : 'Show as a table'}
      </Button>
      <div className={showTable ? 'table-wrap' : 'visually-hidden'}>
        <table className="data-table hours-table">
          <caption className="visually-hidden">{title}, hours</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {TRIAD_ROLES.map((r) => (
                <th key={r} scope="col" className="num">
                  {TRIAD_ROLE_LABELS[r]}
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {TRIAD_ROLES.map((r) => (
                  <td key={r} className="num" data-label={TRIAD_ROLE_LABELS[r]}>
                    {hoursOf(row.minutes[r] ?? 0)} h
                  </td>
                ))}
                <td className="num" data-label="Total">
                  {hoursOf(total(row))} h
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
