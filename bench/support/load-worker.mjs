// A keep-alive HTTP load loop, run in a worker thread so the load generator does not share the event
// loop of the server it measures. `connections` loops each send the next request when the last answers.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, connections, durationMs, warmupMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const start = performance.now();
const measureFrom = start + warmupMs;
const end = measureFrom + durationMs;
const latencies = [];
let count = 0;
let failures = 0;
const statuses = {};

function one() {
  return new Promise((resolve) => {
    const sent = performance.now();
    const req = http.request(
      { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'GET', headers },
      (res) => {
        res.resume();
        res.on('end', () => {
          const now = performance.now();
          if (sent >= measureFrom && now <= end) {
            count += 1;
            latencies.push(now - sent);
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            if (res.statusCode !== 200) failures += 1;
          }
          resolve();
        });
      },
    );
    req.on('error', () => {
      failures += 1;
      resolve();
    });
    req.end();
  });
}

async function loop() {
  while (performance.now() < end) await one();
}

await Promise.all(Array.from({ length: connections }, loop));
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN);
parentPort.postMessage({ count, failures, statuses, rps: count / (durationMs / 1000), p50: at(0.5), p99: at(0.99) });
