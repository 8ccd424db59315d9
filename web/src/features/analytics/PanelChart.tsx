import { useEffect, useRef, useState } from 'react';
import type { Panel } from '@common/analytics.ts';
import { Spinner } from '../../components/Spinner.tsx';

/**
 * The chart of a panel. The picture is for sighted readers; screen readers get the title and are pointed to the
 * table beside it, which holds the same figures. The chart library is loaded on first use.
 */
export function PanelChart({ panel }: { panel: Panel }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => undefined as void;
    void import('./chart.ts').then(({ draw, optionOf }) => {
      if (disposed || !ref.current) return;
      const chart = draw(ref.current, optionOf(panel));
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
      setReady(true);
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [panel]);
  const height = panel.chart === 'heatmap' ? 300 : 260;
  return (
    <div
      className="analytics-chart"
      role="img"
      aria-label={`Chart: ${panel.title}. The table lists the same figures.`}
    >
      {!ready && <Spinner label="Drawing the chart…" inline />}
      <div ref={ref} style={{ height }} aria-hidden="true" />
    </div>
  );
}
