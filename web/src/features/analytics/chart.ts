import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Panel } from '@common/analytics.ts';

// ECharts, tree-shaken to the three chart types the panels use and drawn as SVG (sharp in print and PDF).
// This module is imported only by the analytics pages, so no other page downloads it.
echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  SVGRenderer,
]);

/** Rows charted at most; the table beside the chart lists every row. */
export const CHART_ROWS = 25;
const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490'];

/** The ECharts option of a panel: its first column labels the axis, its number columns are the series. */
export function optionOf(panel: Panel): echarts.EChartsCoreOption {
  const [label, ...values] = panel.columns;
  const rows = panel.rows.slice(0, CHART_ROWS);
  const names = rows.map((r) => String(r[label!.key] ?? ''));
  if (panel.chart === 'heatmap') {
    const data = rows.flatMap((r, y) => values.map((c, x) => [x, y, Number(r[c.key] ?? 0)]));
    const max = Math.max(1, ...data.map((d) => d[2]!));
    return {
      animation: false,
      tooltip: { position: 'top' },
      grid: { left: 48, right: 16, top: 8, bottom: 64 },
      xAxis: { type: 'category', data: values.map((c) => c.label.slice(0, 2)), splitArea: { show: true } },
      yAxis: { type: 'category', data: names, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        inRange: { color: ['#eff6ff', '#1d4ed8'] },
      },
      series: [{ type: 'heatmap', data, label: { show: false } }],
    };
  }
  const numeric = values.filter((c) => c.kind !== 'label' && c.kind !== 'percent');
  const shown = panel.chart === 'bar' ? numeric.slice(0, 1) : numeric;
  return {
    animation: false,
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    legend: shown.length > 1 ? { bottom: 0 } : undefined,
    grid: { left: 8, right: 16, top: 16, bottom: shown.length > 1 ? 48 : 16, containLabel: true },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: names.length > 6 ? 35 : 0, width: 110, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: shown.map((c) => ({
      name: c.label,
      type: panel.chart === 'line' ? 'line' : 'bar',
      stack: panel.chart === 'stacked_bar' ? 'total' : undefined,
      data: rows.map((r) => (r[c.key] === null ? null : Number(r[c.key]))),
    })),
  };
}

/** Draws `option` into `element` as SVG; answers a function that resizes and one that disposes. */
export function draw(element: HTMLElement, option: echarts.EChartsCoreOption) {
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption(option);
  return { resize: () => chart.resize(), dispose: () => chart.dispose() };
}
