import { sql } from 'drizzle-orm';
import { rows } from '../db/connection.js';
import { withFiles, type FileStore } from './store.js';

/** A column that held a user's file as bytea before the file store, and the column that now names its key. */
interface LegacyColumn { table: string; id: string; bytes: string; key: string; prefix: string }

/** Every such column (dropped by a later release, once every installation has moved them: expand/contract). */
export const LEGACY_COLUMNS: readonly LegacyColumn[] = [
  { table: 'tip_attachments', id: 'tip_id', bytes: 'content', key: 'file_key', prefix: 'tips' },
  { table: 'safety_plan_versions', id: 'id', bytes: 'file', key: 'file_key', prefix: 'plans' },
  { table: 'sro_certifications', id: 'id', bytes: 'document', key: 'document_key', prefix: 'certifications' },
  { table: 'school_documents', id: 'id', bytes: 'file', key: 'file_key', prefix: 'school-documents' },
  { table: 'assessment_photos', id: 'id', bytes: 'bytes', key: 'file_key', prefix: 'assessment-photos' },
  { table: 'education_materials', id: 'id', bytes: 'bytes', key: 'file_key', prefix: 'education-materials' },
];

/**
 * Moves files that releases before the file store kept as plain bytea into the encrypted store, a few rows per
 * transaction: the file is stored and the row switched to its key (and its bytes cleared) in one commit. Rows
 * are taken with SKIP LOCKED and the switch is conditional, so several processes starting together share the
 * work and a restart part-way just continues; a table that had any is then rewritten (VACUUM FULL) so the old row
 * versions with the plaintext leave the disk. Runs at every start (a no-op once done) and in `npm run migrate`.
 */
export async function moveLegacyFiles(store: FileStore, batch = 20): Promise<number> {
  let moved = 0;
  for (const c of LEGACY_COLUMNS) {
    const [table, id, bytes, key] = [sql.identifier(c.table), sql.identifier(c.id), sql.identifier(c.bytes), sql.identifier(c.key)];
    let fromTable = 0;
    for (;;) {
      const done = await withFiles(store, store.db, async (tx, files) => {
        const found = rows<{ id: string; bytes: Buffer | Uint8Array }>(await tx.execute(sql`
          select ${id}::text as id, ${bytes} as bytes from ${table}
          where ${bytes} is not null and ${key} is null order by ${id} limit ${batch} for update skip locked`));
        for (const row of found) {
          const fileKey = `${c.prefix}/${row.id}`;
          await files.put(fileKey, Buffer.from(row.bytes));
          await tx.execute(sql`update ${table} set ${key} = ${fileKey}, ${bytes} = null where ${id}::text = ${row.id}`);
        }
        return found.length;
      });
      fromTable += done;
      if (done < batch) break;
    }
    // The cleared rows' old versions still hold the plaintext on disk: rewrite the table so they are gone.
    if (fromTable > 0) await store.db.execute(sql`vacuum full ${table}`);
    moved += fromTable;
  }
  return moved;
}
