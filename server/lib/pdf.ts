import PDFDocument from 'pdfkit';

/** Document information written into the PDF (shown by readers as properties). */
export interface PdfInfo {
  title: string;
  subject?: string;
  author?: string;
  /** Fixes the creation date, so the same input prints the same bytes (tests, reprints). */
  createdAt?: Date;
}

const MARGIN = 54;
const GREY = '#555555';

/**
 * A printable document built top to bottom with a few block types; pages break by themselves and every page
 * gets a footer ("title · page n of m"). Pure JavaScript (pdfkit with its built-in Helvetica): no system fonts.
 */
export class PdfBuilder {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;

  constructor(private readonly info: PdfInfo) {
    ({ doc: this.doc, bytes: this.done } = openPdfDocument({
      Title: info.title, Subject: info.subject, Author: info.author, CreationDate: info.createdAt ?? new Date(),
    }));
  }

  /** The document title, large. */
  title(text: string, subtitle?: string): this {
    this.doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(text);
    if (subtitle) this.doc.font('Helvetica').fontSize(10).fillColor(GREY).text(subtitle);
    this.doc.moveDown(0.8);
    return this;
  }

  /** A section heading with a rule under it. */
  heading(text: string): this {
    this.doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('black').text(text);
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN, y).lineTo(this.doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#999999').stroke();
    this.doc.moveDown(0.4);
    return this;
  }

  /** Label: value lines; empty values print as a dash. */
  fields(pairs: readonly [string, string | number | null | undefined][]): this {
    for (const [label, value] of pairs) {
      this.doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(`${label}: `, { continued: true })
        .font('Helvetica').text(value === null || value === undefined || value === '' ? '-' : String(value));
    }
    return this;
  }

  /** Running text, wrapped; blank lines in `text` start new paragraphs. */
  paragraph(text: string, options: { muted?: boolean } = {}): this {
    this.doc.font('Helvetica').fontSize(10).fillColor(options.muted ? GREY : 'black');
    for (const part of text.split(/\n{2,}/)) this.doc.text(part, { align: 'left' }).moveDown(0.4);
    return this;
  }

  /** A bulleted list. */
  list(items: readonly string[]): this {
    if (items.length === 0) return this.paragraph('None.', { muted: true });
    this.doc.font('Helvetica').fontSize(10).fillColor('black').list([...items], { bulletRadius: 1.5, textIndent: 10 });
    this.doc.moveDown(0.4);
    return this;
  }

  /** Ends the document (footers on every page) and answers its bytes. */
  async finish(): Promise<Buffer> {
    addPageFooters(this.doc, this.info.title);
    this.doc.end();
    return this.done;
  }
}

/**
 * A pdfkit document on US Letter with the house margin, its pages buffered (so footers can be written at the
 * end), and the promise of its bytes once `doc.end()` is called. For layouts the block builder does not cover.
 */
export function openPdfDocument(info: PDFKit.DocumentInfo): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'LETTER', margin: MARGIN, bufferPages: true, info });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** Writes "title · page n of m" at the foot of every buffered page of `doc`. */
export function addPageFooters(doc: PDFKit.PDFDocument, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.height - MARGIN / 2 - 10;
    // Writing below the bottom margin would open a new page: lift the margin while writing the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(GREY)
      .text(`${title} · page ${i + 1} of ${range.count}`, MARGIN, bottom, { width: doc.page.width - 2 * MARGIN, align: 'center' });
    doc.page.margins.bottom = margin;
  }
}

/** Starts a printable document. */
export function createPdf(info: PdfInfo): PdfBuilder {
  return new PdfBuilder(info);
}
