import path from 'node:path';
import type { AppConfig } from '../config.js';
import { openPglite, openPostgres, type Database } from './connection.js';
import { lockDataDir } from './lock.js';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR), migrated. */
export async function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  if (config.databaseUrl) {
    const database = openPostgres(config.databaseUrl);
    await database.migrate();
    return database;
  }
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
    await database.migrate();
    const close = database.close;
    return {
      ...database,
      close: async () => {
        try {
          await close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
