import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../lib/district-time.js';
import { startWorld, type World } from './drills.test-support.js';

// The district (America/Chicago) at 23:30 and at 00:30 local time: "today" is the district's day, not the UTC
// one, for a drill's date, "recorded late" and compliance. Runs in every process TZ of the clock tier.

const HOURS = [
  { label: '23:30 district time (UTC is already on the next day)', now: '2025-11-11T05:30:00Z', today: '2025-11-10', tomorrow: '2025-11-11' },
  { label: '00:30 district time', now: '2025-11-11T06:30:00Z', today: '2025-11-11', tomorrow: '2025-11-12' },
];

describe.each(HOURS)('drills and compliance at $label', ({ now, today, tomorrow }) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ now: new Date(now) });
  });
  afterAll(async () => {
    await w?.t.close();
  });
  const drill = (date: string) => ({ schoolId: w.north.id, type: 'fire_evacuation', status: 'completed', date, durationMinutes: 12 });

  it('accepts a drill completed today (district day) and does not call it recorded late', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.post('/api/drills', drill(today));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ date: today, recordedLate: false });
  });

  it('refuses a drill completed on the district\'s tomorrow', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.post('/api/drills', drill(tomorrow));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'date' });
  });

  it('marks a drill recorded on a later district day as recorded late', async () => {
    const sro = await w.as('sro.north');
    const yesterday = addDays(today, -1);
    const res = await sro.post('/api/drills', drill(yesterday));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recordedLate: true });
  });

  it('evaluates compliance as of the district day', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.get(`/api/compliance/schools/${w.north.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ today });
  });
});
