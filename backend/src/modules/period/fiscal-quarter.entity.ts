import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FiscalYearEntity } from './fiscal-year.entity.js';

/**
 * Quarter of a fiscal year (Q1 Oct–Dec … Q4 Jul–Sep) with its data-entry window:
 * officers may enter data from `entryOpensOn` to `entryClosesOn`; a report submitted
 * after `deadline` is late.
 */
@Entity('fiscal_quarter')
@Unique('uq_fiscal_quarter_year_quarter', ['fiscalYear', 'quarter'])
@Check('chk_fiscal_quarter_quarter', `quarter BETWEEN 1 AND 4`)
@Check('chk_fiscal_quarter_window', `entry_opens_on <= deadline AND deadline <= entry_closes_on`)
export class FiscalQuarterEntity {
  @PrimaryGeneratedColumn('identity', { type: 'smallint', generatedIdentity: 'ALWAYS' })
  id: number;

  /** FY2570Q1 */
  @Index('uq_fiscal_quarter_code', { unique: true })
  @Column({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'smallint' })
  fiscalYear: number;

  @ManyToOne(() => FiscalYearEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year' })
  year?: FiscalYearEntity;

  @Column({ type: 'smallint' })
  quarter: number;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'date' })
  entryOpensOn: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'date' })
  entryClosesOn: string;
}
