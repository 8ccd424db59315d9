import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { EQUIPMENT_TYPE_LABELS, type ExpiryField } from '../../../common/equipment.js';
import { writeAudit, type AuditWho } from '../../audit/audit.js';
import type { Db } from '../../db/connection.js';
import { equipmentItems, equipmentNotices, roleGrants, schools, users } from '../../db/schema/index.js';
import type { Clock } from '../../lib/clock.js';
import { addDays } from '../calendars/calendars.days.js';
import { queueMail } from '../outbox/outbox.service.js';
import { expiryState, nextExpiry, noticeMail } from './equipment.policy.js';
import { refreshDueDays } from './equipment.repository.js';
import { dayIn, districtTimeZone } from '../../lib/district-time.js';

// The daily sweep: overdue inspections and expiries within 60 and 30 days (and past) are told to the item's owner
// (or, without one, the school's equipment managers) once per item, kind and date, through the outbox.

type NoticeKind = typeof equipmentNotices.$inferInsert.kind;
const EXPIRY_KIND = { expired: 'expired', within_30: 'expiry_30', within_60: 'expiry_60' } as const;
const PART: Record<ExpiryField, string> = { padsExpireOn: 'pads', batteryExpiresOn: 'battery', expiresOn: 'item' };
/** Roles that manage equipment at a school: they hear about items without an owner. */
const MANAGER_ROLES = ['school_admin', 'security'] as const;

/** Items of the district that stand out today, with their school and owner. */
async function findStandingOut(db: Db, districtId: string, today: string) {
  const e = equipmentItems;
  return db.select({ e, schoolName: schools.name, ownerEmail: users.email, ownerActive: users.active })
    .from(e).innerJoin(schools, eq(schools.id, e.schoolId)).leftJoin(users, eq(users.id, e.ownerId))
    .where(and(eq(e.districtId, districtId), eq(e.retired, false), or(lt(e.nextInspectionOn, today), lte(e.nextExpiryOn, addDays(today, 60)))));
}

/** Makes and mails the notices of one district; answers how many were new. */
export async function sendEquipmentNotices(db: Db, clock: Clock, districtId: string, publicUrl: string, who: AuditWho): Promise<number> {
  const today = dayIn(await districtTimeZone(db, districtId), clock.now());
  // Once a day the due-view summary folds the days that have passed.
  await db.transaction((tx) => refreshDueDays(tx, districtId, null, today));
  const items = await findStandingOut(db, districtId, today);
  if (items.length === 0) return 0;
  return db.transaction(async (tx) => {
    const fresh: { item: (typeof items)[number]; line: string }[] = [];
    for (const item of items) {
      const { e } = item;
      const wanted: { kind: NoticeKind; dueOn: string; line: string }[] = [];
      const label = `${EQUIPMENT_TYPE_LABELS[e.type]} "${e.name}"${e.serialNumber ? ` (serial ${e.serialNumber})` : ''}`;
      if (e.nextInspectionOn < today) wanted.push({ kind: 'inspection_overdue', dueOn: e.nextInspectionOn, line: `${label}: inspection overdue since ${e.nextInspectionOn}` });
      const next = nextExpiry(e);
      const state = expiryState(next?.on, today);
      if (next && state !== 'ok') {
        const verb = state === 'expired' ? 'expired on' : next.field === 'padsExpireOn' ? 'expire on' : 'expires on';
        wanted.push({ kind: EXPIRY_KIND[state], dueOn: next.on, line: `${label}: ${PART[next.field]} ${verb} ${next.on}` });
      }
      for (const w of wanted) {
        const [row] = await tx.insert(equipmentNotices).values({ districtId, equipmentId: e.id, kind: w.kind, dueOn: w.dueOn })
          .onConflictDoNothing().returning({ id: equipmentNotices.id });
        if (row) fresh.push({ item, line: w.line });
      }
    }
    if (fresh.length === 0) return 0;
    const ownerless = [...new Set(fresh.filter((f) => !f.item.ownerEmail || !f.item.ownerActive).map((f) => f.item.e.schoolId))];
    const managers = ownerless.length === 0 ? [] : await tx.selectDistinct({ schoolId: roleGrants.schoolId, email: users.email })
      .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(inArray(roleGrants.schoolId, ownerless), inArray(roleGrants.role, [...MANAGER_ROLES]), eq(users.active, true)));
    // One e-mail per recipient and school, listing every new notice for them there.
    const letters = new Map<string, { to: string; schoolName: string; lines: string[] }>();
    for (const { item, line } of fresh) {
      const to = item.ownerEmail && item.ownerActive ? [item.ownerEmail] : managers.filter((m) => m.schoolId === item.e.schoolId).map((m) => m.email);
      for (const address of to) {
        const key = `${address.toLowerCase()}|${item.e.schoolId}`;
        const letter = letters.get(key) ?? { to: address, schoolName: item.schoolName, lines: [] };
        letter.lines.push(line);
        letters.set(key, letter);
      }
    }
    await queueMail(tx, clock, [...letters.values()].map((l) => ({
      districtId, to: l.to, kind: 'equipment.notice', ...noticeMail(l.schoolName, l.lines, `${publicUrl}/equipment`),
    })));
    await writeAudit(tx, { ...who, districtId }, {
      type: 'equipment.notices_sent', subjectType: 'district', subjectId: districtId, detail: { notices: fresh.length, emails: letters.size },
    });
    return fresh.length;
  });
}

/** The daily run over every district with equipment. */
export async function sendAllEquipmentNotices(db: Db, clock: Clock, publicUrl: string): Promise<number> {
  const districts = await db.selectDistinct({ id: equipmentItems.districtId }).from(equipmentItems).where(sql`not ${equipmentItems.retired}`);
  let created = 0;
  for (const { id } of districts) created += await sendEquipmentNotices(db, clock, id, publicUrl, { label: 'system' });
  return created;
}
