import type { NextFunction, Request, Response } from 'express';
import { clientKey } from './client-address.js';

export interface ClientLimits {
  /** Requests of one client address served at once by one server process. */
  maxInFlight: number;
  /** Requests one address may send in a burst, and how many a second refill it (a token bucket). */
  burst: number;
  perSecond: number;
}

/** Buckets idle this long are full again and forgotten: the map holds only recent clients. */
const IDLE_MS = 60_000;

/**
 * Limits per client address on the API routes (/graphql, /api/), checked before the body is read or any work is
 * done: at most `maxInFlight` at once, and a token bucket of `burst` refilled at `perSecond`. The next request
 * is refused at once with 429 and Retry-After. A flood from one address then costs the server a short answer
 * per request, and everyone else keeps being served. The dashboard's files are not counted: they are cheap,
 * and a page load fetches twenty of them. Per process: each replica limits on its own, like a proxy's limit;
 * sign-in attempts, which must hold across replicas, are counted in PostgreSQL (modules/auth). Kept here
 * rather than express-rate-limit: that library counts a window, not requests in flight, and needs a shared
 * store to mean the same across replicas; a bucket and a counter per address are a few lines.
 */
export function clientLimits(limits: ClientLimits) {
  const clients = new Map<string, { inFlight: number; tokens: number; at: number }>();
  let sweptAt = Date.now();
  const sweep = (now: number) => {
    if (now - sweptAt < IDLE_MS) return;
    sweptAt = now;
    for (const [k, c] of clients) if (c.inFlight === 0 && now - c.at > IDLE_MS) clients.delete(k);
  };
  const refuse = (req: Request, res: Response, why: string, retryAfter: number) => {
    res.setHeader('Retry-After', String(retryAfter));
    const message = `Too many requests from your address: ${why}. Wait ${retryAfter} s before sending more`;
    // The body is not read: the connection closes after the answer, so a large refused upload costs nothing.
    res.setHeader('Connection', 'close');
    res.status(429).json(req.path.startsWith('/graphql') ? { errors: [{ message, extensions: { code: 'TOO_MANY_REQUESTS' } }] } : { code: 'TOO_MANY_REQUESTS', message });
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/graphql') && !req.path.startsWith('/api/')) return next();
    const now = Date.now();
    sweep(now);
    const key = clientKey(req.ip);
    let c = clients.get(key);
    if (!c) clients.set(key, (c = { inFlight: 0, tokens: limits.burst, at: now }));
    c.tokens = Math.min(limits.burst, c.tokens + ((now - c.at) / 1000) * limits.perSecond);
    c.at = now;
    if (c.inFlight >= limits.maxInFlight) return refuse(req, res, `more than ${limits.maxInFlight} requests at once`, 1);
    if (c.tokens < 1) return refuse(req, res, `more than ${limits.burst} requests in a burst, or ${limits.perSecond} a second`, Math.ceil((1 - c.tokens) / limits.perSecond));
    c.tokens -= 1;
    c.inFlight++;
    const client = c;
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      client.inFlight--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
