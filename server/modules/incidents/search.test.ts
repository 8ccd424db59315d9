import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../test/pdf-text.js';
import { approvedIncident, auditOf, createIncident, createWorld, rawGet, type World } from './incidents.test-support.js';

let w: World;
const ids: Record<string, string> = {};
let approvedId = '';
// Names district families write, in five scripts: the printed record must carry them as written.
const WITNESSES = ['Nguyễn Thị Minh', 'Łukasz Żółć', 'Дмитрий Иванов', '李明', 'Γιώργος Παπαδόπουλος'];
beforeAll(async () => {
  w = await createWorld();
  const make = async (key: string, overrides: Record<string, unknown>) => { ids[key] = (await createIncident(w, 'sro', overrides)).id; };
  await make('vape', { occurredAt: '2026-09-01T09:00:00Z', summary: 'Vape in restroom', narrative: 'Found an electronic cigarette during a search.', offenses: [{ kind: 'school', category: 'vaping' }], persons: [], actions: [] });
  await make('theft', { occurredAt: '2026-09-15T12:00:00Z', summary: 'Stolen phone', narrative: 'A phone was taken from a locker in the gym.', offenses: [{ kind: 'nibrs', code: '23D' }], persons: [{ kind: 'staff', role: 'victim', firstName: 'Tina', lastName: 'Teacher' }], actions: [] });
  await make('trespass', { occurredAt: '2026-10-01T07:30:00Z', summary: 'Adult on campus', narrative: 'An unknown adult refused to leave the parking lot.', offenses: [{ kind: 'nibrs', code: '90J' }], persons: [{ kind: 'visitor', role: 'suspect', firstName: 'Rex', lastName: 'Rambler' }], actions: [] });
  for (let i = 0; i < 4; i++) await make(`filler${i}`, { occurredAt: `2026-10-1${i}T10:00:00Z`, summary: `Filler ${i}` });
  const approved = await approvedIncident(w, { occurredAt: '2026-10-20T10:00:00Z', summary: 'Approved fight', narrative: `Quintessential narrative of the approved fight. Witnesses: ${WITNESSES.join(', ')}.` });
  approvedId = approved.id;
  await w.as.sro!.post(`/api/incidents/${approvedId}/supplements`, { narrative: 'Supplementary zeppelin statement.' });
}, 90_000);
afterAll(async () => w?.t.close());

const list = async (query: string, who = 'sro') => {
  const res = await w.as[who]!.get(`/api/incidents?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as { items: { id: string; number: string; offenses: string[] }[]; nextCursor: string | null };
};

describe('search and filters', () => {
  it('full-text search finds narrative words (stemmed), person names, and supplement narratives', async () => {
    expect((await list('q=cigarettes')).items.map((i) => i.id)).toEqual([ids.vape]);
    expect((await list('q=rambler')).items.map((i) => i.id)).toEqual([ids.trespass]);
    expect((await list('q=zeppelin')).items.map((i) => i.id)).toEqual([approvedId]);
    expect((await list('q=phone locker')).items.map((i) => i.id)).toEqual([ids.theft]);
    expect((await list('q=phone -locker')).items).toEqual([]);
  });

  it('pages through search results whether matches are dense (index walk) or sparse (GIN, sorted in memory)', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`q=filler&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.filler3, ids.filler2, ids.filler1, ids.filler0]);
  });

  it('filters by offense, status, date range, person and school', async () => {
    expect((await list('offense=vaping')).items.map((i) => i.id)).toEqual([ids.vape]);
    expect((await list('offense=23d')).items.map((i) => i.id)).toEqual([ids.theft]);
    expect((await w.as.sro!.get('/api/incidents?offense=nonsense')).body.error.field).toBe('offense');
    expect((await list('status=approved')).items.map((i) => i.id)).toEqual([approvedId]);
    expect((await list('awaitingReview=true')).items).toEqual([]);
    const range = await list('from=2026-09-01T00:00:00Z&to=2026-10-01T00:00:00Z&sort=occurred_asc');
    expect(range.items.map((i) => i.id)).toEqual([ids.vape, ids.theft]);
    expect((await list('person=tea')).items.map((i) => i.id)).toEqual([ids.theft]);
    expect((await list(`studentId=${w.adult}&status=approved`)).items.map((i) => i.id)).toEqual([approvedId]);
    expect((await list(`schoolId=${w.north}`)).items).toHaveLength(8);
  });

  it('pages with a cursor through the whole list without gaps or repeats, in every sort', async () => {
    for (const sort of ['occurred_desc', 'occurred_asc', 'number_desc', 'number_asc']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.number));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(8);
      const sorted = [...seen].sort();
      if (sort === 'number_asc') expect(seen).toEqual(sorted);
      if (sort === 'number_desc') expect(seen).toEqual(sorted.reverse());
    }
    expect((await w.as.sro!.get('/api/incidents?cursor=bogus')).body.error.field).toBe('cursor');
  });
});

describe('CSV export', () => {
  it('exports the filtered list with a header, neutralising formulas, audited', async () => {
    await createIncident(w, 'sro', { summary: '=HYPERLINK("x")', persons: [], actions: [] });
    const res = await w.as.supervisor!.get('/api/incidents/export.csv?sort=number_asc');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('number,occurred_at,school,status,on_campus,nibrs_location,offenses,summary,author,narrative');
    expect(lines).toHaveLength(10);
    expect(res.text).toContain('\'=HYPERLINK');
    expect(res.text).toContain('Found an electronic cigarette');
    const filtered = await w.as.supervisor!.get('/api/incidents/export.csv?offense=vaping');
    expect(filtered.text.trim().split('\r\n')).toHaveLength(2);
    const exports = await auditOf(w, 'incident.exported');
    expect(exports.map((e) => (e.detail as { rows: number }).rows)).toEqual([9, 1]);
    expect(exports[1]!.actorUserId).toBe(w.users.supervisor);
    expect((exports[1]!.detail as { filters: Record<string, unknown> }).filters).toMatchObject({ offense: 'vaping' });
  });
});

describe('printable report', () => {
  it('prints the approved report as a PDF with header, offenses, persons, narrative and approvals', async () => {
    const res = await rawGet(w, 'sro', `/api/incidents/${approvedId}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.bytes;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="incident-2026-\d+\.pdf"; filename\*=UTF-8''incident-2026-\d+\.pdf$/);
    const { text, title, author } = await readPdf(pdf);
    expect(title).toMatch(/^Incident report 2026-\d+$/);
    expect(author).toBeTruthy();
    // The narrative wraps where it will: compare name by name.
    for (const name of WITNESSES) expect(text.replace(/\s+/g, ' '), name).toContain(name);
    for (const expected of ['Incident report 2026-', 'North High', '13B Simple Assault', 'Oldman, Ada', 'Quintessential narrative', 'approved', 'supervisor user']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('zeppelin');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThanOrEqual(1);
  });

  it('a draft does not print (409) and a principal cannot print (403)', async () => {
    expect((await w.as.sro!.get(`/api/incidents/${ids.vape}/report.pdf`)).status).toBe(409);
    expect((await w.as.principal!.get(`/api/incidents/${approvedId}/report.pdf`)).status).toBe(403);
  });
});
