import { Link } from 'react-router-dom';
import { HOME_LIVE_EVENTS, type HomePage, type NeedItem } from '@common/home.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { useApiData } from '../../lib/hooks.ts';
import { RemindButton } from './RemindButton.tsx';
import { useLiveReload } from './useLiveReload.ts';

const TONE = { urgent: 'danger', high: 'warning', normal: 'info', info: 'neutral' } as const;
const LABEL = { urgent: 'Urgent', high: 'Soon', normal: 'To do', info: 'For your information' } as const;

function NeedRow({ item, onChange }: { item: NeedItem; onChange: () => void }) {
  return (
    <li className={`need need-${item.priority}`}>
      <div className="need-main">
        <Badge tone={TONE[item.priority]}>{LABEL[item.priority]}</Badge>
        <Link to={item.link} className="need-title">
          {item.title}
        </Link>
        {item.detail && <span className="muted small">{item.detail}</span>}
        {item.dueLabel && <span className="muted small">Since or due {item.dueLabel}</span>}
      </div>
      <div className="need-side">
        <span className="need-count" aria-label={`Count ${item.count}`}>
          {item.count}
        </span>
        {item.action?.kind === 'remind_plan' && (
          <RemindButton planId={item.action.planId} remindedAt={item.action.remindedAt} onDone={onChange} />
        )}
      </div>
    </li>
  );
}

/** "Today": what needs the user now, from every module, most urgent first; reloads on live events. */
export function NeedsList() {
  const needs = useApiData<HomePage>('/home');
  useLiveReload(HOME_LIVE_EVENTS, needs.reload);
  return (
    <Section title="Today" id="today">
      <LoadState resource={needs} label="Loading what needs you…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="Nothing needs you">New work will show up here as it arrives.</EmptyState>
          ) : (
            <ul className="needs" aria-label="What needs you">
              {items.map((item) => (
                <NeedRow key={item.key} item={item} onChange={needs.reload} />
              ))}
            </ul>
          )
        }
      </LoadState>
    </Section>
  );
}
