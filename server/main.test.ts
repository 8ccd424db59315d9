import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(dataDir: string, port: number): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitHealthy(port: number, deadline = Date.now() + 100_000): Promise<Record<string, unknown>> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('the server process', () => {
  it('starts on an embedded data folder, refuses a second process on it, and stops gracefully', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'srodesk-main-'));
    const port = await freePort();
    const first = start(dataDir, port);
    children.push(first.child);
    const health = await waitHealthy(port);
    expect(health).toMatchObject({ status: 'ok', database: { kind: 'pglite' } });
    // No terminal and no demo district in this folder: JSON lines only, never the demo password.
    expect(first.output()).not.toContain('srodesk-demo');

    const second = start(dataDir, await freePort());
    children.push(second.child);
    expect(await second.exit).toBe(2);
    expect(second.output()).toMatch(/data folder .* is in use by another SRO Desk process/);

    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    // the lock was released: a new process can open the folder
    const third = start(dataDir, port);
    children.push(third.child);
    await waitHealthy(port);
    third.child.kill('SIGTERM');
    expect(await third.exit).toBe(0);
  }, 240_000);
});
