import { Module } from '@nestjs/common';
import { PeriodModule } from '../period/period.module.js';
import { CompletenessResolver } from './completeness.resolver.js';
import { ReportRepository } from './report.repository.js';
import { ReportResolver } from './report.resolver.js';
import { ReportService } from './report.service.js';

@Module({
  imports: [PeriodModule],
  providers: [ReportRepository, ReportService, ReportResolver, CompletenessResolver],
  exports: [ReportService],
})
export class ReportModule {}
