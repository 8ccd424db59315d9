import { Link } from 'react-router-dom';
import { formatCell, type Panel } from '@common/analytics.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Section } from '../../components/Page.tsx';
import { CHART_ROWS_NOTE } from './filters.ts';
import { panelCsv, saveFile } from './csv.ts';
import { PanelChart } from './PanelChart.tsx';

/** A dashboard panel: its chart and, beside it, the table of the same rows with a CSV download and record links. */
export function PanelCard({ panel, range }: { panel: Panel; range: { from: string; to: string } }) {
  const [label] = panel.columns;
  const rows = panel.rows.map((row, index) => ({ row, index }));
  const empty =
    panel.rows.length === 0 || panel.columns.slice(1).every((c) => panel.rows.every((r) => !r[c.key]));
  return (
    <Section
      title={panel.title}
      id={`panel-${panel.id}`}
      actions={
        <Button
          variant="secondary"
          onClick={() => saveFile(`${panel.id}-${range.from}-${range.to}.csv`, panelCsv(panel, range))}
          aria-label={`Download CSV of ${panel.title}`}
        >
          CSV
        </Button>
      }
    >
      <p className="muted small">{panel.description}</p>
      {empty ? (
        <p className="muted">Nothing to show for these filters.</p>
      ) : (
        <div className={panel.chart === 'none' ? 'analytics-panel' : 'analytics-panel with-chart'}>
          {panel.chart !== 'none' && <PanelChart panel={panel} />}
          <div className="analytics-table">
            {panel.rows.length > CHART_ROWS_NOTE.rows && panel.chart !== 'none' && (
              <p className="muted small">{CHART_ROWS_NOTE.text}</p>
            )}
            <DataTable
              caption={panel.title}
              rows={rows}
              rowKey={(r) => String(r.index)}
              columns={panel.columns.map((c) => ({
                header: c.label,
                className: c.kind === 'label' ? undefined : 'num',
                render: (r: { row: Panel['rows'][number]; index: number }) => {
                  const text = formatCell(r.row[c.key] ?? null, c.kind);
                  const link = c === label ? panel.links[r.index] : null;
                  return link ? <Link to={link}>{text}</Link> : text;
                },
              }))}
            />
          </div>
        </div>
      )}
    </Section>
  );
}
