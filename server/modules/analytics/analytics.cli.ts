/**
 * `npm run analytics:rebuild [-- <district id>]`: recomputes the dashboard's summary tables (ADR 0004) from the
 * records, for every district or one. Triggers keep them current; this is for a bulk load made with triggers off
 * and for a check after an incident. Prints one JSON line per district; exit 0, or 1 on a failure.
 */
import { loadConfig } from '../../config.js';
import { openConfiguredDatabase } from '../../db/open.js';
import { districtIds, rebuild } from './rollup.repository.js';

async function main(argv: readonly string[]): Promise<number> {
  const database = await openConfiguredDatabase(loadConfig(), { migrate: false });
  try {
    const ids = argv.length ? [...argv] : await districtIds(database.db);
    for (const id of ids) {
      const started = performance.now();
      await rebuild(database.db, id);
      out({ level: 'info', msg: 'analytics summary rebuilt', districtId: id, ms: Math.round(performance.now() - started) });
    }
    return 0;
  } finally {
    await database.close();
  }
}

function out(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: Date.now(), ...line })}\n`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    out({ level: 'error', msg: (error as Error).message ?? String(error), code: 'ANALYTICS_REBUILD_FAILED' });
    process.exit(1);
  },
);
