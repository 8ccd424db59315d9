import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import * as schema from '../../db/schema/index.js';

/** The key of sealed records, derived from the server secret: sealed content is unreadable without it. */
export function sealedKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'sro-desk', 'sealed-records-v1', 32));
}

/** AES-256-GCM: iv (12) | tag (16) | ciphertext. */
export function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The inverse of `seal`; throws when the content was altered or the key differs. */
export function unseal(key: Buffer, box: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, 12));
  decipher.setAuthTag(box.subarray(12, 28));
  return Buffer.concat([decipher.update(box.subarray(28)), decipher.final()]);
}

const TABLES = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));

/** Tables that point at an incident but belong to another record: they keep their row and show "a sealed record". */
const LINKS = new Set(['tip_links', 'threat_cases', 'sealed_records', 'sealed_files']);

/** One table holding part of an incident: the table and the JS name of its column pointing at the incident. */
export interface OwnedTable {
  table: PgTable;
  name: string;
  column: string;
}

/**
 * Every table whose rows are part of an incident (a foreign key to incidents.id), found from the schema so a table
 * added later is sealed too; ordered so that a table comes after the tables it references (insert order).
 */
export function incidentTables(): OwnedTable[] {
  const owned: OwnedTable[] = [];
  for (const table of TABLES) {
    const name = getTableName(table);
    if (LINKS.has(name) || name === 'incidents') continue;
    const fk = getTableConfig(table).foreignKeys.find((f) => getTableName(f.reference().foreignTable) === 'incidents');
    if (!fk) continue;
    const dbColumn = fk.reference().columns[0]!.name;
    const [column] = Object.entries(getTableColumns(table)).find(([, c]) => c.name === dbColumn)!;
    owned.push({ table, name, column });
  }
  const names = new Set(owned.map((o) => o.name));
  const deps = new Map(owned.map((o) => [o.name, getTableConfig(o.table).foreignKeys
    .map((f) => getTableName(f.reference().foreignTable)).filter((n) => names.has(n) && n !== o.name)]));
  const ordered: OwnedTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < owned.length) {
    const next = owned.find((o) => !placed.has(o.name) && deps.get(o.name)!.every((d) => placed.has(d)));
    if (!next) throw new Error('cycle among incident tables');
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

/** Turns a row read back from JSON into what the table's insert takes (timestamps as Date). */
export function revive(table: PgTable, row: Record<string, unknown>): Record<string, unknown> {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const column = columns[key];
    if (!column) continue;
    out[key] = column.columnType === 'PgTimestamp' && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
}
