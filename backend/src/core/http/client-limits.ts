import type { NextFunction, Request, Response } from 'express';
import { clientKey } from './client-address.js';

export interface ClientLimits {
  /** Requests of one client address admitted at once by one server process (waiting or running); past it, 429. */
  maxInFlight: number;
  /** Requests one address may send in a burst, and how many a second refill it (a token bucket). */
  burst: number;
  perSecond: number;
  /** API requests running at once in this process; the others wait their turn, taken client by client. */
  concurrency: number;
  /** Requests of one client running at once; its others wait their turn (admitted up to maxInFlight). */
  maxRunning: number;
  /** Longest a request waits for its turn before it is answered 503 (the server is saturated). */
  maxWaitMs: number;
}

/** Buckets idle this long are full again and forgotten: the map holds only recent clients. */
const IDLE_MS = 60_000;

interface Client {
  key: string;
  inFlight: number;
  /** Of those, running now (the rest wait for a turn). */
  running: number;
  tokens: number;
  at: number;
  waiting: Array<{ start: () => void; timer: NodeJS.Timeout }>;
}

/**
 * Limits per client address on the API routes (/graphql, /api/), checked before the body is read or any work is
 * done, and a fair turn for everyone:
 * - at most `maxInFlight` requests of one address admitted at once, and a token bucket of `burst` refilled at
 *   `perSecond`; past either the request is refused at once with 429 and Retry-After;
 * - at most `concurrency` API requests run at once; the others wait, and the next to run is taken from the
 *   clients in turn (round robin), not in arrival order. A flood from one address then waits behind itself:
 *   another client's request runs as soon as one slot frees, instead of after the whole flood. (Node has one
 *   thread: without this, a hundred admitted requests of one client interleave with everyone else's.)
 * The dashboard's files are not counted: they are cheap, and a page load fetches twenty of them. Per process,
 * like a proxy's limits; sign-in attempts, which must hold across replicas, are counted in PostgreSQL
 * (modules/auth). Kept here rather than express-rate-limit: that library counts a window, with neither
 * requests in flight nor a fair queue, and needs a shared store to mean the same across replicas.
 */
export function clientLimits(limits: ClientLimits) {
  const clients = new Map<string, Client>();
  /** Clients with requests waiting, in turn order. */
  const ring: Client[] = [];
  let running = 0;
  let sweptAt = Date.now();

  const sweep = (now: number) => {
    if (now - sweptAt < IDLE_MS) return;
    sweptAt = now;
    for (const [k, c] of clients) if (c.inFlight === 0 && now - c.at > IDLE_MS) clients.delete(k);
  };
  const refuse = (req: Request, res: Response, status: 429 | 503, why: string, retryAfter: number) => {
    res.setHeader('Retry-After', String(retryAfter));
    // The body is not read: the connection closes after the answer, so a large refused upload costs nothing.
    res.setHeader('Connection', 'close');
    const code = status === 429 ? 'TOO_MANY_REQUESTS' : 'SERVICE_UNAVAILABLE';
    const message =
      status === 429
        ? `Too many requests from your address: ${why}. Wait ${retryAfter} s before sending more`
        : `The server is busy: ${why}. Try again in ${retryAfter} s`;
    res
      .status(status)
      .json(req.path.startsWith('/graphql') ? { errors: [{ message, extensions: { code } }] } : { code, message });
  };
  /** Takes a waiting request out of its client's queue (and the client out of the turn order when none is left). */
  const dequeue = (client: Client, start: () => void): boolean => {
    const i = client.waiting.findIndex((w) => w.start === start);
    if (i < 0) return false;
    clearTimeout(client.waiting.splice(i, 1)[0].timer);
    if (client.waiting.length === 0) {
      const r = ring.indexOf(client);
      if (r >= 0) ring.splice(r, 1);
    }
    return true;
  };
  const next = () => {
    while (running < limits.concurrency) {
      // The waiting client with the fewest requests running goes first (ties in turn order), and no client runs
      // more than its share: one slot freeing is enough for a newcomer behind a flood.
      let pick = -1;
      for (let i = 0; i < ring.length; i++) {
        if (ring[i].running < limits.maxRunning && (pick < 0 || ring[i].running < ring[pick].running)) pick = i;
      }
      if (pick < 0) return;
      const client = ring.splice(pick, 1)[0];
      const turn = client.waiting.shift()!;
      if (client.waiting.length > 0) ring.push(client);
      clearTimeout(turn.timer);
      running++;
      client.running++;
      turn.start();
    }
  };

  return (req: Request, res: Response, proceed: NextFunction) => {
    if (!req.path.startsWith('/graphql') && !req.path.startsWith('/api/')) return proceed();
    const now = Date.now();
    sweep(now);
    const key = clientKey(req.ip);
    let c = clients.get(key);
    if (!c) clients.set(key, (c = { key, inFlight: 0, running: 0, tokens: limits.burst, at: now, waiting: [] }));
    c.tokens = Math.min(limits.burst, c.tokens + ((now - c.at) / 1000) * limits.perSecond);
    c.at = now;
    if (c.inFlight >= limits.maxInFlight)
      return refuse(req, res, 429, `more than ${limits.maxInFlight} requests at once`, 1);
    if (c.tokens < 1)
      return refuse(
        req,
        res,
        429,
        `more than ${limits.burst} requests in a burst, or ${limits.perSecond} a second`,
        Math.ceil((1 - c.tokens) / limits.perSecond),
      );
    c.tokens -= 1;
    c.inFlight++;
    const client = c;
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    const release = () => {
      if (state === 'done') return;
      const wasRunning = state === 'running';
      state = 'done';
      client.inFlight--;
      if (wasRunning) {
        running--;
        client.running--;
        next();
      }
    };
    res.once('finish', release);
    res.once('close', () => {
      // A client that gave up while waiting leaves the queue.
      if (state === 'waiting') dequeue(client, start);
      release();
    });
    const start = () => {
      state = 'running';
      proceed();
    };
    const timer = setTimeout(() => {
      if (state !== 'waiting' || !dequeue(client, start)) return;
      refuse(req, res, 503, `a request waited ${limits.maxWaitMs / 1000} s for its turn`, 2);
    }, limits.maxWaitMs);
    timer.unref();
    if (client.waiting.length === 0) ring.push(client);
    client.waiting.push({ start, timer });
    next();
  };
}
