import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { BackupError, decryptFile, FrameType, readFrames, type ArchiveKey } from './backup.archive.js';
import { migrationTags, type BackupInfo, type BackupManifest } from './backup.create.js';

/** Where the bytes of one part go while an archive is read; null parts are only checked. */
export interface Sink {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

/** The opening record of a part. */
export interface PartBegin {
  name: string;
  kind: 'pglite-datadir' | 'pg_dump' | 'table' | 'sequences' | 'file';
  table?: string;
  columns?: string[];
  path?: string;
}

/** Writes to a Node stream, waiting when it asks to (flat memory whatever the part's size). */
export async function writeTo(stream: Writable, chunk: Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Refuses an archive whose schema is newer than this code (its data would not fit our tables). */
export function checkInfo(info: BackupInfo): void {
  if (info.format !== 1) throw new BackupError('damaged', 'The backup archive is of an unknown format.');
  const tags = migrationTags();
  if (info.migration.applied > tags.length) {
    throw new BackupError(
      'newer_schema',
      `This backup was taken by a newer SRO Desk (version ${info.appVersion}, schema level ${info.migration.applied} ` +
        `${info.migration.latest ?? ''}); this installation knows schema level ${tags.length}. Upgrade SRO Desk first, then restore.`,
    );
  }
}

/**
 * Reads an archive from end to end: every segment authenticated, every part's SHA-256 and size compared with the
 * manifest (when `expected` is given, as each part ends, so a sink can be aborted before it commits), the
 * manifest compared with the parts read. Answers the manifest; throws BackupError on any fault.
 */
export async function walkArchive(
  file: string,
  key: ArchiveKey,
  handlers: { info(info: BackupInfo): Promise<void> | void; part(begin: PartBegin): Promise<Sink | null> | Sink | null; expected?: BackupManifest },
): Promise<BackupManifest> {
  let info: BackupInfo | undefined;
  let manifest: BackupManifest | undefined;
  let current: { begin: PartBegin; sink: Sink | null; hash: ReturnType<typeof createHash>; bytes: number } | undefined;
  const seen: BackupManifest['parts'] = [];
  const expected = new Map((handlers.expected?.parts ?? []).map((p) => [p.name, p]));
  try {
    for await (const { type, payload } of readFrames(decryptFile(file, key))) {
      if (!info && type !== FrameType.info) throw damaged('it does not start with its description');
      if (manifest) throw damaged('there are records after its manifest');
      if (type === FrameType.info) {
        if (info) throw damaged('it has two descriptions');
        info = JSON.parse(payload.toString('utf8')) as BackupInfo;
        checkInfo(info);
        await handlers.info(info);
      } else if (type === FrameType.begin) {
        if (current) throw damaged('a part is not closed');
        const begin = JSON.parse(payload.toString('utf8')) as PartBegin;
        current = { begin, sink: null, hash: createHash('sha256'), bytes: 0 };
        current.sink = await handlers.part(begin);
      } else if (type === FrameType.data) {
        if (!current) throw damaged('data outside a part');
        current.hash.update(payload);
        current.bytes += payload.length;
        if (current.sink) await current.sink.write(payload);
      } else if (type === FrameType.end) {
        if (!current) throw damaged('a part ends twice');
        const part = { name: current.begin.name, bytes: current.bytes, sha256: current.hash.digest('hex') };
        const want = expected.get(part.name);
        if (handlers.expected && (!want || want.sha256 !== part.sha256 || want.bytes !== part.bytes)) {
          throw damaged(`part ${part.name} does not match its checksum`);
        }
        seen.push(part);
        const sink = current.sink;
        current = undefined;
        if (sink) await sink.end();
      } else if (type === FrameType.manifest) {
        if (current) throw damaged('a part is not closed');
        manifest = JSON.parse(payload.toString('utf8')) as BackupManifest;
      } else {
        throw damaged(`unknown record type ${type}`);
      }
    }
  } catch (error) {
    if (current?.sink) await current.sink.abort().catch(() => undefined);
    if (error instanceof SyntaxError) throw damaged('a record is unreadable');
    throw error;
  }
  if (!manifest) throw damaged('its manifest is missing');
  if (manifest.parts.length !== seen.length) throw damaged('its manifest lists other parts than it holds');
  manifest.parts.forEach((p, i) => {
    const got = seen[i];
    if (!got || got.name !== p.name || got.sha256 !== p.sha256 || got.bytes !== p.bytes) {
      throw damaged(`part ${p.name} does not match its checksum`);
    }
  });
  return manifest;
}

function damaged(detail: string): BackupError {
  return new BackupError('damaged', `The backup archive is damaged: ${detail}. Nothing was restored.`);
}

/** Table counts that differ between the manifest and a restored database (empty when all match). */
export function compareCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names].sort().filter((n) => expected[n] !== undefined && expected[n] !== actual[n])
    .map((n) => `${n}: backup ${expected[n]}, restored ${actual[n] ?? 'missing'}`);
}
