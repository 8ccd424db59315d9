// The request and answer schemas live in common/incidents.ts (the contract the web pages share); this file
// re-exports them for the routes and adds the server-only answers.
import { z } from 'zod';

export * from '../../../common/incidents.js';

/** The CSV export's answer body. */
export const csvAnswer = z.string().describe('RFC 4180 CSV with a header row; cells a spreadsheet would run as formulas start with \'');

/** Empty answer of a change that returns nothing (sealing: the record is gone from every view). */
export const noContent = z.null().describe('No content');
