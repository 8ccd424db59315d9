import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../test/database.js';
import { MIGRATIONS_DIR, rows, type Database } from './connection.js';

const tags = (JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] })
  .entries.map((e) => e.tag);

/** The SQLSTATE of a failed query: Drizzle wraps the driver's error in `cause`. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to be refused');
}

async function publicTables(database: Database): Promise<string[]> {
  const result = await database.db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows<{ name: string }>(result).map((r) => r.name);
}

describe(`migrations on ${testEngine()}`, () => {
  let database: Database;
  beforeAll(async () => {
    // Empty: a fresh engine, not the migrated template, so the whole chain runs from nothing.
    database = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('apply cleanly from an empty database and report the last journal tag', async () => {
    expect(await database.migrationVersion()).toEqual({ applied: 0, latest: null });
    await database.migrate();
    expect(await database.migrationVersion()).toEqual({ applied: tags.length, latest: tags.at(-1) });
    expect(await publicTables(database)).toEqual(expect.arrayContaining(['audit_events', 'districts', 'schools', 'users', 'sessions']));
  });

  it('are a no-op when applied again', async () => {
    const before = await publicTables(database);
    await database.migrate();
    expect(await database.migrationVersion()).toEqual({ applied: tags.length, latest: tags.at(-1) });
    expect(await publicTables(database)).toEqual(before);
  });

  it('make the audit log append-only: UPDATE, DELETE and TRUNCATE are refused with 42501', async () => {
    await database.db.execute(sql`insert into audit_events (actor_label, event_type) values ('migration test', 'test.event')`);
    const statements = {
      update: sql`update audit_events set actor_label = 'changed'`,
      delete: sql`delete from audit_events`,
      truncate: sql`truncate audit_events`,
    };
    for (const [name, statement] of Object.entries(statements)) {
      const error = await failure(() => database.db.execute(statement));
      expect(sqlState(error), name).toBe('42501');
    }
    const left = await database.db.execute<{ label: string }>(sql`select actor_label as label from audit_events`);
    expect(rows<{ label: string }>(left).map((r) => r.label)).toEqual(['migration test']);
  });
});
