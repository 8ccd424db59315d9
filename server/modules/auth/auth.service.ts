import QRCode from 'qrcode';
import type { AppDeps } from '../../lib/deps.js';
import { writeAudit } from '../../audit/audit.js';
import { permissionsOf } from '../../auth/access.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../auth/passwords.js';
import {
  completeMfa, createSession, deleteSession, deleteUserSessions, loadSession, mustEnrolMfa, type LoadedSession,
} from '../../auth/sessions.js';
import { checkTotp, newTotpSecret, totpUri } from '../../auth/totp.js';
import { AppError } from '../../lib/errors.js';
import { hashToken } from '../../lib/ids.js';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS, lockSecondsLeft } from './auth.policy.js';
import * as repo from './auth.repository.js';
import type { SessionBody } from './auth.schemas.js';

const WRONG_CREDENTIALS = 'E-mail or password is wrong';

function lockedOut(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  return new AppError('locked_out', `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
    retryAfterSeconds: seconds,
  });
}

/** Throttle keys beside the e-mail: the two-step code and the password re-checks of a signed-in user. */
const mfaKey = (userId: string) => `mfa:${userId}`;
const passwordKey = (userId: string) => `password:${userId}`;

/**
 * Reserves one check of a secret for `key` before any hash is computed: at most MAX_FAILED_SIGN_INS per
 * LOCKOUT_MS window, however many requests arrive at once and on however many processes. The rest answer
 * 429 with Retry-After and cost no hash. Returns the check's number in its window.
 */
async function reserveCheck(deps: AppDeps, key: string, now: Date): Promise<number> {
  const { db } = deps.database;
  const attempt = await repo.reserveAttempt(db, key, now, MAX_FAILED_SIGN_INS, LOCKOUT_MS);
  if (attempt !== null) return attempt;
  throw lockedOut(Math.max(1, lockSecondsLeft(await repo.throttleReopensAt(db, key, LOCKOUT_MS), now)));
}

/** The answer to a wrong secret: the last check of the window says how long the wait is. */
async function failedCheck(deps: AppDeps, key: string, attempt: number, now: Date, wrong: AppError): Promise<never> {
  if (attempt < MAX_FAILED_SIGN_INS) throw wrong;
  const reopens = await repo.throttleReopensAt(deps.database.db, key, LOCKOUT_MS);
  throw lockedOut(Math.max(1, lockSecondsLeft(reopens, now)));
}

/**
 * Checks e-mail and password. Unknown e-mail, wrong password and inactive account answer alike and
 * take alike (a decoy hash is verified for unknown e-mails). Every check is reserved per e-mail before
 * the hash (see reserveCheck); a full success clears the budget. Returns the new session token; the
 * session waits for the TOTP step when the user has MFA on.
 */
export async function signIn(deps: AppDeps, email: string, password: string, requestId: string, previousToken?: string): Promise<string> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const key = email.toLowerCase();
  const attempt = await reserveCheck(deps, key, now);

  const user = await repo.findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordOk || !user.active) {
    await db.transaction(async (tx) => {
      const who = { label: email, districtId: user?.districtId ?? null, requestId, at: now };
      await writeAudit(tx, who, {
        type: 'auth.sign_in_failed', subjectType: 'user', subjectId: user?.id,
        detail: { reason: !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'inactive', attempt },
      });
      if (attempt >= MAX_FAILED_SIGN_INS) await writeAudit(tx, who, { type: 'auth.locked_out', subjectType: 'user', subjectId: user?.id });
    });
    return failedCheck(deps, key, attempt, now, new AppError('unauthenticated', WRONG_CREDENTIALS));
  }

  // A right password does not reopen a two-step code budget spent by wrong codes.
  if (user.mfaEnabled) {
    const codesReopen = await repo.spentUntil(db, mfaKey(user.id), now, MAX_FAILED_SIGN_INS, LOCKOUT_MS);
    if (codesReopen) throw lockedOut(lockSecondsLeft(codesReopen, now));
  }
  return db.transaction(async (tx) => {
    if (previousToken) await deleteSession(tx, hashToken(previousToken));
    await repo.clearThrottle(tx, key);
    await repo.updateUser(tx, user.id, { lastSignInAt: now });
    const token = await createSession(tx, user.id, user.mfaEnabled, now);
    await writeAudit(tx, { actor: { userId: user.id, districtId: user.districtId, email: user.email }, requestId, at: now }, {
      type: 'auth.sign_in', subjectType: 'user', subjectId: user.id, detail: { mfaPending: user.mfaEnabled },
    });
    return token;
  });
}

/**
 * Finishes a sign-in with the TOTP code. Codes have their own budget per user, which a correct password
 * does not reset (the password does not buy more code guesses). Returns a fresh token.
 */
export async function verifyMfa(deps: AppDeps, session: LoadedSession, code: string, requestId: string): Promise<string> {
  if (!session.mfaPending) throw new AppError('bad_request', 'This session does not wait for a code');
  const { db } = deps.database;
  const now = deps.clock.now();
  const { actor } = session;
  const key = mfaKey(actor.userId);
  const attempt = await reserveCheck(deps, key, now);
  const user = await repo.findUserById(db, actor.userId);
  const secret = user?.mfaSecret ? deps.box.open(user.mfaSecret) : null;
  const step = secret ? checkTotp(secret, code, now) : null;
  // A code already used (seen over a shoulder, replayed from a proxy log) counts as a wrong one.
  const fresh = step !== null && (await repo.claimTotpStep(db, actor.userId, step));
  if (!fresh) {
    await db.transaction(async (tx) => {
      await writeAudit(tx, { actor, requestId, at: now }, { type: 'auth.mfa_failed', subjectType: 'user', subjectId: actor.userId });
      if (attempt >= MAX_FAILED_SIGN_INS) {
        await deleteSession(tx, session.tokenHash);
        await writeAudit(tx, { actor, requestId, at: now }, { type: 'auth.locked_out', subjectType: 'user', subjectId: actor.userId });
      }
    });
    return failedCheck(deps, key, attempt, now, new AppError('unauthenticated', 'The code is wrong or has expired', { field: 'code' }));
  }
  return db.transaction(async (tx) => {
    await repo.clearThrottle(tx, key);
    return completeMfa(tx, session.tokenHash, actor.userId, now);
  });
}

/** Checks the signed-in user's password again (password change, two-step off) within its own budget. */
async function recheckPassword(deps: AppDeps, session: LoadedSession, password: string, field: string, message: string) {
  const now = deps.clock.now();
  const key = passwordKey(session.actor.userId);
  const attempt = await reserveCheck(deps, key, now);
  const user = await repo.findUserById(deps.database.db, session.actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    return failedCheck(deps, key, attempt, now, new AppError('validation_failed', message, { field }));
  }
  await repo.clearThrottle(deps.database.db, key);
  return user;
}

/** Ends the session. */
export async function signOut(deps: AppDeps, session: LoadedSession, requestId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await deleteSession(tx, session.tokenHash);
    await writeAudit(tx, { actor: session.actor, requestId }, { type: 'auth.sign_out', subjectType: 'user', subjectId: session.actor.userId });
  });
}

/** Changes the signed-in user's password; other sessions of the user end. */
export async function changePassword(
  deps: AppDeps, session: LoadedSession, input: { currentPassword: string; newPassword: string }, requestId: string,
): Promise<void> {
  const { db } = deps.database;
  const user = await recheckPassword(deps, session, input.currentPassword, 'currentPassword', 'The current password is wrong');
  if (input.currentPassword === input.newPassword) {
    throw new AppError('validation_failed', 'The new password must differ from the current one', { field: 'newPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    await deleteUserSessions(tx, user.id, session.tokenHash);
    await writeAudit(tx, { actor: session.actor, requestId }, { type: 'auth.password_changed', subjectType: 'user', subjectId: user.id });
  });
}

/** Starts two-step enrolment: a new secret (kept sealed, not yet active) and its QR code; refused once enrolled. */
export async function setupMfa(deps: AppDeps, session: LoadedSession) {
  if (session.mfaPending) throw new AppError('mfa_required', 'Finish signing in first');
  // A new set-up would replace the enrolled secret: that is turning two-step sign-in off, which needs the password.
  if (session.mfaEnabled) throw new AppError('conflict', 'Two-step sign-in is on: turn it off first to enrol a new authenticator');
  const secret = newTotpSecret();
  await repo.updateUser(deps.database.db, session.actor.userId, { mfaSecret: deps.box.seal(secret), mfaEnabled: false });
  const otpauthUrl = totpUri(secret, session.actor.email);
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, width: 200 });
  return { secret, otpauthUrl, qrSvg };
}

/** Turns two-step sign-in on once the user proves the authenticator works. */
export async function enableMfa(deps: AppDeps, session: LoadedSession, code: string, requestId: string): Promise<void> {
  if (session.mfaPending) throw new AppError('mfa_required', 'Finish signing in first');
  const { db } = deps.database;
  const user = await repo.findUserById(db, session.actor.userId);
  if (!user?.mfaSecret) throw new AppError('conflict', 'Start the set-up first', { field: 'code' });
  const step = checkTotp(deps.box.open(user.mfaSecret), code, deps.clock.now());
  if (step === null) {
    throw new AppError('validation_failed', 'The code is wrong or has expired', { field: 'code' });
  }
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { mfaEnabled: true, mfaLastStep: step });
    await writeAudit(tx, { actor: session.actor, requestId }, { type: 'auth.mfa_enrolled', subjectType: 'user', subjectId: user.id });
  });
}

/** Turns two-step sign-in off, unless district policy requires it for one of the user's roles. */
export async function disableMfa(deps: AppDeps, session: LoadedSession, password: string, requestId: string): Promise<void> {
  const { db } = deps.database;
  const user = await recheckPassword(deps, session, password, 'password', 'The password is wrong');
  if (session.mfaRequiredByPolicy) {
    throw new AppError('conflict', 'Your district requires two-step sign-in for your role');
  }
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { mfaEnabled: false, mfaSecret: null });
    await writeAudit(tx, { actor: session.actor, requestId }, { type: 'auth.mfa_disabled', subjectType: 'user', subjectId: user.id });
  });
}

/** Loads the session behind a fresh token (right after sign-in) for the answer body. */
export async function sessionForToken(deps: AppDeps, token: string): Promise<LoadedSession | null> {
  return loadSession(deps.database.db, token, deps.clock.now());
}

const ANONYMOUS: SessionBody = { state: 'anonymous', user: null, district: null, grants: [], permissions: [], schools: [] };

/** What the web app is told about a session: state, user, roles, permissions and schools. */
export async function sessionView(deps: AppDeps, session: LoadedSession | null): Promise<SessionBody> {
  if (!session) return ANONYMOUS;
  const { db } = deps.database;
  const { actor } = session;
  const [user, district] = await Promise.all([repo.findUserById(db, actor.userId), repo.findDistrict(db, actor.districtId)]);
  if (!user || !district) return ANONYMOUS;
  const state = session.mfaPending ? 'mfa_pending' : mustEnrolMfa(session) ? 'mfa_enrolment_required' : 'signed_in';
  const signedIn = state === 'signed_in';
  // The same cut the server applies (an outside organization's staff hold less than their role), so the web never offers what is refused.
  const permissions = permissionsOf(actor);
  const districtWide = actor.grants.some((g) => g.schoolId === null);
  const schoolIds = [...new Set(actor.grants.flatMap((g) => (g.schoolId ? [g.schoolId] : [])))];
  return {
    state,
    user: {
      id: user.id, name: user.name, email: user.email, title: user.title,
      mfaEnabled: user.mfaEnabled, mustChangePassword: user.mustChangePassword, organizationId: actor.organizationId,
    },
    district,
    grants: signedIn ? actor.grants : [],
    permissions: signedIn ? permissions : [],
    schools: signedIn ? await repo.findSchoolsBrief(db, actor.districtId, districtWide ? null : schoolIds) : [],
  };
}
