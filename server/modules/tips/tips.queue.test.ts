import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEvents } from '../../db/schema/index.js';
import { createTipWorld, submit, type TipWorld } from './tips.test-support.js';

// The staff queue under a flood: cursor paging so no tip falls off, the "possible flood" signal, and
// life-safety tips of one school paging the team once while unacknowledged.
let w: TipWorld;
const ids: string[] = [];

beforeAll(async () => {
  w = await createTipWorld();
  for (let i = 0; i < 12; i++) ids.push((await submit(w, { description: `Flood tip number ${i} with enough words` })).id);
}, 120_000);

afterAll(async () => w?.t.close());

describe('the tip queue', () => {
  it('pages through every tip with the cursor, none twice, none left out, and says when a flood is possible', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await w.as.director!.get(`/api/tips?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      if (pages === 0) expect(res.body.flood).toEqual({ possible: true, lastHour: 12, normalPerHour: 0 });
      seen.push(...(res.body.items as { id: string }[]).map((t) => t.id));
      cursor = res.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('refuses a cursor it did not make, naming the field', async () => {
    const res = await w.as.director!.get('/api/tips?cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'cursor' });
  });

  it('shows no flood for a school whose line is quiet', async () => {
    const res = await w.as.sroSouth!.get('/api/tips');
    expect(res.status).toBe(200);
    expect(res.body.flood).toEqual({ possible: false, lastHour: 0, normalPerHour: 0 });
  });
});

describe('life-safety tips in a burst', () => {
  it('page the school once while the first is unacknowledged; after acknowledgement the next one pages again', async () => {
    const pages = async () => (await w.t.db.select().from(liveEvents)
      .where(and(eq(liveEvents.type, 'tip.life_safety')))).length;
    const before = await pages();
    const first = await submit(w, { category: 'weapon', schoolId: w.south, description: 'A student showed a knife in the gym' });
    for (let i = 0; i < 3; i++) await submit(w, { category: 'threat_of_violence', schoolId: w.south, description: `Copy ${i} of a threat message` });
    expect(await pages()).toBe(before + 1);
    expect((await w.as.sroSouth!.post(`/api/tips/${first.id}/acknowledge`)).status).toBe(200);
    // Still unacknowledged copies page no more; only the acknowledged one stopped counting.
    const ack = await w.as.sroSouth!.get('/api/tips?lifeSafety=true&status=new');
    for (const tip of ack.body.items as { id: string }[]) expect((await w.as.sroSouth!.post(`/api/tips/${tip.id}/acknowledge`)).status).toBe(200);
    await submit(w, { category: 'self_harm', schoolId: w.south, description: 'A friend said she wants to hurt herself' });
    expect(await pages()).toBe(before + 2);
  });
});
