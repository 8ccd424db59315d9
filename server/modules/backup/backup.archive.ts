import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * The backup archive on disk:
 *   MAGIC | u32 header length | header JSON (kdf parameters, salt, key check) | segments...
 * A segment is `u32 (length | FINAL bit) | AES-256-GCM ciphertext | 16-byte tag` of at most SEGMENT bytes of
 * plaintext, nonce = segment index. Each segment is authenticated on its own, so a reader streams with flat
 * memory and never hands out a byte that failed authentication; the FINAL bit (in the associated data)
 * makes a truncated archive detectable. The key comes from scrypt with a fresh salt per archive, so the
 * counter nonces never repeat under one key.
 *
 * The plaintext is a sequence of frames `u8 type | u32 length | payload` (see FrameType).
 */
export const MAGIC = Buffer.from('SRODESK-BACKUP\n\0', 'latin1');
const SEGMENT = 1024 * 1024;
const FINAL = 0x8000_0000;
const TAG = 16;
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

/** Why an archive could not be read: the operator sees the message, the CLI and API map the reason. */
export class BackupError extends Error {
  constructor(
    readonly reason: 'wrong_key' | 'damaged' | 'not_a_backup' | 'newer_schema' | 'not_empty' | 'wrong_engine' | 'tool_missing' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

interface Header {
  format: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  check: string;
}

/** A key ready to encrypt or decrypt one archive. */
export interface ArchiveKey {
  header: Buffer;
  key: Buffer;
}

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), salt, 64, { ...params, maxmem: 256 * params.N * params.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const checkOf = (key: Buffer) => createHash('sha256').update(key.subarray(32)).digest().subarray(0, 16);

/** A fresh key for a new archive: random salt, scrypt, the header that lets a reader check the passphrase. */
export async function newArchiveKey(passphrase: string): Promise<ArchiveKey> {
  if (passphrase.length < 8) throw new BackupError('failed', 'The backup passphrase must be at least 8 characters.');
  const salt = randomBytes(16);
  const key = await derive(passphrase, salt, SCRYPT);
  const header: Header = { format: 1, kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), check: checkOf(key).toString('base64') };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return { header: Buffer.concat([MAGIC, length, json]), key: key.subarray(0, 32) };
}

/** Reads an archive's header and derives its key; a wrong passphrase is refused here, before any data. */
export async function openArchiveKey(file: string, passphrase: string): Promise<ArchiveKey> {
  const handle = await open(file, 'r');
  try {
    const start = Buffer.alloc(MAGIC.length + 4);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    if (bytesRead < start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new BackupError('not_a_backup', `${file} is not an SRO Desk backup archive.`);
    }
    const length = start.readUInt32BE(MAGIC.length);
    if (length > 4096) throw new BackupError('damaged', 'The backup archive is damaged: its header is unreadable.');
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, start.length);
    let header: Header;
    try {
      header = JSON.parse(json.toString('utf8')) as Header;
    } catch {
      throw new BackupError('damaged', 'The backup archive is damaged: its header is unreadable.');
    }
    if (header.format !== 1 || header.kdf !== 'scrypt' || header.N > 1 << 20 || header.r > 32 || header.p > 16) {
      throw new BackupError('damaged', 'The backup archive is damaged or of an unknown format.');
    }
    const key = await derive(passphrase, Buffer.from(header.salt, 'base64'), header);
    const check = Buffer.from(header.check, 'base64');
    if (check.length !== 16 || !timingSafeEqual(check, checkOf(key))) {
      throw new BackupError('wrong_key', 'Wrong backup passphrase (BACKUP_KEY): this archive was written with another key.');
    }
    return { header: Buffer.concat([start, json]), key: key.subarray(0, 32) };
  } finally {
    await handle.close();
  }
}

function nonce(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 4);
  return iv;
}

/** A transform from plaintext to the archive bytes (header first). */
export function encryptStream(archive: ArchiveKey): Transform {
  let pending: Buffer[] = [];
  let size = 0;
  let index = 0;
  const seal = (plain: Buffer, final: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', archive.key, nonce(index++));
    cipher.setAAD(Buffer.from([final ? 1 : 0]));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE((body.length | (final ? FINAL : 0)) >>> 0);
    return Buffer.concat([head, body, cipher.getAuthTag()]);
  };
  return new Transform({
    construct(callback) {
      this.push(archive.header);
      callback();
    },
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      pending.push(chunk);
      size += chunk.length;
      while (size >= SEGMENT) {
        const all = Buffer.concat(pending);
        this.push(seal(all.subarray(0, SEGMENT), false));
        pending = [all.subarray(SEGMENT)];
        size -= SEGMENT;
      }
      callback();
    },
    flush(callback) {
      // The last segment (possibly empty) carries FINAL, so a cut archive never reads as complete.
      this.push(seal(Buffer.concat(pending), true));
      callback();
    },
  });
}

/** The authenticated plaintext of an archive, segment by segment; throws BackupError('damaged') on any fault. */
export async function* decryptFile(file: string, archive: ArchiveKey): AsyncGenerator<Buffer> {
  let buffer: Buffer = Buffer.alloc(0);
  let index = 0;
  let finished = false;
  for await (const chunk of createReadStream(file, { start: archive.header.length, highWaterMark: SEGMENT })) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk as Buffer]) : (chunk as Buffer);
    for (;;) {
      if (buffer.length < 4) break;
      const word = buffer.readUInt32BE(0);
      const length = word & ~FINAL & 0xffff_ffff;
      if (length > SEGMENT + 64) throw damaged(`segment ${index} has an impossible length`);
      if (buffer.length < 4 + length + TAG) break;
      if (finished) throw damaged('there are bytes after its end');
      const final = (word & FINAL) !== 0;
      const decipher = createDecipheriv('aes-256-gcm', archive.key, nonce(index));
      decipher.setAAD(Buffer.from([final ? 1 : 0]));
      decipher.setAuthTag(buffer.subarray(4 + length, 4 + length + TAG));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(buffer.subarray(4, 4 + length)), decipher.final()]);
      } catch {
        throw damaged(`segment ${index} failed authentication`);
      }
      buffer = buffer.subarray(4 + length + TAG);
      index++;
      finished = final;
      if (plain.length) yield plain;
    }
  }
  if (buffer.length) throw damaged('it ends in the middle of a segment');
  if (!finished) throw damaged('it is truncated (the last segment is missing)');
}

function damaged(detail: string): BackupError {
  return new BackupError('damaged', `The backup archive is damaged: ${detail}. Nothing was restored.`);
}

/** Frame types of the plaintext. */
export const FrameType = { info: 1, begin: 2, data: 3, end: 4, manifest: 5 } as const;

/** One frame's bytes. */
export function frame(type: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(type, 0);
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

/** A JSON frame. */
export const jsonFrame = (type: number, value: unknown) => frame(type, Buffer.from(JSON.stringify(value)));

/** Parses the plaintext into frames. */
export async function* readFrames(plain: AsyncIterable<Buffer>): AsyncGenerator<{ type: number; payload: Buffer }> {
  let buffer: Buffer = Buffer.alloc(0);
  for await (const chunk of plain) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    while (buffer.length >= 5) {
      const length = buffer.readUInt32BE(1);
      if (buffer.length < 5 + length) break;
      yield { type: buffer.readUInt8(0), payload: buffer.subarray(5, 5 + length) };
      buffer = buffer.subarray(5 + length);
    }
  }
  if (buffer.length) throw damaged('a record is cut short');
}
