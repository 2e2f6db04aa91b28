// Loopback HTTP measurement helpers: sequential latency and concurrent throughput.
import { createServer } from 'node:net';

/** A TCP port free on loopback now, for a server or database the benchmark starts. */
export function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function gql(base, query, variables = {}, token) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${JSON.stringify(body.errors[0])}`);
  return body.data;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** p50 / p95 / mean in milliseconds of `n` sequential calls after `warmup` unmeasured ones. */
export async function latency(fn, { n = 300, warmup = 30 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    n,
  };
}

/** Requests per second with `concurrency` loops for `seconds`, all on loopback. */
export async function throughput(fn, { concurrency = 8, seconds = 8 } = {}) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        try {
          await fn(i++);
          done++;
        } catch {
          failed++;
        }
      }
    }),
  );
  return { rps: done / seconds, failed };
}
