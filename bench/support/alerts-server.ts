// A child process of bench/alerts.ts: the whole app on a prepared database (`app`), or a bare Node.js
// Server-Sent Events broadcaster (`bare`). It answers its port over IPC and stops on 'close'.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.js';
import { openPglite, openPostgres, type Database } from '../../server/db/connection.js';
import { testConfig } from '../../server/test/app.js';

const [mode, target] = process.argv.slice(2);

async function app(): Promise<{ port: number; close(): Promise<void> }> {
  const database: Database = target!.startsWith('postgres') ? openPostgres(target!) : await openPglite({ dataDir: target });
  const server = await buildApp({ config: testConfig(), database, logger: false });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}

/** The baseline: keeps SSE responses in a set; POST /broadcast writes its body as one event to all of them. */
async function bare(): Promise<{ port: number; close(): Promise<void> }> {
  const clients = new Set<http.ServerResponse>();
  let id = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      req.socket.setNoDelay(true);
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
      res.write(`retry: 1000\n\nid: ${id}\nevent: snapshot\ndata: {"alerts":[]}\n\n`);
      clients.add(res);
      res.on('close', () => clients.delete(res));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const payload = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      const frame = `id: ${++id}\nevent: alert.announced\ndata: ${payload}\n\n`;
      for (const client of clients) client.write(frame);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      for (const c of clients) c.destroy();
      server.close(() => resolve());
    }),
  };
}

const running = await (mode === 'bare' ? bare() : app());
process.send!({ type: 'listening', port: running.port });
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'close') void running.close().finally(() => process.exit(0));
});
