import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../connection.js';
import {
  activityEntries, educationClasses, educationMaterials, educationSurveyResponses, educationSurveys, educationTopics, mediationParties, mediations,
  mentoringContacts, outreachEvents, recordCounters,
} from '../schema/index.js';
import { generateEducation } from './education.js';
import { generateMentoring } from './mentoring.js';
import type { DemoData } from './model.js';

/** Inserts rows of a table in batches (the seed's own helper). */
export type InsertAll = (tx: Db, table: PgTable, values: Record<string, unknown>[]) => Promise<void>;

/** Inserts the mentoring and education demo rows as of `today`; answers a line for the seed log. */
export async function seedSupportEducation(tx: Db, data: DemoData, today: string, insertAll: InsertAll): Promise<string> {
  const m = generateMentoring(data, today);
  const e = generateEducation(data, today);
  for (const [table, values] of [
    [mentoringContacts, m.contacts], [mediations, m.mediations], [mediationParties, m.parties], [educationTopics, e.topics],
    [educationClasses, e.classes], [educationMaterials, e.materials], [educationSurveys, e.surveys], [educationSurveyResponses, e.responses],
    [outreachEvents, e.outreach], [recordCounters, e.counters], [activityEntries, [...m.activity, ...e.activity]],
  ] as [PgTable, Record<string, unknown>[]][]) await insertAll(tx, table, values);
  return `${m.contacts.length} mentoring contacts, ${m.mediations.length} mediations, ${e.classes.length} class requests, ${e.outreach.length} outreach events`;
}
