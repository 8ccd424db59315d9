import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows } from '../db/connection.js';
import type { TestApp } from '../test/app.js';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Asserts that `marker`, written inside an uploaded file, is readable nowhere at rest: in no row of any table (as
 * text, or as the hex of a bytea) and in no file under the app's data folder (the encrypted file store, keys).
 */
export async function expectNotAtRest(t: Pick<TestApp, 'db' | 'config'>, marker: string): Promise<void> {
  const hex = Buffer.from(marker).toString('hex');
  const tables = rows<{ name: string }>(await t.db.execute(sql`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`));
  expect(tables.length).toBeGreaterThan(20);
  const hits: string[] = [];
  for (const { name } of tables) {
    const [row] = rows<{ n: number }>(await t.db.execute(sql`
      select count(*)::int as n from ${sql.identifier(name)} x where strpos(x::text, ${marker}) > 0 or strpos(x::text, ${hex}) > 0`));
    if (row!.n > 0) hits.push(name);
  }
  expect(hits).toEqual([]);
  const needle = Buffer.from(marker);
  expect(filesUnder(t.config.dataDir).filter((f) => readFileSync(f).includes(needle))).toEqual([]);
}
