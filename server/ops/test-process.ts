import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT } from '../test/database.js';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A server process started from the sources with `env` on top of the test environment. */
export interface ServerProcess { child: ChildProcess; output: () => string; exit: Promise<number | null> }

const started: ChildProcess[] = [];

/** Starts `server/main.ts` (or another entry) in a child process; killed by `killAll`. */
export function startServer(env: Record<string, string>, entry = 'server/main.ts', args: string[] = []): ServerProcess {
  let output = '';
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...base, SEED_DEMO: 'false', LOG_LEVEL: 'warn', SHUTDOWN_DRAIN_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

/** Kills every process started by `startServer` that is still running. */
export function killAll(): void {
  for (const c of started) if (c.exitCode === null) c.kill('SIGKILL');
}

/** Waits until GET `path` answers 200 and returns its JSON. */
export async function waitFor(port: number, path = '/api/health/ready', deadline = Date.now() + 300_000): Promise<Record<string, unknown>> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      if (res.ok) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`GET ${path} on port ${port} never answered 200`);
}

/** The JSON lines of an output, parsed (non-JSON lines dropped). */
export function jsonLines(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as unknown;
      return parsed && typeof parsed === 'object' ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/** A fetch client of a server process with a cookie jar and the CSRF header, as a browser would send them. */
export class ProcessClient {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly port: number) {}

  /** Sends a request (a Buffer or a stream as is with `contentType`, anything else as JSON); the answer unread. */
  async send(method: string, url: string, body?: unknown, contentType = 'application/json'): Promise<Response> {
    if (method !== 'GET' && !this.cookies.has('sro_csrf')) await this.request('GET', '/api/health');
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.cookies.has('sro_csrf')) headers['x-csrf-token'] = this.cookies.get('sro_csrf')!;
    if (body !== undefined) headers['content-type'] = contentType;
    const raw = Buffer.isBuffer(body) || body instanceof ReadableStream;
    const payload = body === undefined ? undefined : raw ? (body as Buffer) : JSON.stringify(body);
    const res = await fetch(`http://127.0.0.1:${this.port}${url}`, { method, headers, body: payload, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (value.join('=') === '' || /max-age=0/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    return res;
  }

  /** Sends a request (see `send`) and reads the whole answer. */
  async request(method: string, url: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; headers: Headers; bytes: Buffer; json: () => Record<string, unknown> }> {
    const res = await this.send(method, url, body, contentType);
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString()) as Record<string, unknown> };
  }

  /** Signs in (throws unless 200). */
  async signIn(email: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.bytes.toString()}`);
  }
}
