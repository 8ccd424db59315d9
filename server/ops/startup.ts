import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import { DatabaseConnectError } from '../db/connect-errors.js';
import { rows, type Database } from '../db/connection.js';
import { DataDirLockedError } from '../db/lock.js';
import { SchemaNewerError } from '../db/migrate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo-accounts.js';
import { FileStoreUnavailableError } from '../files/registry.js';
import { markDraining } from './operations.js';

/** Exit codes of a failed start, for service managers and scripts (documented in docs/OPERATIONS.md). */
export const EXIT = { failed: 1, dataDirLocked: 2, schemaNewer: 3, database: 4, fileStore: 5, config: 78 } as const;

/** Whether this database holds the demo district (its published sign-ins exist). */
async function demoSeeded(database: Database): Promise<boolean> {
  const result = await database.db.execute(sql`select 1 from users where email = ${DEMO_ACCOUNTS[0]!.email} limit 1`);
  return rows(result).length > 0;
}

/**
 * Announces a started server: always one JSON log line; a human banner only when standard output is a
 * terminal, listing the demo sign-ins and password only when the demo district is in this database.
 */
export async function announceStart(app: FastifyInstance, config: AppConfig, database: Database): Promise<void> {
  const demo = await demoSeeded(database).catch(() => false);
  app.log.info({ url: config.publicUrl, database: database.kind, demo }, 'SRO Desk is running');
  if (!process.stdout.isTTY) return;
  const lines = ['', `  SRO Desk is running at ${config.publicUrl}  (database: ${database.kind})`, ''];
  if (demo) {
    lines.push(`  Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(21)} ${a.title}`);
    lines.push('    vendor@demo.test      contracted mental-health clinician (sees only referrals to Lakeside Behavioral Health)', '');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Graceful stop on SIGTERM/SIGINT: readiness answers 503 for `drainSeconds` (SIGTERM only) so the load
 * balancer stops sending traffic, then in-flight requests finish, then the database closes.
 */
export function installShutdown(app: FastifyInstance, database: Database, drainSeconds: number): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    markDraining(app);
    const drain = signal === 'SIGTERM' ? drainSeconds : 0;
    app.log.info({ signal, drainSeconds: drain }, 'shutting down: draining, then finishing in-flight requests');
    const timer = setTimeout(() => process.exit(1), (drain + 10) * 1000).unref();
    try {
      if (drain > 0) await new Promise((r) => setTimeout(r, drain * 1000));
      await app.close();
      await database.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Writes a start-up failure as one JSON line on standard error and exits with a code naming its kind. */
export function failStart(error: unknown): never {
  const e = error as { code?: string; message?: string; stack?: string };
  const exit = error instanceof DataDirLockedError ? EXIT.dataDirLocked
    : error instanceof SchemaNewerError ? EXIT.schemaNewer
      : error instanceof DatabaseConnectError ? EXIT.database
        : error instanceof FileStoreUnavailableError ? EXIT.fileStore
        : e.message?.startsWith('Invalid configuration') ? EXIT.config : EXIT.failed;
  const known = exit !== EXIT.failed;
  const line = {
    level: 60, time: Date.now(), pid: process.pid, msg: `SRO Desk could not start: ${e.message ?? String(error)}`,
    code: e.code ?? (exit === EXIT.dataDirLocked ? 'DATA_DIR_LOCKED' : exit === EXIT.config ? 'CONFIG_INVALID' : 'START_FAILED'),
    exitCode: exit,
    ...(known ? {} : { stack: e.stack }),
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
  process.exit(exit);
}
