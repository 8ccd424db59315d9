import { readFileSync } from 'node:fs';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { DATA_MAP } from '../../../common/privacy-map.js';
import * as schema from '../../db/schema/index.js';
import { renderPrivacyDoc } from './privacy-doc.js';

describe('docs/PRIVACY.md', () => {
  it('maps every table of the database, and nothing that is not one', () => {
    const tables = Object.values(schema).filter((v) => is(v, PgTable)).map((t) => getTableName(t as PgTable)).sort();
    expect(tables.length).toBeGreaterThan(100);
    expect(Object.keys(DATA_MAP).sort()).toEqual(tables);
  });

  it('is the committed output of npm run docs:privacy (regenerate it when the table or the map changes)', () => {
    const committed = readFileSync(new URL('../../../docs/PRIVACY.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderPrivacyDoc());
  });
});
