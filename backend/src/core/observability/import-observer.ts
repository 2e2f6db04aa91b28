import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { Metrics } from './metrics.js';
import { noteActor } from './request-record.js';

/** The part of an import's events that its metrics read (modules/import's ImportEvent). */
interface ImportEventLike {
  type: string;
  ok?: boolean;
  dryRun?: boolean;
  summary?: { rowsRead?: number };
}

/**
 * Imports, as the import endpoint runs them: how long they take and how large they are (/metrics), and who
 * sent them (the request's log line). One call where the endpoint starts the import:
 * `events = importObserver.track(req, actor, imports.run(...))`.
 */
@Injectable()
export class ImportObserver {
  constructor(private readonly metrics: Metrics) {}

  async *track<E extends ImportEventLike>(
    req: IncomingMessage,
    actor: { userId: string; role: string } | null,
    events: AsyncIterable<E>,
  ): AsyncGenerator<E> {
    noteActor(req, actor);
    const t0 = performance.now();
    const bytesAtStart = req.socket?.bytesRead ?? 0;
    let outcome: 'ok' | 'problems' | 'error' = 'error';
    let dryRun = true;
    let rows: number | null = null;
    try {
      for await (const ev of events) {
        if (ev.type === 'result') {
          outcome = ev.ok ? 'ok' : 'problems';
          dryRun = ev.dryRun ?? true;
          rows = ev.summary?.rowsRead ?? null;
        }
        yield ev;
      }
    } finally {
      // Content-Length when the client sent one (browsers do for a file); else what the socket read meanwhile.
      const declared = Number(req.headers['content-length']);
      const bytes =
        Number.isFinite(declared) && declared > 0 ? declared : Math.max(0, (req.socket?.bytesRead ?? 0) - bytesAtStart);
      this.metrics.observeImport(outcome, dryRun, (performance.now() - t0) / 1000, bytes, rows);
    }
  }
}
