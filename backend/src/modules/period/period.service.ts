import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../core/errors/domain-error.js';
import { FiscalQuarterModel, FiscalYearModel } from './dto/period.model.js';
import { BE_OFFSET, fiscalQuarterOf, quarterCode } from './fiscal-calendar.js';
import { FiscalQuarterEntity } from './fiscal-quarter.entity.js';
import { FiscalYearEntity } from './fiscal-year.entity.js';


@Injectable()
export class PeriodService {
  constructor(private readonly db: DataSource) {}

  async fiscalYears(): Promise<FiscalYearModel[]> {
    const rows = await this.db.getRepository(FiscalYearEntity).find({ order: { yearBe: 'ASC' } });
    return rows.map((r) => ({ ...r, yearCe: r.yearBe - BE_OFFSET }));
  }

  async fiscalQuarters(fiscalYear?: number | null): Promise<FiscalQuarterEntity[]> {
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
