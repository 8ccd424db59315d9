import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

describe('data folder lock', () => {
  it('lets one holder at a time take the folder and frees it on release', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srodesk-lock-'));
    const release = lockDataDir(dir);
    // another process holding it is simulated by a live pid that is not ours: our parent
    writeFileSync(path.join(dir, 'srodesk.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another SRO Desk process/);
    release();
    expect(existsSync(path.join(dir, 'srodesk.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srodesk-lock-'));
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(path.join(dir, 'srodesk.lock'), String(pid));
    const release = lockDataDir(dir);
    release();
  });
});
