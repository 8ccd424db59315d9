import { eq, sql } from 'drizzle-orm';
import { rows as rowsOf, type Db } from '../../db/connection.js';
import { rosterStaff, users } from '../../db/schema/index.js';

/** The staff accounts the sync keeps for a district, with what a re-sync compares. */
export function findRosterStaff(db: Db, districtId: string) {
  return db.select({
    sourcedId: rosterStaff.sourcedId, userId: rosterStaff.userId, oneRosterRole: rosterStaff.oneRosterRole, name: users.name, email: users.email,
    active: users.active,
  }).from(rosterStaff).innerJoin(users, eq(users.id, rosterStaff.userId)).where(eq(rosterStaff.districtId, districtId));
}
export type RosterStaffRow = Awaited<ReturnType<typeof findRosterStaff>>[number];

/** Accounts holding any of these e-mails (any district: an e-mail signs in to one account only). */
export async function findUsersByEmail(db: Db, emails: string[]) {
  if (emails.length === 0) return [];
  const result = await db.execute(sql`
    select id, district_id, email, name, active from users
    where lower(email) in (select value from jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb))`);
  return rowsOf<{ id: string; district_id: string; email: string; name: string; active: boolean }>(result).map((r) => ({ id: r.id, districtId: r.district_id, email: r.email, name: r.name, active: r.active }));
}

export interface NewAccount { id: string; districtId: string; email: string; name: string; at: string }

/** Creates accounts with no usable password (the invitation sets one). */
export async function insertAccounts(tx: Db, rows: NewAccount[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into users (id, district_id, email, name, password_hash, active, created_at, updated_at)
    select x.id, x."districtId", x.email, x.name, '!invited', true, x.at, x.at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, "districtId" uuid, email text, name text, at timestamptz)`);
}

/** Sets name and active of accounts the sync keeps (also the undo of a sync). */
export async function updateAccounts(tx: Db, districtId: string, rows: { id: string; name: string; active: boolean }[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update users u set name = x.name, active = x.active, updated_at = ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, name text, active boolean)
    where u.id = x.id and u.district_id = ${districtId}::uuid`);
}

/** Links accounts to their users.csv sourcedId. */
export async function upsertRosterStaff(tx: Db, rows: (typeof rosterStaff.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(rosterStaff).values(rows)
    .onConflictDoUpdate({ target: [rosterStaff.districtId, rosterStaff.sourcedId], set: { userId: sql`excluded.user_id`, oneRosterRole: sql`excluded.one_roster_role` } });
}

/** Grants roles at schools; a grant the account already holds stays as it is. */
export async function insertGrants(tx: Db, rows: { userId: string; role: string; schoolId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into role_grants (user_id, role, school_id)
    select x."userId", x.role::role_name, x."schoolId"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("userId" uuid, role text, "schoolId" uuid)
    on conflict do nothing`);
}

/** Invitations to set a first password (token hashes only). */
export async function insertInvitations(tx: Db, rows: { userId: string; tokenHash: string; expiresAt: string; createdAt: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into account_invitations (user_id, token_hash, expires_at, created_at)
    select x."userId", x."tokenHash", x."expiresAt", x."createdAt"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("userId" uuid, "tokenHash" text, "expiresAt" timestamptz, "createdAt" timestamptz)`);
}

/** Deactivates accounts of a district (sign-in refused, sessions end; records stay). */
export async function deactivateAccounts(tx: Db, districtId: string, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    update users set active = false, updated_at = ${at.toISOString()}::timestamptz
    where district_id = ${districtId}::uuid and id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
}

/** The district's name, for the invitation e-mail. */
export async function districtName(db: Db, districtId: string): Promise<string> {
  const result = await db.execute(sql`select name from districts where id = ${districtId}::uuid`);
  return rowsOf<{ name: string }>(result)[0]?.name ?? 'your district';
}
