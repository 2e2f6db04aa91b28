import { Module } from '@nestjs/common';
import { PeriodResolver } from './period.resolver.js';
import { PeriodService } from './period.service.js';

@Module({ providers: [PeriodService, PeriodResolver], exports: [PeriodService] })
export class PeriodModule {}
