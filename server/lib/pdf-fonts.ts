import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkit';

// The fonts every PDF is written in. PDFKit's built-in Helvetica only has WinAnsi (Western European) glyphs, and
// a legal record must print a Vietnamese, Polish, Russian, Chinese, Greek, Hebrew or Arabic name as written.
// So text is split into runs, each drawn in the first font that has its glyphs: Noto Sans (Latin incl.
// Vietnamese, Greek, Cyrillic), Noto Sans Hebrew, Noto Naskh Arabic, then Noto Sans SC (Simplified Chinese, also
// many Japanese kanji). The fonts come from npm packages, each is parsed once per process when a document first
// needs it, and PDFKit embeds only the glyphs a document uses (with a ToUnicode map, so text stays extractable).

/** Regular or bold text. */
export type FontWeight = 'regular' | 'bold';

/** One loaded font; `key` names it inside a document. */
export interface PdfFace {
  key: string;
  font: Font;
  /** Hebrew or Arabic: fontkit shapes and orders such a run right to left. */
  rtl?: boolean;
}

/** A piece of text that one face draws. */
export interface TextRun {
  text: string;
  face: PdfFace;
}

const require = createRequire(import.meta.url);

/** The folder of an installed package, found from a file the package exports. */
function packageDir(exported: string, up: number): string {
  let dir = path.dirname(require.resolve(exported));
  for (let i = 0; i < up; i++) dir = path.dirname(dir);
  return dir;
}

function loadFont(file: string, rtl: boolean): Font {
  const parsed = create(readFileSync(file));
  if (!('hasGlyphForCodePoint' in parsed)) throw new Error(`${file} is a font collection, not a font`);
  if (!rtl) {
    // Noto Sans' glyph composition (ccmp) splits a Vietnamese "ị" into "i" plus a dot below, and fontkit then
    // keeps "ị" as the text of the plain "i" glyph for the whole process: every later "i" would extract as "ị".
    // Text is NFC and the font has the precomposed letters, so left-to-right faces are shaped without ccmp
    // (on every path: drawing, measuring and line wrapping all call layout).
    const layout = parsed.layout.bind(parsed) as (text: string, features?: unknown, ...rest: unknown[]) => unknown;
    parsed.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
      const wanted = Array.isArray(features) ? Object.fromEntries(features.map((f) => [String(f), true])) : (features ?? {});
      return layout(text, { ...wanted, ccmp: false }, ...rest);
    };
  }
  return parsed;
}

// Whole-font families, in fallback order, with a bold face each. Their entry points are dist/index.cjs.
const FAMILIES = [
  { name: 'noto-sans', pkg: '@embedpdf/fonts-latin', regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf', rtl: false },
  { name: 'noto-sans-hebrew', pkg: '@embedpdf/fonts-hebrew', regular: 'NotoSansHebrew-Regular.ttf', bold: 'NotoSansHebrew-Bold.ttf', rtl: true },
  { name: 'noto-naskh-arabic', pkg: '@embedpdf/fonts-arabic', regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf', rtl: true },
  // 8 MB each (GB 2312 and more); parsed only when a document has Chinese text.
  { name: 'noto-sans-sc', pkg: '@embedpdf/fonts-sc', regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf', rtl: false },
] as const;

const faces = new Map<string, PdfFace>();

function familyFace(family: (typeof FAMILIES)[number], weight: FontWeight): PdfFace {
  const key = `${family.name}-${weight}`;
  let face = faces.get(key);
  if (!face) {
    face = { key, font: loadFont(path.join(packageDir(family.pkg, 1), 'fonts', family[weight]), family.rtl), rtl: family.rtl };
    faces.set(key, face);
  }
  return face;
}

/** The face body text starts in (and that draws what no font has, as an empty box). */
export function primaryFace(weight: FontWeight): PdfFace {
  return familyFace(FAMILIES[0], weight);
}

/** The first face, in fallback order, with a glyph for `codePoint`. */
export function faceFor(codePoint: number, weight: FontWeight): PdfFace | null {
  for (const family of FAMILIES) {
    const face = familyFace(family, weight);
    if (face.font.hasGlyphForCodePoint(codePoint)) return face;
  }
  return null;
}

/**
 * Splits `text` into runs by the face that draws each character. Letters take the first face that has them;
 * spaces, digits, punctuation and marks stay in the running face when it has them, so a line of Arabic or
 * Chinese is not cut at every space (an RTL run is shaped and ordered as one piece). Text is put in NFC first:
 * a name typed with combining accents prints with the precomposed letters the fonts have.
 */
export function splitRuns(text: string, weight: FontWeight): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0)!;
    const sticky: boolean = current !== null && !/\p{L}/u.test(char) && current.face.font.hasGlyphForCodePoint(codePoint);
    const face: PdfFace = sticky && current ? current.face : (faceFor(codePoint, weight) ?? current?.face ?? primaryFace(weight));
    if (current && current.face === face) current.text += char;
    else {
      current = { text: char, face };
      runs.push(current);
    }
  }
  // Spaces, digits and punctuation after a right-to-left name belong to the left-to-right line around it: left in
  // the RTL run they would be reversed with it (a comma would print before the name).
  const out: TextRun[] = [];
  for (const run of runs) {
    const tail = run.face.rtl ? /[^\p{L}\p{M}]+$/u.exec(run.text) : null;
    const pieces = tail ? [{ text: run.text.slice(0, tail.index), face: run.face }, { text: tail[0], face: primaryFace(weight) }] : [run];
    for (const piece of pieces) {
      const last = out.at(-1);
      if (piece.text === '') continue;
      if (last && last.face === piece.face) last.text += piece.text;
      else out.push({ ...piece });
    }
  }
  // PDFKit wraps lines at spaces and lays out each word on its own, and fontkit orders the letters of a word but not
  // the words of a run: a run of several RTL words is put in visual order here (last word first) and joined with
  // no-break spaces, so the words stay together, keep their spaces and read right to left.
  for (const run of out) {
    if (!run.face.rtl || !run.text.includes(' ')) continue;
    const space = run.face.font.hasGlyphForCodePoint(0xa0) ? '\u00a0' : ' ';
    run.text = run.text.split(' ').reverse().join(space);
  }
  return out;
}
