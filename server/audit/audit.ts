import type { AuditEventType } from '../../common/audit-events.js';
import type { Actor } from '../auth/access.js';
import type { Db } from '../db/connection.js';
import { auditEvents } from '../db/schema/index.js';

/** One audit event to append. */
export interface AuditEntry {
  type: AuditEventType;
  schoolId?: string | null;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
}

/** Who did it: a signed-in actor, or a label (an e-mail tried at sign-in, "system"). */
export interface AuditWho {
  actor?: Pick<Actor, 'userId' | 'districtId' | 'email'> | null;
  label?: string;
  districtId?: string | null;
  requestId?: string;
  at?: Date;
}

/** Appends an audit event using `tx`, so it commits or rolls back with the change it records. */
export async function writeAudit(tx: Db, who: AuditWho, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    at: who.at,
    districtId: who.actor?.districtId ?? who.districtId ?? null,
    actorUserId: who.actor?.userId ?? null,
    actorLabel: who.actor?.email ?? who.label ?? 'system',
    eventType: entry.type,
    schoolId: entry.schoolId ?? null,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    requestId: who.requestId ?? null,
    detail: entry.detail ?? {},
  });
}

/** The audit "who" of a service call. */
export function whoOf(ctx: { actor: AuditWho['actor']; requestId: string }): AuditWho {
  return { actor: ctx.actor, requestId: ctx.requestId };
}
