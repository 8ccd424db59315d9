import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPglite, openPostgres, type Database } from '../../db/connection.js';
import { adminUrl, createTestDatabase, TEMPLATE_ENV, testEngine, TEST_TMP } from '../../test/database.js';
import type { RestoreTarget } from './backup.restore.js';
import type { BackupSource } from './backup.create.js';

const urlFor = (name: string) => {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A scratch folder under the test tier's tmp, removed by `cleanup`. */
export function scratchDir(label: string): string {
  const dir = path.join(TEST_TMP, `backup-${label}-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A migrated source database of the engine under test, with what createBackup needs to read it. */
export async function sourceDatabase(): Promise<{ database: Database; source: BackupSource; url?: string; close(): Promise<void> }> {
  if (testEngine() === 'pglite') {
    const database = await createTestDatabase();
    return { database, source: { kind: 'pglite', database }, close: () => database.close() };
  }
  const name = `srodesk_t_${process.env.SRODESK_TEST_RUN_PID ?? process.pid}_bk${randomBytes(4).toString('hex')}`;
  await admin((pg) => pg.unsafe(`create database "${name}" template "${process.env[TEMPLATE_ENV.postgres]}"`));
  const url = urlFor(name);
  const database = openPostgres(url, { max: 4 });
  return {
    database, url, source: { kind: 'postgres', url },
    close: async () => {
      await database.close();
      await admin((pg) => pg.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** A fresh restore target of the engine under test: an empty data folder, or an empty database. */
export async function freshTarget(): Promise<{ target: RestoreTarget; open(): Promise<Database>; close(): Promise<void> }> {
  const dataDir = scratchDir('target');
  if (testEngine() === 'pglite') {
    return {
      target: { kind: 'pglite', dataDir },
      open: () => openPglite({ dataDir: path.join(dataDir, 'pglite') }),
      close: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `srodesk_t_${process.env.SRODESK_TEST_RUN_PID ?? process.pid}_rs${randomBytes(4).toString('hex')}`;
  await admin((pg) => pg.unsafe(`create database "${name}"`));
  const url = urlFor(name);
  return {
    target: { kind: 'postgres', url, dataDir },
    open: async () => openPostgres(url, { max: 4 }),
    close: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await admin((pg) => pg.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** A fingerprint of every table: row count and an md5 of all its rows in a stable order. */
export async function fingerprint(database: Database): Promise<Record<string, string>> {
  const run = async (text: string) => {
    const result = await database.db.execute(sql.raw(text));
    return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
  };
  const tables = (await run(`select relname::text as t from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`)).map((r) => String(r.t));
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await run(`select count(*)::text as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from "${table}" x`);
    out[table] = `${row?.n}:${row?.h}`;
  }
  return out;
}
