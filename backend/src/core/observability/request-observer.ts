import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { Metrics } from './metrics.js';
import {
  acceptedRequestId,
  loggablePath,
  noteErrorCodes,
  routeClassOf,
  withRecord,
  type RequestRecord,
} from './request-record.js';

export const LOGGER = Symbol('LOGGER');

/** How long a client refused during a shutdown is asked to wait: a replica or the restarted process answers by then. */
const DRAIN_RETRY_AFTER_SECONDS = 5;

/** What the request's line says, besides the level, time and message. */
function lineOf(record: RequestRecord, res: ServerResponse): Record<string, unknown> {
  return {
    requestId: record.id,
    method: record.method,
    path: record.path,
    status: res.statusCode,
    ms: Math.round((performance.now() - record.startedAt) * 10) / 10,
    ...(record.userId ? { userId: record.userId, role: record.role } : {}),
    ...(record.operationType ? { operationType: record.operationType } : {}),
    ...(record.operationName ? { operation: record.operationName.slice(0, 100) } : {}),
    ...(record.errorCodes.size > 0 ? { errorCodes: [...record.errorCodes] } : {}),
  };
}

/**
 * Every request, first thing (core/http/configure-http.ts): an id (the caller's X-Request-Id when sane, else a
 * new one, echoed back), one log line at its end, its latency and status in the metrics, and a
 * count of the requests in flight that a shutdown waits for. Registered with app.use before the other
 * middleware, so that answers given before Nest's routing (the per-client limits' 429, the body parser's 413,
 * the dashboard's files) are logged and timed too. nestjs-pino loads on Node 20.20 despite declaring >= 22.12,
 * but it installs pino-http as Nest middleware, which runs after everything app.use registered: those answers
 * would go unlogged.
 */
@Injectable()
export class RequestObserver {
  private inFlight = 0;
  private draining = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    @Inject(LOGGER) private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {
    metrics.countInFlightWith(() => this.inFlight);
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  middleware(): (req: Request, res: Response, next: NextFunction) => void {
    return (req, res, next) => {
      const id = acceptedRequestId(req.headers['x-request-id']) ?? randomUUID();
      const url = req.originalUrl ?? req.url ?? '/';
      const record: RequestRecord = {
        id,
        startedAt: performance.now(),
        method: req.method,
        path: loggablePath(url),
        route: routeClassOf(url, req.method),
        errorCodes: new Set(),
      };
      res.setHeader('X-Request-Id', id);
      // The file endpoints and the HTTP edge answer { code } with res.json; GraphQL's own answers are read by the plugin.
      const json = res.json.bind(res);
      res.json = ((body?: unknown) => {
        noteErrorCodes(record, body);
        return json(body);
      }) as Response['json'];
      const draining = this.draining;
      if (!draining) this.inFlight++;
      let ended = false;
      // 'finish' when the answer was sent, 'close' alone when the client went away first.
      const end = () => {
        if (ended) return;
        ended = true;
        const seconds = (performance.now() - record.startedAt) / 1000;
        this.metrics.observeRequest(record, res.statusCode, seconds);
        this.writeLine(record, res);
        if (draining) return;
        this.inFlight--;
        if (this.inFlight === 0) this.wakeIdleWaiters();
      };
      res.once('finish', end);
      res.once('close', end);
      withRecord(req, record, () => {
        if (!draining) return next();
        record.refusedWhileDraining = true;
        this.refuseWhileDraining(req, res);
      });
    };
  }

  /**
   * The request's one line. Written here rather than by pino-http: that library makes a child logger per request
   * (serialising its bindings) even when the line is below the level, and its level, message and object hooks
   * were all replaced anyway; measured, it added a sizeable share of a trivial request's CPU time.
   */
  private writeLine(record: RequestRecord, res: ServerResponse): void {
    const failed = res.statusCode >= 500;
    // 4xx are the callers' mistakes, answered as designed: info. Probes and scrapes come every few seconds.
    const level = record.refusedWhileDraining
      ? 'warn'
      : failed
        ? 'error'
        : (record.route === 'health' || record.route === 'metrics') && res.statusCode < 400
          ? 'debug'
          : 'info';
    if (!this.log.isLevelEnabled(level)) return;
    this.log[level](
      lineOf(record, res),
      !res.writableEnded ? 'request aborted' : failed ? 'request failed' : 'request',
    );
  }

  /** A request that reaches a closing server on a kept-alive connection: told to retry elsewhere or later. */
  private refuseWhileDraining(req: Request, res: Response): void {
    const message = 'The server is shutting down: send the request again in a few seconds';
    res.setHeader('Retry-After', String(DRAIN_RETRY_AFTER_SECONDS));
    res.setHeader('Connection', 'close');
    res
      .status(503)
      .json(
        req.path.startsWith('/graphql')
          ? { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] }
          : { code: 'SERVICE_UNAVAILABLE', message },
      );
    req.resume();
  }

  /**
   * Graceful shutdown: stop accepting connections, answer requests that still arrive on open connections with
   * 503, wait (at most `graceMs`) for the requests in flight (imports included) to finish, then drop the
   * connections left. Returns how many requests were still running when the grace ran out.
   */
  async drain(server: Server, graceMs: number): Promise<{ abandoned: number; ms: number }> {
    const t0 = performance.now();
    this.draining = true;
    // Since Node 19 close() also ends idle keep-alive connections; busy ones end after their answer (below).
    server.close();
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const abandoned = this.inFlight;
    server.closeAllConnections();
    return { abandoned, ms: performance.now() - t0 };
  }

  /** A second Ctrl-C: stop waiting for the requests in flight. */
  stopWaiting(): void {
    this.wakeIdleWaiters();
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
