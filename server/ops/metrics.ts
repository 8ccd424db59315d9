/**
 * In-process metrics in the Prometheus text format (version 0.0.4), without a dependency: counters and a
 * latency histogram per route, job counters, and gauges read at scrape time. One registry per process.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram { buckets: number[]; sum: number; count: number }

const requests = new Map<string, number>();
const latency = new Map<string, Histogram>();
const jobRuns = new Map<string, number>();
const jobFailures = new Map<string, number>();

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Records one answered request: `route` is the route pattern (`/api/incidents/:id`), never the raw URL. */
export function recordRequest(method: string, route: string, status: number, seconds: number): void {
  const key = `method="${label(method)}",route="${label(route)}",status="${status}"`;
  requests.set(key, (requests.get(key) ?? 0) + 1);
  const hkey = `method="${label(method)}",route="${label(route)}"`;
  let h = latency.get(hkey);
  if (!h) latency.set(hkey, (h = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
  BUCKETS.forEach((b, i) => { if (seconds <= b) h.buckets[i]! += 1; });
  h.sum += seconds;
  h.count += 1;
}

/** Runs a background job and counts its run and, when it throws, its failure (then rethrows). */
export async function countJob<T>(name: string, work: () => Promise<T>): Promise<T> {
  const key = `job="${label(name)}"`;
  jobRuns.set(key, (jobRuns.get(key) ?? 0) + 1);
  try {
    return await work();
  } catch (error) {
    jobFailures.set(key, (jobFailures.get(key) ?? 0) + 1);
    throw error;
  }
}

/** A gauge sample read at scrape time. */
export interface Gauge { name: string; help: string; value: number; labels?: Record<string, string> }

/** The whole registry plus `gauges` as Prometheus text. */
export function renderMetrics(gauges: readonly Gauge[]): string {
  const out: string[] = [];
  const family = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  family('srodesk_http_requests_total', 'counter', 'HTTP requests answered, by method, route pattern and status.');
  for (const [k, v] of requests) out.push(`srodesk_http_requests_total{${k}} ${v}`);
  family('srodesk_http_request_duration_seconds', 'histogram', 'Time to answer, by method and route pattern.');
  for (const [k, h] of latency) {
    BUCKETS.forEach((b, i) => out.push(`srodesk_http_request_duration_seconds_bucket{${k},le="${b}"} ${h.buckets[i]}`));
    out.push(`srodesk_http_request_duration_seconds_bucket{${k},le="+Inf"} ${h.count}`);
    out.push(`srodesk_http_request_duration_seconds_sum{${k}} ${h.sum}`);
    out.push(`srodesk_http_request_duration_seconds_count{${k}} ${h.count}`);
  }
  family('srodesk_job_runs_total', 'counter', 'Background job runs in this process.');
  for (const [k, v] of jobRuns) out.push(`srodesk_job_runs_total{${k}} ${v}`);
  family('srodesk_job_failures_total', 'counter', 'Background job runs that failed in this process.');
  for (const [k, v] of jobFailures) out.push(`srodesk_job_failures_total{${k}} ${v}`);
  const seen = new Set<string>();
  for (const g of gauges) {
    if (!seen.has(g.name)) {
      seen.add(g.name);
      family(g.name, 'gauge', g.help);
    }
    const labels = g.labels ? `{${Object.entries(g.labels).map(([k, v]) => `${k}="${label(v)}"`).join(',')}}` : '';
    out.push(`${g.name}${labels} ${Number.isFinite(g.value) ? g.value : 0}`);
  }
  return `${out.join('\n')}\n`;
}
