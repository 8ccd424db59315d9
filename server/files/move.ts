import { createReadStream, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { AppConfig } from '../config.js';
import { rows, type Database } from '../db/connection.js';
import { moveAll } from './maintenance.js';
import { createFileStore } from './registry.js';
import type { StoreKind } from './store.js';

/**
 * `npm run files:move -- --to <kind>`: checks that the target answers, moves every file kept elsewhere into it
 * (the configured bucket is read too, so moving out of S3 keeps FILE_STORE=s3://... set until done), and imports
 * the plaintext evidence files of releases before the file store (DATA_DIR/evidence). Returns the counts and the
 * keys of files whose bytes were not found.
 */
export async function moveFiles(config: AppConfig, database: Database, to: StoreKind): Promise<{ moved: number; imported: number; missing: string[] }> {
  const target = createFileStore(config, database, to);
  await target.probe();
  const { moved, missing } = await moveAll(target);
  let imported = 0;
  const legacy = rows<{ key: string }>(await database.db.execute(sql`
    select a.storage_key as key from incident_attachments a
    where not exists (select 1 from stored_files f where f.key = a.storage_key)`));
  for (const { key } of legacy) {
    const file = path.join(config.dataDir, 'evidence', key);
    if (!existsSync(file)) {
      missing.push(key);
      continue;
    }
    await target.write(key, createReadStream(file));
    rmSync(file);
    imported += 1;
  }
  return { moved, imported, missing };
}
