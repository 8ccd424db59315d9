import type { DrillReminder } from '@common/preparedness.ts';
import { formatDay, todayIso } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';

/** Reminders of drill windows closing soon at the user's schools (also e-mailed); nothing when there are none. */
export function DrillReminders({ schoolId }: { schoolId: string }) {
  const reminders = useApiData<{ items: DrillReminder[] }>('/drill-reminders');
  const today = todayIso();
  const items = (reminders.data?.items ?? []).filter(
    (r) => r.windowEnd >= today && (!schoolId || r.schoolId === schoolId),
  );
  if (items.length === 0) return null;
  return (
    <section className="banner banner-warning reminders" aria-labelledby="drill-reminders">
      <div>
        <h2 id="drill-reminders" className="banner-title">
          Windows closing soon
        </h2>
        <ul>
          {items.map((r) => (
            <li key={r.id}>
              {r.schoolName}: {r.ruleTitle}, {r.counted} of {r.required} drills, window closes{' '}
              {formatDay(r.windowEnd)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
