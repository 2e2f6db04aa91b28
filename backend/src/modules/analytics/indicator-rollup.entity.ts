import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IndicatorEntity } from '../framework/indicator.entity.js';
import { FiscalQuarterEntity } from '../period/fiscal-quarter.entity.js';
import { ReportEntity } from '../report/report.entity.js';

/**
 * An indicator's sums over one report (a province's quarter): Σ numerator and Σ denominator over the units
 * that reported both, and how many did. Derived data, written only by the database triggers of migration
 * 0003 when data values change, never by the application. The report's status is joined at query time, so
 * an approval counts at once. The key leads with the quarter, the shape of dashboard queries.
 */
@Entity('indicator_rollup')
export class IndicatorRollupEntity {
  @PrimaryColumn({ type: 'smallint' })
  quarterId: number;

  @ManyToOne(() => FiscalQuarterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quarter_id' })
  quarter?: FiscalQuarterEntity;

  @PrimaryColumn({ type: 'smallint' })
  indicatorId: number;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: IndicatorEntity;

  @Index('idx_indicator_rollup_report_id')
  @PrimaryColumn({ type: 'int' })
  reportId: number;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: ReportEntity;

  @Column({ type: 'numeric' })
  numerator: string;

  @Column({ type: 'numeric', nullable: true })
  denominator: string | null;

  @Column({ type: 'int' })
  units: number;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;
}
