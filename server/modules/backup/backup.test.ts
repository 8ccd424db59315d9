import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../test/fixtures.js';
import { ROOT, testEngine } from '../../test/database.js';
import { BackupError, encryptStream, FrameType, jsonFrame, newArchiveKey } from './backup.archive.js';
import { APP_VERSION, createBackup, migrationTags, type BackupManifest } from './backup.create.js';
import { inspectBackup, restoreBackup } from './backup.restore.js';
import { fingerprint, freshTarget, scratchDir, sourceDatabase } from './backup.test-support.js';

const KEY = 'correct backup passphrase';

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

describe(`backup refusals (${testEngine()})`, { timeout: 300_000 }, () => {
  let source: Awaited<ReturnType<typeof sourceDatabase>>;
  let dataDir: string;
  let archive: string;
  let manifest: BackupManifest;

  beforeAll(async () => {
    source = await sourceDatabase();
    await createUser(source.database, { email: 'restore-check@example.test', grants: [{ role: 'sysadmin', schoolId: null }] });
    dataDir = scratchDir('refusals');
    mkdirSync(path.join(dataDir, 'evidence', 'd1'), { recursive: true });
    writeFileSync(path.join(dataDir, 'evidence', 'd1', 'photo'), Buffer.alloc(3 * 1024 * 1024, 7));
    archive = path.join(dataDir, '..', `refusals-${process.pid}.srodesk-backup`);
    manifest = await createBackup({ source: source.source, dataDir, out: archive, passphrase: KEY });
  }, 120_000);

  afterAll(async () => {
    await source?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(archive, { force: true });
  });

  it('writes a manifest with version, schema level, time, counts per table and a SHA-256 per part', async () => {
    expect(manifest.appVersion).toBe(APP_VERSION);
    expect(manifest.migration).toEqual({ applied: migrationTags().length, latest: migrationTags().at(-1) });
    expect(Number.isNaN(Date.parse(manifest.createdAt))).toBe(false);
    expect(manifest.counts.users).toBe(1);
    expect(manifest.parts.map((p) => p.name)).toEqual([
      ...(manifest.database === 'logical' ? manifest.parts.filter((p) => !p.name.startsWith('file/')).map((p) => p.name) : ['database']),
      'file/evidence/d1/photo',
    ]);
    expect(manifest.parts.at(-1)?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await inspectBackup(archive, KEY)).toEqual(manifest);
  });

  it('stores nothing readable: the archive holds no plaintext of the files', () => {
    const bytes = readFileSync(archive);
    expect(bytes.includes(Buffer.alloc(64, 7))).toBe(false);
    expect(bytes.includes(Buffer.from('restore-check@example.test'))).toBe(false);
  });

  it('refuses a wrong passphrase before reading any data, and changes nothing', async () => {
    const target = await freshTarget();
    try {
      const error = await refusal(restoreBackup({ file: archive, passphrase: 'not the passphrase', target: target.target }));
      expect(error.reason).toBe('wrong_key');
      expect(error.message).toMatch(/Wrong backup passphrase/);
      await expectUntouched(target);
    } finally {
      await target.close();
    }
  });

  it('refuses an archive with one flipped byte (authentication), and changes nothing', async () => {
    const damaged = `${archive}.flipped`;
    const bytes = readFileSync(archive);
    bytes[bytes.length - 1000] = bytes[bytes.length - 1000]! ^ 0x40;
    writeFileSync(damaged, bytes);
    const target = await freshTarget();
    try {
      const error = await refusal(restoreBackup({ file: damaged, passphrase: KEY, target: target.target }));
      expect(error.reason).toBe('damaged');
      expect(error.message).toMatch(/damaged: segment \d+ failed authentication\. Nothing was restored/);
      await expectUntouched(target);
    } finally {
      await target.close();
      rmSync(damaged, { force: true });
    }
  });

  it('refuses a truncated archive (its final segment is missing)', async () => {
    const cut = `${archive}.cut`;
    writeFileSync(cut, readFileSync(archive));
    truncateSync(cut, statSync(cut).size - 100);
    const error = await refusal(inspectBackup(cut, KEY));
    expect(error.reason).toBe('damaged');
    rmSync(cut, { force: true });
  });

  it('refuses an archive from a newer schema with the levels named, and changes nothing', async () => {
    const newer = `${archive}.newer`;
    const key = await newArchiveKey(KEY);
    const level = migrationTags().length + 1;
    const info = { format: 1, appVersion: '9.9.9', engine: testEngine(), database: 'logical', migration: { applied: level, latest: '9999_future' }, createdAt: new Date().toISOString() };
    await pipeline(Readable.from([jsonFrame(FrameType.info, info)]), encryptStream(key), createWriteStream(newer));
    const target = await freshTarget();
    try {
      const error = await refusal(restoreBackup({ file: newer, passphrase: KEY, target: target.target }));
      expect(error.reason).toBe('newer_schema');
      expect(error.message).toContain(`schema level ${level}`);
      expect(error.message).toContain('Upgrade SRO Desk first');
      await expectUntouched(target);
    } finally {
      await target.close();
      rmSync(newer, { force: true });
    }
  });

  it('refuses a target that holds data unless forced; forced, it keeps the old data aside', async () => {
    const target = await freshTarget();
    try {
      await restoreBackup({ file: archive, passphrase: KEY, target: target.target });
      const error = await refusal(restoreBackup({ file: archive, passphrase: KEY, target: target.target }));
      expect(error.reason).toBe('not_empty');
      expect(error.message).toMatch(/--force/);
      const forced = await restoreBackup({ file: archive, passphrase: KEY, target: target.target, force: true });
      expect(forced.counts).toEqual(manifest.counts);
      expect(forced.movedAside).not.toBeNull();
      expect(existsSync(path.join(forced.movedAside!, 'evidence', 'd1', 'photo'))).toBe(true);
      const restored = await target.open();
      try {
        expect(await fingerprint(restored)).toEqual(await fingerprint(source.database));
      } finally {
        await restored.close();
      }
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const other = path.join(dataDir, '..', `not-a-backup-${process.pid}`);
    writeFileSync(other, 'hello');
    const error = await refusal(inspectBackup(other, KEY));
    expect(error.reason).toBe('not_a_backup');
    rmSync(other, { force: true });
  });

  // The CLI's engine follows DATABASE_URL; one run (embedded engine) covers the command line itself.
  it.runIf(testEngine() === 'pglite')('npm run backup / restore work as documented: key from BACKUP_KEY or stdin, refusals exit 2', () => {
    const folder = scratchDir('cli');
    const out = path.join(folder, 'b.srodesk-backup');
    try {
      mkdirSync(path.join(folder, 'src', 'evidence'), { recursive: true });
      writeFileSync(path.join(folder, 'src', 'evidence', 'one'), 'evidence bytes');
      const env = { ...process.env, DATA_DIR: path.join(folder, 'src'), DATABASE_URL: '', SEED_DEMO: 'false' };
      delete (env as Record<string, string | undefined>).DATABASE_URL;
      const npm = (args: string[], extra: Record<string, string>, input?: string) =>
        spawnSync('npm', ['run', '--silent', ...args], { cwd: ROOT, env: { ...env, ...extra }, input, encoding: 'utf8', timeout: 280_000 });
      const made = npm(['backup', '--', out], { BACKUP_KEY: KEY });
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(made.stdout).toMatch(/Backup written to .*1 files/);
      const wrong = npm(['restore', '--', out], { DATA_DIR: path.join(folder, 'dst') }, 'wrong passphrase\n');
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toMatch(/Wrong backup passphrase/);
      const ok = npm(['restore', '--', out], { DATA_DIR: path.join(folder, 'dst') }, `${KEY}\n`);
      expect(ok.status).toBe(0);
      expect(readFileSync(path.join(folder, 'dst', 'evidence', 'one'), 'utf8')).toBe('evidence bytes');
      const usage = npm(['restore'], {});
      expect(usage.status).toBe(64);
      expect(usage.stderr).toMatch(/npm run restore -- <archive-file>/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 900_000);
});

async function expectUntouched(target: Awaited<ReturnType<typeof freshTarget>>): Promise<void> {
  const left = readdirSync(target.target.dataDir).filter((n) => n !== 'srodesk.lock');
  expect(left).toEqual([]);
  if (target.target.kind === 'postgres') {
    const database = await target.open();
    try {
      expect(await fingerprint(database)).toEqual({});
    } finally {
      await database.close();
    }
  }
}
