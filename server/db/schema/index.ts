export * from './organization.js';
export * from './roster.js';
export * from './auth.js';
export * from './audit.js';
export * from './incidents.js';
export * from './alerts.js';
export * from './tips.js';
