// The sealed-records contract lives in common/sealing.ts (shared with the web pages); this file re-exports it
// for the routes.
export * from '../../../common/sealing.js';
export { idParams } from '../../../common/incidents.js';
