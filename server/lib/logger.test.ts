import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger.js';

describe('logs', () => {
  it('carry the request id and never cookies, tokens, passwords, e-mails or query strings', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
    const options = loggerOptions('info') as Record<string, unknown>;
    const app = Fastify({ logger: { ...options, stream } });
    app.post('/x', async (request) => {
      request.log.info({ body: request.body }, 'got body');
      return { ok: true };
    });
    await app.inject({
      method: 'POST', url: '/x?q=Maria%20Lopez',
      headers: { cookie: 'sro_session=SECRET-TOKEN', 'x-csrf-token': 'CSRF-TOKEN', authorization: 'Bearer B' },
      payload: { email: 'kid@example.net', password: 'hunter2hunter2', firstName: 'Maria', note: 'kept' },
    });
    await app.close();
    const all = lines.join('');
    for (const secret of ['SECRET-TOKEN', 'CSRF-TOKEN', 'Bearer B', 'kid@example.net', 'hunter2hunter2', 'Maria']) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('kept');
    expect(all).toContain('"reqId"');
  });
});

describe('log redaction', () => {
  it('keeps the code of an error (ECONNREFUSED, SQLSTATE) but still hides a code sent in a body', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
    const app = Fastify({ logger: { ...(loggerOptions('info') as Record<string, unknown>), stream } });
    app.post('/x', async (request) => {
      const err = Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' });
      request.log.error({ err, error: { code: '28P01' } }, 'database down');
      request.log.info({ body: request.body }, 'got body');
      return { ok: true };
    });
    await app.inject({ method: 'POST', url: '/x', payload: { code: '492817', note: 'kept' } });
    await app.close();
    const all = lines.join('');
    expect(all).toContain('"code":"ECONNREFUSED"');
    expect(all).toContain('"code":"28P01"');
    expect(all).not.toContain('492817');
  });
});
