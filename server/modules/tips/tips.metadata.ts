import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import type { AttachmentRemoval } from '../../../common/tip-constants.js';
import { AppError } from '../../lib/errors.js';

// What an anonymous tip's attachment loses before it is stored: everything that is not the picture or the pages.
// Each cleaner answers the file and the kinds of data it removed (the reporter is told them in their language).

function bad(message: string): AppError {
  return new AppError('validation_failed', `attachment: ${message}`, { field: 'attachment' });
}

/** A cleaned file and, in plain words, what was removed from it. */
export interface Cleaned { content: Buffer; removed: AttachmentRemoval[] }

const JPEG_APP_NAMES: Record<number, AttachmentRemoval> = { 0xed: 'iptc' };

function app1Kind(segment: Buffer): AttachmentRemoval {
  return segment.subarray(4, 10).toString('latin1') === 'Exif\0\0' ? 'exif' : segment.subarray(4, 33).toString('latin1').startsWith('http://ns.adobe.com/xap') ? 'xmp' : 'private';
}

/**
 * A JPEG with only what draws the picture: APPn segments other than JFIF (APP0), ICC profiles (APP2) and Adobe
 * colour (APP14) are dropped (EXIF with GPS and serial numbers, XMP, IPTC, maker notes, embedded thumbnails),
 * comments too, and anything appended after the end of the image.
 */
export function stripJpeg(input: Buffer): Cleaned {
  const parts: Buffer[] = [input.subarray(0, 2)];
  const removed = new Set<AttachmentRemoval>();
  let i = 2;
  while (i + 4 <= input.length) {
    if (input[i] !== 0xff) throw bad('not a readable JPEG image');
    const marker = input[i + 1]!;
    if (marker === 0xff) { i++; continue; }
    if (marker === 0xd9) break;
    const length = input.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > input.length) throw bad('not a readable JPEG image');
    const segment = input.subarray(i, i + 2 + length);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !isApp ? marker !== 0xfe
      : marker === 0xe0 || marker === 0xee || (marker === 0xe2 && segment.subarray(4, 15).toString('latin1') === 'ICC_PROFILE');
    if (keep) parts.push(segment);
    else removed.add(marker === 0xfe ? 'comments' : marker === 0xe1 ? app1Kind(segment) : JPEG_APP_NAMES[marker] ?? 'private');
    i += 2 + length;
    // Start of scan: the entropy-coded data up to the end-of-image marker is the picture (0xFF in it is escaped).
    if (marker === 0xda) {
      const eoi = input.indexOf(Buffer.from([0xff, 0xd9]), i);
      const end = eoi < 0 ? input.length : eoi + 2;
      parts.push(input.subarray(i, end));
      if (end < input.length) removed.add('trailing');
      return { content: Buffer.concat(parts), removed: [...removed] };
    }
  }
  throw bad('not a readable JPEG image');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks that draw the image (critical, colour, transparency, animation); every other chunk is dropped. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'cICP', 'mDCV', 'cLLI', 'acTL', 'fcTL', 'fdAT']);
const PNG_NAMES: Record<string, AttachmentRemoval> = { tEXt: 'text', zTXt: 'text', iTXt: 'text', eXIf: 'exif', tIME: 'time' };

/** A PNG with only the chunks that draw it (an allow-list: text, XMP, EXIF with GPS, times and private chunks go). */
export function stripPng(input: Buffer): Cleaned {
  const parts: Buffer[] = [PNG_SIGNATURE];
  const removed = new Set<AttachmentRemoval>();
  let i = 8;
  while (i + 12 <= input.length) {
    const length = input.readUInt32BE(i);
    const type = input.subarray(i + 4, i + 8).toString('latin1');
    const end = i + 12 + length;
    if (end > input.length) throw bad('not a readable PNG image');
    if (PNG_KEPT.has(type)) parts.push(input.subarray(i, end));
    else removed.add(PNG_NAMES[type] ?? 'private');
    i = end;
    if (type === 'IEND') {
      if (i < input.length) removed.add('trailing');
      return { content: Buffer.concat(parts), removed: [...removed] };
    }
  }
  throw bad('not a readable PNG image');
}

function referencesOf(object: PDFObject | undefined, out: PDFRef[]): void {
  if (object instanceof PDFRef) out.push(object);
  else if (object instanceof PDFDict) for (const [, v] of object.entries()) referencesOf(v, out);
  else if (object instanceof PDFArray) for (const v of object.asArray()) referencesOf(v, out);
  else if (object instanceof PDFStream) referencesOf(object.dict, out);
}

/**
 * A PDF rewritten without its document information (author, creator, producer, title, subject, keywords, dates),
 * XMP metadata streams (of the document and of every page or image), application private data (PieceInfo), the
 * document id, and every object no page needs (earlier revisions kept by incremental saves). Encrypted PDFs are refused.
 */
export async function stripPdf(input: Buffer): Promise<Cleaned> {
  try {
    return await rewritePdf(input);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw bad('not a readable PDF file');
  }
}

async function rewritePdf(input: Buffer): Promise<Cleaned> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(input, { updateMetadata: false });
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw bad(encrypted ? 'encrypted PDF files are not accepted; save it without a password' : 'not a readable PDF file');
  }
  const context = doc.context;
  if (!(context.trailerInfo.Root instanceof PDFRef)) throw bad('not a readable PDF file');
  const removed = new Set<AttachmentRemoval>();
  if (context.trailerInfo.Info) removed.add('pdf_info');
  if (context.trailerInfo.ID) removed.add('pdf_id');
  context.trailerInfo.Info = undefined;
  context.trailerInfo.ID = undefined;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    if (dict.has(PDFName.of('Metadata'))) {
      dict.delete(PDFName.of('Metadata'));
      removed.add('xmp');
    }
    if (dict.has(PDFName.of('PieceInfo'))) {
      dict.delete(PDFName.of('PieceInfo'));
      removed.add('private');
    }
  }
  // Keep only what the document still reaches from its catalog: old revisions and orphaned metadata go.
  const reachable = new Set<string>();
  const queue: PDFRef[] = [context.trailerInfo.Root as PDFRef];
  while (queue.length) {
    const ref = queue.pop()!;
    if (reachable.has(ref.tag)) continue;
    reachable.add(ref.tag);
    referencesOf(context.lookup(ref), queue);
  }
  let orphans = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref.tag)) {
      context.delete(ref);
      orphans += 1;
    }
  }
  if (orphans) removed.add('pdf_revisions');
  const content = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
  return { content, removed: [...removed] };
}
