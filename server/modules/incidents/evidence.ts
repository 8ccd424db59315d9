import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/connection.js';
import { filesOf } from '../../files/registry.js';
import type { PreparedFile } from '../../files/store.js';
import { ATTACHMENT_LIMITS, type AttachmentKind } from '../../../common/incidents.js';
import { AppError } from '../../lib/errors.js';

const MAX_BYTES = Math.max(...Object.values(ATTACHMENT_LIMITS));

/** A file type recognised from its first bytes. */
export interface Sniffed {
  kind: AttachmentKind;
  mediaType: string;
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.subarray(start, end).toString('latin1');
}

/**
 * The type of a file from its leading bytes (magic numbers), never from its name or the declared
 * Content-Type: images (JPEG, PNG, GIF, WebP, HEIC), PDF, audio (MP3, WAV, OGG, M4A) and video (MP4, MOV, WebM).
 */
export function sniff(head: Buffer): Sniffed | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { kind: 'image', mediaType: 'image/jpeg' };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { kind: 'image', mediaType: 'image/png' };
  if (/^GIF8[79]a/.test(ascii(head, 0, 6))) return { kind: 'image', mediaType: 'image/gif' };
  if (ascii(head, 0, 5) === '%PDF-') return { kind: 'pdf', mediaType: 'application/pdf' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { kind: 'image', mediaType: 'image/webp' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return { kind: 'audio', mediaType: 'audio/wav' };
  if (ascii(head, 0, 4) === 'OggS') return { kind: 'audio', mediaType: 'audio/ogg' };
  if (ascii(head, 0, 3) === 'ID3' || (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0)) return { kind: 'audio', mediaType: 'audio/mpeg' };
  if (head.length >= 4 && head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return { kind: 'video', mediaType: 'video/webm' };
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (['heic', 'heix', 'mif1'].includes(brand)) return { kind: 'image', mediaType: 'image/heic' };
    if (brand.startsWith('M4A')) return { kind: 'audio', mediaType: 'audio/mp4' };
    if (brand === 'qt  ') return { kind: 'video', mediaType: 'video/quicktime' };
    return { kind: 'video', mediaType: 'video/mp4' };
  }
  return null;
}

/** A file written to the evidence store: where, what, how big, its SHA-256. */
export interface StoredFile extends Sniffed {
  storageKey: string;
  size: number;
  sha256: string;
}

/** The folder of evidence stored before the encrypted file store (read only; `npm run files:move` imports it). */
export function evidenceDir(dataDir: string): string {
  return path.join(dataDir, 'evidence');
}

/** An evidence upload being stored: the prepared file, and what it turned out to be once its bytes were read. */
export interface EvidenceUpload {
  prepared: PreparedFile;
  /** The type, size and hash, after the bytes went through (400 on `file` for an empty or unknown file). */
  describe(): StoredFile;
}

/**
 * Streams an upload towards the shared, encrypted file store (server/files) under a random name, checking the type
 * from the first bytes and the size limit of that type as bytes arrive (400 on `file`). On the embedded engine the
 * bytes are encrypted to a `.part` file now; on PostgreSQL they are written when the owning transaction adopts the
 * prepared file. Either way nothing stays behind unless that transaction commits.
 */
export async function prepareUpload(db: Db, districtId: string, body: Readable): Promise<EvidenceUpload> {
  const storageKey = `evidence/${districtId}/${randomUUID()}`;
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let type: Sniffed | null = null;
  let size = 0;
  const check = async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      size += chunk.length;
      if (!type) {
        head = Buffer.concat([head, chunk]).subarray(0, 64);
        if (head.length >= 16 || size >= 16) {
          type = sniff(head);
          if (!type) throw new AppError('validation_failed', 'file: only images, PDF, audio and video files are accepted', { field: 'file' });
        }
      }
      const limit = type ? ATTACHMENT_LIMITS[type.kind] : MAX_BYTES;
      if (size > limit) {
        throw new AppError('validation_failed', `file: too large; ${type?.kind ?? 'a file'} may be at most ${Math.round(limit / 1024 / 1024)} MB`, { field: 'file' });
      }
      hash.update(chunk);
      yield chunk;
    }
  };
  const prepared = await filesOf(db).prepare(storageKey, check(body));
  return {
    prepared,
    describe() {
      type ??= sniff(head);
      if (!type || size === 0) throw new AppError('validation_failed', 'file: only images, PDF, audio and video files are accepted', { field: 'file' });
      const sniffed: Sniffed = type;
      return { ...sniffed, storageKey, size, sha256: hash.digest('hex') };
    },
  };
}

/** A read stream of a stored file and its size (decrypted); files of older releases are read from DATA_DIR/evidence. */
export async function openStored(db: Db, dataDir: string, storageKey: string) {
  const opened = await filesOf(db).open(storageKey);
  if (opened) return opened;
  const file = path.join(evidenceDir(dataDir), storageKey);
  const { size } = await stat(file);
  return { stream: createReadStream(file), size };
}
