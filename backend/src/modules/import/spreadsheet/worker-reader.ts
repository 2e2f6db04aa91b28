import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { REPO_ROOT } from '../../../core/paths.js';
import type { TemplateLayout } from './layout.js';
import { importLimits, type ImportLimits } from './limits.js';
import type { FromWorker, ParseJob, ToWorker } from './parse-worker.js';
import { problem } from './problems.js';
import type { ReadEvent } from './reader.js';
import { logger } from '../../../core/observability/logger.js';

const here = fileURLToPath(import.meta.url);
/**
 * The worker runs outside any test runner's module transform, so it must be JavaScript: next to this file
 * once built, and the built copy in backend/dist when this file runs as TypeScript source (jest). `npm test`
 * builds before testing; after changing the reader, run `npm run build -w backend` before a single spec.
 */
export const PARSE_WORKER_FILE = here.endsWith('.ts')
  ? join(REPO_ROOT, 'backend', 'dist', 'modules', 'import', 'spreadsheet', 'parse-worker.js')
  : join(dirname(here), 'parse-worker.js');

export interface ParserPoolOptions {
  /** V8 old-generation heap of each worker, in MB: a parse that needs more ends its worker, not the server. */
  heapMb: number;
  /** Longest a parse may work without asking for more input (or, after the last byte, to finish). */
  timeoutMs: number;
  /** Workers kept between imports (at most this many idle; more are started if asked). */
  maxIdle: number;
  /** An idle worker is ended after this long. */
  idleMs: number;
  /** A worker whose heap grew past this during its job is ended, not kept: its memory goes back at once. */
  keepHeapMb: number;
}

export const DEFAULT_PARSER_OPTIONS: ParserPoolOptions = {
  heapMb: 64,
  timeoutMs: 60_000,
  maxIdle: 1,
  idleMs: 10_000,
  keepHeapMb: 32,
};

type Outcome =
  | { kind: 'done'; heapMb: number }
  | { kind: 'died'; reason: 'memory' | 'exit' }
  | { kind: 'timeout' }
  | { kind: 'failed'; message: string };

interface PooledWorker {
  worker: Worker;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Parses uploads in worker threads with bounded heaps (node:worker_threads resourceLimits). Workers are
 * kept and reused: loading exceljs costs about half a second, more than parsing a quarter's file. A worker
 * that ran out of memory or time is ended and never reused. Each job's temp folder (the XLSX spool) is
 * made and removed here, so that it goes even when its worker is killed mid-write.
 */
export class SpreadsheetParserPool {
  private readonly idle: PooledWorker[] = [];
  private readonly busy = new Set<Worker>();
  private closed = false;

  constructor(private readonly options: ParserPoolOptions = DEFAULT_PARSER_OPTIONS) {
    if (!existsSync(PARSE_WORKER_FILE))
      throw new Error(`The upload parser ${PARSE_WORKER_FILE} is missing: run "npm run build -w backend"`);
  }

  private take(): Worker {
    const pooled = this.idle.pop();
    if (pooled) {
      if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
      return pooled.worker;
    }
    const worker = new Worker(PARSE_WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    // A worker's own failure (out of memory) is an 'error' event; without a listener it would crash the server.
    worker.on('error', () => undefined);
    worker.unref();
    return worker;
  }

  private giveBack(worker: Worker): void {
    this.busy.delete(worker);
    if (this.closed || this.idle.length >= this.options.maxIdle) {
      void worker.terminate();
      return;
    }
    const pooled: PooledWorker = { worker, idleTimer: null };
    pooled.idleTimer = setTimeout(() => {
      const i = this.idle.indexOf(pooled);
      if (i >= 0) this.idle.splice(i, 1);
      void worker.terminate();
    }, this.options.idleMs);
    pooled.idleTimer.unref();
    this.idle.push(pooled);
  }

  /** Ends every worker (the server is stopping). */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle.map((p) => p.worker), ...this.busy];
    for (const p of this.idle) if (p.idleTimer) clearTimeout(p.idleTimer);
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  /**
   * readSpreadsheet, run in a worker: the same events, in the same order. The input is read only as the
   * worker asks for it, and is neither consumed to its end nor closed when the read ends early (the caller
   * decides what to do with the rest of a request). A worker that dies or overruns its time ends the read
   * with FILE_TOO_COMPLEX. An error of the input itself (a request cut off) is thrown.
   */
  async *read(
    input: AsyncIterable<Buffer>,
    layout: TemplateLayout,
    limits: Partial<ImportLimits>,
    filename?: string,
  ): AsyncGenerator<ReadEvent> {
    const tempRoot = await mkdtemp(join(tmpdir(), 'digigov-upload-'));
    const worker = this.take();
    this.busy.add(worker);
    const { port1, port2 } = new MessageChannel();
    const source = input[Symbol.asyncIterator]();
    const queue: ReadEvent[] = [];
    // Set from message and exit handlers; the cast keeps TypeScript from narrowing it to null here.
    let outcome = null as Outcome | null;
    let finished = false;
    let inputError: unknown = null;
    let wake: (() => void) | null = null;
    let timer: NodeJS.Timeout | null = null;
    const settle = (o: Outcome) => {
      outcome ??= o;
      if (timer) clearTimeout(timer);
      wake?.();
    };
    const arm = () => {
      if (timer) clearTimeout(timer);
      if (finished || outcome) return;
      timer = setTimeout(() => {
        settle({ kind: 'timeout' });
        void worker.terminate();
      }, this.options.timeoutMs);
    };
    const post = (port: MessagePort, msg: ToWorker, transfer: ArrayBuffer[] = []) => {
      if (!outcome) port.postMessage(msg, transfer);
    };
    const onError = (err: Error & { code?: string }) =>
      settle({ kind: 'died', reason: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'exit' });
    const onExit = () => settle({ kind: 'died', reason: 'exit' });
    worker.on('error', onError);
    worker.on('exit', onExit);
    port1.on('message', (msg: FromWorker) => {
      switch (msg.type) {
        case 'pull':
          if (timer) clearTimeout(timer);
          source.next().then(
            (n) => {
              if (n.done) post(port1, { type: 'end' });
              else {
                // A copy of exactly the chunk's bytes, moved (not cloned) to the worker: a socket's Buffer may be a
                // slice of a larger pooled ArrayBuffer, which must not be detached.
                const copy = new Uint8Array(n.value);
                post(port1, { type: 'chunk', data: copy }, [copy.buffer]);
              }
              arm();
            },
            (err: unknown) => {
              inputError = err;
              post(port1, { type: 'abort', message: err instanceof Error ? err.message : String(err) });
              settle({ kind: 'failed', message: 'input failed' });
            },
          );
          break;
        case 'events':
          queue.push(...msg.events);
          wake?.();
          break;
        case 'done':
          settle({ kind: 'done', heapMb: msg.heapMb });
          break;
        case 'failed':
          settle({ kind: 'failed', message: msg.message });
          break;
      }
    });
    try {
      const job: ParseJob = { type: 'job', port: port2, layout, limits: importLimits(limits), filename, tempRoot };
      worker.postMessage(job, [port2]);
      arm();
      for (;;) {
        while (queue.length > 0) yield queue.shift()!;
        if (outcome) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      if (inputError) throw inputError;
      const end = outcome!;
      if (end.kind !== 'done') {
        if (end.kind === 'failed')
          logger().error({ component: 'import', reason: end.message }, 'the upload parser failed');
        yield { type: 'problem', problem: problem('FILE_TOO_COMPLEX', tooComplexMessage(end, this.options)) };
      }
    } finally {
      finished = true;
      if (timer) clearTimeout(timer);
      worker.off('error', onError);
      worker.off('exit', onExit);
      port1.close();
      if (outcome?.kind === 'done' && outcome.heapMb <= this.options.keepHeapMb) this.giveBack(worker);
      else {
        this.busy.delete(worker);
        await worker.terminate();
      }
      await rm(tempRoot, { recursive: true, force: true });
    }
  }
}

function tooComplexMessage(end: Exclude<Outcome, { kind: 'done' }>, options: ParserPoolOptions): string {
  switch (end.kind) {
    case 'timeout':
      return `Reading the file took longer than ${options.timeoutMs / 1000} seconds, far longer than a quarter's template needs. Copy the data into a new workbook from the template and upload that.`;
    case 'died':
    case 'failed':
      return `Reading the file needed more memory than an upload is given (${options.heapMb} MB), far more than a quarter's template needs. Copy the data into a new workbook from the template and upload that.`;
  }
}
