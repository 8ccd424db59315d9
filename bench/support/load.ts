import { Worker } from 'node:worker_threads';

/** What one load round measured. */
export interface LoadResult {
  /** Requests answered within the measured window. */
  count: number;
  /** Answers other than 200, and connection errors. */
  failures: number;
  statuses: Record<string, number>;
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
}

/** Options of one load round. */
export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** The measured window. */
  durationMs: number;
  /** Sent but not counted first: connections open, caches and JIT warm. */
  warmupMs: number;
}

/** Runs one round of GET load against `url` from a worker thread with keep-alive connections. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { headers: {}, ...options },
      // The worker is plain JavaScript; it needs no TypeScript loader.
      execArgv: [],
    });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
