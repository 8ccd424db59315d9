import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { createIncident, rawPost, type World } from '../incidents/incidents.test-support.js';

// A record with a copy of itself in every place a sealing must reach: a call, a supplement, evidence, a referral,
// a tip link, a threat case, version snapshots, search vectors and earlier audit details (a search's results).

/** Words that appear only in the record to seal. */
export const SECRET = {
  visitor: ['Zebulon', 'Quackenbush'], narrative: 'xylophonic', summary: 'Marmaladed', supplement: 'periwinkled', call: 'Hullabaloo',
  file: 'evidence-bramblewood.png', referral: 'Tamarindo',
};

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

/** Builds the record as an SRO and a supervisor would, with its copies; answers its id, number and file key. */
export async function recordWithCopies(w: World) {
  const call = await w.as.sro!.post('/api/calls', { schoolId: w.north, summary: `${SECRET.call} by the gym doors`, priority: 'urgent' });
  if (call.status !== 201) throw new Error(call.text);
  const created = await createIncident(w, 'sro', {
    callId: call.body.id, summary: `${SECRET.summary} lockers`, narrative: `The ${SECRET.narrative} noise came from locker 12.`,
    persons: [
      { kind: 'student', role: 'suspect', studentId: w.adult },
      { kind: 'visitor', role: 'witness', firstName: SECRET.visitor[0], lastName: SECRET.visitor[1] },
    ],
  });
  const added = await rawPost(w, 'sro', `/api/incidents/${created.id}/attachments?fileName=${SECRET.file}`, PNG);
  if (added.status !== 201) throw new Error(JSON.stringify(added.body));
  const submitted = await w.as.sro!.post(`/api/incidents/${created.id}/submit`, { version: created.version });
  await w.as.supervisor!.post(`/api/incidents/${created.id}/approve`, { version: submitted.body.version });
  const sup = await w.as.sro!.post(`/api/incidents/${created.id}/supplements`, { narrative: `Later the ${SECRET.supplement} bag was found.` });
  if (sup.status !== 201 && sup.status !== 200) throw new Error(sup.text);
  const referral = await w.as.sro!.post(`/api/incidents/${created.id}/referrals`, {
    kind: 'administration', summary: `${SECRET.referral} case for the principal`, personIds: [created.persons[1].id],
  });
  if (referral.status !== 201) throw new Error(referral.text);
  const found = await w.as.sro!.get(`/api/incidents?q=${SECRET.visitor[1]}`);
  if (found.body.items.length !== 1) throw new Error(`search found ${found.body.items.length}`);
  const anon = w.t.client();
  const token = (await anon.get('/api/public/tips/token')).body.token;
  const tip = await anon.post('/api/public/tips', { token, schoolId: w.north, category: 'bullying', description: 'Pushing near the lockers every day' });
  if (tip.status !== 201) throw new Error(tip.text);
  const [tipRow] = rows<{ id: string }>(await w.t.db.execute(sql`select id from tips order by created_at desc limit 1`));
  const linked = await w.as.sro!.post(`/api/tips/${tipRow!.id}/links`, { kind: 'incident', targetId: created.id });
  if (linked.status !== 201) throw new Error(linked.text);
  const threat = await w.as.sro!.post('/api/threat-cases', {
    schoolId: w.north, source: 'incident', incidentId: created.id, subjectStudentId: w.adult, threatAsReported: 'Said he would get even', teamUserIds: [],
  });
  if (threat.status !== 201) throw new Error(threat.text);
  return { id: created.id as string, number: created.number as string, callNumber: call.body.number as string, tipId: tipRow!.id, threatId: threat.body.id as string, attachmentId: added.body.id as string };
}

/** Every needle found in any text, JSON, array, search vector or byte column of any table: `table.column: needle`. */
export async function grepDatabase(db: Db, needles: string[]): Promise<string[]> {
  const columns = rows<{ t: string; c: string; type: string }>(await db.execute(sql`
    select table_name as t, column_name as c, data_type as type from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'tsvector', 'ARRAY', 'bytea')`));
  const hits: string[] = [];
  for (const { t, c, type } of columns) {
    const match = type === 'bytea'
      ? sql`position(convert_to(u.needle, 'UTF8') in x.${sql.identifier(c)}) > 0`
      : sql`x.${sql.identifier(c)}::text ilike '%' || u.needle || '%'`;
    const found = rows<{ needle: string }>(await db.execute(sql`
      select distinct u.needle from ${sql.identifier(t)} x, unnest(${`{${needles.join(',')}}`}::text[]) as u(needle) where ${match}`));
    for (const f of found) hits.push(`${t}.${c}: ${f.needle}`);
  }
  return hits;
}

/** Every needle found in any file under `dir` (as `strings | grep` would). */
export function grepFolder(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const bytes = readFileSync(full);
        for (const n of needles) if (bytes.includes(Buffer.from(n))) hits.push(`${full}: ${n}`);
      }
    }
  };
  walk(dir);
  return hits;
}
