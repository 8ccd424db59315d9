import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Inflate } from 'fflate';
import { ROSTER_FILES, type RosterFile } from '../../../common/roster-import.js';
import { StructuralError } from './csv-stream.js';

/** The CSV files of a OneRoster package, each read as a stream of bytes. */
export interface RosterPackage {
  /** What the job shows as its file name. */
  name: string;
  has(file: RosterFile): boolean;
  /** Uncompressed bytes of a file (0 when absent). */
  size(file: RosterFile): number;
  open(file: RosterFile): AsyncIterable<Uint8Array>;
}

const CHUNK = 256 * 1024;
const KNOWN = new Map<string, RosterFile>(ROSTER_FILES.map((f) => [f.toLowerCase(), f]));

/** The roster file a path names (by its base name, any case), or undefined for other files. */
export function rosterFileOf(name: string): RosterFile | undefined {
  if (name.startsWith('__MACOSX/')) return undefined;
  return KNOWN.get(path.posix.basename(name.replaceAll('\\', '/')).toLowerCase());
}

interface ZipEntry { method: number; compressedSize: number; size: number; dataStart: number }

function zipError(message: string): StructuralError {
  return new StructuralError(`The zip file cannot be read: ${message}`, null, null);
}

/** Reads the central directory of a zip held in memory (no zip64, no encryption). */
function zipEntries(zip: Uint8Array): Map<RosterFile, ZipEntry> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw zipError('it is not a zip archive');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw zipError('zip64 archives are not supported');
  const entries = new Map<RosterFile, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) throw zipError('the central directory is damaged');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    const file = rosterFileOf(name);
    if (!file) continue;
    if (flags & 1) throw zipError(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw zipError(`${name} uses an unsupported compression method`);
    if (local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) throw zipError(`the entry ${name} is damaged`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > zip.length) throw zipError(`the entry ${name} is truncated`);
    entries.set(file, { method, compressedSize, size, dataStart });
  }
  return entries;
}

/** Inflates one entry a slice at a time, so only a chunk of the uncompressed file is in memory at once. */
async function* inflateEntry(zip: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
    return;
  }
  let out: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => { out.push(chunk); });
  for (let i = 0; i < data.length; i += CHUNK) {
    const end = Math.min(i + CHUNK, data.length);
    try {
      inflate.push(data.subarray(i, end), end === data.length);
    } catch (error) {
      throw zipError(`a file is corrupt (${(error as Error).message})`);
    }
    const ready = out;
    out = [];
    for (const chunk of ready) yield chunk;
  }
}

/** A package uploaded or read as one zip file. */
export function zipPackage(name: string, zip: Uint8Array): RosterPackage {
  const entries = zipEntries(zip);
  return {
    name,
    has: (file) => entries.has(file),
    size: (file) => entries.get(file)?.size ?? 0,
    open: (file) => inflateEntry(zip, entries.get(file)!),
  };
}

/** A package of CSV files on disk: a folder, or files given one by one (matched by base name). */
export async function filesPackage(name: string, paths: string[]): Promise<RosterPackage> {
  const files = new Map<RosterFile, { path: string; size: number }>();
  for (const p of paths) {
    const file = rosterFileOf(p);
    if (file) files.set(file, { path: p, size: (await stat(p)).size });
  }
  return {
    name,
    has: (file) => files.has(file),
    size: (file) => files.get(file)?.size ?? 0,
    open: (file) => createReadStream(files.get(file)!.path, { highWaterMark: CHUNK }),
  };
}

/** The CSV files of a folder as a package. */
export async function folderPackage(dir: string): Promise<RosterPackage> {
  const names = await readdir(dir);
  return filesPackage(path.basename(dir), names.map((n) => path.join(dir, n)));
}
