import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { addDays, weekStartOf } from '../../lib/datetime.ts';
import { formatDay } from '../../lib/format.ts';

/** Moves between weeks (Monday to Sunday): previous, next, or any day of the wanted week. */
export function WeekPicker({
  weekStart,
  onChange,
}: {
  weekStart: string;
  onChange: (monday: string) => void;
}) {
  return (
    <div className="month-stepper" role="group" aria-label="Week">
      <Button onClick={() => onChange(addDays(weekStart, -7))} aria-label="Previous week">
        ‹ Previous
      </Button>
      <TextField
        label="Week of"
        type="date"
        value={weekStart}
        onChange={(v) => v && onChange(weekStartOf(v))}
        hint={`${formatDay(weekStart)} – ${formatDay(addDays(weekStart, 6))}`}
      />
      <Button onClick={() => onChange(addDays(weekStart, 7))} aria-label="Next week">
        Next ›
      </Button>
    </div>
  );
}
