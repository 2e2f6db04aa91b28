import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrgUnitEntity } from '../org-unit/org-unit.entity.js';
import { FiscalYearEntity } from '../period/fiscal-year.entity.js';
import { SourceEntity } from '../source/source.entity.js';
import { IndicatorEntity } from './indicator.entity.js';

/** A target for an indicator at an org unit for a fiscal year, with optional quarterly milestones. */
@Entity('target')
@Unique('uq_target_indicator_org_unit_year', ['indicatorId', 'orgUnitId', 'fiscalYear'])
export class TargetEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'smallint' })
  indicatorId: number;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: IndicatorEntity;

  @Index('idx_target_org_unit_id')
  @Column({ type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'smallint' })
  fiscalYear: number;

  @ManyToOne(() => FiscalYearEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year' })
  year?: FiscalYearEntity;

  @Column({ type: 'numeric' })
  value: string;

  @Column({ type: 'numeric', nullable: true })
  q1Milestone: string | null;

  @Column({ type: 'numeric', nullable: true })
  q2Milestone: string | null;

  @Column({ type: 'numeric', nullable: true })
  q3Milestone: string | null;

  @Column({ type: 'numeric', nullable: true })
  q4Milestone: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceCode: string | null;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_code' })
  source?: SourceEntity;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;
}
