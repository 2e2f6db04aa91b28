import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Metrics } from './metrics.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return (isIP(a) === 4 && a.startsWith('127.')) || a === '::1';
}

/** Headers a proxy adds: a request relayed by a proxy on this machine comes from loopback, but not from this machine. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Prometheus text format. Not public: with METRICS_TOKEN set, a scraper sends it as a bearer token; without it
 * only a scraper on this machine is answered (a loopback peer, and no proxy headers, since a reverse proxy on the
 * same host would otherwise relay anyone's request from loopback). Outside the per-client limits (they cover
 * /graphql and /api/ only), and not counted in the request metrics it reports.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = this.config.observability.metricsToken;
    if (token) {
      const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (!match || !timingSafeEqual(digest(match[1]), digest(token))) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Send the METRICS_TOKEN as a bearer token' });
        return;
      }
    } else if (!isLoopback(req.socket.remoteAddress) || PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) {
      res.status(403).json({
        code: 'FORBIDDEN',
        message: 'Metrics answer this machine only; set METRICS_TOKEN to scrape from elsewhere',
      });
      return;
    }
    const { contentType, body } = await this.metrics.scrape();
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }
}
