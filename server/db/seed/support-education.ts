import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../connection.js';
import type { FileWork } from '../../files/store.js';
import {
  activityEntries, educationClasses, educationMaterials, educationSurveyResponses, educationSurveys, educationTopics, mediationParties, mediations,
  mentoringContacts, outreachEvents, recordCounters,
} from '../schema/index.js';
import { generateEducation } from './education.js';
import { generateMentoring } from './mentoring.js';
import type { DemoData } from './model.js';

/** Inserts rows of a table in batches (the seed's own helper). */
export type InsertAll = (tx: Db, table: PgTable, values: Record<string, unknown>[]) => Promise<void>;

/**
 * Inserts the mentoring and education demo rows as of `today`; answers a line for the seed log. Class materials go
 * into the encrypted file store with the seed's transaction (without one, e.g. a bare database in a test, they are
 * written as a release before the store did, and the next start moves them in).
 */
export async function seedSupportEducation(tx: Db, data: DemoData, today: string, insertAll: InsertAll, files?: FileWork): Promise<string> {
  const m = generateMentoring(data, today);
  const e = generateEducation(data, today);
  const materials = [];
  for (const { content, ...material } of e.materials) {
    materials.push(files ? { ...material, fileKey: (await files.put(`education-materials/${material.id}`, content)).key } : { ...material, legacyBytes: content });
  }
  for (const [table, values] of [
    [mentoringContacts, m.contacts], [mediations, m.mediations], [mediationParties, m.parties], [educationTopics, e.topics],
    [educationClasses, e.classes], [educationMaterials, materials], [educationSurveys, e.surveys], [educationSurveyResponses, e.responses],
    [outreachEvents, e.outreach], [recordCounters, e.counters], [activityEntries, [...m.activity, ...e.activity]],
  ] as [PgTable, Record<string, unknown>[]][]) await insertAll(tx, table, values);
  return `${m.contacts.length} mentoring contacts, ${m.mediations.length} mediations, ${e.classes.length} class requests, ${e.outreach.length} outreach events`;
}
