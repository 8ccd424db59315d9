// A child process holding many Server-Sent Events connections for bench/alerts.ts. It timestamps, per
// connection, the arrival of each `alert.announced` event and reports them to the parent over IPC.
import http from 'node:http';

const conns = [];
const now = () => performance.timeOrigin + performance.now();

function open(url, cookie) {
  return new Promise((resolve) => {
    const conn = { times: [], ready: false, failed: false, req: null };
    const req = http.request(url, { agent: false, headers: { cookie: cookie ?? '', accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        conn.failed = true;
        res.resume();
        resolve(conn);
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const at = now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: snapshot') && !conn.ready) {
            conn.ready = true;
            resolve(conn);
          } else if (block.includes('event: alert.announced')) conn.times.push(at);
        }
      });
    });
    req.on('error', () => {
      conn.failed = true;
      resolve(conn);
    });
    req.end();
    conn.req = req;
  });
}

process.on('message', async (msg) => {
  if (msg.type === 'open') {
    // In batches, so the listen backlog of the server is not overrun.
    for (let i = 0; i < msg.count; i += 100) {
      const batch = [];
      for (let j = i; j < Math.min(msg.count, i + 100); j++) batch.push(open(msg.url, msg.cookies[j % msg.cookies.length]));
      conns.push(...(await Promise.all(batch)));
    }
    process.send({ type: 'ready', open: conns.filter((c) => c.ready).length, failed: conns.filter((c) => c.failed).length });
  } else if (msg.type === 'expect') {
    const deadline = Date.now() + msg.timeoutMs;
    const check = () => {
      const done = conns.every((c) => c.times.length > msg.round);
      if (done || Date.now() > deadline) {
        process.send({ type: 'round', round: msg.round, times: conns.map((c) => c.times[msg.round] ?? null) });
      } else setTimeout(check, 5);
    };
    check();
  } else if (msg.type === 'close') {
    for (const c of conns) c.req?.destroy();
    process.exit(0);
  }
});
