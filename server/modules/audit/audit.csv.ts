// The CSV writer lives in common/csv.ts, shared with the web app's downloads.
export { csvCell, csvLine } from '../../../common/csv.js';
