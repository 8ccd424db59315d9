import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The append-only audit log; a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  districtId: uuid('district_id'),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  eventType: text('event_type').notNull(),
  schoolId: uuid('school_id'),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  requestId: text('request_id'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [
  index('audit_events_at_idx').on(t.districtId, t.at),
  index('audit_events_actor_idx').on(t.actorUserId, t.at),
  index('audit_events_type_idx').on(t.eventType, t.at),
  index('audit_events_school_idx').on(t.schoolId, t.at),
]);
