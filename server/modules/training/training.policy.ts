import { dayOf } from '../calendars/calendars.days.js';

/** The day a completion on `heldOn` stops counting, `validMonths` later; null when it never does. */
export function expiresOn(heldOn: string, validMonths: number | null): string | null {
  if (validMonths === null) return null;
  const months = Number(heldOn.slice(5, 7)) - 1 + validMonths;
  return dayOf(Number(heldOn.slice(0, 4)) + Math.floor(months / 12), (months % 12) + 1, Number(heldOn.slice(8, 10)));
}
