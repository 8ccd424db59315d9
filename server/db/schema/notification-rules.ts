import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DeadlineUnit, NotifyTrigger, NotifyWhom } from '../../../common/notification-rules.js';
import type { RuleCitation } from '../../../common/preparedness.js';
import { districts } from './organization.js';

/**
 * A district's notification rule: an action on a (student) person, for any or some offenses, requires telling
 * someone within a deadline. A district without rows follows its state's default set (code, not rows).
 */
export const notificationRules = pgTable('notification_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  key: text('key').notNull(),
  title: text('title').notNull(),
  trigger: text('trigger').$type<NotifyTrigger>().notNull(),
  offenses: jsonb('offenses').$type<string[]>(),
  studentsOnly: boolean('students_only').notNull().default(true),
  notify: text('notify').$type<NotifyWhom>().notNull(),
  method: text('method').$type<'oral' | 'written' | 'any'>().notNull().default('any'),
  deadlineAmount: integer('deadline_amount').notNull(),
  deadlineUnit: text('deadline_unit').$type<DeadlineUnit>().notNull(),
  beforeNextSchoolDay: boolean('before_next_school_day').notNull().default(false),
  citation: jsonb('citation').$type<RuleCitation>(),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('notification_rules_key').on(t.districtId, t.key),
  index('notification_rules_district_idx').on(t.districtId, t.position),
  check('notification_rules_deadline', sql`${t.deadlineAmount} >= 0 and ${t.deadlineUnit} in ('hours', 'days', 'school_days')`),
]);
