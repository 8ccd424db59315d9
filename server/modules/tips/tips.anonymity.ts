import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { TIP_LIMITS, type AttachmentRemoval } from '../../../common/tip-constants.js';
import { AppError } from '../../lib/errors.js';
import { stripJpeg, stripPdf, stripPng } from './tips.metadata.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// Short, common, unambiguous words: 128 of them, 5 words = 35 bits on top of the 60-bit code.
const WORDS = (
  'acorn amber anchor apple arrow aspen badge bagel basil beacon berry birch bison blaze bloom bottle brave breeze brick ' +
  'bridge brook cabin cactus camel candle canoe canyon carrot castle cedar chalk cherry cider circle citrus cliff cloud ' +
  'clover comet coral cotton crane crater cricket crystal daisy delta desert dolphin dragon drum eagle ember falcon fern ' +
  'flame forest fossil fox garden ginger glacier globe granite grape harbor hazel heron honey island ivory jacket jungle ' +
  'kettle kite koala ladder lagoon lantern lemon lily lotus magnet maple meadow melon meteor mint mirror moose mountain ' +
  'nectar noodle oasis ocean olive orbit otter owl paddle panda pebble pepper pilot planet plum pocket prairie puzzle ' +
  'quartz rabbit radar raven reef ribbon river robin rocket saddle salmon shadow silver'
).split(' ');

/** A new tip code: 12 Crockford base32 characters in three groups (60 random bits). */
export function newTipCode(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) out += CROCKFORD[bytes[i]! & 31];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** A new passphrase of five words. */
export function newPassphrase(): string {
  return Array.from({ length: 5 }, () => WORDS[randomInt(WORDS.length)]).join('-');
}

/** The stored form of a tip code: its SHA-256 (the code itself is never kept). */
export function codeHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

interface TokenUse { tips: number; messages: number; lookups: number; expiresAt: number }

/**
 * Abuse control without identity. A token is `issuedAt.nonce.mac`, signed with a key derived from the
 * session secret; it is never stored. Its uses are counted in memory (per process) until it expires.
 */
export class TipTokens {
  private readonly key: Buffer;
  private readonly uses = new Map<string, TokenUse>();

  constructor(secret: string, private readonly now: () => Date) {
    this.key = createHmac('sha256', secret).update('tips:rate-token').digest();
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  /** Issues a fresh token. */
  issue(): { token: string; expiresAt: string } {
    const issued = Math.floor(this.now().getTime() / 1000);
    const body = `${issued}.${randomBytes(12).toString('base64url')}`;
    return { token: `${body}.${this.mac(body)}`, expiresAt: new Date((issued + TIP_LIMITS.tokenLifetimeSeconds) * 1000).toISOString() };
  }

  /** Counts one use of `kind`; 429 on field `token` when the token is forged, expired or used up. */
  spend(token: string, kind: 'tips' | 'messages' | 'lookups'): void {
    const [issued, nonce, mac] = token.split('.');
    const expected = issued && nonce ? this.mac(`${issued}.${nonce}`) : '';
    const nowMs = this.now().getTime();
    const expiresAt = (Number(issued) + TIP_LIMITS.tokenLifetimeSeconds) * 1000;
    const valid = mac !== undefined && mac.length === expected.length && timingSafeEqual(Buffer.from(mac), Buffer.from(expected));
    if (!valid || !Number.isFinite(expiresAt) || expiresAt <= nowMs || Number(issued) * 1000 > nowMs + 60_000) {
      throw new AppError('rate_limited', 'token: expired or not valid; reload the page to get a new one', { field: 'token', retryAfterSeconds: 1 });
    }
    this.sweep(nowMs);
    const use = this.uses.get(token) ?? { tips: 0, messages: 0, lookups: 0, expiresAt };
    const limit = kind === 'tips' ? TIP_LIMITS.tipsPerToken : kind === 'messages' ? TIP_LIMITS.messagesPerToken : TIP_LIMITS.lookupsPerToken;
    if (use[kind] >= limit) {
      throw new AppError('rate_limited', 'token: too many requests; try again later', { field: 'token', retryAfterSeconds: Math.ceil((expiresAt - nowMs) / 1000) });
    }
    use[kind]++;
    this.uses.set(token, use);
  }

  private sweep(nowMs: number): void {
    if (this.uses.size < 10_000) return;
    for (const [token, use] of this.uses) if (use.expiresAt <= nowMs) this.uses.delete(token);
  }
}

function badAttachment(message: string): AppError {
  return new AppError('validation_failed', `attachment: ${message}`, { field: 'attachment' });
}

/**
 * Decodes, type-checks (from the bytes), size-checks and strips an attachment; 400 on field `attachment`. Answers
 * the stored bytes and what was removed (told to the reporter).
 */
export async function cleanAttachment(base64: string): Promise<{ mediaType: string; content: Buffer; removed: AttachmentRemoval[] }> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw badAttachment('not base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw badAttachment('empty file');
  if (bytes.length > TIP_LIMITS.attachmentMaxBytes) throw badAttachment('larger than 5 MB');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mediaType: 'image/jpeg', ...stripJpeg(bytes) };
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { mediaType: 'image/png', ...stripPng(bytes) };
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { mediaType: 'application/pdf', ...(await stripPdf(bytes)) };
  throw badAttachment('only JPEG or PNG images and PDF files are accepted');
}

/** A time as staff see it for a tip: to the minute, so it cannot be matched against door or network logs. */
export function toMinute(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/** A tip reference: random, never sequential (T-XXXX-XXXX, 40 random bits), so it tells nothing of when or how many. */
export function newTipNumber(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (let i = 0; i < 8; i++) out += CROCKFORD[bytes[i]! & 31];
  return `T-${out.slice(0, 4)}-${out.slice(4)}`;
}
