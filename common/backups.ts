import { z } from 'zod';

/** HH:MM on a 24-hour clock. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time as HH:MM (24-hour clock)');

/** An IANA time zone name the runtime knows. */
const timeZone = z.string().min(1).max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Unknown time zone');

/** The deployment's scheduled backup: daily at a local time, the newest `keep` archives kept. */
export const backupSettingsSchema = z.object({
  enabled: z.boolean(),
  timeOfDay,
  timeZone,
  keep: z.number().int().min(1).max(365),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** One backup the server took, with its last verification. */
export const backupRunSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['scheduled', 'manual']),
  status: z.enum(['running', 'succeeded', 'failed']),
  fileName: z.string().nullable(),
  bytes: z.number().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  tables: z.number().nullable(),
  rows: z.number().nullable(),
  files: z.number().nullable(),
  schemaLevel: z.string().nullable(),
  verifyStatus: z.enum(['running', 'passed', 'failed']).nullable(),
  verifiedAt: z.string().nullable(),
  verifyDetail: z.string().nullable(),
  removed: z.boolean(),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

/** The Backups page: settings, whether the server can take backups, and the runs, newest first. */
export const backupOverviewSchema = z.object({
  settings: backupSettingsSchema,
  keyConfigured: z.boolean(),
  backupDir: z.string(),
  nextRunAt: z.string().nullable(),
  lastScheduledFailed: z.boolean(),
  runs: z.array(backupRunSchema),
});
export type BackupOverview = z.infer<typeof backupOverviewSchema>;

/** Path parameter of one run. */
export const backupRunParams = z.object({ id: z.string().uuid() });
