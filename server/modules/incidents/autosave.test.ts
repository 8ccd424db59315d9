import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedIncident, createIncident, type World, createWorld } from './incidents.test-support.js';

// Autosave against the server: a refused save writes nothing (the page must then say "not saved"), and the saves
// of one editing session make one version, so the history lists created, saved, submitted, returned, approved.

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 60_000);
afterAll(async () => w?.t.close());

type Summary = { event: string; supplementNumber: number | null; version: number };
async function history(id: string): Promise<string[]> {
  const list = await w.as.supervisor!.get(`/api/incidents/${id}/versions`);
  expect(list.status, list.text).toBe(200);
  return (list.body.items as Summary[]).map((v) => `${v.supplementNumber ?? 'r'}:${v.event}:${v.version}`);
}

describe('autosave of a report', () => {
  it('refuses a whole save with an offense failing a NIBRS edit, names the field, and writes nothing', async () => {
    const created = await createIncident(w);
    const res = await w.as.sro!.patch(`/api/incidents/${created.id}`, {
      version: created.version, narrative: 'Typed with the bad offense', editSession: randomUUID(),
      offenses: [{ kind: 'nibrs', code: '13B', weaponForce: ['12'] }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'offenses.0.weaponForce' });
    expect(res.body.error.message).toContain('13B Simple Assault allows only 40, 90, 95 or 99');
    const now = await w.as.sro!.get(`/api/incidents/${created.id}`);
    expect(now.body).toMatchObject({ version: created.version, narrative: created.narrative });
    expect(await history(created.id)).toEqual(['r:created:1']);
    // The page leaves the refused offense out and saves the rest: that save goes through.
    const rest = await w.as.sro!.patch(`/api/incidents/${created.id}`, { version: created.version, narrative: 'Typed with the bad offense' });
    expect(rest.status, rest.text).toBe(200);
    expect(rest.body.narrative).toBe('Typed with the bad offense');
  });

  it('collapses the saves of one editing session into one version and starts a new one per session and after a review step', async () => {
    const created = await createIncident(w);
    const id = created.id as string;
    const session = randomUUID();
    let version = created.version as number;
    for (const narrative of ['First words.', 'First words and more.', 'First words and more, finished.']) {
      const saved = await w.as.sro!.patch(`/api/incidents/${id}`, { version, narrative, editSession: session });
      expect(saved.status, saved.text).toBe(200);
      version = saved.body.version;
    }
    expect(version).toBe(4);
    expect(await history(id)).toEqual(['r:created:1', 'r:saved:4']);
    const versions = await w.as.supervisor!.get(`/api/incidents/${id}/versions`);
    const one = await w.as.supervisor!.get(`/api/incidents/${id}/versions/${versions.body.items[1].id}`);
    expect(one.body.snapshot).toMatchObject({ version: 4, narrative: 'First words and more, finished.' });

    // Another visit (a new page) is another session: a version of its own.
    const next = await w.as.sro!.patch(`/api/incidents/${id}`, { version, narrative: 'Second visit.', editSession: randomUUID() });
    version = next.body.version;
    // Saves without a session (API clients) are each a version.
    version = (await w.as.sro!.patch(`/api/incidents/${id}`, { version, summary: 'Fight by the lunch line' })).body.version;
    expect(await history(id)).toEqual(['r:created:1', 'r:saved:4', 'r:saved:5', 'r:saved:6']);

    // A review step in between closes the session's version: the same page saving after a return adds one.
    version = (await w.as.sro!.post(`/api/incidents/${id}/submit`, { version })).body.version;
    version = (await w.as.supervisor!.post(`/api/incidents/${id}/return`, { version, comment: 'Say when the fight started.' })).body.version;
    for (const narrative of ['At 10:15 they fought.', 'At 10:15 two students fought.']) {
      version = (await w.as.sro!.patch(`/api/incidents/${id}`, { version, narrative, editSession: session })).body.version;
    }
    version = (await w.as.sro!.post(`/api/incidents/${id}/submit`, { version })).body.version;
    await w.as.supervisor!.post(`/api/incidents/${id}/approve`, { version });
    expect(await history(id)).toEqual([
      'r:created:1', 'r:saved:4', 'r:saved:5', 'r:saved:6', 'r:submitted:7', 'r:returned:8', 'r:saved:10', 'r:submitted:11', 'r:approved:12',
    ]);
  });

  it('does not fold one author\'s save into another author\'s version of the same session id', async () => {
    const created = await createIncident(w);
    const session = randomUUID();
    const first = await w.as.sro!.patch(`/api/incidents/${created.id}`, { version: 1, narrative: 'By the author.', editSession: session });
    const other = await w.as.supervisor!.patch(`/api/incidents/${created.id}`, { version: first.body.version, narrative: 'By the supervisor.', editSession: session });
    expect(other.status, other.text).toBe(200);
    expect(await history(created.id)).toEqual(['r:created:1', 'r:saved:2', 'r:saved:3']);
  });
});

describe('autosave of a supplement', () => {
  it('collapses the saves of one session; review steps stay versions of their own', async () => {
    const approved = await approvedIncident(w);
    const id = approved.id as string;
    const started = await w.as.sro!.post(`/api/incidents/${id}/supplements`, { narrative: '' });
    const sid = started.body.supplements[0].id as string;
    const session = randomUUID();
    let version = 1;
    for (const narrative of ['Called', 'Called the parents', 'Called the parents at 12:30.']) {
      const saved = await w.as.sro!.patch(`/api/incidents/${id}/supplements/${sid}`, { version, narrative, editSession: session });
      expect(saved.status, saved.text).toBe(200);
      version = saved.body.supplements[0].version;
    }
    version = (await w.as.sro!.post(`/api/incidents/${id}/supplements/${sid}/submit`, { version })).body.supplements[0].version;
    version = (await w.as.supervisor!.post(`/api/incidents/${id}/supplements/${sid}/return`, { version, comment: 'Which parents?' })).body.supplements[0].version;
    version = (await w.as.sro!.patch(`/api/incidents/${id}/supplements/${sid}`, { version, narrative: 'Called both mothers at 12:30.', editSession: session })).body.supplements[0].version;
    const supplementEvents = (await history(id)).filter((e) => e.startsWith('1:'));
    expect(supplementEvents).toEqual(['1:created:1', '1:saved:4', '1:submitted:5', '1:returned:6', '1:saved:7']);
    expect(version).toBe(7);
  });
});
