import QRCode from 'qrcode';
import { STATE_SETS } from '../../../common/preparedness.js';
import type { AppDeps } from '../../lib/deps.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { hashPassword } from '../../auth/passwords.js';
import { createSession } from '../../auth/sessions.js';
import { checkTotp, newTotpSecret, totpUri } from '../../auth/totp.js';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound, uniqueOr409 } from '../../lib/errors.js';
import { hashToken, randomToken } from '../../lib/ids.js';
import * as drillRepo from '../drill-rules/drill-rules.repository.js';
import { STATE_TEMPLATES } from '../drill-rules/drill-rules.templates.js';
import * as repo from './setup.repository.js';
import type { NewDistrict } from './setup.schemas.js';

/** How long a set-up link works. */
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const DEAD_LINK = 'Set-up link';

/**
 * Issues a new one-time set-up link when the deployment holds no district (earlier unused links end); null
 * otherwise. Only the token's SHA-256 is stored: the caller prints the token once.
 */
export async function issueSetupToken(db: Db, clock: Clock): Promise<{ token: string; expiresAt: Date } | null> {
  return db.transaction(async (tx) => {
    await repo.lockSetup(tx);
    if (await repo.anyDistrict(tx)) return null;
    const now = clock.now();
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + SETUP_TOKEN_TTL_MS);
    await repo.replaceTokens(tx, hashToken(token), expiresAt, now);
    await writeAudit(tx, { label: 'system', at: now }, {
      type: 'setup.link_issued', detail: { expiresAt: expiresAt.toISOString() },
    });
    return { token, expiresAt };
  });
}

/** The live link behind `token`, or 404 (unknown, used, expired, or a district already exists). */
async function liveToken(db: Db, token: string, now: Date) {
  const row = await repo.findLiveToken(db, hashToken(token), now);
  if (!row || (await repo.anyDistrict(db))) throw notFound(DEAD_LINK);
  return row;
}

/** Whether the deployment still waits for its first district. */
export async function setupStatus(deps: AppDeps) {
  return { setupRequired: !(await repo.anyDistrict(deps.database.db)) };
}

/** Checks a set-up link; answers when it expires and the states the district may choose. */
export async function checkLink(deps: AppDeps, token: string) {
  const row = await liveToken(deps.database.db, token, deps.clock.now());
  return {
    expiresAt: row.expiresAt.toISOString(),
    states: STATE_SETS.map((code) => ({ code, name: STATE_TEMPLATES[code].name })),
  };
}

/**
 * Second step of the set-up page: the form is valid, so an authenticator secret is made for the administrator
 * and kept sealed on the link until the code proves the app works. Nothing else is written.
 */
export async function offerAuthenticator(deps: AppDeps, input: { token: string } & NewDistrict) {
  const { db } = deps.database;
  await liveToken(db, input.token, deps.clock.now());
  const secret = newTotpSecret();
  await repo.saveTokenSecret(db, hashToken(input.token), deps.box.seal(secret));
  const otpauthUrl = totpUri(secret, input.adminEmail);
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, width: 200 });
  return { secret, otpauthUrl, qrSvg };
}

/** What `provisionDistrict` needs beyond the form. */
interface ProvisionOptions {
  passwordHash: string;
  /** Sealed TOTP secret already proven by a code (set-up page), or null: the administrator enrols at first sign-in. */
  mfaSecret: string | null;
  mfaLastStep: number | null;
  deploymentAdmin: boolean;
}

/**
 * Creates a district with its state's drill rule set (the district's own copy, as choosing a state set does)
 * and its first administrator (district-wide sysadmin grant). Runs inside the caller's transaction.
 */
export async function provisionDistrict(tx: Db, input: NewDistrict, options: ProvisionOptions) {
  const districtId = await uniqueOr409(
    () => repo.insertDistrict(tx, { name: input.districtName, state: input.state, timezone: input.timezone, ncesId: input.leaid ?? null }),
    'leaid', 'Another district already has this NCES id',
  );
  await drillRepo.saveSettings(tx, districtId, { state: input.state });
  const rules = await drillRepo.insertRules(tx, districtId, STATE_TEMPLATES[input.state].rules.map((r) => ({ ...r, schoolId: null })));
  const adminUserId = await uniqueOr409(() => repo.insertAdmin(tx, {
    districtId, name: input.adminName, email: input.adminEmail, passwordHash: options.passwordHash,
    mfaSecret: options.mfaSecret, mfaEnabled: options.mfaSecret !== null, mfaLastStep: options.mfaLastStep,
    deploymentAdmin: options.deploymentAdmin,
  }), 'adminEmail', 'An account with this e-mail already exists');
  return { districtId, adminUserId, drillRules: rules.length };
}

/**
 * Last step of the set-up page: the authenticator code proves enrolment, then the district, its drill rules and
 * its administrator (operator of the deployment) are created, every link dies, and the administrator is signed
 * in, all in one transaction. Answers the new session token.
 */
export async function completeSetup(deps: AppDeps, input: { token: string; code: string } & NewDistrict, requestId: string): Promise<string> {
  const passwordHash = await hashPassword(input.adminPassword);
  return deps.database.db.transaction(async (tx) => {
    await repo.lockSetup(tx);
    const now = deps.clock.now();
    const link = await liveToken(tx, input.token, now);
    if (!link.totpSecret) throw new AppError('conflict', 'Scan the authenticator code first', { field: 'code' });
    const step = checkTotp(deps.box.open(link.totpSecret), input.code, now);
    if (step === null) throw new AppError('validation_failed', 'The code is wrong or has expired', { field: 'code' });
    const created = await provisionDistrict(tx, input, { passwordHash, mfaSecret: link.totpSecret, mfaLastStep: step, deploymentAdmin: true });
    await repo.useAllTokens(tx, now);
    const actor = { userId: created.adminUserId, districtId: created.districtId, email: input.adminEmail };
    await writeAudit(tx, { actor, requestId, at: now }, {
      type: 'setup.completed', subjectType: 'district', subjectId: created.districtId,
      detail: { via: 'web', state: input.state, timezone: input.timezone, leaid: input.leaid ?? null, drillRules: created.drillRules },
    });
    return createSession(tx, created.adminUserId, false, now);
  });
}

/**
 * The command-line set-up: refuses (409) when a district exists. The administrator's authenticator secret is
 * made here and printed by the CLI; the account is enrolled at once, so the first sign-in asks for its code.
 */
export async function setupFromCommandLine(deps: Pick<AppDeps, 'database' | 'clock' | 'box'>, input: NewDistrict) {
  const passwordHash = await hashPassword(input.adminPassword);
  const secret = newTotpSecret();
  const created = await deps.database.db.transaction(async (tx) => {
    await repo.lockSetup(tx);
    if (await repo.anyDistrict(tx)) throw new AppError('conflict', 'This deployment already has a district: set-up runs only once');
    const now = deps.clock.now();
    const result = await provisionDistrict(tx, input, { passwordHash, mfaSecret: deps.box.seal(secret), mfaLastStep: null, deploymentAdmin: true });
    await repo.useAllTokens(tx, now);
    await writeAudit(tx, { actor: { userId: result.adminUserId, districtId: result.districtId, email: input.adminEmail }, at: now }, {
      type: 'setup.completed', subjectType: 'district', subjectId: result.districtId,
      detail: { via: 'cli', state: input.state, timezone: input.timezone, leaid: input.leaid ?? null, drillRules: result.drillRules },
    });
    return result;
  });
  return { ...created, secret, otpauthUrl: totpUri(secret, input.adminEmail) };
}

/** Only the deployment operator reaches the deployment routes; anyone else reads them as absent. */
async function requireOperator(ctx: ServiceContext): Promise<void> {
  if (!(await repo.deploymentAdminOf(ctx.db, ctx.actor.userId))) throw notFound('Deployment');
}

/** Every district of the deployment (operator only). */
export async function listDistricts(ctx: ServiceContext) {
  await requireOperator(ctx);
  const rows = await repo.listDistricts(ctx.db);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), schools: Number(r.schools), users: Number(r.users) })) };
}

/**
 * Creates another district with its first administrator (operator only). The administrator has no
 * authenticator yet: the new district requires two-step sign-in for sysadmins, so the first sign-in enrols it.
 */
export async function createDistrict(ctx: ServiceContext, input: NewDistrict) {
  await requireOperator(ctx);
  const passwordHash = await hashPassword(input.adminPassword);
  return ctx.db.transaction(async (tx) => {
    const created = await provisionDistrict(tx, input, { passwordHash, mfaSecret: null, mfaLastStep: null, deploymentAdmin: false });
    const detail = { name: input.districtName, state: input.state, leaid: input.leaid ?? null, adminUserId: created.adminUserId };
    await writeAudit(tx, whoOf(ctx), { type: 'district.created', subjectType: 'district', subjectId: created.districtId, detail });
    // The new district's own audit log starts with its creation; the operator belongs to another district, so
    // their address stays out of it.
    await writeAudit(tx, { label: 'deployment operator', districtId: created.districtId, requestId: ctx.requestId }, {
      type: 'district.created', subjectType: 'district', subjectId: created.districtId, detail,
    });
    return { districtId: created.districtId, adminUserId: created.adminUserId };
  });
}
