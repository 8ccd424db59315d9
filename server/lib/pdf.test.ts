import { describe, expect, it } from 'vitest';
import { readPdf } from '../test/pdf-text.js';
import { createPdf, pdfDisposition } from './pdf.js';
import { splitRuns } from './pdf-fonts.js';

const NAMES = ['Nguyễn Thị Minh', 'Łukasz Żółć', 'Дмитрий Иванов', '李明', 'Γιώργος Παπαδόπουλος', 'محمد', 'שרה', 'José Müller-Straße'];

describe('PDF fonts', () => {
  it('prints names in every script and reads them back exactly, in every block type and in the metadata', async () => {
    const pdf = createPdf({ owner: 'Operational record', title: 'Incident report 2026-0001 李明', author: 'Nguyễn Thị Minh', createdAt: new Date('2026-01-02T03:04:05Z') });
    pdf.title('Report on Дмитрий Иванов', 'Γιώργος Παπαδόπουλος').fields(NAMES.map((n, i) => [`Person ${i + 1}`, n]))
      .heading('Persons').list(NAMES.map((n) => `${n} - student, juvenile`)).paragraph(`Narrative naming ${NAMES.join(', ')}.`);
    const { text, title, author } = await readPdf(await pdf.finish());
    for (const name of NAMES) {
      expect(text, name).toContain(`: ${name}`);
      expect(text, name).toContain(`${name} - student, juvenile`);
    }
    expect(text).toContain('Report on Дмитрий Иванов');
    expect(text).toContain('Incident report 2026-0001 李明 · page 1 of 1');
    // A Vietnamese "ị" must not turn every later plain "i" into "ị" (fontkit keeps a glyph's first text).
    expect(text).toContain('juvenile');
    expect(text).not.toContain('juvenịle');
    expect(title).toBe('Incident report 2026-0001 李明');
    expect(author).toBe('Nguyễn Thị Minh');
  });

  it('splits text into runs by the font that has the glyphs, keeping words of one script together', () => {
    expect(splitRuns('Nguyễn 李明', 'regular').map((r) => [r.text, r.face.key])).toEqual([
      ['Nguyễn ', 'noto-sans-regular'], ['李明', 'noto-sans-sc-regular'],
    ]);
    // Combining accents are composed first: the fonts draw the precomposed letter.
    expect(splitRuns('Nguye\u0302\u0303n', 'bold').map((r) => r.text)).toEqual(['Nguyễn']);
    // Punctuation after a right-to-left name goes back to the left-to-right line.
    expect(splitRuns('محمد, Ana', 'regular').map((r) => [r.text, r.face.key])).toEqual([
      ['محمد', 'noto-naskh-arabic-regular'], [', Ana', 'noto-sans-regular'],
    ]);
  });

  it('prints a right-to-left name of several words with its spaces, last word leftmost (as it reads right to left)', async () => {
    const pdf = createPdf({ owner: 'Operational record', title: 'Names', createdAt: new Date('2026-01-02T03:04:05Z') });
    pdf.paragraph('Student: محمد علي حسن').fields([['Guardian', 'שרה כהן']]);
    const { text } = await readPdf(await pdf.finish());
    // Readers extract a line in visual order: the first word of the name is the rightmost.
    expect(text).toContain('Student: حسن علي محمد');
    expect(text).toContain('Guardian: כהן שרה');
    expect(splitRuns('محمد علي, Ana', 'regular').map((r) => r.text)).toEqual(['علي\u00a0محمد', ', Ana']);
  });

  it('prints whose record it is at the head of every page and the dissemination rule at the foot', async () => {
    const pdf = createPdf({
      title: 'Long report', createdAt: new Date('2026-01-02T03:04:05Z'),
      owner: 'Law-enforcement record of Riverbend PD, not an education record', dissemination: 'Release only to authorized criminal justice recipients',
    });
    pdf.paragraph(Array.from({ length: 120 }, (_, i) => `Line ${i} of a narrative long enough for three pages.`).join('\n\n'));
    const { text } = await readPdf(await pdf.finish());
    const pages = Number(/page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text.split('Law-enforcement record of Riverbend PD, not an education record')).toHaveLength(pages + 1);
    expect(text.split('Release only to authorized criminal justice recipients')).toHaveLength(pages + 1);
  });

  it('names every download, the exact name for readers of filename*', () => {
    expect(pdfDisposition('incident-2026-0001.pdf', 'inline')).toBe('inline; filename="incident-2026-0001.pdf"; filename*=UTF-8\'\'incident-2026-0001.pdf');
    expect(pdfDisposition('Łukasz "Ż".pdf')).toBe('attachment; filename="_ukasz _Z_.pdf"; filename*=UTF-8\'\'%C5%81ukasz%20%22%C5%BB%22.pdf');
  });
});
