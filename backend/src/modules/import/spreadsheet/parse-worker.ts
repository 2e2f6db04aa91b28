/**
 * The worker thread that parses uploads (worker-reader.ts starts it). One job at a time, each over its own
 * MessagePort: the worker asks for the upload's bytes chunk by chunk ('pull'), and sends the reader's
 * events back in batches. Nothing here is shared with the server's heap: a parse that outgrows the
 * worker's resource limits ends the worker, and the server reports it.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { TemplateLayout } from './layout.js';
import type { ImportLimits } from './limits.js';
import { readSpreadsheet, type ReadEvent } from './reader.js';

/** Messages from the server to a job's port. */
export type ToWorker = { type: 'chunk'; data: Uint8Array } | { type: 'end' } | { type: 'abort'; message: string };

/** Messages from a job back to the server. */
export type FromWorker =
  | { type: 'pull' }
  | { type: 'events'; events: ReadEvent[] }
  /** heapMb: the worker's heap after the job; a worker grown by a large file is not kept. */
  | { type: 'done'; heapMb: number }
  | { type: 'failed'; message: string };

export interface ParseJob {
  type: 'job';
  port: MessagePort;
  layout: TemplateLayout;
  limits: ImportLimits;
  filename?: string;
  tempRoot: string;
}

/** Rows are handed over in batches: one message per row would cost more than parsing it. */
const BATCH = 256;

async function run(job: ParseJob): Promise<void> {
  const { port } = job;
  const inbox: ToWorker[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (msg: ToWorker) => {
    inbox.push(msg);
    wake?.();
  });
  const next = async (): Promise<ToWorker> => {
    while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    return inbox.shift()!;
  };
  let batch: ReadEvent[] = [];
  const send = (msg: FromWorker) => port.postMessage(msg);
  const flush = () => {
    if (batch.length === 0) return;
    send({ type: 'events', events: batch });
    batch = [];
  };
  async function* input(): AsyncGenerator<Buffer> {
    for (;;) {
      // What is parsed so far goes out before waiting on the network: progress keeps flowing.
      flush();
      send({ type: 'pull' });
      const msg = await next();
      if (msg.type === 'end') return;
      if (msg.type === 'abort') throw new Error(msg.message);
      yield Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength);
    }
  }
  try {
    for await (const ev of readSpreadsheet(input(), job.layout, job.limits, job.filename, { tempRoot: job.tempRoot })) {
      batch.push(ev);
      if (batch.length >= BATCH) flush();
    }
    flush();
    send({ type: 'done', heapMb: getHeapStatistics().total_heap_size / (1024 * 1024) });
  } catch (err) {
    flush();
    send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    port.close();
  }
}

if (parentPort) {
  // Jobs come one at a time (the pool gives a worker one job and waits for its end).
  parentPort.on('message', (msg: ParseJob) => {
    if (msg?.type === 'job') void run(msg);
  });
}
