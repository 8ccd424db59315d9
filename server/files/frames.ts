import { createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes sealed chunks to `file` as length-prefixed frames (4-byte big-endian length, then the chunk), waiting
 * on the disk between chunks so memory stays flat; private to the owner (0600).
 */
export async function writeFramed(file: string, chunks: AsyncIterable<Buffer>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, { mode: 0o600 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    for await (const sealed of chunks) {
      if (!out.write(frame(sealed))) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
    }
    await Promise.race([new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/** The sealed chunks of a framed file, one at a time (a short last frame ends the read: the caller counts). */
export async function* readFramed(file: string): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(4);
    for (;;) {
      const { bytesRead } = await handle.read(header, 0, 4, null);
      if (bytesRead < 4) return;
      const body = Buffer.alloc(header.readUInt32BE(0));
      const got = await handle.read(body, 0, body.length, null);
      if (got.bytesRead < body.length) return;
      yield body;
    }
  } finally {
    await handle.close();
  }
}

/** A sealed chunk as a frame: its 4-byte big-endian length, then the chunk (the layout of every file backend). */
export function frame(sealed: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(sealed.length);
  return Buffer.concat([header, sealed]);
}

/** The sealed chunks of a framed byte stream (an object store's body), one at a time; a short tail ends the read. */
export async function* framesOf(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  for await (const piece of body) {
    pending = pending.length === 0 ? Buffer.from(piece) : Buffer.concat([pending, piece]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
      const end = 4 + pending.readUInt32BE(0);
      yield Buffer.from(pending.subarray(4, end));
      pending = pending.subarray(end);
    }
  }
}
