import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_MAP } from '../db/data-map.js';
import { PRIVACY_DOC_PATH, renderPrivacyDoc, schemaTables } from './privacy-doc.js';

describe('docs/PRIVACY.md', () => {
  it('maps every table of the schema, and no table that is gone', () => {
    expect(Object.keys(DATA_MAP).sort()).toEqual(schemaTables());
  });

  it('is the document the table and the data map generate (run `npm run docs:privacy` after changing them)', () => {
    expect(readFileSync(PRIVACY_DOC_PATH, 'utf8')).toBe(renderPrivacyDoc());
  });
});
