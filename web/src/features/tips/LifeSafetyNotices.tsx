import { useState } from 'react';
import { Link } from 'react-router-dom';
import { TIP_CATEGORY_LABELS } from '@common/tip-constants.ts';
import type { TipLiveEvent, TipSummary } from '@common/tips.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useLiveMessages } from '../alerts/live.tsx';
import { SinceTimer } from './SinceTimer.tsx';

interface Notice {
  tipId: string;
  number: string;
  schoolName: string;
  category: TipSummary['category'];
  createdAt: string;
}

const fromEvent = (e: TipLiveEvent): Notice => ({
  tipId: e.tipId,
  number: e.number,
  schoolName: e.schoolName,
  category: e.category,
  createdAt: e.createdAt,
});

/**
 * The dashboard notice of life-safety tips nobody has acknowledged: those open when the page loads, plus
 * each one the live stream announces (at once, without a reload). Acknowledging happens on the tip's page; the
 * live `tip.acknowledged` takes the notice down on every dashboard.
 */
export function LifeSafetyNotices() {
  const open = useApiData<{ items: TipSummary[] }>('/tips', { lifeSafety: 'true', status: 'new' });
  const [arrived, setArrived] = useState<Notice[]>([]);
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  useLiveMessages((message) => {
    if (message.type === 'tip.acknowledged') {
      const { tipId } = message.payload;
      setAcknowledged((prev) => new Set(prev).add(tipId));
      setArrived((prev) => prev.filter((n) => n.tipId !== tipId));
      return;
    }
    if (message.type !== 'tip.life_safety') return;
    const notice = fromEvent(message.payload);
    setArrived((prev) => [notice, ...prev.filter((n) => n.tipId !== notice.tipId)]);
  });
  const loaded = (open.data?.items ?? []).filter((t) => t.lifeSafety && !t.acknowledgedAt && !acknowledged.has(t.id));
  const seen = new Set(arrived.map((n) => n.tipId));
  const notices = [...arrived, ...loaded.filter((t) => !seen.has(t.id)).map((t) => ({ ...t, tipId: t.id }))];

  return (
    <div role="alert" aria-live="assertive">
      {notices.length > 0 && (
        <section className="banner banner-error life-safety-notice" aria-labelledby="life-safety-title">
          <div className="stack">
            <h2 id="life-safety-title" className="banner-title">
              Life-safety tip{notices.length === 1 ? '' : 's'} waiting for acknowledgement
            </h2>
            <ul className="plain-list stack">
              {notices.map((n) => (
                <li key={n.tipId} className="row" data-tip-notice={n.number}>
                  <Link to={`/tips/${n.tipId}`}>
                    <strong>
                      Tip {n.number}: {TIP_CATEGORY_LABELS[n.category]}
                    </strong>
                  </Link>
                  <span>{n.schoolName}</span>
                  <SinceTimer since={n.createdAt} acknowledgedAt={null} />
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
    </div>
  );
}
