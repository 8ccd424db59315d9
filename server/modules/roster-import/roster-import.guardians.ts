import { randomUUID } from 'node:crypto';
import type { RosterCounts } from '../../../common/roster-import.js';
import type { Db } from '../../db/connection.js';
import * as guardianRepo from './roster-guardians.repository.js';
import type { ChangeRow } from './roster-undo.repository.js';

const FAMILY = new Set(['parent', 'guardian', 'relative']);

interface FamilyRow { sourcedId: string; role: string; firstName: string; lastName: string; email: string | null; phone: string | null; agents: string[] }

const split = (raw: string) => raw.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * Parents, guardians and relatives of users.csv become the roster's guardians, tied to students through
 * agentSourcedIds (on either side). A new tie of a parent or guardian may pick the student up and has custody, a
 * relative neither; a tie that exists keeps what staff set (custody, pick-up, restrictions). Ties the sync made are
 * undone with it; guardian rows stay.
 */
export class GuardianSync {
  private readonly family = new Map<string, FamilyRow>();
  /** Student sourcedId → agent sourcedIds named on the student's row. */
  private readonly studentAgents = new Map<string, string[]>();

  constructor(private readonly ctx: {
    districtId: string; now: Date; counts: RosterCounts; change(row: ChangeRow): void;
    reject(line: number, sourcedId: string, reason: string): null;
  }) {}

  /** True when the row is a parent, guardian or relative (taken or rejected). */
  take(line: number, sourcedId: string, role: string, get: (name: string) => string): boolean {
    if (!FAMILY.has(role)) return false;
    if (get('status').toLowerCase() === 'tobedeleted') { this.ctx.counts.skipped++; return true; }
    if (!sourcedId) { this.ctx.reject(line, '', 'sourcedId is empty'); return true; }
    if (!get('givenName') || !get('familyName')) { this.ctx.reject(line, sourcedId, 'givenName and familyName are required'); return true; }
    this.family.set(sourcedId, {
      sourcedId, role, firstName: get('givenName'), lastName: get('familyName'), email: get('email') || null,
      phone: get('phone') || get('sms') || null, agents: split(get('agentSourcedIds')),
    });
    return true;
  }

  /** Notes the agents a student's row names. */
  student(sourcedId: string, agentSourcedIds: string): void {
    const agents = split(agentSourcedIds);
    if (agents.length > 0) this.studentAgents.set(sourcedId, agents);
  }

  /** Writes guardians and the new ties; `studentIdOf` answers the roster id of a student sourcedId. */
  async write(tx: Db, studentIdOf: (sourcedId: string) => string | undefined): Promise<void> {
    const { districtId, now, counts } = this.ctx;
    const existing = new Map((await guardianRepo.findRosterGuardians(tx, districtId)).map((g) => [g.sourcedId, g]));
    const rows: guardianRepo.GuardianRow[] = [];
    const created: { districtId: string; sourcedId: string; guardianId: string }[] = [];
    const ids = new Map<string, string>();
    for (const f of this.family.values()) {
      const found = existing.get(f.sourcedId);
      const id = found?.id ?? randomUUID();
      ids.set(f.sourcedId, id);
      const row = { id, districtId, firstName: f.firstName, lastName: f.lastName, email: f.email, phone: f.phone, at: now.toISOString() };
      if (!found) { counts.guardiansCreated++; rows.push(row); created.push({ districtId, sourcedId: f.sourcedId, guardianId: id }); continue; }
      if (found.firstName !== f.firstName || found.lastName !== f.lastName || found.email !== f.email || found.phone !== f.phone) {
        counts.guardiansUpdated++;
        rows.push(row);
      }
    }
    await guardianRepo.upsertGuardians(tx, rows);
    await guardianRepo.insertRosterGuardians(tx, created);
    const pairs = new Map<string, { studentId: string; guardianId: string; relationship: string; hasCustody: boolean; mayPickUp: boolean }>();
    const tie = (studentSourcedId: string, familySourcedId: string) => {
      const studentId = studentIdOf(studentSourcedId);
      const f = this.family.get(familySourcedId);
      const guardianId = ids.get(familySourcedId);
      if (!studentId || !f || !guardianId) return;
      const close = f.role !== 'relative';
      pairs.set(`${studentId}:${guardianId}`, { studentId, guardianId, relationship: f.role, hasCustody: close, mayPickUp: close });
    };
    for (const f of this.family.values()) for (const s of f.agents) tie(s, f.sourcedId);
    for (const [s, agents] of this.studentAgents) for (const a of agents) tie(s, a);
    const known = await guardianRepo.findSyncedLinks(tx, districtId);
    const made = await guardianRepo.insertLinks(tx, [...pairs].filter(([ref]) => !known.has(ref)).map(([, pair]) => pair));
    for (const m of made) this.ctx.change({ kind: 'guardian_link', ref: `${m.studentId}:${m.guardianId}`, before: null });
    counts.guardianLinks += made.length;
  }
}
