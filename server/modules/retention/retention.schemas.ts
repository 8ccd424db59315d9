// The retention contract lives in common/retention.ts (shared with the web page); this file re-exports it for the
// routes, with the path parameters.
export * from '../../../common/retention.js';
export { idParams } from '../../../common/incidents.js';
