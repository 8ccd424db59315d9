import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { MIGRATIONS_DIR, openPglite, openPostgres, pgliteClient, type Database } from '../db/connection.js';

/** The package root, resolved from this file so tests may run from any working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Scratch folder of the test tiers (gitignored). */
export const TEST_TMP = path.join(ROOT, '.test-tmp');

/** Environment variables through which the global setup hands its templates to the test workers. */
export const TEMPLATE_ENV = { pglite: 'SRODESK_TEST_PGLITE_TEMPLATE', postgres: 'SRODESK_TEST_PG_TEMPLATE' } as const;

/** The engine of this test run: `TEST_DB=postgres` or (default) `pglite`. */
export function testEngine(): 'pglite' | 'postgres' {
  const value = process.env.TEST_DB ?? 'pglite';
  if (value !== 'pglite' && value !== 'postgres') throw new Error(`TEST_DB must be pglite or postgres, not ${value}`);
  return value;
}

/** The admin connection URL of the PostgreSQL tier (TEST_DATABASE_URL), or an explanation why it is missing. */
export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL=postgres://user@host:5432/db (an admin connection)');
  return url;
}

/** The URL of database `name` on the server of `base`. */
function urlFor(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PGlite: one migrated data folder dumped to a tarball, loaded by every test file (initdb runs once, not per file).

/**
 * A key of everything that shapes the template: migration files and the PGlite version. Templates are kept
 * between runs under this key, so a run whose migrations did not change skips initdb altogether.
 */
function pgliteTemplateKey(): string {
  const hash = createHash('sha256');
  // drizzle-orm counts too: its migrator owns the bookkeeping table inside the template.
  for (const name of ['@electric-sql/pglite', 'drizzle-orm']) {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
    hash.update(`${name}@${pkg.version}`);
  }
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of files(MIGRATIONS_DIR).sort()) {
    hash.update(path.relative(MIGRATIONS_DIR, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Builds (or reuses) the migrated PGlite template and returns the path of its tarball. */
export async function preparePgliteTemplate(): Promise<string> {
  mkdirSync(TEST_TMP, { recursive: true });
  const file = path.join(TEST_TMP, `pglite-template-${pgliteTemplateKey()}.tar`);
  if (existsSync(file)) return file;
  const database = await openPglite();
  try {
    await database.migrate();
    // Uncompressed: 40 MB on disk, but each test file opens it in ~0.35 s instead of ~0.6 s for gzip.
    const dump = await pgliteClient(database).dumpDataDir('none');
    // Written aside and renamed, so a concurrent run never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await database.close();
  }
  removeStaleTemplates(file);
  return file;
}

/** Removes templates of older migration sets; an hour's grace leaves a concurrent run on them alone. */
function removeStaleTemplates(keep: string): void {
  for (const name of readdirSync(TEST_TMP)) {
    const file = path.join(TEST_TMP, name);
    if (!name.startsWith('pglite-template-') || file === keep) continue;
    try {
      if (Date.now() - statSync(file).mtimeMs > 60 * 60 * 1000) rmSync(file, { force: true });
    } catch {
      // gone already
    }
  }
}

async function openPgliteFromTemplate(): Promise<Database> {
  const file = process.env[TEMPLATE_ENV.pglite] ?? (await preparePgliteTemplate());
  return openPglite({ loadDataDir: new Blob([readFileSync(file)]) });
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL: a migrated template database per run; each test file clones it with CREATE DATABASE ... TEMPLATE.

const TEMPLATE_PREFIX = 'srodesk_tpl_';
const DATABASE_PREFIX = 'srodesk_t_';

/** The pid that owns the run: the main Vitest process (workers inherit it), else this process. */
function runPid(): number {
  return Number(process.env.SRODESK_TEST_RUN_PID ?? process.pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops template and test databases left by runs whose process is gone (a killed run cannot clean up). */
async function dropOrphans(sql: postgres.Sql): Promise<void> {
  const found = await sql<{ datname: string }[]>`
    select datname from pg_database where datname like ${TEMPLATE_PREFIX + '%'} or datname like ${DATABASE_PREFIX + '%'}`;
  for (const { datname } of found) {
    const pid = Number(/^srodesk_(?:tpl|t)_(\d+)/.exec(datname)?.[1]);
    if (pid && !alive(pid)) await dropDatabase(sql, datname);
  }
}

async function dropDatabase(sql: postgres.Sql, name: string): Promise<void> {
  await sql.unsafe(`drop database if exists "${name}" with (force)`);
}

/** Creates and migrates this run's PostgreSQL template database; returns its name. */
export async function preparePostgresTemplate(): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${runPid()}`;
  await withAdmin(async (sql) => {
    await dropOrphans(sql);
    await dropDatabase(sql, name);
    await sql.unsafe(`create database "${name}"`);
  });
  const database = openPostgres(urlFor(adminUrl(), name), { max: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return name;
}

/** Drops this run's template database and any test database of the run left open. */
export async function dropPostgresRun(): Promise<void> {
  await withAdmin(async (sql) => {
    const mine = await sql<{ datname: string }[]>`
      select datname from pg_database where datname = ${TEMPLATE_PREFIX + runPid()} or datname like ${`${DATABASE_PREFIX}${runPid()}_%`}`;
    for (const { datname } of mine) await dropDatabase(sql, datname);
  });
}

/** Creates a PostgreSQL database for one test file: a clone of the template, or empty (template0). */
async function openPostgresClone(options: { empty: boolean }): Promise<Database> {
  const template = options.empty ? 'template0' : (process.env[TEMPLATE_ENV.postgres] ?? (await preparePostgresTemplate()));
  const name = `${DATABASE_PREFIX}${runPid()}_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (sql) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await sql.unsafe(`create database "${name}" template "${template}"`);
        return;
      } catch (error) {
        // 55006: the template is briefly in use (another clone starting); retry rather than fail the file.
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  const database = openPostgres(urlFor(adminUrl(), name), { max: 4 });
  const close = database.close;
  const clone: Database = {
    ...database,
    close: async () => {
      try {
        await close();
      } finally {
        await withAdmin((sql) => dropDatabase(sql, name));
      }
    },
  };
  cloneUrls.set(clone, urlFor(adminUrl(), name));
  return clone;
}

const cloneUrls = new WeakMap<Database, string>();

/**
 * A second connection pool to the same PostgreSQL test database, as another server process has (null on
 * PGlite, which one process owns). Closing it leaves the database in place.
 */
export function connectAgain(database: Database): Database | null {
  const url = cloneUrls.get(database);
  return url ? openPostgres(url, { max: 4 }) : null;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * A fresh, migrated database of the engine chosen by TEST_DB, private to the caller; `close()` discards it.
 * With `{ empty: true }` it is not migrated (for tests of the migrations themselves).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<Database> {
  const empty = options.empty ?? false;
  if (testEngine() === 'postgres') return openPostgresClone({ empty });
  return empty ? openPglite() : openPgliteFromTemplate();
}

/** The URL of a PostgreSQL test database (for a command run in a child process); null on PGlite. */
export function databaseUrlOf(database: Database): string | null {
  return cloneUrls.get(database) ?? null;
}
