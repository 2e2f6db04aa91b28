import { Module } from '@nestjs/common';
import { PeriodModule } from '../period/period.module.js';
import { ReportModule } from '../report/report.module.js';
import { ImportController } from './import.controller.js';
import { ImportService } from './import.service.js';

@Module({
  imports: [ReportModule, PeriodModule],
  controllers: [ImportController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportModule {}
