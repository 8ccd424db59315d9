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
