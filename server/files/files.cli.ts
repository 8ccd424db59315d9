/**
 * File store commands (one JSON line of result each):
 *   npm run rotate-key              re-wrap every file key under MASTER_KEY (old keys in MASTER_KEY_PREVIOUS)
 *   npm run rotate-key -- --generate  without MASTER_KEY: new key into the data folder, the old one kept as
 *                                     master-key.previous until every file is re-wrapped (then removed)
 *   npm run files:move -- --to db|dir|s3  move every file to that backend (s3: the bucket of FILE_STORE=s3://...
 *                                     and S3_*), and import evidence files of releases
 *                                     before the file store (DATA_DIR/evidence) into it
 * Exit 0 when done, 1 on failure, 64 on a usage error.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open.js';
import { masterKeyFile } from './crypto.js';
import { createFileStore } from './registry.js';
import { rewrapAll } from './maintenance.js';
import { moveFiles } from './move.js';
import { filesNotUnder } from './store.js';

function out(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: Date.now(), ...line })}\n`);
}

async function rotate(argv: readonly string[]): Promise<number> {
  const config = loadConfig();
  if (argv.includes('--generate')) {
    if (config.masterKey) {
      out({ level: 'error', msg: '--generate is for a key kept in the data folder; with MASTER_KEY set, put the new key in MASTER_KEY and the old one in MASTER_KEY_PREVIOUS' });
      return 64;
    }
    const file = masterKeyFile(config.dataDir);
    if (existsSync(file)) appendFileSync(`${file}.previous`, readFileSync(file, 'utf8'), { mode: 0o600 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  const database = await openConfiguredDatabase(config);
  try {
    const store = createFileStore(config, database);
    const rewrapped = await rewrapAll(store);
    const remaining = await filesNotUnder(database.db, store.ring.current.id);
    if (!config.masterKey && remaining === 0) rmSync(`${masterKeyFile(config.dataDir)}.previous`, { force: true });
    out({ level: remaining === 0 ? 'info' : 'warn', msg: 'file keys re-wrapped', keyId: store.ring.current.id, rewrapped, remaining });
    return remaining === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

async function move(argv: readonly string[]): Promise<number> {
  const to = argv[argv.indexOf('--to') + 1];
  if (!argv.includes('--to') || (to !== 'db' && to !== 'dir' && to !== 's3')) {
    out({ level: 'error', msg: 'usage: npm run files:move -- --to db|dir|s3' });
    return 64;
  }
  const config = loadConfig();
  if (to === 's3' && !config.s3) {
    out({ level: 'error', msg: '--to s3 needs FILE_STORE=s3://bucket/prefix and the S3_* variables (docs/OPERATIONS.md)' });
    return 64;
  }
  const database = await openConfiguredDatabase(config);
  try {
    const { moved, imported, missing } = await moveFiles(config, database, to);
    out({ level: missing.length ? 'warn' : 'info', msg: 'files moved', to, moved, imported, missing: missing.length, missingKeys: missing.slice(0, 20) });
    return missing.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

const [command, ...rest] = process.argv.slice(2);
(command === 'rotate-key' ? rotate(rest) : command === 'move' ? move(rest) : Promise.resolve(64)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    out({ level: 'error', msg: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code ?? 'FAILED' });
    process.exit(1);
  },
);
