import type { FastifyBaseLogger } from 'fastify';
import {
  LIFE_SAFETY_CATEGORIES, type ReporterView, type TipAccessBody, type TipReceipt,
} from '../../../common/tips.js';
import type { z } from 'zod';
import type { reporterMessageBody, submitTipBody, tipAccessBody } from '../../../common/tips.js';
import { writeAudit } from '../../audit/audit.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { Database } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { Mailer } from '../../lib/mailer.js';
import { announceLifeSafety, storeLifeSafetyEvent } from './tips.notify.js';
import { alreadyPaged } from './tips.flood.js';
import type { FloodGate, HashQueue } from './tips.pow.js';
import { newFileKey, transactionWithFiles } from '../../files/registry.js';
import { cleanAttachment, codeHash, newPassphrase, newTipCode, newTipNumber, toMinute, type TipTokens } from './tips.anonymity.js';
import * as repo from './tips.repository.js';
import { detectLifeSafety } from './tips.lexicon.js';

/** What the public tip service reaches: no actor, no request metadata, by design. */
export interface PublicTipDeps {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  config: { publicUrl: string };
  tokens: TipTokens;
  /** The flood gate's proof-of-work check (absent: none). */
  gate?: FloodGate;
  /** Takes a tip sent with a free token from the line's budget (429 when spent); tips with verified work skip it. */
  takeFreeTip?: () => void;
  /** Orders passphrase hashes: tips with verified work first (absent: hashed at once). */
  hashing?: HashQueue;
  log: FastifyBaseLogger;
  /** The process's live hub, poked after commit. */
  hub: { poke(): void };
}

const ANONYMOUS = { label: 'anonymous reporter' };

/** Stores an anonymous tip and answers its code and passphrase; a life-safety category notifies the team at once. */
export async function submitTip(deps: PublicTipDeps, input: z.output<typeof submitTipBody>): Promise<TipReceipt> {
  const worked = deps.gate?.check(input.token, input.proof) ?? false;
  if (!worked) deps.takeFreeTip?.();
  deps.tokens.spend(input.token, 'tips');
  const attachment = input.attachment ? await cleanAttachment(input.attachment.contentBase64) : null;
  const school = await repo.findSchool(deps.database.db, input.schoolId);
  if (!school) throw new AppError('validation_failed', 'schoolId: no such school', { field: 'schoolId' });
  const code = newTipCode();
  const passphrase = newPassphrase();
  const passphraseHash = await (deps.hashing ? deps.hashing.run(worked, () => hashPassword(passphrase)) : hashPassword(passphrase));
  // Stored to the minute: a precise time would help match the reporter against door or network logs.
  const now = toMinute(deps.clock.now());
  const byCategory = LIFE_SAFETY_CATEGORIES.includes(input.category);
  // The reporter's category is not the only signal: the words of the tip may speak of a life at risk.
  const detected = detectLifeSafety([input.description, input.when, input.where, input.who].filter(Boolean).join('\n'), input.language);
  const lifeSafety = byCategory || detected.flagged;
  const lifeSafetyBy = byCategory ? 'category' as const : detected.flagged ? 'lexicon' as const : null;
  const saved = await transactionWithFiles(deps.database.db, async (tx, files) => {
    const number = newTipNumber();
    const id = await repo.insertTip(tx, {
      districtId: school.districtId, schoolId: school.id, number, codeHash: codeHash(code), passphraseHash,
      category: input.category, description: input.description, whenText: input.when || null, whereText: input.where || null,
      whoText: input.who || null, language: input.language, lifeSafety, lifeSafetyBy,
      lifeSafetySignals: detected.flagged ? detected.signals : null,
      createdAt: now, updatedAt: now,
    });
    if (attachment) {
      const { key } = await files.put(newFileKey('tips'), attachment.content);
      await repo.insertAttachment(tx, { tipId: id, mediaType: attachment.mediaType, size: attachment.content.length, fileKey: key });
    }
    await writeAudit(tx, { ...ANONYMOUS, districtId: school.districtId, at: now }, {
      type: 'tip.submitted', schoolId: school.id, subjectType: 'tip', subjectId: id, detail: { number, category: input.category, lifeSafety, lifeSafetyBy },
    });
    const tip = { id, number, districtId: school.districtId, schoolId: school.id, schoolName: school.name, category: input.category, createdAt: now };
    // A burst of life-safety tips at one school pages its team once (server/modules/tips/tips.flood.ts).
    const page = lifeSafety && !(await alreadyPaged(tx, school.id, now, id));
    if (page) await storeLifeSafetyEvent(tx, tip, lifeSafetyBy ?? 'category');
    return { ...tip, page };
  });
  if (saved.page) announceLifeSafety(deps, deps.log, saved);
  return { code, passphrase, lifeSafety, attachmentRemoved: attachment ? attachment.removed : null };
}

const NO_MATCH = 'No tip matches this code and passphrase';

/**
 * The tip of a code and passphrase. An unknown code checks the passphrase against a decoy hash, so both
 * failures take as long and answer the same 404.
 */
async function openTip(deps: PublicTipDeps, input: z.output<typeof tipAccessBody>) {
  const row = await repo.findTipByCode(deps.database.db, codeHash(input.code));
  const ok = await verifyPassword(row?.tip.passphraseHash ?? (await decoyPasswordHash()), input.passphrase);
  if (!row || !ok) throw new AppError('not_found', NO_MATCH);
  return row;
}

async function viewOf(deps: PublicTipDeps, row: { tip: repo.TipRow; schoolName: string }, code: string): Promise<ReporterView> {
  const messages = await repo.findMessages(deps.database.db, row.tip.id);
  return {
    code, schoolName: row.schoolName, category: row.tip.category, description: row.tip.description,
    status: row.tip.status, submittedAt: row.tip.createdAt.toISOString(),
    messages: messages.map(({ message: m }) => ({ id: m.id, author: m.author, body: m.body, at: m.createdAt.toISOString(), staffName: null })),
  };
}

/** The reporter's view of their tip: status and the dialogue (staff names are never shown). */
export async function readDialogue(deps: PublicTipDeps, input: z.output<typeof tipAccessBody>): Promise<ReporterView> {
  deps.tokens.spend(input.token, 'lookups');
  const row = await openTip(deps, input);
  return viewOf(deps, row, input.code);
}

/** The reporter answers; the tip's team sees it as unread. */
export async function answer(deps: PublicTipDeps, input: z.output<typeof reporterMessageBody>): Promise<ReporterView> {
  deps.tokens.spend(input.token, 'lookups');
  deps.tokens.spend(input.token, 'messages');
  const row = await openTip(deps, input);
  if (row.tip.status === 'closed') throw new AppError('conflict', 'This tip is closed; submit a new tip instead', { field: 'body' });
  const now = toMinute(deps.clock.now());
  await deps.database.db.transaction(async (tx) => {
    await repo.insertMessage(tx, { tipId: row.tip.id, author: 'reporter', body: input.body, createdAt: now });
    await repo.updateTip(tx, row.tip.id, { lastReporterMessageAt: now, updatedAt: now });
    await writeAudit(tx, { ...ANONYMOUS, districtId: row.tip.districtId, at: now }, {
      type: 'tip.reporter_replied', schoolId: row.tip.schoolId, subjectType: 'tip', subjectId: row.tip.id,
    });
  });
  return viewOf(deps, row, input.code);
}

/** Re-exported for routes: the access body type. */
export type { TipAccessBody };
