import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  INVITATION_DAYS, ONEROSTER_STAFF_ROLES, type ImportableRole, type OneRosterStaffRole, type RosterCounts,
} from '../../../common/roster-import.js';
import type { Db } from '../../db/connection.js';
import { queueMail } from '../outbox/outbox.service.js';
import type { FileMode } from './roster-import.policy.js';
import * as staffRepo from './roster-staff.repository.js';
import type { ChangeRow } from './roster-undo.repository.js';

export interface StaffContext {
  districtId: string;
  now: Date;
  /** Base of the set-password link in invitations. */
  publicUrl: string;
  roleMap: Record<OneRosterStaffRole, ImportableRole | null>;
  counts: RosterCounts;
  schoolOf(orgSourcedId: string): { id: string } | undefined;
  reject(line: number, sourcedId: string, reason: string): null;
  change(row: ChangeRow): void;
}

interface StaffRow { line: number; sourcedId: string; oneRosterRole: string; role: ImportableRole; name: string; email: string; schoolIds: string[] }

const STAFF = new Set<string>(ONEROSTER_STAFF_ROLES);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** SHA-256 of an invitation token, as stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Staff accounts from users.csv rows whose role the district maps to an SRO Desk role: matched by sourcedId (the
 * account the sync made or linked before), else by e-mail within the district; created with no usable password
 * and an invitation e-mail; granted the mapped role at the schools of their orgs. A bulk file deactivates the
 * accounts the sync keeps that it no longer lists (they cannot sign in; their records stay).
 */
export class StaffSync {
  private readonly rows: StaffRow[] = [];
  private readonly lines = new Map<string, number>();
  private readonly removed = new Set<string>();
  private existing: staffRepo.RosterStaffRow[] = [];
  private toInactivate: staffRepo.RosterStaffRow[] = [];

  constructor(private readonly ctx: StaffContext, private readonly mode: FileMode) {}

  /** True when the row is about a staff role (taken, left out by the mapping, or rejected). */
  take(line: number, sourcedId: string, oneRosterRole: string, orgIds: string[], get: (name: string) => string): boolean {
    if (!STAFF.has(oneRosterRole)) return false;
    const { ctx } = this;
    const role = ctx.roleMap[oneRosterRole as OneRosterStaffRole];
    if (get('status').toLowerCase() === 'tobedeleted') {
      if (this.mode === 'delta') this.removed.add(sourcedId);
      else ctx.counts.skipped++;
      return true;
    }
    if (!role) { ctx.counts.skipped++; return true; }
    if (!sourcedId) { ctx.reject(line, '', 'sourcedId is empty'); return true; }
    const earlier = this.lines.get(sourcedId);
    if (earlier) { ctx.reject(line, sourcedId, `sourcedId is already on line ${earlier}`); return true; }
    this.lines.set(sourcedId, line);
    const name = `${get('givenName')} ${get('familyName')}`.trim();
    if (!get('givenName') || !get('familyName')) { ctx.reject(line, sourcedId, 'givenName and familyName are required'); return true; }
    const email = get('email').toLowerCase();
    if (!EMAIL.test(email)) {
      ctx.reject(line, sourcedId, email ? `email ${email} is not an e-mail address` : 'email is empty: a staff account signs in with its e-mail');
      return true;
    }
    const schoolIds = [...new Set(orgIds.map((id) => ctx.schoolOf(id)?.id).filter((id): id is string => id !== undefined))];
    if (schoolIds.length === 0) { ctx.reject(line, sourcedId, `orgs ${orgIds.join(',') || '(none)'} name no school of the district`); return true; }
    this.rows.push({ line, sourcedId, oneRosterRole, role, name, email, schoolIds });
    return true;
  }

  /** Reads the accounts the sync keeps and works out which it would deactivate (for the confirmation numbers). */
  async plan(tx: Db): Promise<{ activeStaff: number; staffToInactivate: number }> {
    this.existing = await staffRepo.findRosterStaff(tx, this.ctx.districtId);
    const listed = new Set(this.rows.map((r) => r.sourcedId));
    this.toInactivate = this.existing.filter((s) => s.active && (this.mode === 'bulk' ? !listed.has(s.sourcedId) : this.removed.has(s.sourcedId)));
    return { activeStaff: this.existing.filter((s) => s.active).length, staffToInactivate: this.toInactivate.length };
  }

  /** Writes accounts, links, grants, invitations (queued e-mail) and deactivations. */
  async write(tx: Db): Promise<void> {
    const { ctx } = this;
    const { districtId, now, counts } = ctx;
    const bySourced = new Map(this.existing.map((s) => [s.sourcedId, s]));
    const unlinked = this.rows.filter((r) => !bySourced.has(r.sourcedId));
    const byEmail = new Map((await staffRepo.findUsersByEmail(tx, unlinked.map((r) => r.email))).map((u) => [u.email.toLowerCase(), u]));
    const created: staffRepo.NewAccount[] = [];
    const updated: { id: string; name: string; active: boolean }[] = [];
    const links: { districtId: string; sourcedId: string; userId: string; oneRosterRole: string }[] = [];
    const grants: { userId: string; role: string; schoolId: string }[] = [];
    const newEmails = new Map<string, number>();
    for (const row of this.rows) {
      const linked = bySourced.get(row.sourcedId);
      const byMail = linked ? undefined : byEmail.get(row.email);
      if (byMail && byMail.districtId !== districtId) { ctx.reject(row.line, row.sourcedId, `email ${row.email} belongs to an account of another district`); continue; }
      let userId: string;
      if (linked || byMail) {
        const current = linked ? { id: linked.userId, name: linked.name, active: linked.active } : byMail!;
        userId = current.id;
        if (current.name !== row.name || !current.active) {
          ctx.change({ kind: 'staff', ref: userId, before: { name: current.name, active: current.active } });
          updated.push({ id: userId, name: row.name, active: true });
          counts.staffUpdated++;
        }
      } else {
        const earlier = newEmails.get(row.email);
        if (earlier) { ctx.reject(row.line, row.sourcedId, `email ${row.email} is already on line ${earlier}`); continue; }
        newEmails.set(row.email, row.line);
        userId = randomUUID();
        created.push({ id: userId, districtId, email: row.email, name: row.name, at: now.toISOString() });
        ctx.change({ kind: 'staff', ref: userId, before: null });
        counts.staffCreated++;
      }
      // The link is written when it is new or changed: a re-sync leaves the others alone.
      if (!linked || linked.oneRosterRole !== row.oneRosterRole) links.push({ districtId, sourcedId: row.sourcedId, userId, oneRosterRole: row.oneRosterRole });
      for (const schoolId of row.schoolIds) grants.push({ userId, role: row.role, schoolId });
    }
    await staffRepo.insertAccounts(tx, created);
    await staffRepo.updateAccounts(tx, districtId, updated, now);
    await staffRepo.upsertRosterStaff(tx, links);
    await staffRepo.insertGrants(tx, grants);
    for (const gone of this.toInactivate) ctx.change({ kind: 'staff', ref: gone.userId, before: { name: gone.name, active: true } });
    await staffRepo.deactivateAccounts(tx, districtId, this.toInactivate.map((s) => s.userId), now);
    counts.staffInactivated += this.toInactivate.length;
    await this.invite(tx, created);
  }

  /** One set-password invitation per created account, e-mailed through the outbox in the sync's transaction. */
  private async invite(tx: Db, accounts: staffRepo.NewAccount[]): Promise<void> {
    if (accounts.length === 0) return;
    const { districtId, now, publicUrl } = this.ctx;
    const district = await staffRepo.districtName(tx, districtId);
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const invitations = [];
    const mails = [];
    for (const account of accounts) {
      const token = randomBytes(32).toString('base64url');
      invitations.push({ userId: account.id, tokenHash: tokenHash(token), expiresAt: expiresAt.toISOString(), createdAt: now.toISOString() });
      mails.push({
        districtId, to: account.email, kind: 'account.invitation', subject: `Your SRO Desk account for ${district}`,
        body: `Hello ${account.name},\n\nAn SRO Desk account was made for you by ${district}'s roster sync. Choose your password `
          + `within ${INVITATION_DAYS} days at this link (it works once):\n\n${publicUrl.replace(/\/$/, '')}/set-password#${token}\n\n`
          + 'Then sign in with this e-mail address. If you did not expect this message, you can ignore it.\n',
      });
    }
    for (let i = 0; i < invitations.length; i += 2000) {
      await staffRepo.insertInvitations(tx, invitations.slice(i, i + 2000));
      await queueMail(tx, { now: () => now }, mails.slice(i, i + 2000));
    }
    this.ctx.counts.invitationsQueued += accounts.length;
  }
}
