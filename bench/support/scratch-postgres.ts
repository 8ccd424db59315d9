import { randomBytes } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { printFigures } from './stats.js';

/** A scratch PostgreSQL database of one benchmark run: its name, its URL and an admin connection to the server. */
export interface ScratchPostgres {
  name: string;
  url: string;
  admin: Sql;
  /** Creates the database. */
  create(): Promise<void>;
  /** Drops the database (forcing out connections) and closes the admin connection. */
  drop(): Promise<void>;
}

/**
 * The scratch database of `bench` on the server of TEST_DATABASE_URL (or DATABASE_URL); without one the benchmark
 * prints that it skipped and the process ends.
 */
export function scratchPostgres(bench: string): ScratchPostgres {
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!server) {
    process.stdout.write('set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server\n');
    printFigures({ bench, skipped: 'no PostgreSQL server' });
    process.exit(0);
  }
  const admin = postgres(server, { max: 1, onnotice: () => undefined });
  const name = `srodesk_bench_${bench.replace(/\W/g, '_')}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    name, url: url.toString(), admin,
    create: async () => { await admin.unsafe(`create database "${name}"`); },
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await admin.end({ timeout: 5 });
    },
  };
}
