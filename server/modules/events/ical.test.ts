import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsDateTime, writeCalendar } from './ical.js';
import { expectEvery } from '../../test/expect-every.js';

/** Undoes folding (RFC 5545 3.1): a CRLF followed by one space or tab is removed. */
function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

describe('RFC 5545 writer', () => {
  it('escapes backslash, semicolon, comma and newlines in TEXT values', () => {
    expect(escapeText('Gym; north side, door 3\\B\nbring radio\r\nand vest')).toBe('Gym\\; north side\\, door 3\\\\B\\nbring radio\\nand vest');
  });

  it('writes UTC date-times in basic form', () => {
    expect(icsDateTime(new Date('2025-11-10T15:04:05.678Z'))).toBe('20251110T150405Z');
  });

  it('leaves a line of 75 octets alone and folds a longer one into lines of at most 75 octets', () => {
    const exact = `SUMMARY:${'x'.repeat(67)}`;
    expect(foldLine(exact)).toBe(exact);
    const long = `DESCRIPTION:${'abcdefghij'.repeat(20)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBe(3);
    expectEvery(lines, (l) => Buffer.byteLength(l) <= 75);
    expect(lines[0]!.length).toBe(75);
    expectEvery(lines.slice(1), (l) => l.startsWith(' '));
    expect(unfold(folded)).toBe(long);
  });

  it('counts octets, not characters, and never splits a multi-byte character', () => {
    const long = `LOCATION:${'é'.repeat(60)}`; // 9 + 120 octets
    const lines = foldLine(long).split('\r\n');
    expectEvery(lines, (l) => Buffer.byteLength(l) <= 75);
    expectEvery(lines, (l) => !l.includes('\uFFFD'));
    expect(unfold(lines.join('\r\n'))).toBe(long);
  });

  it('writes a calendar with CRLF line endings only, and the event properties', () => {
    const text = writeCalendar({
      prodId: '-//SRO Desk//Events//EN', name: 'North High, events',
      events: [{
        uid: 'e1@srodesk', stamp: new Date('2025-11-01T00:00:00Z'), start: new Date('2025-11-14T23:00:00Z'), end: new Date('2025-11-15T02:00:00Z'),
        summary: 'Football: North vs. East, homecoming', location: 'Stadium; gate B', description: 'Line one\nLine two', cancelled: true,
      }],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text).split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain('X-WR-CALNAME:North High\\, events');
    expect(lines).toContain('DTSTART:20251114T230000Z');
    expect(lines).toContain('DTEND:20251115T020000Z');
    expect(lines).toContain('SUMMARY:Football: North vs. East\\, homecoming');
    expect(lines).toContain('LOCATION:Stadium\\; gate B');
    expect(lines).toContain('DESCRIPTION:Line one\\nLine two');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
