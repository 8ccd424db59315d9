import { describe, expect, it } from 'vitest';
import { generateCommunications } from './communications.js';
import { generateDemoData } from './generate.js';

describe('demo event coverage and communications', () => {
  const data = generateDemoData();
  const comms = generateCommunications(data);
  const time = (d: unknown) => (d as Date).getTime();

  it('is the same on every run', () => {
    expect(generateCommunications(data)).toEqual(comms);
  });

  it('has events with and without coverage, each covered by an SRO assigned to the school, and one double booking', () => {
    expect(comms.events.some((e) => e.coverSroId && e.notes)).toBe(true);
    expect(comms.events.some((e) => !e.coverSroId)).toBe(true);
    for (const e of comms.events.filter((x) => x.coverSroId)) {
      expect(data.assignments.some((a) => a.userId === e.coverSroId && a.schoolId === e.schoolId), e.title).toBe(true);
      expect(time(e.endsAt)).toBeGreaterThan(time(e.startsAt));
    }
    const overlapping = comms.events.filter((a) => comms.events.some((b) => b !== a && b.coverSroId && b.coverSroId === a.coverSroId
      && time(b.startsAt) < time(a.endsAt) && time(b.endsAt) > time(a.startsAt)));
    // The double booking spans two schools (same-school overlaps can happen too: two events on one Friday).
    expect(new Set(overlapping.map((e) => e.schoolId)).size).toBeGreaterThanOrEqual(2);
  });

  it('keeps a presence history where every officer came back, and advance notices with their days of notice', () => {
    expect(comms.presence.length).toBeGreaterThan(50);
    for (const p of comms.presence) expect(time(p.returnedAt)).toBeGreaterThan(time(p.leftAt));
    expect(new Set(comms.advance.map((a) => a.kind))).toEqual(new Set(['training', 'vacation', 'leave']));
    for (const a of comms.advance) {
      expect(a.toDate >= a.fromDate).toBe(true);
      expect(comms.advanceSchools.some((s) => s.noticeId === a.id)).toBe(true);
    }
  });

  it('holds weekly meetings with minutes and action items, and an MOU for every school', () => {
    expect(comms.meetings.filter((m) => m.minutes).length).toBeGreaterThan(20);
    expect(comms.items.some((i) => i.status === 'open') && comms.items.some((i) => i.status === 'done')).toBe(true);
    for (const s of data.schools) expect(comms.documents.some((d) => d.schoolId === s.id && d.kind === 'mou'), s.name).toBe(true);
  });
});
