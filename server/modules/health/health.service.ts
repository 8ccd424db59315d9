import type { Database } from '../../db/connection.js';
import { AppError } from '../../lib/errors.js';

export const APP_VERSION = '0.1.0';

/** Answers with the database kind and the last applied migration; 503 when the database does not answer. */
export async function getHealth(database: Database) {
  try {
    const version = await database.migrationVersion();
    return {
      status: 'ok' as const,
      version: APP_VERSION,
      database: { kind: database.kind, migrationsApplied: version.applied, migration: version.latest },
    };
  } catch {
    throw new AppError('unavailable', 'The database does not answer');
  }
}
