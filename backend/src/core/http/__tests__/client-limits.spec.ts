import { EventEmitter } from 'node:events';
import { jest } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { clientLimits, type ClientLimits } from '../client-limits.js';

/** A request and its response as the middleware sees them: an address, a path, and the response's events. */
function exchange(ip: string) {
  const emitter = new EventEmitter();
  const res = Object.assign(emitter, {
    statusCode: 200,
    headers: {} as Record<string, string>,
    body: undefined as unknown,
    setHeader(k: string, v: string) {
      res.headers[k.toLowerCase()] = v;
    },
    status(code: number) {
      res.statusCode = code;
      return res;
    },
    json(body: unknown) {
      res.body = body;
      emitter.emit('finish');
      emitter.emit('close');
      return res;
    },
  });
  const req = { ip, path: '/graphql' } as unknown as Request;
  return { req, res, end: () => (res.emit('finish'), res.emit('close')) };
}

const LIMITS: ClientLimits = {
  maxInFlight: 100,
  burst: 1000,
  perSecond: 1000,
  concurrency: 2,
  maxRunning: 100,
  maxWaitMs: 10_000,
};

describe('clientLimits', () => {
  it('runs the next request of another client as soon as a slot frees, not after a flood that arrived first', () => {
    const limit = clientLimits(LIMITS);
    const started: string[] = [];
    const flood = Array.from({ length: 10 }, (_, i) => {
      const x = exchange('203.0.113.9');
      limit(x.req, x.res as unknown as Response, (() => started.push(`A${i}`)) as NextFunction);
      return x;
    });
    const other = exchange('192.0.2.1');
    limit(other.req, other.res as unknown as Response, (() => started.push('B')) as NextFunction);
    expect(started).toEqual(['A0', 'A1']);
    flood[0].end();
    expect(started).toEqual(['A0', 'A1', 'B']);
    flood[1].end();
    expect(started).toEqual(['A0', 'A1', 'B', 'A2']);
  });

  it('runs at most its share of one client at once, its other requests waiting, while another client runs at once', () => {
    const limit = clientLimits({ ...LIMITS, concurrency: 100, maxRunning: 3 });
    const started: string[] = [];
    const flood = Array.from({ length: 6 }, (_, i) => {
      const x = exchange('203.0.113.9');
      limit(x.req, x.res as unknown as Response, (() => started.push(`A${i}`)) as NextFunction);
      return x;
    });
    const other = exchange('192.0.2.1');
    limit(other.req, other.res as unknown as Response, (() => started.push('B')) as NextFunction);
    expect(started).toEqual(['A0', 'A1', 'A2', 'B']);
    flood[0].end();
    expect(started).toEqual(['A0', 'A1', 'A2', 'B', 'A3']);
  });

  it('refuses past the requests in flight and past the burst at once, with 429 and Retry-After', () => {
    const limit = clientLimits({ ...LIMITS, maxInFlight: 3, burst: 5, perSecond: 0.001, concurrency: 100 });
    const ran: number[] = [];
    const answers = Array.from({ length: 4 }, (_, i) => {
      const x = exchange('203.0.113.9');
      limit(x.req, x.res as unknown as Response, (() => ran.push(i)) as NextFunction);
      return x;
    });
    expect(ran).toEqual([0, 1, 2]);
    expect(answers[3].res.statusCode).toBe(429);
    expect(answers[3].res.headers['retry-after']).toBe('1'); // past the requests in flight: wait for an answer
    expect((answers[3].res.body as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
      'TOO_MANY_REQUESTS',
    );
    for (const a of answers.slice(0, 3)) a.end();
    const more = Array.from({ length: 3 }, () => exchange('203.0.113.9'));
    for (const x of more) limit(x.req, x.res as unknown as Response, (() => undefined) as NextFunction);
    // Five tokens: three spent above, two now; the third of these is past the burst.
    expect(more.map((x) => x.res.statusCode)).toEqual([200, 200, 429]);
  });

  it('forgets a waiting request whose client went away, and answers 503 to one that waited too long', () => {
    jest.useFakeTimers();
    try {
      const limit = clientLimits({ ...LIMITS, concurrency: 1, maxWaitMs: 1000 });
      const first = exchange('203.0.113.9');
      limit(first.req, first.res as unknown as Response, (() => undefined) as NextFunction);
      const gone = exchange('198.51.100.1');
      const ran: string[] = [];
      limit(gone.req, gone.res as unknown as Response, (() => ran.push('gone')) as NextFunction);
      gone.res.emit('close');
      const patient = exchange('198.51.100.2');
      limit(patient.req, patient.res as unknown as Response, (() => ran.push('patient')) as NextFunction);
      jest.advanceTimersByTime(1001);
      expect(patient.res.statusCode).toBe(503);
      first.end();
      expect(ran).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });
});
