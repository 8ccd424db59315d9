import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../config.js';
import { openPglite } from '../../db/connection.js';
import { DataDirLockedError, lockDataDir } from '../../db/lock.js';
import { BackupError } from './backup.archive.js';
import { createBackup, type BackupManifest } from './backup.create.js';
import { restoreBackup } from './backup.restore.js';

const USAGE = `Usage:
  npm run backup  -- <archive-file> [--format auto|pg_dump|logical]
  npm run restore -- <archive-file> [--force]

The passphrase comes from BACKUP_KEY, else it is asked on the terminal, else read from the first line of stdin.
DATABASE_URL chooses PostgreSQL, else the embedded database in DATA_DIR is used (the server must be stopped).
restore refuses a target holding data unless --force (the old data folder contents are moved to
DATA_DIR/.before-restore-<time>; a PostgreSQL database's contents are replaced).`;

/** Reads the passphrase without echo on a terminal, or the first line of piped stdin. */
async function readPassphrase(confirm: boolean): Promise<string> {
  if (process.env.BACKUP_KEY) return process.env.BACKUP_KEY;
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new BackupError('failed', 'No passphrase: set BACKUP_KEY or give it on stdin.');
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const mute = rl as unknown as { _writeToOutput: (s: string) => void };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
      mute._writeToOutput = (s: string) => {
        if (s.startsWith(prompt)) process.stdout.write(prompt);
      };
    });
  const first = await ask('Backup passphrase: ');
  if (confirm && (await ask('Repeat the passphrase: ')) !== first) throw new BackupError('failed', 'The passphrases differ.');
  return first;
}

function summary(manifest: BackupManifest): string {
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  return `${Object.keys(manifest.counts).length} tables, ${rows} rows, ${manifest.files.count} files (${manifest.files.bytes} bytes), ` +
    `schema ${manifest.migration.latest ?? 'empty'}, SRO Desk ${manifest.appVersion}, taken ${manifest.createdAt}`;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const file = rest.find((a) => !a.startsWith('--'));
  const formatAt = rest.indexOf('--format');
  const format = formatAt >= 0 ? rest[formatAt + 1] : 'auto';
  if ((command !== 'backup' && command !== 'restore') || !file || !['auto', 'pg_dump', 'logical'].includes(format ?? '')) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(64);
  }
  // The session secret is not needed here: do not let loading the configuration create one in a fresh folder.
  const config = loadConfig({ ...process.env, SESSION_SECRET: process.env.SESSION_SECRET ?? 'x'.repeat(32) });
  const archive = path.resolve(file);
  const passphrase = await readPassphrase(command === 'backup');
  if (command === 'backup') {
    const started = Date.now();
    let manifest: BackupManifest;
    if (config.databaseUrl) {
      manifest = await createBackup({ source: { kind: 'postgres', url: config.databaseUrl, format: format as 'auto' }, dataDir: config.dataDir, out: archive, passphrase });
    } else {
      const release = lockDataDir(config.dataDir);
      const database = await openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
      try {
        manifest = await createBackup({ source: { kind: 'pglite', database }, dataDir: config.dataDir, out: archive, passphrase });
      } finally {
        await database.close();
        release();
      }
    }
    process.stdout.write(`Backup written to ${archive} in ${Date.now() - started} ms: ${summary(manifest)}\n`);
    return;
  }
  const target = config.databaseUrl
    ? ({ kind: 'postgres', url: config.databaseUrl, dataDir: config.dataDir } as const)
    : ({ kind: 'pglite', dataDir: config.dataDir } as const);
  const result = await restoreBackup({ file: archive, passphrase, target, force: rest.includes('--force') });
  process.stdout.write(`Restored ${archive}: ${summary(result.manifest)}\n`);
  if (result.movedAside) process.stdout.write(`The previous data was moved to ${result.movedAside}\n`);
  const missing = missingSecrets(config.dataDir);
  if (missing.length) {
    process.stdout.write(`Note: ${missing.join(' and ')} of the installation that took this backup must be set before the server starts: `
      + 'backups never hold them, and without them two-step sign-in secrets and stored files cannot be read.\n');
  }
}

/** Secrets the restored installation has neither in its environment nor in its data folder (a new folder). */
function missingSecrets(dataDir: string): string[] {
  const missing: string[] = [];
  if (!process.env.SESSION_SECRET && !existsSync(path.join(dataDir, 'session-secret'))) missing.push('SESSION_SECRET');
  if (!process.env.MASTER_KEY && !existsSync(path.join(dataDir, 'master-key'))) missing.push('MASTER_KEY');
  return missing;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof DataDirLockedError) {
    const hint = error instanceof DataDirLockedError
      ? '\nThe server is running on this data folder: stop it, or use "Back up now" on the Backups page of the system administrator.'
      : '';
    process.stderr.write(`${error.message}${hint}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
