import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { AppConfig } from '../config.js';
import { checkDatabaseUrl, explainConnectionError } from './connect-errors.js';
import { openPglite, openPostgres, type Database } from './connection.js';
import { lockDataDir } from './lock.js';

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR) and, unless
 * `migrate: false`, migrates it under the migration lock. A connection failure is a DatabaseConnectError naming
 * its cause within `dbConnectTimeout` seconds.
 */
export async function openConfiguredDatabase(config: AppConfig, options: { migrate?: boolean } = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    checkDatabaseUrl(url);
    const timeout = config.dbConnectTimeout ?? 5;
    const database = openPostgres(url, { max: config.dbPoolMax ?? 10, connectTimeout: timeout });
    try {
      // A host that accepts TCP but never speaks PostgreSQL (a black-holing proxy) would otherwise hang forever.
      await withDeadline(database.db.execute(sql`select 1`), timeout);
      if (migrate) await database.migrate();
    } catch (error) {
      await withDeadline(database.close(), 2).catch(() => undefined);
      throw explainConnectionError(error, url, timeout);
    }
    return database;
  }
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
    if (migrate) await database.migrate();
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

function withDeadline<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${seconds} s`), { code: 'CONNECT_TIMEOUT' })), seconds * 1000);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
