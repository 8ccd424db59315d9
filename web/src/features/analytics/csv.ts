import { formatCell, type Panel } from '@common/analytics.ts';
import { CSV_BOM, csvLine } from '@common/csv.ts';

/** The CSV of exactly what a panel shows: its columns as headed on screen, its cells as formatted there. */
export function panelCsv(panel: Panel, range: { from: string; to: string }): string {
  const lines = [
    csvLine([`${panel.title} (${range.from} to ${range.to})`]),
    csvLine(panel.columns.map((c) => c.label)),
    ...panel.rows.map((r) =>
      csvLine(
        panel.columns.map((c) =>
          c.kind === 'label' ? (r[c.key] ?? '') : formatCell(r[c.key] ?? null, c.kind),
        ),
      ),
    ),
  ];
  return CSV_BOM + lines.join('');
}

/** Makes the browser save `text` as a file. */
export function saveFile(name: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
