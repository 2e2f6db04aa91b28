import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { SystemResolver } from './system.resolver.js';
import { SystemService } from './system.service.js';

@Module({ controllers: [HealthController], providers: [SystemService, SystemResolver], exports: [SystemService] })
export class SystemModule {}
