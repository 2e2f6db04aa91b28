import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BadInputError, NotFoundError } from '../../core/errors/domain-error.js';
import { FiscalQuarterModel, FiscalYearModel } from './dto/period.model.js';
import { BE_OFFSET, fiscalQuarterOf, quarterCode } from './fiscal-calendar.js';
import { FiscalQuarterEntity } from './fiscal-quarter.entity.js';
import { FiscalYearEntity } from './fiscal-year.entity.js';

/** Buddhist-era years the calendar can hold; anything else is a mistake (a Christian-era year, a typo). */
export const MIN_FISCAL_YEAR = 2500;
export const MAX_FISCAL_YEAR = 2700;

@Injectable()
export class PeriodService {
  constructor(private readonly db: DataSource) {}

  async fiscalYears(): Promise<FiscalYearModel[]> {
    const rows = await this.db.getRepository(FiscalYearEntity).find({ order: { yearBe: 'ASC' } });
    return rows.map((r) => ({ ...r, yearCe: r.yearBe - BE_OFFSET }));
  }

  async fiscalQuarters(fiscalYear?: number | null): Promise<FiscalQuarterEntity[]> {
    if (
      fiscalYear !== null &&
      fiscalYear !== undefined &&
      (fiscalYear < MIN_FISCAL_YEAR || fiscalYear > MAX_FISCAL_YEAR)
    ) {
      throw new BadInputError('No such fiscal year', [
        {
          field: 'fiscalYear',
          code: 'OUT_OF_RANGE',
          message: `A Buddhist-era fiscal year between ${MIN_FISCAL_YEAR} and ${MAX_FISCAL_YEAR}`,
        },
      ]);
    }
    return this.db.getRepository(FiscalQuarterEntity).find({
      where: fiscalYear ? { fiscalYear } : {},
      order: { fiscalYear: 'ASC', quarter: 'ASC' },
    });
  }

  async fiscalQuarter(code: string): Promise<FiscalQuarterEntity> {
    const q = await this.db.getRepository(FiscalQuarterEntity).findOneBy({ code });
    if (!q) throw new NotFoundError('Fiscal quarter', code);
    return q;
  }

  async fiscalQuarterById(id: number): Promise<FiscalQuarterEntity> {
    const q = await this.db.getRepository(FiscalQuarterEntity).findOneBy({ id });
    if (!q) throw new NotFoundError('Fiscal quarter', String(id));
    return q;
  }

  async quarterContaining(date: Date): Promise<FiscalQuarterEntity> {
    const { fiscalYear, quarter } = fiscalQuarterOf(date);
    return this.fiscalQuarter(quarterCode(fiscalYear, quarter));
  }
}
