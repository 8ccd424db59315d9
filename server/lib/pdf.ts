import PDFDocument from 'pdfkit';
import { primaryFace, splitRuns, type FontWeight, type PdfFace } from './pdf-fonts.js';

/** Document information written into the PDF (shown by readers as properties). */
export interface PdfInfo {
  title: string;
  subject?: string;
  /** The person or office the record is by; 'SRO Desk' when the document is the system's own summary. */
  author?: string;
  /** Fixes the creation date, so the same input prints the same bytes (tests, reprints). */
  createdAt?: Date;
  /**
   * Whose record this is (common/record-owners.ts: "Law-enforcement record of ...", "Education record (FERPA)", ...),
   * printed at the head of every page: a printed copy says which law governs it.
   */
  owner: string;
  /** For criminal justice information: the agency's dissemination rule, printed at the foot of every page. */
  dissemination?: string | null;
}

/** How a block of text looks; the default is 10 pt regular black. */
export interface TextStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

const MARGIN = 54;

const GREY = '#555555';

/**
 * A printable document built top to bottom with a few block types; pages break by themselves and every page
 * gets a footer ("title · page n of m"). Every PDF the server makes goes through here, so all of them print
 * every script's names (Unicode fonts with fallbacks, see pdf-fonts.ts) and carry the same metadata.
 */
export class PdfBuilder {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  private readonly used = new Set<string>();

  constructor(private readonly info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'LETTER', bufferPages: true, displayTitle: true, lang: 'en-US',
      // Room at the foot for the dissemination rule (two small lines) above the page footer.
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: info.dissemination ? MARGIN + 22 : MARGIN },
      info: {
        Title: info.title, Author: info.author ?? 'SRO Desk', Creator: 'SRO Desk', CreationDate: info.createdAt ?? new Date(),
        // PDFKit reads every key it is given: an absent subject must be left out, not undefined.
        ...(info.subject ? { Subject: info.subject } : {}),
      },
    });
    const chunks: Buffer[] = [];
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  private face(face: PdfFace): void {
    // Registered by name so a document embeds each font once however often the text switches to it.
    if (!this.used.has(face.key)) {
      this.doc.registerFont(face.key, face.font as unknown as PDFKit.Mixins.PDFFontSource, face.key);
      this.used.add(face.key);
    }
    this.doc.font(face.key);
  }

  /** Writes `text` at the cursor as runs, each in the face that has its glyphs; `options` apply to the whole. */
  private write(text: string, style: TextStyle, options: PDFKit.Mixins.TextOptions = {}): void {
    const weight: FontWeight = style.bold ? 'bold' : 'regular';
    const runs = splitRuns(text, weight);
    if (runs.length === 0) runs.push({ text, face: primaryFace(weight) });
    this.doc.fontSize(style.size ?? 10).fillColor(style.color ?? 'black');
    runs.forEach((run, i) => {
      this.face(run.face);
      this.doc.text(run.text, { ...options, continued: i < runs.length - 1 || options.continued === true });
    });
  }

  /** The document title, large. */
  title(text: string, subtitle?: string): this {
    this.write(text, { bold: true, size: 18 });
    if (subtitle) this.write(subtitle, { color: GREY });
    this.doc.moveDown(0.8);
    return this;
  }

  /** A section heading with a rule under it. */
  heading(text: string): this {
    this.doc.moveDown(0.6);
    this.write(text, { bold: true, size: 12 });
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN, y).lineTo(this.doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#999999').stroke();
    this.doc.moveDown(0.4);
    return this;
  }

  /** Label: value lines; empty values print as a dash. */
  fields(pairs: readonly [string, string | number | null | undefined][]): this {
    for (const [label, value] of pairs) {
      this.write(`${label}: `, { bold: true }, { continued: true });
      this.write(value === null || value === undefined || value === '' ? '-' : String(value), {});
    }
    return this;
  }

  /** One block of text as it is (no paragraph spacing), e.g. a line of a timeline. */
  line(text: string, style: TextStyle = {}): this {
    this.write(text, style);
    return this;
  }

  /** Vertical space of `lines` lines of the current size. */
  space(lines = 1): this {
    this.doc.moveDown(lines);
    return this;
  }

  /** Running text, wrapped; blank lines in `text` start new paragraphs. */
  paragraph(text: string, options: { muted?: boolean } = {}): this {
    for (const part of text.split(/\n{2,}/)) {
      this.write(part, { color: options.muted ? GREY : 'black' }, { align: 'left' });
      this.doc.moveDown(0.4);
    }
    return this;
  }

  /** A bulleted list; wrapped lines of an item hang under its first. */
  list(items: readonly string[]): this {
    if (items.length === 0) return this.paragraph('None.', { muted: true });
    const indent = 12;
    const width = this.doc.page.width - 2 * MARGIN - indent;
    for (const item of items) {
      this.doc.fontSize(10);
      this.face(primaryFace('regular'));
      // Start a page here rather than let the text do it, or the bullet would stay at the foot of the last one.
      if (this.doc.y + this.doc.currentLineHeight(true) > this.doc.page.maxY()) this.doc.addPage();
      const y = this.doc.y;
      this.doc.circle(MARGIN + 3, y + this.doc.currentLineHeight() / 2, 1.5).fill('black');
      this.doc.x = MARGIN + indent;
      this.write(item, {}, { width });
      this.doc.x = MARGIN;
    }
    this.doc.moveDown(0.4);
    return this;
  }

  /** Ends the document (footers on every page) and answers its bytes. */
  async finish(): Promise<Buffer> {
    this.footers();
    this.doc.end();
    return this.done;
  }

  /** Writes a small grey line (wrapped to the text width) at `y`, outside the page's text area. */
  private stamp(text: string, y: number): void {
    this.doc.fontSize(7).fillColor(GREY);
    this.doc.x = MARGIN;
    this.doc.y = y;
    this.write(text, { size: 7, color: GREY }, { width: this.doc.page.width - 2 * MARGIN });
  }

  /** Writes the owner at the head, the dissemination rule and "title · page n of m" at the foot of every buffered page. */
  private footers(): void {
    const range = this.doc.bufferedPageRange();
    const available = this.doc.page.width - 2 * MARGIN;
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      const bottom = this.doc.page.height - MARGIN / 2 - 10;
      // Writing below the bottom margin would open a new page: lift the margins while writing head and foot.
      const margin = this.doc.page.margins.bottom;
      const top = this.doc.page.margins.top;
      this.doc.page.margins.bottom = 0;
      this.doc.page.margins.top = 0;
      this.stamp(this.info.owner, MARGIN / 2 - 4);
      if (this.info.dissemination) this.stamp(this.info.dissemination, bottom - 22);
      this.doc.page.margins.top = top;
      this.doc.fontSize(8).fillColor(GREY);
      // Centred by hand: PDFKit centres each run of a line on its own when the fonts change.
      const runs = splitRuns(`${this.info.title} · page ${i + 1} of ${range.count}`, 'regular');
      const widths = runs.map((run) => {
        this.face(run.face);
        return this.doc.widthOfString(run.text);
      });
      let x = MARGIN + Math.max(0, (available - widths.reduce((a, b) => a + b, 0)) / 2);
      runs.forEach((run, j) => {
        this.face(run.face);
        this.doc.text(run.text, x, bottom, { lineBreak: false });
        x += widths[j] ?? 0;
      });
      this.doc.page.margins.bottom = margin;
    }
  }
}

/** Starts a printable document. */
export function createPdf(info: PdfInfo): PdfBuilder {
  return new PdfBuilder(info);
}

/**
 * The Content-Disposition of a generated document: a plain ASCII file name for every browser, and the exact
 * one (RFC 6266 / 5987) for those that read it, so a name in any script survives the download.
 */
export function pdfDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]|["\\/;]/g, '_').trim() || 'document.pdf';
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
