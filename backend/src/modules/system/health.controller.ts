import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { SystemService } from './system.service.js';

/** Liveness and database reachability, for the container health check. */
@Controller('health')
export class HealthController {
  constructor(private readonly system: SystemService) {}

  @Get()
  async health(): Promise<{ status: string; version: string }> {
    try {
      await this.system.ping();
    } catch {
      throw new HttpException({ status: 'database unreachable' }, HttpStatus.SERVICE_UNAVAILABLE);
    }
    return { status: 'ok', version: this.system.version() };
  }
}
