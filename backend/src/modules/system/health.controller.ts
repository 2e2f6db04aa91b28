import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, RETRY_AFTER_SECONDS } from '../../core/errors/domain-error.js';
import { SystemService } from './system.service.js';

/** A database that has not answered by then counts as away: a readiness probe must not hang. */
const READY_TIMEOUT_MS = 2000;

/**
 * Probes for orchestrators and the container health check. Liveness says the process answers (restarting it
 * would not help while only the database is away); readiness says requests can be served now. /health is the
 * readiness check, as the Dockerfile and docker-compose.yml have always used it.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly system: SystemService) {}

  @Get('live')
  live(): { status: string; version: string } {
    return { status: 'ok', version: this.system.version() };
  }

  @Get('ready')
  ready(@Res({ passthrough: true }) res: Response) {
    return this.readiness(res);
  }

  @Get()
  health(@Res({ passthrough: true }) res: Response) {
    return this.readiness(res);
  }

  private async readiness(res: Response): Promise<{ status: string; version: string; code?: ErrorCode }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)),
    );
    try {
      await Promise.race([this.system.ping(), timeout]);
      return { status: 'ok', version: this.system.version() };
    } catch {
      res.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'database unreachable', version: this.system.version(), code: ErrorCode.SERVICE_UNAVAILABLE };
    } finally {
      clearTimeout(timer);
    }
  }
}
