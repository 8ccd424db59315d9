import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    migrationsApplied: z.number().int(),
    migration: z.string().nullable(),
  }),
});

export const liveSchema = z.object({ status: z.literal('live') });

const checkSchema = z.object({ ok: z.boolean(), detail: z.string() });

export const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: checkSchema, migrations: checkSchema, files: checkSchema, draining: checkSchema }),
});
