import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CLOCK, type Clock } from '../../core/clock.js';
import { FiscalQuarterModel, FiscalYearModel } from './dto/period.model.js';
import { PeriodService } from './period.service.js';

@Resolver()
export class PeriodResolver {
  constructor(
    private readonly periods: PeriodService,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Query(() => [FiscalYearModel], { description: 'Fiscal years the system holds, oldest first.' })
  fiscalYears(): Promise<FiscalYearModel[]> {
    return this.periods.fiscalYears();
  }

  @Query(() => [FiscalQuarterModel], {
    description: 'Fiscal quarters, oldest first; optionally of one fiscal year (B.E.).',
  })
  fiscalQuarters(
    @Args('fiscalYear', { type: () => Int, nullable: true }) fiscalYear?: number | null,
  ): Promise<FiscalQuarterModel[]> {
    return this.periods.fiscalQuarters(fiscalYear);
  }

  @Query(() => FiscalQuarterModel, { description: 'One fiscal quarter by code, e.g. "FY2570Q1".' })
  fiscalQuarter(@Args('code') code: string): Promise<FiscalQuarterModel> {
    return this.periods.fiscalQuarter(code);
  }

  @Query(() => FiscalQuarterModel, { description: 'The fiscal quarter containing today.' })
  currentFiscalQuarter(): Promise<FiscalQuarterModel> {
    return this.periods.quarterContaining(this.now());
  }
}
