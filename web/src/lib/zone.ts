// The district's time zone, set when the session loads: "today" and the times shown are the district's,
// whatever zone the viewer's device is in (a laptop left on UTC, a trip abroad).

let zone: string | undefined;

/** Remembers the district's zone (undefined: the device's own zone, before sign-in). */
export function setDistrictTimeZone(timeZone: string | undefined): void {
  zone = timeZone;
}

/** The zone dates are shown in. */
export function displayTimeZone(): string | undefined {
  return zone;
}

/** The district day (YYYY-MM-DD) of an instant; the current one by default. */
export function districtDayOf(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
