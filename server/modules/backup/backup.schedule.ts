import { addDays } from '../../lib/district-time.js';

/** Wall-clock parts of `at` in `timeZone`: the local day (YYYY-MM-DD) and time (HH:MM). */
export function localParts(at: Date, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at).map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The instant a local wall-clock time of `day` happens in `timeZone` (the later one on a repeated hour). */
export function instantOf(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall;
  // Two rounds settle the offset, daylight-saving changes included.
  for (let i = 0; i < 2; i++) {
    const seen = localParts(new Date(guess), timeZone);
    const [sy, sm, sd] = seen.day.split('-').map(Number) as [number, number, number];
    const [sh, smin] = seen.time.split(':').map(Number) as [number, number];
    guess += wall - Date.UTC(sy, sm - 1, sd, sh, smin);
  }
  return new Date(guess);
}

/** The local day whose scheduled backup is due at `now` (its time has come), or null before today's time. */
export function dueDay(now: Date, schedule: { timeOfDay: string; timeZone: string }): string | null {
  const local = localParts(now, schedule.timeZone);
  return local.time >= schedule.timeOfDay ? local.day : null;
}

/** When the next scheduled backup will start, given whether today's has been taken. */
export function nextRunAt(now: Date, schedule: { timeOfDay: string; timeZone: string }, takenToday: boolean): Date {
  const local = localParts(now, schedule.timeZone);
  const today = instantOf(local.day, schedule.timeOfDay, schedule.timeZone);
  if (!takenToday && local.time < schedule.timeOfDay) return today;
  if (!takenToday) return now;
  return instantOf(addDays(local.day, 1), schedule.timeOfDay, schedule.timeZone);
}
