import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Thai fiscal year (ปีงบประมาณ), named by the Buddhist Era year in which it ends:
 * FY2570 runs 1 Oct 2026 – 30 Sep 2027.
 */
@Entity('fiscal_year')
@Check('chk_fiscal_year_dates', `end_date > start_date`)
export class FiscalYearEntity {
  @PrimaryColumn({ type: 'smallint' })
  yearBe: number;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;
}
