import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/generate.js';
import { seedDemoIfEmpty } from '../../db/seed/seed.js';
import { VENDOR_DEMO_ACCOUNT } from '../../db/seed/student-support.js';
import { createTestApp } from '../../test/app.js';
import { testEngine } from '../../test/database.js';
import { createBackup, type BackupManifest } from './backup.create.js';
import { restoreBackup } from './backup.restore.js';
import { fingerprint, freshTarget, scratchDir, sourceDatabase } from './backup.test-support.js';

const PASSPHRASE = 'a long district backup passphrase';
const formats = testEngine() === 'postgres' ? (['pg_dump', 'logical'] as const) : (['pglite-datadir'] as const);

describe(`backup and restore of the demo district (${testEngine()})`, () => {
  let source: Awaited<ReturnType<typeof sourceDatabase>>;
  let before: Record<string, string>;
  let dataDir: string;
  const evidence = randomBytes(5 * 1024 * 1024 + 17);
  const document = Buffer.from('%PDF-1.7 a stored document');

  beforeAll(async () => {
    source = await sourceDatabase();
    await seedDemoIfEmpty(source.database.db, () => undefined);
    dataDir = scratchDir('source');
    mkdirSync(path.join(dataDir, 'evidence', 'district-a'), { recursive: true });
    writeFileSync(path.join(dataDir, 'evidence', 'district-a', 'video-1'), evidence);
    mkdirSync(path.join(dataDir, 'files', 'ab', 'cd'), { recursive: true });
    writeFileSync(path.join(dataDir, 'files', 'ab', 'cd', 'doc'), document);
    // Never backed up: the embedded database's folder, secrets and keys beside the data.
    writeFileSync(path.join(dataDir, 'session-secret'), 'not in the backup');
    mkdirSync(path.join(dataDir, 'keys'), { recursive: true });
    writeFileSync(path.join(dataDir, 'keys', 'master'), 'not in the backup');
    before = await fingerprint(source.database);
  }, 600_000);

  afterAll(async () => {
    await source?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  for (const format of formats) {
    it(`restores every record, file and audit event and every demo sign-in (${format})`, async () => {
      const archive = path.join(dataDir, '..', `demo-${process.pid}-${format}.srodesk-backup`);
      const manifest: BackupManifest = await createBackup({
        source: source.source.kind === 'postgres' ? { ...source.source, format: format as 'pg_dump' | 'logical' } : source.source,
        dataDir, out: archive, passphrase: PASSPHRASE,
      });
      expect(manifest.database).toBe(format);
      expect(manifest.files).toEqual({ count: 2, bytes: evidence.length + document.length });
      expect(manifest.parts.map((p) => p.name)).toContain('file/evidence/district-a/video-1');
      expect(manifest.parts.map((p) => p.name).filter((n) => n.includes('secret') || n.includes('keys/'))).toEqual([]);
      expect(manifest.counts.audit_events).toBeGreaterThan(0);
      expect(manifest.counts.students).toBeGreaterThan(6000);

      const target = await freshTarget();
      try {
        const result = await restoreBackup({ file: archive, passphrase: PASSPHRASE, target: target.target });
        expect(result.counts).toEqual(manifest.counts);
        expect(readFileSync(path.join(target.target.dataDir, 'evidence', 'district-a', 'video-1')).equals(evidence)).toBe(true);
        expect(readFileSync(path.join(target.target.dataDir, 'files', 'ab', 'cd', 'doc')).equals(document)).toBe(true);
        const restored = await target.open();
        try {
          // Every row of every table, the append-only audit log included, is back as it was.
          expect(await fingerprint(restored)).toEqual(before);
          const app = await createTestApp({ database: restored });
          try {
            for (const email of [...DEMO_ACCOUNTS.map((a) => a.email), VENDOR_DEMO_ACCOUNT.email]) {
              const res = await app.client().post('/api/auth/sign-in', { email, password: DEMO_PASSWORD });
              expect(res.status, email).toBe(200);
            }
          } finally {
            await app.close();
          }
        } finally {
          await restored.close();
        }
      } finally {
        await target.close();
        rmSync(archive, { force: true });
      }
    }, 600_000);
  }
});
