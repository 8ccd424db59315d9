// A small RFC 5545 (iCalendar) writer: just what the event feeds need, written here rather than pulled in as
// a dependency. Content lines end in CRLF and are folded at 75 octets (section 3.1); TEXT values escape
// backslash, semicolon, comma and newlines (section 3.3.11); times are written in UTC (form #2, section 3.3.5).

/** One VEVENT. */
export interface IcsEvent {
  uid: string;
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  cancelled?: boolean;
  lastModified?: Date;
}

/** One VCALENDAR. */
export interface IcsCalendar {
  prodId: string;
  /** Shown by most clients as the calendar's name (X-WR-CALNAME). */
  name: string;
  events: readonly IcsEvent[];
}

const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma, and every kind of newline as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A UTC DATE-TIME: 20251110T150000Z. */
export function icsDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Folds one content line into lines of at most 75 octets (the CRLF not counted), each continuation starting
 * with one space. A multi-byte UTF-8 character is never split between lines.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; a continuation line holds its leading space plus 74.
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** The whole calendar as text/calendar: CRLF line endings, folded lines, a final CRLF. */
export function writeCalendar(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', property('PRODID', calendar.prodId), 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(calendar.name)),
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      property('UID', event.uid),
      property('DTSTAMP', icsDateTime(event.stamp)),
      property('DTSTART', icsDateTime(event.start)),
      property('DTEND', icsDateTime(event.end)),
      property('SUMMARY', escapeText(event.summary)),
    );
    if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
    if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)));
    if (event.lastModified) lines.push(property('LAST-MODIFIED', icsDateTime(event.lastModified)));
    lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
